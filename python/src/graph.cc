// embargo.load, embargo.read_dataset, Dataset, Graph, Node and Edge.

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "embargo/explain.h"
#include "embargo/graph.h"
#include "embargo/image.h"
#include "embargo/load.h"
#include "embargo/merge.h"
#include "embargo/resolve.h"
#include "embargo/io.h"
#include "python/src/common.h"
#include "python/src/objects.h"

namespace embargo::python {
namespace {

std::string FsPath(const py::handle& path) {
  static py::handle fspath = py::object(py::module_::import("os").attr("fspath")).release();
  return py::str(fspath(path)).cast<std::string>();
}

bool IsPathLike(const py::handle& value) {
  return py::isinstance<py::str>(value) || py::hasattr(value, "__fspath__");
}

// LoadEntry is one source of records for embargo.load: a file or a dataset
// held in memory.
struct LoadEntry {
  std::string path;
  std::shared_ptr<PyDataset> dataset;
};

void AddEntry(const py::handle& item, std::vector<LoadEntry>& out) {
  if (IsPathLike(item)) {
    out.push_back({FsPath(item), nullptr});
  } else if (py::isinstance<PyDataset>(item)) {
    out.push_back({"", item.cast<std::shared_ptr<PyDataset>>()});
  } else if (py::hasattr(item, "dataset") &&
             py::isinstance<PyDataset>(item.attr("dataset"))) {
    out.push_back({"", item.attr("dataset").cast<std::shared_ptr<PyDataset>>()});
  } else {
    ThrowIfError(absl::InvalidArgumentError(absl::StrCat(
        "load: expected a path, a Dataset or an ImportResult, got ",
        std::string(py::repr(item)))));
  }
}

// Inputs reads load()'s `sources` argument: a path, a Dataset, an
// ImportResult or a list of them.
std::vector<LoadInput> Inputs(const py::object& sources, const char* function) {
  std::vector<LoadEntry> entries;
  if (IsPathLike(sources) || py::isinstance<PyDataset>(sources) ||
      py::hasattr(sources, "dataset")) {
    AddEntry(sources, entries);
  } else {
    for (py::handle item : sources) AddEntry(item, entries);
  }
  if (entries.empty()) {
    ThrowIfError(absl::InvalidArgumentError(
        absl::StrCat(function, ": no files or datasets given")));
  }
  std::vector<LoadInput> inputs;
  for (const LoadEntry& entry : entries) {
    if (entry.dataset != nullptr) {
      DatasetFile f;
      f.path = entry.dataset->name;
      f.dataset = entry.dataset->dataset;
      inputs.push_back(LoadInput::Records(std::move(f)));
    } else {
      inputs.push_back(LoadInput::File(entry.path));
    }
  }
  return inputs;
}

Graph Load(const py::object& sources, int64_t max_problems, bool embargoes,
           bool country_links) {
  std::vector<LoadInput> inputs = Inputs(sources, "load");
  if (max_problems < 1) {
    ThrowIfError(absl::InvalidArgumentError("load: max_problems must be >= 1"));
  }
  LoadOptions options;
  options.validate.max_problems = static_cast<size_t>(max_problems);
  options.arms_embargoes = embargoes;
  options.country_links = country_links;
  // The library's one load path (embargo/load.h): images, record streams,
  // JSON lines, entity resolution across inputs.
  absl::StatusOr<Graph> graph = absl::UnknownError("not loaded");
  {
    py::gil_scoped_release release;
    graph = embargo::Load(std::move(inputs), options);
  }
  ThrowIfError(graph.status(), NotFoundAs::kFile);
  return *std::move(graph);
}

// Resolution reads the sources as load() would and returns what entity
// resolution did (embargo/resolve.h), as dicts.
py::dict Resolution(const py::object& sources) {
  std::vector<LoadInput> inputs = Inputs(sources, "resolution");
  LoadReport report;
  absl::StatusOr<std::vector<DatasetFile>> read = absl::UnknownError("not read");
  {
    py::gil_scoped_release release;
    read = ReadInputs(std::move(inputs), LoadOptions{}, &report);
  }
  ThrowIfError(read.status(), NotFoundAs::kFile);
  const ResolveReport& r = report.resolution;
  py::dict out;
  out["resolved"] = report.resolved;
  out["actors_in"] = r.actors_in;
  out["actors_out"] = r.actors_out;
  out["merged_actors"] = r.merged_actors;
  py::dict by_rule;
  for (const auto& [rule, count] : r.merges_by_rule) by_rule[py::str(rule)] = count;
  out["links_by_rule"] = by_rule;
  py::list links, refused, dropped;
  for (const Merge& m : r.merges) {
    py::dict d;
    d["kept_id"] = m.kept_id;
    d["ids"] = m.merged_ids;
    d["files"] = m.files;
    d["rule"] = m.rule;
    d["values"] = m.values;
    links.append(d);
  }
  for (const Refusal& x : r.refused) {
    py::dict d;
    d["ids"] = x.ids;
    d["files"] = x.files;
    d["rule"] = x.rule;
    d["values"] = x.values;
    d["reason"] = x.reason;
    refused.append(d);
  }
  for (const DroppedRecord& x : r.dropped) {
    py::dict d;
    d["file"] = x.file;
    d["record"] = x.record;
    d["kind"] = x.kind;
    d["id"] = x.id;
    d["reason"] = x.reason;
    dropped.append(d);
  }
  out["links"] = links;
  out["refused"] = refused;
  out["dropped"] = dropped;
  out["notes"] = r.notes;
  return out;
}

py::dict Counts(const Graph& g) {
  py::dict nodes, edges;
  std::vector<size_t> node_kinds(kNumNodeKinds), edge_kinds(kNumEdgeKinds);
  {
    py::gil_scoped_release release;
    for (uint32_t n = 0; n < g.num_nodes(); ++n) {
      ++node_kinds[static_cast<int>(g.node_kind(NodeId(n)))];
    }
    for (uint32_t e = 0; e < g.num_edges(); ++e) {
      ++edge_kinds[static_cast<int>(g.edge(EdgeId(e)).kind)];
    }
  }
  for (int k = 0; k < kNumNodeKinds; ++k) {
    if (node_kinds[k] == 0) continue;
    nodes[py::str(std::string(NodeKindName(static_cast<NodeKind>(k))))] =
        node_kinds[k];
  }
  for (int k = 0; k < kNumEdgeKinds; ++k) {
    if (edge_kinds[k] == 0) continue;
    edges[py::str(std::string(EdgeKindName(static_cast<EdgeKind>(k))))] =
        edge_kinds[k];
  }
  py::dict out;
  out["nodes"] = g.num_nodes();
  out["edges"] = g.num_edges();
  out["sources"] = g.sources().size();
  out["node_kinds"] = nodes;
  out["edge_kinds"] = edges;
  return out;
}

// NodeTable and EdgeTable are the whole graph as columns, for to_networkx.
py::dict NodeTable(const Graph& g) {
  py::list ids, names, kinds, countries;
  for (uint32_t n = 0; n < g.num_nodes(); ++n) {
    const NodeId node(n);
    ids.append(py::str(std::string(g.node_id(node))));
    names.append(py::str(std::string(g.node_name(node))));
    kinds.append(py::str(std::string(NodeKindName(g.node_kind(node)))));
    countries.append(py::str(std::string(g.node_country(node))));
  }
  py::dict out;
  out["id"] = ids;
  out["name"] = names;
  out["kind"] = kinds;
  out["country"] = countries;
  return out;
}

py::dict EdgeTable(const Graph& g) {
  py::list from, to, kinds, items, statuses, record_ids, shares, index;
  for (uint32_t e = 0; e < g.num_edges(); ++e) {
    const EdgeId edge(e);
    const EdgeInfo info = g.edge(edge);
    index.append(e);
    from.append(py::str(std::string(g.node_id(info.from))));
    to.append(py::str(std::string(g.node_id(info.to))));
    kinds.append(py::str(std::string(EdgeKindName(info.kind))));
    items.append(info.item == v1::ITEM_UNSPECIFIED
                     ? py::object(py::none())
                     : py::object(py::str(ItemName(info.item))));
    statuses.append(py::str(StatusName(info.status)));
    record_ids.append(py::str(g.EdgeRecordId(edge)));
    shares.append(info.kind == EdgeKind::kOwnership && info.share_percent > 0
                      ? py::object(py::float_(info.share_percent))
                      : py::object(py::none()));
  }
  py::dict out;
  out["index"] = index;
  out["from"] = from;
  out["to"] = to;
  out["kind"] = kinds;
  out["item"] = items;
  out["status"] = statuses;
  out["record_id"] = record_ids;
  out["share_percent"] = shares;
  return out;
}

}  // namespace

void BindGraph(py::module_& m) {
  // --- Dataset ---------------------------------------------------------
  py::class_<PyDataset, std::shared_ptr<PyDataset>>(m, "Dataset", R"doc(
Records held in memory: what a file of records or an importer holds.

Load it with others into a graph with ``embargo.load([..., dataset])``,
write it with ``save``, or look at it with ``to_dict``. Read one from a
file with ``embargo.read_dataset``.
)doc")
      .def_property_readonly(
          "name", [](const PyDataset& d) { return d.name; },
          "The name error messages use for it (the file or the importer).")
      .def_property_readonly(
          "counts",
          [](const PyDataset& d) {
            py::dict c;
            c["sources"] = d.dataset.sources_size();
            c["actors"] = d.dataset.actors_size();
            c["events"] = d.dataset.events_size();
            c["transfers"] = d.dataset.transfers_size();
            c["sanctions"] = d.dataset.sanctions_size();
            c["relations"] = d.dataset.relations_size();
            return c;
          },
          "Records by kind: {'actors': 12, 'transfers': 4, ...}.")
      .def(
          "to_dict", [](const PyDataset& d) { return MessageToDict(d.dataset); },
          "The records as a dict (proto3 JSON with the proto field names).")
      .def(
          "save",
          [](const PyDataset& d, const py::object& path,
             const py::object& format) {
            Format f = Format::kAuto;
            if (!format.is_none()) {
              f = Value(ParseFormat(py::str(format).cast<std::string>()));
            }
            const std::string p = FsPath(path);
            absl::Status s;
            {
              py::gil_scoped_release release;
              s = WriteDatasetFile(d.dataset, p, f);
            }
            ThrowIfError(s, NotFoundAs::kFile);
          },
          py::arg("path"), py::arg("format") = py::none(),
          R"doc(
Write the records to ``path``.

``format`` is "binary", "text", "json" or "records" (a stream of
length-delimited records); by default it follows the file name (.pb,
.textproto, .json, .records).
)doc")
      .def("__repr__", [](const PyDataset& d) {
        return absl::StrCat("<embargo.Dataset '", d.name, "': ",
                            d.dataset.actors_size(), " actors, ",
                            d.dataset.transfers_size(), " transfers, ",
                            d.dataset.sanctions_size(), " sanctions, ",
                            d.dataset.relations_size(), " relations>");
      });

  m.def(
      "read_dataset",
      [](const py::object& path, const py::object& format) {
        Format f = Format::kAuto;
        if (!format.is_none()) {
          f = Value(ParseFormat(py::str(format).cast<std::string>()));
        }
        const std::string p = FsPath(path);
        absl::StatusOr<DatasetFile> file = absl::UnknownError("not read");
        {
          py::gil_scoped_release release;
          file = ReadDatasetFile(p, f);
        }
        DatasetFile read = Value(std::move(file), NotFoundAs::kFile);
        auto out = std::make_shared<PyDataset>();
        out->dataset = std::move(read.dataset);
        out->name = read.path;
        return out;
      },
      py::arg("path"), py::arg("format") = py::none(), R"doc(
Read a file of records into a Dataset without building a graph.

Raises MissingFileError (a FileNotFoundError) when the file does not
exist, InvalidArgumentError (a ValueError) for syntax errors, with line
and column, and DataError (a ValueError) for truncated or corrupt binary
data.
)doc");

  m.def(
      "merge_datasets",
      [](const std::vector<std::shared_ptr<PyDataset>>& datasets,
         const std::string& name) {
        auto out = std::make_shared<PyDataset>();
        out->name = name;
        DatasetMerger merger(out->dataset);
        for (const auto& d : datasets) {
          if (d == nullptr) {
            ThrowIfError(absl::InvalidArgumentError("merge_datasets: None given"));
          }
          merger.Add(d->dataset);
        }
        py::list notes;
        for (const std::string& n : merger.notes()) notes.append(py::str(n));
        return py::make_tuple(out, notes);
      },
      py::arg("datasets"), py::arg("name") = "merged", R"doc(
Merge datasets record by record into one: ``(dataset, notes)``.

Each record id is kept once per kind; an actor given again under its id
gains the other's aliases, identifiers and evidence. A record given again
with different content keeps its first version, and ``notes`` says which
(kind and id), so that nothing is dropped unseen. This is what
``embargo import`` does with the files of one list; actors that several
lists describe under different ids meet at load (entity resolution).
)doc");

  // --- Graph -----------------------------------------------------------
  py::class_<Graph>(m, "Graph", R"doc(
The immutable graph of actors, events, transfers, sanctions and relations.

Build one with ``embargo.load`` (record files and datasets) or
``embargo.load_neo4j_csv``. Nodes are the actors and events; edges are the
transfers (one per leg when they went through intermediaries), sanctions
(authority -> target), relations (subject -> object) and event
participations (participant -> event).

A Graph never changes after it is built, and its queries release the GIL:
any number of Python threads may query one graph at once. Nodes, paths and
other results keep the graph alive.
)doc")
      .def_property_readonly("num_nodes", &Graph::num_nodes,
                             "Number of nodes (actors and events).")
      .def_property_readonly("num_edges", &Graph::num_edges,
                             "Number of edges.")
      .def("counts", &Counts, R"doc(
Counts of the graph: {'nodes': N, 'edges': M, 'sources': S,
'node_kinds': {'state': 5, ...}, 'edge_kinds': {'transfer': 7, ...}}.
)doc")
      .def(
          "actor",
          [](const Graph& g, const std::string& id) {
            return PyNode{g, Value(g.Node(id))};
          },
          py::arg("id"), R"doc(
The node with this record id ("RUS", "KOMID"); raises NotFoundError (a
KeyError) when there is none. Events are found the same way.
)doc")
      .def(
          "node",
          [](const Graph& g, const py::object& ref) {
            return PyNode{g, ToNode(g, ref)};
          },
          py::arg("id_or_name"), R"doc(
The node with this id or, failing that, this unique name or alias.
Raises NotFoundError (a KeyError) when nothing matches and
AmbiguousNameError (also a KeyError) when the name fits several nodes.
)doc")
      .def(
          "find",
          [](const Graph& g, const std::string& name) {
            std::vector<PyNode> out;
            for (NodeId n : g.FindByName(name)) out.push_back({g, n});
            return out;
          },
          py::arg("name"), R"doc(
The nodes whose name or an alias equals ``name``, ignoring case, accents
and punctuation ("korea democratic peoples republic" finds North Korea if
that is one of its aliases). Several results mean the name is ambiguous;
none, that it is unknown.
)doc")
      .def("__contains__",
           [](const Graph& g, const py::object& ref) {
             if (py::isinstance<PyNode>(ref)) {
               return &ref.cast<const PyNode&>().graph.data() == &g.data();
             }
             if (!py::isinstance<py::str>(ref)) return false;
             return g.FindNode(ref.cast<std::string>()).has_value();
           })
      .def(
          "nodes",
          [](const Graph& g, const py::object& kinds) {
            const NodeKindSet wanted = ToNodeKinds(kinds);
            std::vector<PyNode> out;
            for (uint32_t n = 0; n < g.num_nodes(); ++n) {
              if (wanted.Contains(g.node_kind(NodeId(n)))) {
                out.push_back({g, NodeId(n)});
              }
            }
            return out;
          },
          py::arg("kinds") = py::none(), R"doc(
Every node, in node order, or those of the given kinds ("state",
"company", ["person", "vessel"], ...).
)doc")
      .def(
          "edge",
          [](const Graph& g, int64_t index) {
            if (index < 0 || static_cast<uint64_t>(index) >= g.num_edges()) {
              ThrowIfError(absl::NotFoundError(
                  absl::StrCat("edge ", index, " is not in the graph (",
                               g.num_edges(), " edges)")));
            }
            return PyEdge{g, EdgeId(static_cast<uint32_t>(index))};
          },
          py::arg("index"), "The edge with this index (0 .. num_edges - 1).")
      .def_property_readonly(
          "sources",
          [](const Graph& g) {
            py::list out;
            for (const v1::Source& s : g.sources()) out.append(MessageToDict(s));
            return out;
          },
          "Every source document, as dicts, in file order.")
      .def("_node_table", &NodeTable)
      .def("_edge_table", &EdgeTable)
      .def("__repr__", [](const Graph& g) {
        return absl::StrCat("<embargo.Graph: ", g.num_nodes(), " nodes, ",
                            g.num_edges(), " edges>");
      });

  m.def("load", &Load, py::arg("sources"), py::arg("max_problems") = 100,
        py::kw_only(), py::arg("embargoes") = false,
        py::arg("country_links") = false,
        R"doc(
Load record files and datasets into one Graph.

``country_links=True`` derives the country links (kinds registered_in,
located_in, national_of: each actor's country, address countries and
nationality as an edge to the state), which ``country=`` filters need.
``embargoes=True`` adds the country arms embargoes shipped with the library
(share/embargo/arms_embargoes.textproto: UN Security Council and EU
embargoes on states, with legal basis, dates and sources).

``sources`` is a path (str or os.PathLike), a Dataset, an ImportResult, or
a list of them. The format of each file follows its name: .textproto /
.txtpb / .pbtxt (text format), .pb / .binpb (binary), .json (proto3 JSON),
.records / .pbs (a stream of length-delimited records). The records are
validated together: ids unique across all sources, every reference
resolved. A graph image (.egraph, written by Graph.to_image) is a whole
graph and loads alone, checked instead of built.

Raises MissingFileError (a FileNotFoundError) for a file that does not
exist, InvalidArgumentError (a ValueError) for syntax errors and for
records that fail validation (the message lists up to ``max_problems``
problems, each with file, record and field), and DataError (a ValueError)
for truncated or corrupt binary data.

    >>> g = embargo.load("examples/data/article_2023.textproto")
    >>> g.actor("PRK").name
    'North Korea'
)doc");

  m.def("resolution", &Resolution, py::arg("sources"), R"doc(
What entity resolution does when ``sources`` (as for ``load``) are loaded
together: a dict with ``actors_in``, ``actors_out``, ``merged_actors``,
``links_by_rule``, ``links`` (each with ``kept_id``, ``ids``, ``files``,
``rule`` and ``values``: what matched), ``refused`` (links a rule found but
did not make, each with its ``reason``: the actors stay apart), ``dropped``
(records merging made impossible) and ``notes``. ``resolved`` is False when
there was nothing to resolve (one file, or a graph image).

    >>> r = embargo.resolution(["sdn.records", "eu.records"])
    >>> r["actors_in"] - r["actors_out"], len(r["refused"])
)doc");

  // --- Node ------------------------------------------------------------
  py::class_<PyNode>(m, "Node", R"doc(
A node of a graph: an actor (state, company, person, vessel, ...) or an
event. Cheap to hold; it keeps its graph alive. Two Nodes are equal when
they are the same node of the same graph.
)doc")
      .def_property_readonly(
          "id",
          [](const PyNode& n) { return std::string(n.graph.node_id(n.id)); },
          "The record id (\"RUS\", \"KOMID\").")
      .def_property_readonly(
          "name",
          [](const PyNode& n) { return std::string(n.graph.node_name(n.id)); },
          "The display name.")
      .def_property_readonly(
          "kind",
          [](const PyNode& n) {
            return std::string(NodeKindName(n.graph.node_kind(n.id)));
          },
          "\"state\", \"company\", \"person\", \"vessel\", ..., or \"event\".")
      .def_property_readonly(
          "country",
          [](const PyNode& n) -> py::object {
            const absl::string_view c = n.graph.node_country(n.id);
            if (c.empty()) return py::none();
            return py::str(std::string(c));
          },
          "ISO 3166-1 alpha-3 country, or None.")
      .def_property_readonly(
          "index", [](const PyNode& n) { return n.id.value(); },
          "Dense index of the node in its graph (0 .. num_nodes - 1).")
      .def_property_readonly(
          "record",
          [](const PyNode& n) { return RecordToDict(n.graph.NodeRecord(n.id)); },
          "The full record (an actor or an event) as a dict.")
      .def_property_readonly(
          "aliases",
          [](const PyNode& n) {
            std::vector<std::string> out;
            const v1::Record r = n.graph.NodeRecord(n.id);
            if (r.has_actor()) {
              out.assign(r.actor().aliases().begin(), r.actor().aliases().end());
            }
            return out;
          },
          "Other names of the actor.")
      .def(
          "edges",
          [](const PyNode& n) {
            std::vector<PyEdge> out;
            for (const Incidence& inc : n.graph.Incidences(n.id)) {
              out.push_back({n.graph, inc.edge});
            }
            return out;
          },
          "Every edge at this node, in both directions.")
      .def("to_dict", [](const PyNode& n) { return NodeDict(n.graph, n.id); },
           "{'id', 'name', 'kind', 'country'}.")
      .def("__eq__",
           [](const PyNode& a, const py::object& b) {
             if (!py::isinstance<PyNode>(b)) return false;
             const PyNode& o = b.cast<const PyNode&>();
             return &a.graph.data() == &o.graph.data() && a.id == o.id;
           })
      .def("__hash__",
           [](const PyNode& n) {
             return py::hash(py::make_tuple(
                 reinterpret_cast<uintptr_t>(&n.graph.data()), n.id.value()));
           })
      .def("__str__",
           [](const PyNode& n) { return std::string(n.graph.node_id(n.id)); })
      .def("__repr__", [](const PyNode& n) {
        return absl::StrCat("<embargo.Node ", n.graph.node_id(n.id), " '",
                            n.graph.node_name(n.id), "' ",
                            NodeKindName(n.graph.node_kind(n.id)), ">");
      });

  // --- Edge ------------------------------------------------------------
  py::class_<PyEdge>(m, "Edge", R"doc(
An edge of a graph: a transfer (or one leg of it), a sanction, a relation
or an event participation, with its record and evidence.
)doc")
      .def_property_readonly(
          "index", [](const PyEdge& e) { return e.id.value(); },
          "Dense index of the edge (0 .. num_edges - 1).")
      .def_property_readonly(
          "start",
          [](const PyEdge& e) { return PyNode{e.graph, e.graph.edge(e.id).from}; },
          "Where the edge starts: supplier, authority, subject, participant.")
      .def_property_readonly(
          "end",
          [](const PyEdge& e) { return PyNode{e.graph, e.graph.edge(e.id).to}; },
          "Where it ends: recipient, target, object, event.")
      .def_property_readonly(
          "kind", [](const PyEdge& e) { return EdgeKindOf(e.graph, e.id); },
          "\"transfer\", \"transfer_via\", \"sanction\", \"ownership\", ...")
      .def_property_readonly(
          "item", [](const PyEdge& e) { return ItemOf(e.graph, e.id); },
          "Item category of a transfer (\"rockets\"), else None.")
      .def_property_readonly(
          "status",
          [](const PyEdge& e) { return StatusName(e.graph.edge(e.id).status); },
          "\"alleged\", \"reported\", \"confirmed\" or \"denied\".")
      .def_property_readonly(
          "share_percent",
          [](const PyEdge& e) { return ShareOf(e.graph, e.id); },
          "Ownership share in percent, or None.")
      .def_property_readonly(
          "first_day",
          [](const PyEdge& e) { return DayToPy(e.graph.edge(e.id).days.lo); },
          "First day the fact may have held (datetime.date; None: open).")
      .def_property_readonly(
          "last_day",
          [](const PyEdge& e) { return DayToPy(e.graph.edge(e.id).days.hi); },
          "Last day the fact may have held (datetime.date; None: open).")
      .def_property_readonly(
          "record_id", [](const PyEdge& e) { return e.graph.EdgeRecordId(e.id); },
          "Id of the record the edge comes from (\"T-1\").")
      .def_property_readonly(
          "record",
          [](const PyEdge& e) { return RecordToDict(e.graph.EdgeRecord(e.id)); },
          "The full record as a dict.")
      .def_property_readonly(
          "evidence",
          [](const PyEdge& e) {
            Hop hop{e.id, e.graph.edge(e.id).from, e.graph.edge(e.id).to, true};
            return EvidenceList(e.graph, ExplainHop(e.graph, hop));
          },
          "The evidence of the record, each with its source resolved.")
      .def_property_readonly(
          "origin",
          [](const PyEdge& e) {
            const RecordOrigin o = e.graph.EdgeOrigin(e.id);
            return py::make_tuple(o.file, o.record);
          },
          "(file, record) the edge was read from.")
      .def("__eq__",
           [](const PyEdge& a, const py::object& b) {
             if (!py::isinstance<PyEdge>(b)) return false;
             const PyEdge& o = b.cast<const PyEdge&>();
             return &a.graph.data() == &o.graph.data() && a.id == o.id;
           })
      .def("__hash__",
           [](const PyEdge& e) {
             return py::hash(py::make_tuple(
                 reinterpret_cast<uintptr_t>(&e.graph.data()), e.id.value(), 1));
           })
      .def("__repr__", [](const PyEdge& e) {
        const EdgeInfo info = e.graph.edge(e.id);
        return absl::StrCat("<embargo.Edge ", e.id.value(), " ",
                            e.graph.node_id(info.from), " -> ",
                            e.graph.node_id(info.to), " ",
                            EdgeKindName(info.kind), " ",
                            e.graph.EdgeRecordId(e.id), ">");
      });
}

}  // namespace embargo::python
