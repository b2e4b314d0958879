// Helpers shared by the exporters: the printable facts of an edge's record,
// the sanctioned-actor test, stream error checks.

#ifndef EMBARGO_IO_EXPORT_COMMON_H_
#define EMBARGO_IO_EXPORT_COMMON_H_

#include <ostream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "embargo/export.h"
#include "embargo/graph.h"
#include "embargo/ids.h"
#include "embargo/v1/dataset.pb.h"

namespace embargo::internal {

// EdgeFacts is what the exporters print about one edge, read from its
// record.
struct EdgeFacts {
  std::string record_kind;  // "transfer", "sanction", "relation", "event".
  std::string record_id;
  std::string item;         // Transfers: the item category name.
  std::string designation;  // Transfers.
  std::string program;      // Sanctions.
  std::string status;       // Status name.
  std::string start;        // The record's dates as given, "" if unknown.
  std::string end;
  int year = 0;             // See WriteNeo4jCsv; 0 when unknown.
  int end_year = 0;         // Year of `end`; 0 when unknown.
  double share = 0;         // Ownership percent.
  int64_t quantity = 0;     // Transfers: delivered; 0 when unknown.
  int64_t quantity_ordered = 0;  // Transfers; 0 when unknown.
  bool quantity_uncertain = false;          // The number delivered.
  bool quantity_ordered_uncertain = false;  // The number ordered.
  double tiv_order = 0;      // Transfers: SIPRI TIV, millions; 0 unknown.
  double tiv_delivered = 0;
  std::string role;         // Relations, participations.
  std::vector<std::string> measures;        // Sanctions.
  std::vector<std::string> intermediaries;  // Transfers.
  std::vector<std::string> source_ids;      // Of the evidence, each once.
};

// FactsOfEdge reads the facts of `edge` from its record.
EdgeFacts FactsOfEdge(const Graph& graph, EdgeId edge);

// IsSanctioned is true when `node` is the target of a sanction edge.
bool IsSanctioned(const Graph& graph, NodeId node);

// DateText is "2023", "2023-07", "2023-07-27", or "" when unknown.
std::string DateText(const v1::Date& date);

// SummaryDot is ToDot with DotOptions::collapse_parallel or max_nodes
// (dot_summary.cc).
std::string SummaryDot(const Graph& graph, const Subgraph& sub,
                       const DotOptions& options);

// StreamError is DataLoss naming `what` when the stream has failed, OK
// otherwise.
absl::Status StreamError(const std::ostream& out, absl::string_view what);

}  // namespace embargo::internal

#endif  // EMBARGO_IO_EXPORT_COMMON_H_
