// russia_dprk: how is Russia linked to North Korea through munitions, and on
// which sources does each link rest?
//
// Usage: russia_dprk [--max-hops N] [FILE...]
//   FILE  datasets to load together (default: the bundled article dataset)
//
// Prints every simple path of at most N (default 3) hops between RUS and PRK
// over arms transfers of munitions (in either direction, alleged or firmer),
// each hop with its kind, item, dates, status, sources, speakers and quotes;
// then the other links of at most two hops (visits, events, relations).
// Exit status: 0 when a munitions link was found, 1 when none, 2 on bad
// input.

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "embargo/explain.h"
#include "embargo/graph.h"
#include "embargo/query.h"

#ifndef EMBARGO_EXAMPLE_DATA
#define EMBARGO_EXAMPLE_DATA "examples/data/article_2023.textproto"
#endif

namespace {

int Fail(const absl::Status& status) {
  std::cerr << "russia_dprk: " << status.message() << "\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  int max_hops = 3;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--max-hops" && i + 1 < argc) {
      if (!absl::SimpleAtoi(argv[++i], &max_hops) || max_hops < 1) {
        return Fail(absl::InvalidArgumentError("--max-hops needs a number >= 1"));
      }
    } else if (arg == "-h" || arg == "--help") {
      std::cout << "usage: russia_dprk [--max-hops N] [FILE...]\n";
      return 0;
    } else {
      files.push_back(arg);
    }
  }
  if (files.empty()) files.push_back(EMBARGO_EXAMPLE_DATA);

  absl::StatusOr<embargo::Graph> graph = embargo::LoadGraph(files);
  if (!graph.ok()) return Fail(graph.status());
  absl::StatusOr<embargo::NodeId> rus = graph->Node("RUS");
  if (!rus.ok()) return Fail(rus.status());
  absl::StatusOr<embargo::NodeId> prk = graph->Node("PRK");
  if (!prk.ok()) return Fail(prk.status());

  embargo::Filter munitions;
  munitions.edge_kinds = embargo::TransferKinds();
  munitions.items = {embargo::v1::ITEM_ARTILLERY_AMMUNITION,
                     embargo::v1::ITEM_AMMUNITION,
                     embargo::v1::ITEM_ROCKETS,
                     embargo::v1::ITEM_MISSILES,
                     embargo::v1::ITEM_SMALL_ARMS,
                     embargo::v1::ITEM_ARMS_GENERAL};
  munitions.direction = embargo::Direction::kEither;

  absl::StatusOr<embargo::Paths> paths =
      embargo::AllPaths(*graph, *rus, *prk, max_hops, munitions);
  if (!paths.ok()) return Fail(paths.status());

  std::cout << "Munitions links between Russia (RUS) and North Korea (PRK): "
            << paths->paths.size() << " path(s) of at most " << max_hops
            << " hops over arms transfers\n\n";
  for (const embargo::Path& path : paths->paths) {
    std::cout << embargo::FormatPath(*graph, path) << "\n";
  }
  if (paths->truncated) {
    std::cout << "(list cut short: " << paths->truncation_reason << ")\n";
  }

  embargo::Filter other;
  other.edge_kinds = embargo::DefaultEdgeKinds();
  other.edge_kinds.Remove(embargo::EdgeKind::kTransfer);
  other.edge_kinds.Remove(embargo::EdgeKind::kTransferVia);
  absl::StatusOr<embargo::Paths> links =
      embargo::AllPaths(*graph, *rus, *prk, 2, other);
  if (!links.ok()) return Fail(links.status());
  std::cout << "Other links of at most 2 hops (visits, events, relations, "
               "sanctions): "
            << links->paths.size() << "\n\n";
  for (const embargo::Path& path : links->paths) {
    std::cout << embargo::FormatPath(*graph, path) << "\n";
  }
  return paths->paths.empty() ? 1 : 0;
}
