// Generated graphs for the benchmark suite: the shape of the sanctions /
// arms-transfer workload (workload/SPEC.md) at sizes S (10k nodes, 50k
// edges) and M (200k nodes, 1M edges), written once per process as Neo4j
// CSV and as each record file form, and loaded once, outside any timed loop.
//
//   const embargo::bench::BenchData& s = embargo::bench::Data(Size::kS);
//   embargo::ShortestPath(s.graph, s.pairs[0].first, s.pairs[0].second, f);
//
// Not thread-safe: call Data from benchmark setup only.

#ifndef EMBARGO_BENCH_BENCH_GRAPHS_H_
#define EMBARGO_BENCH_BENCH_GRAPHS_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "embargo/graph.h"
#include "embargo/query.h"

namespace embargo::bench {

enum class Size { kS = 0, kM = 1 };

struct BenchData {
  std::string dir;          // Holds the files below.
  std::string nodes_csv, edges_csv;
  std::string binary;       // v1::Dataset, binary (.pb)
  std::string records;      // Record stream (.records)
  std::string text;         // Text format (.textproto); S only
  std::string image;        // Graph image of `graph` (.egraph)
  size_t num_records = 0;   // Records in the dataset files.
  std::optional<Graph> graph;
  // Query parameters drawn with a fixed seed: pairs joined by a short
  // random walk (q1-style), seeds (companies and persons), two busy states.
  std::vector<std::pair<NodeId, NodeId>> pairs;
  std::vector<NodeId> seeds;
  NodeId state_a, state_b;
};

// Data generates (first call) and returns the data of one size.
const BenchData& Data(Size size);

// Filters of the workload queries.
Filter PathFilter();       // OWNS, DIRECTS, OPERATES, TRANSFER; either way.
Filter OwnershipFilter();  // OWNS, DIRECTS; either way.
Filter LinkFilter();       // TRANSFER, OWNS, OPERATES, FLAG; either way.

}  // namespace embargo::bench

#endif  // EMBARGO_BENCH_BENCH_GRAPHS_H_
