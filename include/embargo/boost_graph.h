// Boost.Graph adapter: an embargo::Graph as a Boost.Graph IncidenceGraph and
// VertexListGraph, so that Boost's algorithms run on it without a copy.
//
//   #include <boost/graph/breadth_first_search.hpp>
//   #include "embargo/boost_graph.h"
//
//   embargo::BoostView view(graph);
//   std::vector<uint32_t> hops(boost::num_vertices(view));
//   boost::breadth_first_search(
//       view, graph.FindNode("RUS")->value(),
//       boost::visitor(boost::make_bfs_visitor(boost::record_distances(
//           hops.data(), boost::on_tree_edge()))));
//
// The view's vertices are the graph's nodes (descriptor: NodeId::value()).
// Its out-edges of a node are the node's incidences (Graph::Incidences):
// every edge appears at both of its ends, once walked along and once
// against, so a search on the view follows edges in either direction, as a
// Filter with Direction::kEither does. BoostEdge::along says which way an
// out-edge walks its edge; BoostEdge::id names the edge (Graph::edge gives
// its kind, item, status and days), so that boost::filtered_graph can keep
// only some kinds of link. Reads only; any number of threads may use views
// of one Graph at once.
//
// This header needs the Boost.Graph headers (Debian: libboost-graph-dev);
// the rest of the library's headers do not.

#ifndef EMBARGO_BOOST_GRAPH_H_
#define EMBARGO_BOOST_GRAPH_H_

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <utility>

#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/property_map/property_map.hpp>

#include "embargo/graph.h"
#include "embargo/ids.h"

namespace embargo {

// BoostView is the Boost.Graph face of a Graph; it must not outlive it.
class BoostView {
 public:
  explicit BoostView(const Graph& graph) : graph_(&graph) {}
  const Graph& graph() const { return *graph_; }

 private:
  const Graph* graph_;
};

// BoostEdge is an out-edge of the view: an edge seen from one of its ends.
struct BoostEdge {
  uint32_t source = 0;  // The node it is seen from.
  uint32_t target = 0;  // The node at the other end.
  uint32_t id = 0;      // EdgeId::value() of the graph's edge.
  bool along = false;   // True when it walks the edge from its start.
  friend bool operator==(const BoostEdge& a, const BoostEdge& b) {
    return a.id == b.id && a.source == b.source && a.along == b.along;
  }
  friend bool operator!=(const BoostEdge& a, const BoostEdge& b) {
    return !(a == b);
  }
};

// BoostOutEdgeIterator walks a node's incidences as BoostEdges.
class BoostOutEdgeIterator {
 public:
  using iterator_category = std::forward_iterator_tag;
  using value_type = BoostEdge;
  using difference_type = std::ptrdiff_t;
  using pointer = const BoostEdge*;
  using reference = BoostEdge;

  BoostOutEdgeIterator() = default;
  BoostOutEdgeIterator(uint32_t source, IncidenceRange::Iterator it)
      : source_(source), it_(it) {}
  BoostEdge operator*() const {
    const Incidence i = *it_;
    return {source_, i.other.value(), i.edge.value(), i.along};
  }
  BoostOutEdgeIterator& operator++() {
    ++it_;
    return *this;
  }
  BoostOutEdgeIterator operator++(int) {
    BoostOutEdgeIterator before = *this;
    ++it_;
    return before;
  }
  friend bool operator==(const BoostOutEdgeIterator& a,
                         const BoostOutEdgeIterator& b) {
    return a.it_ == b.it_;
  }
  friend bool operator!=(const BoostOutEdgeIterator& a,
                         const BoostOutEdgeIterator& b) {
    return !(a == b);
  }

 private:
  uint32_t source_ = 0;
  IncidenceRange::Iterator it_;
};

// The functions Boost's concepts require, found by argument-dependent
// lookup on BoostView.
inline std::pair<BoostOutEdgeIterator, BoostOutEdgeIterator> out_edges(
    uint32_t v, const BoostView& g) {
  const IncidenceRange r = g.graph().Incidences(NodeId(v));
  return {BoostOutEdgeIterator(v, r.begin()), BoostOutEdgeIterator(v, r.end())};
}
inline size_t out_degree(uint32_t v, const BoostView& g) {
  return g.graph().Incidences(NodeId(v)).size();
}
inline uint32_t source(const BoostEdge& e, const BoostView&) { return e.source; }
inline uint32_t target(const BoostEdge& e, const BoostView&) { return e.target; }
inline std::pair<boost::counting_iterator<uint32_t>,
                 boost::counting_iterator<uint32_t>>
vertices(const BoostView& g) {
  return {boost::counting_iterator<uint32_t>(0),
          boost::counting_iterator<uint32_t>(
              static_cast<uint32_t>(g.graph().num_nodes()))};
}
inline size_t num_vertices(const BoostView& g) { return g.graph().num_nodes(); }
// The vertex index is the node number itself.
inline boost::typed_identity_property_map<uint32_t> get(boost::vertex_index_t,
                                                        const BoostView&) {
  return {};
}

}  // namespace embargo

namespace boost {

template <>
struct graph_traits<embargo::BoostView> {
  using vertex_descriptor = uint32_t;
  using edge_descriptor = embargo::BoostEdge;
  using directed_category = directed_tag;
  using edge_parallel_category = allow_parallel_edge_tag;
  struct traversal_category : incidence_graph_tag, vertex_list_graph_tag {};
  using out_edge_iterator = embargo::BoostOutEdgeIterator;
  using vertex_iterator = counting_iterator<uint32_t>;
  using degree_size_type = std::size_t;
  using vertices_size_type = std::size_t;
  using edges_size_type = std::size_t;
  using adjacency_iterator = void;
  using in_edge_iterator = void;
  using edge_iterator = void;
  static vertex_descriptor null_vertex() { return UINT32_MAX; }
};

template <>
struct property_map<embargo::BoostView, vertex_index_t> {
  using type = typed_identity_property_map<uint32_t>;
  using const_type = type;
};

}  // namespace boost

#endif  // EMBARGO_BOOST_GRAPH_H_
