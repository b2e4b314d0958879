// Explanations of query results: for each hop, the record it rests on and
// the evidence behind it, with each source resolved.
//
//   for (const embargo::Hop& hop : path.hops) {
//     embargo::HopDetail d = embargo::ExplainHop(graph, hop);
//     std::cout << d.summary << "\n";
//     for (const embargo::EvidenceDetail& ev : d.evidence) ...
//   }
//   std::cout << embargo::FormatPath(graph, path);

#ifndef EMBARGO_EXPLAIN_H_
#define EMBARGO_EXPLAIN_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "embargo/graph.h"
#include "embargo/query.h"

namespace embargo {

// EvidenceDetail is one piece of evidence with its source looked up.
struct EvidenceDetail {
  v1::Evidence evidence;
  const v1::Source* source = nullptr;  // Owned by the Graph; never null for
                                       // validated data.
  std::string speaker_name;            // Name of evidence.speaker_id, if any.
  std::vector<const v1::Source*> via;  // evidence.via_source_ids resolved.
};

// HopDetail is a hop with everything that explains it.
struct HopDetail {
  Hop hop;
  EdgeInfo info;
  std::string record_kind;  // "transfer", "sanction", "relation", "event".
  std::string record_id;
  std::string designation;  // Transfers: as the source names the items.
  std::string role;         // Relations and participations: the role.
  std::string when;         // The record's dates, as given ("2023-07").
  std::string summary;      // One line: "PRK -> RUS transfer
                            // artillery_ammunition 2023 (alleged)".
  v1::Record record;        // The full record.
  std::vector<EvidenceDetail> evidence;
  // Transfers: the source's numbers; "" where it gives none (never "0").
  // Numbers of items ("12", "12?" when the source marks them uncertain)
  // and SIPRI trend-indicator values in millions.
  std::string number_ordered;
  std::string number_delivered;
  std::string tiv_unit;
  std::string tiv_order;
  std::string tiv_delivered;
};

// TransferNumbers renders a transfer hop's numbers briefly ("ordered 24;
// delivered 24; TIV 5.6 per unit, 134 order, 134 delivered"), "" when the
// source gives none.
std::string TransferNumbers(const HopDetail& detail);

// ExplainHop gathers the record and evidence of one hop.
HopDetail ExplainHop(const Graph& graph, const Hop& hop);

// DescribeEvidence resolves the sources and speakers of a record's
// evidence (a Sanction's, a Transfer's...).
std::vector<EvidenceDetail> DescribeEvidence(
    const Graph& graph, absl::Span<const v1::Evidence> evidence);

// FormatEvidence renders evidence as lines starting with `indent`: each
// source (publisher, title, date, locator, outlets it came through), and
// under it the speaker, the hedging words, the quote and its translation.
std::string FormatEvidence(const std::vector<EvidenceDetail>& evidence,
                           absl::string_view indent);

// FormatPath renders a path as indented text: one line per hop, and under
// it each source, speaker and quote.
std::string FormatPath(const Graph& graph, const Path& path);

}  // namespace embargo

#endif  // EMBARGO_EXPLAIN_H_
