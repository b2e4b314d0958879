// sanctions_report: which arms transfers breach an arms embargo, and what
// sanctions bear on the actors involved?
//
// Usage: sanctions_report [--as-of DATE] [FILE...]
//   FILE     datasets to load together (default: the bundled article
//            dataset, examples/data/article_2023.textproto)
//   --as-of  the date of the exposure section, YYYY[-MM[-DD]] (default
//            2023-08-03, the day of the briefing the article reports;
//            "today" for today)
//
// Prints, first, every transfer that breaches an arms embargo: the party
// under the embargo and its role, the sanction with its programme and legal
// basis, whether the breach is certain or only possible (partial dates, or
// arms of unstated kind against an embargo on some categories), and the
// evidence for the transfer and for the sanction. Then the sanctions in
// force on the as-of date on every party to a transfer and every other
// actor under a sanction, and who is blocked through ownership (OFAC 50 %
// rule), with the chain that explains it.
// Exit status: 0 when a breach was found, 1 when none, 2 on bad input.

#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "embargo/explain.h"
#include "embargo/graph.h"
#include "embargo/kinds.h"
#include "embargo/sanctions.h"

#ifndef EMBARGO_EXAMPLE_DATA
#define EMBARGO_EXAMPLE_DATA "examples/data/article_2023.textproto"
#endif

namespace {

int Fail(const absl::Status& status) {
  std::cerr << "sanctions_report: " << status.message() << "\n";
  return 2;
}

std::string Name(const embargo::Graph& g, embargo::NodeId n) {
  return std::string(g.node_id(n)) + " (" + std::string(g.node_name(n)) + ")";
}

std::string Measures(const embargo::InForce& s) {
  std::vector<std::string> names;
  for (embargo::v1::Measure m : s.measures) names.push_back(embargo::MeasureName(m));
  return absl::StrJoin(names, ", ");
}

// The evidence of a record: sources, speakers and quotes (explain.h).
void PrintEvidence(const embargo::Graph& g,
                   const std::vector<embargo::v1::Evidence>& evidence,
                   const std::string& indent) {
  std::cout << embargo::FormatEvidence(embargo::DescribeEvidence(g, evidence),
                                       indent);
}

}  // namespace

int main(int argc, char** argv) {
  embargo::PartialDate as_of = *embargo::PartialDate::Create(2023, 8, 3);
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--as-of" && i + 1 < argc) {
      const std::string text = argv[++i];
      if (text == "today") {
        as_of = embargo::Today();
      } else {
        absl::StatusOr<embargo::PartialDate> d = embargo::PartialDate::Parse(text);
        if (!d.ok()) return Fail(d.status());
        as_of = *d;
      }
    } else if (arg == "-h" || arg == "--help") {
      std::cout << "usage: sanctions_report [--as-of DATE] [FILE...]\n";
      return 0;
    } else {
      files.push_back(arg);
    }
  }
  if (files.empty()) files.push_back(EMBARGO_EXAMPLE_DATA);

  absl::StatusOr<embargo::Graph> graph = embargo::LoadGraph(files);
  if (!graph.ok()) return Fail(graph.status());
  const embargo::Graph& g = *graph;

  // --- Breaches -------------------------------------------------------------
  absl::StatusOr<std::vector<embargo::Breach>> breaches =
      embargo::FindEmbargoBreaches(g);
  if (!breaches.ok()) return Fail(breaches.status());
  std::set<embargo::EdgeId> transfers;
  for (const embargo::Breach& b : *breaches) transfers.insert(b.transfer);
  std::cout << "Arms embargo breaches: " << breaches->size()
            << " breach(es) in " << transfers.size() << " transfer(s)\n";

  embargo::EdgeId current;
  for (const embargo::Breach& b : *breaches) {
    if (b.transfer != current) {
      current = b.transfer;
      const embargo::HopDetail d =
          embargo::ExplainHop(g, {b.transfer, b.supplier, b.recipient, true});
      std::cout << "\nTransfer: " << d.summary << "\n";
      if (!d.designation.empty()) {
        std::cout << "  items: " << d.designation << "\n";
      }
      std::cout << "  transfer evidence:\n";
      PrintEvidence(g, b.transfer_evidence, "    ");
    }
    std::cout << "  BREACH (" << embargo::CertaintyName(b.certainty) << "): "
              << embargo::BreachRoleName(b.role) << " " << Name(g, b.party)
              << " under " << b.sanction.sanction_id << " ("
              << b.sanction.authority_id << ", " << b.sanction.program << ", "
              << embargo::MeasureName(b.measure) << ", listed "
              << embargo::ListedText(b.sanction) << ")\n";
    std::cout << "    legal basis: " << absl::StrJoin(b.sanction.legal_basis, "; ")
              << "\n";
    if (b.certainty == embargo::Certainty::kPossible) {
      std::cout << "    possible because:"
                << (b.date_certainty != embargo::Certainty::kPossible
                        ? ""
                        : b.transfer_days == embargo::DayRange{}
                              ? " the transfer is undated"
                              : " the transfer's dates do not fall wholly "
                                "within the embargo's certain period")
                << (b.item_certainty == embargo::Certainty::kPossible
                        ? " the items are arms of unstated kind and the "
                          "embargo covers only some categories"
                        : "")
                << "\n";
    }
    std::cout << "    sanction evidence:\n";
    PrintEvidence(g, b.sanction_evidence, "      ");
  }

  // --- Exposure -------------------------------------------------------------
  std::set<embargo::NodeId> parties;
  for (uint32_t e = 0; e < g.num_edges(); ++e) {
    const embargo::EdgeInfo info = g.edge(embargo::EdgeId(e));
    if (info.kind == embargo::EdgeKind::kTransfer ||
        info.kind == embargo::EdgeKind::kTransferVia) {
      parties.insert(info.from);
      parties.insert(info.to);
    }
  }
  embargo::OwnershipOptions ownership;
  ownership.as_of = as_of;
  absl::StatusOr<embargo::BlockedSet> blocked =
      embargo::BlockedByOwnership(g, ownership);
  if (!blocked.ok()) return Fail(blocked.status());

  std::cout << "\nSanctions exposure as of " << as_of.ToString()
            << " (the parties to transfers, and every actor under a sanction):\n";
  std::vector<std::string> unexposed;
  for (uint32_t i = 0; i < g.num_nodes(); ++i) {
    const embargo::NodeId n(i);
    if (g.node_kind(n) == embargo::NodeKind::kEvent) continue;
    absl::StatusOr<std::vector<embargo::InForce>> in_force =
        embargo::SanctionsInForce(g, n, as_of);
    if (!in_force.ok()) return Fail(in_force.status());
    const bool blocked_here = blocked->Find(n) != nullptr;
    if (in_force->empty() && !blocked_here && !parties.count(n)) {
      unexposed.push_back(std::string(g.node_id(n)));
      continue;
    }
    std::cout << "\n" << Name(g, n) << ": " << in_force->size()
              << " sanction(s) in force"
              << (parties.count(n) ? " (party to a transfer)" : "") << "\n";
    for (const embargo::InForce& s : *in_force) {
      std::cout << "  " << s.sanction_id << " (" << s.authority_id << ", "
                << s.program << "): " << Measures(s) << "; listed "
                << embargo::ListedText(s);
      if (s.delisted.known()) std::cout << ", delisted " << s.delisted.ToString();
      std::cout << " [" << embargo::CertaintyName(s.certainty) << "]\n";
      if (!s.legal_basis.empty()) {
        std::cout << "    legal basis: " << absl::StrJoin(s.legal_basis, "; ")
                  << "\n";
      }
    }
    if (blocked_here) {
      std::cout << (blocked->Find(n)->directly_sanctioned
                        ? "  blocked: under an asset freeze\n"
                        : "  blocked through ownership (OFAC 50% rule)\n");
    }
  }
  std::cout << "\nNo sanction in force on: " << absl::StrJoin(unexposed, ", ")
            << "\n";
  if (!blocked->lists_loaded()) {
    std::cout << "\nBlocked through ownership (OFAC 50% rule): unknown, no "
              << absl::StrJoin(blocked->authorities_not_loaded, ", ")
              << " list that freezes assets is loaded\n";
    return breaches->empty() ? 1 : 0;
  }
  std::cout << "\nBlocked through ownership (OFAC 50% rule) as of "
            << as_of.ToString() << ": " << blocked->num_derived
            << " entit(y/ies) besides the " << blocked->num_direct
            << " under an asset freeze\n";
  for (const embargo::BlockedEntity& b : blocked->entities) {
    if (!b.directly_sanctioned) {
      std::cout << embargo::FormatBlockChain(g, *blocked, b.node);
    }
  }
  return breaches->empty() ? 1 : 0;
}
