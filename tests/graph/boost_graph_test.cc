// The Boost.Graph adapter (embargo/boost_graph.h): Boost's own breadth-first
// search on the view reaches every node at the distance embargo::Neighbors
// gives, on the bundled dataset and on random graphs, and a
// boost::filtered_graph of the view keeps only the kinds of link asked for.

#include "embargo/boost_graph.h"

#include <random>
#include <vector>

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/graph_concepts.hpp>

#include "embargo/load.h"
#include "embargo/query.h"
#include "gtest/gtest.h"
#include "tests/testing/random_graph.h"

namespace embargo {
namespace {

BOOST_CONCEPT_ASSERT((boost::IncidenceGraphConcept<BoostView>));
BOOST_CONCEPT_ASSERT((boost::VertexListGraphConcept<BoostView>));

constexpr uint32_t kUnreached = UINT32_MAX;

// Hop counts from `seed` by Boost's breadth-first search on `g`.
template <typename G>
std::vector<uint32_t> BoostHops(const G& g, size_t n, uint32_t seed) {
  std::vector<uint32_t> hops(n, kUnreached);
  hops[seed] = 0;
  boost::breadth_first_search(
      g, seed,
      boost::visitor(boost::make_bfs_visitor(
          boost::record_distances(hops.data(), boost::on_tree_edge()))));
  return hops;
}

// Every edge, denied claims included (a Filter leaves them out by default;
// the view does not).
Filter Everything() {
  Filter f;
  f.edge_kinds = AllEdgeKinds();  // Country links too (not walked by default).
  f.min_status = v1::STATUS_DENIED;
  return f;
}

// Hop counts from `seed` by embargo::Neighbors (either way).
std::vector<uint32_t> EmbargoHops(const Graph& g, uint32_t seed,
                                  const Filter& f = Everything()) {
  std::vector<uint32_t> hops(g.num_nodes(), kUnreached);
  hops[seed] = 0;
  Limits all;
  all.max_results = g.num_nodes();
  absl::StatusOr<Neighborhood> n =
      Neighbors(g, NodeId(seed), static_cast<int>(g.num_nodes()), f, all);
  EXPECT_TRUE(n.ok()) << n.status();
  for (const Neighbor& x : n->nodes) hops[x.node.value()] = static_cast<uint32_t>(x.hops);
  return hops;
}

TEST(BoostGraphTest, BreadthFirstSearchAgreesOnTheArticle) {
  absl::StatusOr<Graph> g =
      Load(std::vector<std::string>{"examples/data/article_2023.textproto"});
  ASSERT_TRUE(g.ok()) << g.status();
  const BoostView view(*g);
  EXPECT_EQ(num_vertices(view), g->num_nodes());
  const uint32_t rus = g->FindNode("RUS")->value();
  EXPECT_EQ(out_degree(rus, view), g->Incidences(NodeId(rus)).size());
  EXPECT_EQ(BoostHops(view, g->num_nodes(), rus), EmbargoHops(*g, rus));
}

TEST(BoostGraphTest, BreadthFirstSearchAgreesOnRandomGraphs) {
  for (uint32_t s = 0; s < 200; ++s) {
    std::mt19937 rng(s);
    GraphBuilder b;
    b.AddDataset(testing::RandomDataset(rng), "random");
    absl::StatusOr<Graph> g = b.Build();
    ASSERT_TRUE(g.ok()) << g.status();
    const BoostView view(*g);
    const uint32_t seed = static_cast<uint32_t>(rng() % g->num_nodes());
    ASSERT_EQ(BoostHops(view, g->num_nodes(), seed), EmbargoHops(*g, seed))
        << "graph " << s;
  }
}

// Only transfers: a filtered_graph of the view, against a kind filter.
struct TransfersOnly {
  const Graph* graph = nullptr;
  bool operator()(const BoostEdge& e) const {
    return graph->edge(EdgeId(e.id)).kind == EdgeKind::kTransfer;
  }
};

TEST(BoostGraphTest, FilteredGraphKeepsOneKindOfLink) {
  absl::StatusOr<Graph> g =
      Load(std::vector<std::string>{"examples/data/article_2023.textproto"});
  ASSERT_TRUE(g.ok()) << g.status();
  const BoostView view(*g);
  boost::filtered_graph<BoostView, TransfersOnly> transfers(view,
                                                             TransfersOnly{&*g});
  Filter f = Everything();
  f.edge_kinds = {EdgeKind::kTransfer};
  const uint32_t prk = g->FindNode("PRK")->value();
  const std::vector<uint32_t> hops = BoostHops(transfers, g->num_nodes(), prk);
  EXPECT_EQ(hops, EmbargoHops(*g, prk, f));
  EXPECT_EQ(hops[g->FindNode("RUS")->value()], 1u);
}

}  // namespace
}  // namespace embargo
