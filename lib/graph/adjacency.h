// The adjacency layout of a graph whose edge columns are filled.
#ifndef EMBARGO_GRAPH_ADJACENCY_H_
#define EMBARGO_GRAPH_ADJACENCY_H_

#include "lib/graph/graph_data.h"

namespace embargo::internal {

// LayOutAdjacency lays out d.adjacency from the edge columns: a counting
// sort of both ends of every edge, each row in edge order, on two threads
// for large graphs; then fills sanction_edges and the raw row views.
void LayOutAdjacency(GraphData& d);

}  // namespace embargo::internal

#endif  // EMBARGO_GRAPH_ADJACENCY_H_
