// The C++ objects behind the module's Python classes: datasets, edges,
// hops, paths and lists of paths, each holding the Graph it refers to so
// that Python keeps the graph alive while a result is alive.
//
//   PyPath path = MakePath(graph, cpp_path);
//   py::dict row = path.hops[0]->ToDict();
//
// Thread safety: these objects are used with the GIL held; a PyHop fills its
// explanation cache on first use, under the GIL.

#ifndef EMBARGO_PYTHON_SRC_OBJECTS_H_
#define EMBARGO_PYTHON_SRC_OBJECTS_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "embargo/explain.h"
#include "embargo/graph.h"
#include "embargo/query.h"
#include "python/src/common.h"

namespace embargo::python {

// PyDataset is embargo.Dataset: records in memory and the name that stands
// for their file in error messages.
struct PyDataset {
  v1::Dataset dataset;
  std::string name;
};

// PyEdge is embargo.Edge.
struct PyEdge {
  Graph graph;
  EdgeId id;
};

// PyHop is embargo.Hop: one step of a path, explained on demand.
struct PyHop {
  PyHop(Graph g, Hop h) : graph(std::move(g)), hop(h) {}

  Graph graph;
  Hop hop;

  // Detail explains the hop (ExplainHop) once and keeps the answer.
  const HopDetail& Detail();
  // ToDict is the hop as a flat row (ids, kinds, dates, sources, quotes).
  py::dict ToDict();

 private:
  std::shared_ptr<const HopDetail> detail_;
};

// PyPath is embargo.Path.
struct PyPath {
  PyPath(Graph g, Path p) : graph(std::move(g)), path(std::move(p)) {}

  Graph graph;
  Path path;
  std::vector<std::shared_ptr<PyHop>> hops;

  py::dict ToDict();
  py::list ToDicts(int path_index);
};

// PyPaths is embargo.PathList.
struct PyPaths {
  std::vector<std::shared_ptr<PyPath>> paths;
  bool truncated = false;
  std::string truncation_reason;
};

// MakePath / MakePaths wrap query results.
std::shared_ptr<PyPath> MakePath(const Graph& graph, Path path);
std::shared_ptr<PyPaths> MakePaths(const Graph& graph, Paths paths);

// Edge attributes in their Python form.
inline std::string EdgeKindOf(const Graph& g, EdgeId e) {
  return std::string(EdgeKindName(g.edge(e).kind));
}
inline py::object ItemOf(const Graph& g, EdgeId e) {
  const v1::ItemCategory item = g.edge(e).item;
  if (item == v1::ITEM_UNSPECIFIED) return py::none();
  return py::str(ItemName(item));
}
inline py::object ShareOf(const Graph& g, EdgeId e) {
  const EdgeInfo info = g.edge(e);
  if (info.kind != EdgeKind::kOwnership || info.share_percent <= 0) {
    return py::none();
  }
  return py::float_(info.share_percent);
}

// EvidenceList turns an explanation's evidence into dicts: the Evidence
// fields, plus "source" (the Source as a dict), "speaker_name" and
// "via_sources" (the sources the statement passed through, as dicts).
py::list EvidenceList(const Graph& graph, const HopDetail& detail);

}  // namespace embargo::python

#endif  // EMBARGO_PYTHON_SRC_OBJECTS_H_
