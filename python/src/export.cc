// The exporters (embargo/export.h): GraphML, JSON lines, Neo4j CSV, and
// Graphviz DOT pictures of query answers.

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "embargo/export.h"
#include "embargo/image.h"
#include "python/src/common.h"
#include "python/src/objects.h"

namespace embargo::python {
namespace {

std::string FsPath(const py::handle& path) {
  static py::handle fspath =
      py::object(py::module_::import("os").attr("fspath")).release();
  return py::str(fspath(path)).cast<std::string>();
}

std::string PathsDot(const Graph& g, std::vector<Path> paths,
                     const std::string& title, const std::string& rankdir) {
  DotOptions options;
  options.title = title;
  options.rank_direction = rankdir;
  return ToDot(g, SubgraphOfPaths(g, paths), options);
}

void Render(const std::string& dot, const py::object& path,
            const py::object& format) {
  const std::string p = FsPath(path);
  std::string f;
  if (format.is_none()) {
    const size_t dot_pos = p.rfind('.');
    f = dot_pos == std::string::npos ? "svg"
                                     : absl::AsciiStrToLower(p.substr(dot_pos + 1));
  } else {
    f = py::str(format).cast<std::string>();
  }
  absl::Status s;
  {
    py::gil_scoped_release release;
    s = RenderDot(dot, f, p);
  }
  ThrowIfError(s, NotFoundAs::kFile);
}

constexpr char kDotDoc[] = R"doc(
The paths as a Graphviz DOT picture (text): actors shaped and coloured by
kind, sanctioned actors outlined in red, edges labelled with item or kind,
year and status, evidence in the tooltips.
)doc";
constexpr char kRenderDoc[] = R"doc(
Draw the paths with Graphviz's ``dot`` into ``path`` (``format`` "svg",
"png" or "pdf"; by default from the file name). Raises
FailedPreconditionError when Graphviz is not installed.
)doc";

}  // namespace

void BindExport(py::module_& m) {
  auto graph = py::reinterpret_borrow<py::class_<Graph>>(m.attr("Graph"));
  graph.def(
      "to_dataset",
      [](const Graph& g) {
        auto out = std::make_shared<PyDataset>();
        {
          py::gil_scoped_release release;
          out->dataset = DatasetFromGraph(g);
        }
        out->name = "graph";
        return out;
      },
      "Every record the graph holds, as a Dataset.");
  graph.def(
      "to_graphml",
      [](const Graph& g, const py::object& path) {
        const std::string p = FsPath(path);
        absl::Status s;
        {
          py::gil_scoped_release release;
          s = ExportGraphMl(g, p);
        }
        ThrowIfError(s, NotFoundAs::kFile);
      },
      py::arg("path"),
      "Write the whole graph as GraphML (for networkx, Gephi, yEd).");
  graph.def(
      "to_image",
      [](const Graph& g, const py::object& path) {
        const std::string p = FsPath(path);
        absl::Status s;
        {
          py::gil_scoped_release release;
          s = WriteGraphImage(g, p);
        }
        ThrowIfError(s, NotFoundAs::kFile);
      },
      py::arg("path"),
      "Save the whole graph as a graph image (.egraph), which embargo.load "
      "reads back, checked, without building it again.");
  graph.def(
      "to_jsonl",
      [](const Graph& g, const py::object& path) {
        const std::string p = FsPath(path);
        absl::Status s;
        {
          py::gil_scoped_release release;
          s = ExportJsonLines(DatasetFromGraph(g), p);
        }
        ThrowIfError(s, NotFoundAs::kFile);
      },
      py::arg("path"),
      "Write every record, one proto3 JSON Record per line (lossless).");
  graph.def(
      "to_neo4j_csv",
      [](const Graph& g, const py::object& nodes, const py::object& edges,
         bool transfer_legs) {
        const std::string n = FsPath(nodes), e = FsPath(edges);
        Neo4jExportOptions options;
        options.transfer_legs = transfer_legs;
        absl::StatusOr<Neo4jExportCounts> r = Neo4jExportCounts{};
        {
          py::gil_scoped_release release;
          r = ExportNeo4jCsv(g, n, e, options);
        }
        const Neo4jExportCounts c = Value(std::move(r), NotFoundAs::kFile);
        py::dict d;
        d["nodes"] = c.nodes;
        d["relationships"] = c.relationships;
        return d;
      },
      py::arg("nodes"), py::arg("edges"), py::kw_only(),
      py::arg("transfer_legs") = false, R"doc(
Write the node and relationship files of ``neo4j-admin database import
full``; returns {'nodes': N, 'relationships': M}. embargo.load_neo4j_csv
reads them back.
)doc");

  auto paths = py::reinterpret_borrow<py::class_<PyPaths, std::shared_ptr<PyPaths>>>(
      m.attr("PathList"));
  paths.def(
      "to_dot",
      [](const PyPaths& p, const std::string& title, const std::string& rankdir) {
        if (p.paths.empty()) return std::string("digraph embargo {}\n");
        std::vector<Path> list;
        for (const auto& path : p.paths) list.push_back(path->path);
        return PathsDot(p.paths[0]->graph, std::move(list), title, rankdir);
      },
      py::arg("title") = "", py::arg("rankdir") = "LR", kDotDoc);
  paths.def(
      "render",
      [](const PyPaths& p, const py::object& path, const py::object& format,
         const std::string& title) {
        if (p.paths.empty()) {
          ThrowIfError(absl::FailedPreconditionError("no paths to draw"));
        }
        std::vector<Path> list;
        for (const auto& x : p.paths) list.push_back(x->path);
        Render(PathsDot(p.paths[0]->graph, std::move(list), title, "LR"), path,
               format);
      },
      py::arg("path"), py::arg("format") = py::none(), py::arg("title") = "",
      kRenderDoc);

  auto one = py::reinterpret_borrow<py::class_<PyPath, std::shared_ptr<PyPath>>>(
      m.attr("Path"));
  one.def(
      "to_dot",
      [](const PyPath& p, const std::string& title, const std::string& rankdir) {
        return PathsDot(p.graph, {p.path}, title, rankdir);
      },
      py::arg("title") = "", py::arg("rankdir") = "LR", kDotDoc);
  one.def(
      "render",
      [](const PyPath& p, const py::object& path, const py::object& format,
         const std::string& title) {
        Render(PathsDot(p.graph, {p.path}, title, "LR"), path, format);
      },
      py::arg("path"), py::arg("format") = py::none(), py::arg("title") = "",
      kRenderDoc);

  m.def("dot_available", &DotAvailable,
        "True when Graphviz's dot program can be run (for render).");
}

}  // namespace embargo::python
