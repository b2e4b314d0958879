// Filter, the path and neighbourhood queries of Graph, and their results:
// Hop, Path, PathList, Neighborhood.

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "embargo/explain.h"
#include "embargo/query.h"
#include "python/src/common.h"
#include "python/src/objects.h"

namespace embargo::python {

const HopDetail& PyHop::Detail() {
  if (detail_ == nullptr) {
    detail_ = std::make_shared<const HopDetail>(ExplainHop(graph, hop));
  }
  return *detail_;
}

py::dict PyHop::ToDict() {
  const HopDetail& d = Detail();
  py::dict row;
  row["from"] = std::string(graph.node_id(hop.from));
  row["from_name"] = std::string(graph.node_name(hop.from));
  row["to"] = std::string(graph.node_id(hop.to));
  row["to_name"] = std::string(graph.node_name(hop.to));
  row["along"] = hop.along;
  row["edge"] = hop.edge.value();
  row["kind"] = EdgeKindOf(graph, hop.edge);
  row["item"] = ItemOf(graph, hop.edge);
  row["status"] = StatusName(d.info.status);
  row["share_percent"] = ShareOf(graph, hop.edge);
  row["when"] = d.when;
  row["record_kind"] = d.record_kind;
  row["record_id"] = d.record_id;
  row["designation"] = d.designation;
  row["role"] = d.role;
  // The record's own direction, beside the walk's from / to.
  const EdgeInfo& info = d.info;
  const py::object start = py::str(std::string(graph.node_id(info.from)));
  const py::object end = py::str(std::string(graph.node_id(info.to)));
  const bool transfer = info.kind == EdgeKind::kTransfer ||
                        info.kind == EdgeKind::kTransferVia;
  row["edge_start"] = start;
  row["edge_end"] = end;
  row["supplier"] = transfer ? start : py::none();
  row["recipient"] = transfer ? end : py::none();
  row["owner"] = info.kind == EdgeKind::kOwnership ? start : py::none();
  row["owned"] = info.kind == EdgeKind::kOwnership ? end : py::none();
  row["authority"] = info.kind == EdgeKind::kSanction ? start : py::none();
  row["target"] = info.kind == EdgeKind::kSanction ? end : py::none();
  py::object quantity = py::none(), tiv = py::none(), ordered = py::none();
  py::object first_delivery = py::none(), last_delivery = py::none();
  py::object number_ordered = py::none(), tiv_unit = py::none();
  py::object tiv_delivered = py::none(), number_uncertain = py::none();
  if (d.record.has_transfer()) {
    const v1::Transfer& t = d.record.transfer();
    if (t.quantity() > 0) quantity = py::int_(t.quantity());
    if (t.tiv_total() > 0) tiv = py::float_(t.tiv_total());
    if (t.quantity_ordered() > 0) {
      number_ordered = py::int_(t.quantity_ordered());
    }
    if (t.tiv_unit() > 0) tiv_unit = py::float_(t.tiv_unit());
    if (t.tiv_delivered() > 0) tiv_delivered = py::float_(t.tiv_delivered());
    // Either number (ordered or delivered) marked uncertain.
    number_uncertain =
        py::bool_(t.quantity_uncertain() || t.quantity_ordered_uncertain());
    auto date = [](const v1::Date& x) -> py::object {
      absl::StatusOr<PartialDate> p = PartialDate::FromProto(x);
      if (!p.ok() || !p->known()) return py::none();
      return py::str(p->ToString());
    };
    ordered = date(t.ordered());
    first_delivery = date(t.delivered().start());
    last_delivery = date(t.delivered().end());
  }
  row["quantity"] = quantity;
  row["tiv"] = tiv;
  // SIPRI's numbers by name; None where the source gives none.
  row["number_ordered"] = number_ordered;
  row["number_delivered"] = quantity;
  row["number_uncertain"] = number_uncertain;
  row["tiv_unit"] = tiv_unit;
  row["tiv_order"] = tiv;
  row["tiv_delivered"] = tiv_delivered;
  row["ordered"] = ordered;
  row["delivered_first"] = first_delivery;
  row["delivered_last"] = last_delivery;
  row["program"] = d.record.has_sanction()
                       ? py::object(py::str(d.record.sanction().program()))
                       : py::object(py::none());
  row["first_day"] = DayToPy(info.days.lo);
  row["last_day"] = DayToPy(info.days.hi);
  row["summary"] = d.summary;
  py::list sources, quotes;
  for (const EvidenceDetail& ev : d.evidence) {
    if (ev.source != nullptr) sources.append(ev.source->id());
    if (!ev.evidence.quote().empty()) quotes.append(ev.evidence.quote());
  }
  row["sources"] = sources;
  row["quotes"] = quotes;
  return row;
}

py::dict PyPath::ToDict() {
  py::dict out;
  py::list nodes, hop_rows;
  for (NodeId n : path.Nodes()) nodes.append(std::string(graph.node_id(n)));
  for (const auto& hop : hops) hop_rows.append(hop->ToDict());
  out["source"] = std::string(graph.node_id(path.source));
  out["target"] = std::string(graph.node_id(path.target()));
  out["length"] = path.length();
  out["nodes"] = nodes;
  out["hops"] = hop_rows;
  return out;
}

py::list PyPath::ToDicts(int path_index) {
  py::list rows;
  for (size_t i = 0; i < hops.size(); ++i) {
    py::dict row;
    row["path"] = path_index;
    row["hop"] = i;
    for (auto item : hops[i]->ToDict()) row[item.first] = item.second;
    rows.append(row);
  }
  return rows;
}

std::shared_ptr<PyPath> MakePath(const Graph& graph, Path path) {
  auto out = std::make_shared<PyPath>(graph, std::move(path));
  out->hops.reserve(out->path.hops.size());
  for (const Hop& hop : out->path.hops) {
    out->hops.push_back(std::make_shared<PyHop>(graph, hop));
  }
  return out;
}

std::shared_ptr<PyPaths> MakePaths(const Graph& graph, Paths paths) {
  auto out = std::make_shared<PyPaths>();
  out->paths.reserve(paths.paths.size());
  for (Path& p : paths.paths) out->paths.push_back(MakePath(graph, std::move(p)));
  out->truncated = paths.truncated;
  out->truncation_reason = std::move(paths.truncation_reason);
  return out;
}

py::list EvidenceList(const Graph& graph, const HopDetail& detail) {
  (void)graph;
  py::list out;
  for (const EvidenceDetail& ev : detail.evidence) {
    py::dict d = MessageToDict(ev.evidence);
    d["source"] = ev.source != nullptr ? py::object(MessageToDict(*ev.source))
                                       : py::object(py::none());
    d["speaker_name"] = ev.speaker_name;
    py::list via;
    for (const v1::Source* s : ev.via) {
      if (s != nullptr) via.append(MessageToDict(*s));
    }
    d["via_sources"] = via;
    out.append(d);
  }
  return out;
}

namespace {

// PyNeighborhood is embargo.Neighborhood.
struct PyNeighborhood {
  Graph graph;
  Neighborhood result;
};

// The filter keywords of every query, in one place.
#define EMBARGO_FILTER_PARAMS                                              \
  const py::object &filter, const py::object &kinds, const py::object &items, \
      const py::object &since, const py::object &until,                    \
      const py::object &min_status, const py::object &direction,           \
      const py::object &node_kinds, const py::object &date_match,           \
      const py::object &chronological, const py::object &max_gap_days, \
      const py::object &country
#define EMBARGO_FILTER_VALUES                                              \
  FilterKeywords {                                                         \
    filter, kinds, items, since, until, min_status, direction, node_kinds, \
        date_match, chronological, max_gap_days, country                   \
  }
#define EMBARGO_FILTER_ARGS                                                \
  py::arg("filter") = py::none(), py::arg("kinds") = py::none(),           \
  py::arg("items") = py::none(), py::arg("since") = py::none(),            \
  py::arg("until") = py::none(), py::arg("min_status") = py::none(),       \
  py::arg("direction") = py::none(), py::arg("node_kinds") = py::none(),   \
  py::arg("date_match") = py::none(), py::arg("chronological") = py::none(), \
  py::arg("max_gap_days") = py::none(), py::arg("country") = py::none()

constexpr char kFilterDoc[] = R"doc(
Filter keywords (the same for every query; None leaves the default):
    filter: an embargo.Filter to start from; the other keywords override
        its fields.
    kinds: edge kinds the query may use ("transfer", "transfer_via",
        "sanction", "ownership", "directorship", "operator", "flag",
        "visit", "participation", ...), as a list or a comma-separated
        string. Default: all.
    items: item categories a transfer edge must carry
        ("artillery_ammunition", "rockets", "missiles", ...); other edges
        are not affected. Default: all.
    since, until: a date window ("2023", "2023-07", "2023-07-26", a year
        or a datetime.date); an edge must overlap it (date_match
        "possible", the default) or lie inside it ("certain").
    min_status: "alleged" (default, leaves denied claims out), "reported"
        or "confirmed".
    direction: "either" (default), "along" (supplier to recipient,
        authority to target, subject to object) or "against".
    node_kinds: kinds every node passed through must have (the endpoints
        are exempt).
    chronological: paths only: keep a path only when its hops can be
        given days in time order (partial dates as spans of days; an
        undated hop always fits); neighbourhoods refuse it.
    max_gap_days: with chronological, most days between consecutive
        transfer hops.
    country: an ISO 3166-1 alpha-3 code ("RUS"): every node passed
        through or reached must be that state or linked to it by a
        country link (registered_in, located_in, national_of), a
        nationality or a flag (the endpoints are exempt).
    The country links (kinds "registered_in", "located_in",
    "national_of", or "country_links" for the three) are walked only when
    named in kinds.
)doc";

std::string Doc(const char* head) { return absl::StrCat(head, kFilterDoc); }

}  // namespace

void BindQueries(py::module_& m) {
  // --- Filter ----------------------------------------------------------
  py::class_<PyFilter>(m, "Filter", Doc(R"doc(
A reusable filter: build it once, pass it as ``filter=`` to any query.

    >>> munitions = embargo.Filter(kinds=["transfer", "transfer_via"],
    ...                            items=["artillery_ammunition", "rockets"])
    >>> g.all_paths("RUS", "PRK", 3, filter=munitions)
)doc").c_str())
      .def(py::init([](EMBARGO_FILTER_PARAMS) {
             return PyFilter{MakeFilter(EMBARGO_FILTER_VALUES)};
           }),
           py::kw_only(), EMBARGO_FILTER_ARGS)
      .def("__repr__", [](const PyFilter& f) {
        return absl::StrCat("<embargo.Filter kinds=0x",
                            absl::Hex(f.filter.edge_kinds.bits()), " items=0x",
                            absl::Hex(f.filter.items.bits()), " since=",
                            f.filter.from.ToString(), " until=",
                            f.filter.until.ToString(), " min_status=",
                            StatusName(f.filter.min_status), " direction=",
                            DirectionName(f.filter.direction), ">");
      });

  // --- Hop -------------------------------------------------------------
  py::class_<PyHop, std::shared_ptr<PyHop>>(m, "Hop", R"doc(
One step of a path: the edge walked, which way, and what it rests on.

The record and evidence are looked up on first use: ``record`` (the full
record as a dict), ``evidence`` (each piece with its source, speaker and
quote), ``sources`` and ``quotes``.
)doc")
      .def_property_readonly(
          "source", [](const PyHop& h) { return PyNode{h.graph, h.hop.from}; },
          "The node the step leaves.")
      .def_property_readonly(
          "target", [](const PyHop& h) { return PyNode{h.graph, h.hop.to}; },
          "The node the step reaches.")
      .def_property_readonly(
          "along", [](const PyHop& h) { return h.hop.along; },
          "True when walked from the edge's start to its end (supplier to "
          "recipient).")
      .def_property_readonly(
          "edge", [](const PyHop& h) { return PyEdge{h.graph, h.hop.edge}; },
          "The Edge walked.")
      .def_property_readonly(
          "kind", [](const PyHop& h) { return EdgeKindOf(h.graph, h.hop.edge); },
          "Edge kind: \"transfer\", \"ownership\", ...")
      .def_property_readonly(
          "item", [](const PyHop& h) { return ItemOf(h.graph, h.hop.edge); },
          "Item category of a transfer, else None.")
      .def_property_readonly(
          "status",
          [](const PyHop& h) { return StatusName(h.graph.edge(h.hop.edge).status); },
          "\"alleged\", \"reported\", \"confirmed\" or \"denied\".")
      .def_property_readonly(
          "share_percent",
          [](const PyHop& h) { return ShareOf(h.graph, h.hop.edge); },
          "Ownership share in percent, or None.")
      .def_property_readonly(
          "first_day",
          [](const PyHop& h) { return DayToPy(h.graph.edge(h.hop.edge).days.lo); },
          "First day the fact may have held (datetime.date; None: open).")
      .def_property_readonly(
          "last_day",
          [](const PyHop& h) { return DayToPy(h.graph.edge(h.hop.edge).days.hi); },
          "Last day the fact may have held (datetime.date; None: open).")
      .def_property_readonly(
          "when", [](PyHop& h) { return h.Detail().when; },
          "The record's dates as given (\"2023-07\").")
      .def_property_readonly(
          "record_kind", [](PyHop& h) { return h.Detail().record_kind; },
          "\"transfer\", \"sanction\", \"relation\" or \"event\".")
      .def_property_readonly(
          "record_id", [](PyHop& h) { return h.Detail().record_id; },
          "Id of the record (\"T-1\").")
      .def_property_readonly(
          "designation", [](PyHop& h) { return h.Detail().designation; },
          "Transfers: the items as the source names them (\"122 mm rockets\").")
      .def_property_readonly(
          "role", [](PyHop& h) { return h.Detail().role; },
          "Relations and event participations: the role.")
      .def_property_readonly(
          "summary", [](PyHop& h) { return h.Detail().summary; },
          "One line: \"PRK -> RUS transfer artillery_ammunition 2023 (alleged)\".")
      .def_property_readonly(
          "record", [](PyHop& h) { return RecordToDict(h.Detail().record); },
          "The full record as a dict (proto field names).")
      .def_property_readonly(
          "evidence",
          [](PyHop& h) { return EvidenceList(h.graph, h.Detail()); },
          "The evidence: dicts with source_id, speaker_id, quote, "
          "translation, status_words, locator, and the resolved 'source', "
          "'speaker_name' and 'via_sources'.")
      .def_property_readonly(
          "sources",
          [](PyHop& h) {
            py::list out;
            for (const EvidenceDetail& ev : h.Detail().evidence) {
              if (ev.source != nullptr) out.append(MessageToDict(*ev.source));
            }
            return out;
          },
          "The sources of the evidence, as dicts (publisher, title, url, ...).")
      .def_property_readonly(
          "quotes",
          [](PyHop& h) {
            std::vector<std::string> out;
            for (const EvidenceDetail& ev : h.Detail().evidence) {
              if (!ev.evidence.quote().empty()) out.push_back(ev.evidence.quote());
            }
            return out;
          },
          "The quotes of the evidence, in the sources' words.")
      .def("to_dict", &PyHop::ToDict, R"doc(
The hop as a flat dict: from, from_name, to, to_name (the walk's
direction), along, edge, kind, item, status, share_percent, when,
record_kind, record_id, designation, role; the record's own direction:
edge_start, edge_end, and by kind supplier / recipient (transfers), owner /
owned (ownership), authority / target (sanctions), None where they do not
apply; quantity (number delivered), tiv (SIPRI TIV of the order,
millions), number_ordered, number_delivered, number_uncertain, tiv_unit,
tiv_order, tiv_delivered (None where the source gives none), ordered,
delivered_first, delivered_last (transfers), program (sanctions), first_day, last_day;
summary, sources (ids) and quotes. Group by supplier, not by from: a path
walked from Russia to North Korea has from="RUS" on a North Korean
delivery to Russia.
)doc")
      .def("__repr__", [](PyHop& h) {
        return absl::StrCat("<embargo.Hop ", h.Detail().summary, ">");
      });

  // --- Path ------------------------------------------------------------
  py::class_<PyPath, std::shared_ptr<PyPath>>(m, "Path", R"doc(
A path: a sequence of Hops from ``source`` to ``target``. ``len(path)`` is
its number of hops; iterating gives the hops.
)doc")
      .def_property_readonly(
          "source", [](const PyPath& p) { return PyNode{p.graph, p.path.source}; },
          "The first node.")
      .def_property_readonly(
          "target",
          [](const PyPath& p) { return PyNode{p.graph, p.path.target()}; },
          "The last node.")
      .def_property_readonly(
          "nodes",
          [](const PyPath& p) {
            std::vector<PyNode> out;
            for (NodeId n : p.path.Nodes()) out.push_back({p.graph, n});
            return out;
          },
          "The nodes: source, then each hop's end.")
      .def_property_readonly(
          "hops", [](const PyPath& p) { return p.hops; }, "The hops, in order.")
      .def("__len__", [](const PyPath& p) { return p.hops.size(); })
      .def(
          "__iter__",
          [](const PyPath& p) { return py::iter(py::cast(p.hops)); })
      .def("__getitem__",
           [](const PyPath& p, int64_t i) {
             const int64_t n = static_cast<int64_t>(p.hops.size());
             if (i < 0) i += n;
             if (i < 0 || i >= n) throw py::index_error("hop index out of range");
             return p.hops[static_cast<size_t>(i)];
           })
      .def(
          "format",
          [](const PyPath& p) { return FormatPath(p.graph, p.path); },
          "The path as indented text: a line per hop, and under it each "
          "source, speaker and quote.")
      .def("to_dict", &PyPath::ToDict,
           "{'source', 'target', 'length', 'nodes': [ids], 'hops': [hop "
           "dicts]}.")
      .def(
          "to_dicts", [](PyPath& p) { return p.ToDicts(0); },
          "One flat dict per hop (see Hop.to_dict), with 'path' and 'hop' "
          "numbers: rows for a table.")
      .def("__str__", [](const PyPath& p) { return FormatPath(p.graph, p.path); })
      .def("__repr__", [](const PyPath& p) {
        std::string nodes;
        for (NodeId n : p.path.Nodes()) {
          absl::StrAppend(&nodes, nodes.empty() ? "" : " - ", p.graph.node_id(n));
        }
        return absl::StrCat("<embargo.Path ", nodes, " (", p.hops.size(),
                            p.hops.size() == 1 ? " hop" : " hops", ")>");
      });

  // --- PathList --------------------------------------------------------
  py::class_<PyPaths, std::shared_ptr<PyPaths>>(m, "PathList", R"doc(
The paths a query found, shortest first; a sequence of Path. ``truncated``
is True when a limit cut the list short (``truncation_reason`` says which).
)doc")
      .def("__len__", [](const PyPaths& p) { return p.paths.size(); })
      .def("__iter__",
           [](const PyPaths& p) { return py::iter(py::cast(p.paths)); })
      .def("__getitem__",
           [](const PyPaths& p, int64_t i) {
             const int64_t n = static_cast<int64_t>(p.paths.size());
             if (i < 0) i += n;
             if (i < 0 || i >= n) throw py::index_error("path index out of range");
             return p.paths[static_cast<size_t>(i)];
           })
      .def_property_readonly(
          "truncated", [](const PyPaths& p) { return p.truncated; },
          "True when a limit cut the list short.")
      .def_property_readonly(
          "truncation_reason",
          [](const PyPaths& p) { return p.truncation_reason; },
          "Why the list was cut short (empty otherwise).")
      .def(
          "to_dicts",
          [](const PyPaths& p) {
            py::list rows;
            for (size_t i = 0; i < p.paths.size(); ++i) {
              for (auto row : p.paths[i]->ToDicts(static_cast<int>(i))) {
                rows.append(row);
              }
            }
            return rows;
          },
          "One flat dict per hop of every path (see Hop.to_dict), with "
          "'path' and 'hop' numbers: rows for a table.")
      .def("__repr__", [](const PyPaths& p) {
        return absl::StrCat("<embargo.PathList: ", p.paths.size(), " paths",
                            p.truncated ? " (truncated)" : "", ">");
      });

  // --- Neighborhood ----------------------------------------------------
  py::class_<PyNeighborhood>(m, "Neighborhood", R"doc(
The nodes within reach of a seed, nearest first. Iterating gives
(Node, hops) pairs; ``len`` counts the nodes.
)doc")
      .def("__len__",
           [](const PyNeighborhood& n) { return n.result.nodes.size(); })
      .def("__iter__",
           [](const PyNeighborhood& n) {
             py::list out;
             for (const Neighbor& x : n.result.nodes) {
               out.append(py::make_tuple(PyNode{n.graph, x.node}, x.hops));
             }
             return py::iter(out);
           })
      .def("__contains__",
           [](const PyNeighborhood& n, const py::object& ref) {
             const NodeId id = ToNode(n.graph, ref);
             for (const Neighbor& x : n.result.nodes) {
               if (x.node == id) return true;
             }
             return false;
           })
      .def_property_readonly(
          "nodes",
          [](const PyNeighborhood& n) {
            std::vector<PyNode> out;
            for (const Neighbor& x : n.result.nodes) out.push_back({n.graph, x.node});
            return out;
          },
          "The nodes, nearest first.")
      .def_property_readonly(
          "truncated", [](const PyNeighborhood& n) { return n.result.truncated; },
          "True when a limit cut the list short.")
      .def_property_readonly(
          "truncation_reason",
          [](const PyNeighborhood& n) { return n.result.truncation_reason; },
          "Why the list was cut short (empty otherwise).")
      .def(
          "to_dicts",
          [](const PyNeighborhood& n) {
            py::list rows;
            for (const Neighbor& x : n.result.nodes) {
              py::dict row = NodeDict(n.graph, x.node);
              row["hops"] = x.hops;
              rows.append(row);
            }
            return rows;
          },
          "One dict per node: id, name, kind, country, hops.")
      .def("__repr__", [](const PyNeighborhood& n) {
        return absl::StrCat("<embargo.Neighborhood: ", n.result.nodes.size(),
                            " nodes", n.result.truncated ? " (truncated)" : "",
                            ">");
      });

  // --- Queries ---------------------------------------------------------
  auto graph = py::reinterpret_borrow<py::class_<Graph>>(m.attr("Graph"));

  graph.def(
      "shortest_path",
      [](const Graph& g, const py::object& a, const py::object& b,
         EMBARGO_FILTER_PARAMS, const py::object& max_work,
         const py::object& timeout) -> py::object {
        const NodeId from = ToNode(g, a);
        const NodeId to = ToNode(g, b);
        const Filter f = MakeFilter(EMBARGO_FILTER_VALUES);
        const Limits limits = MakeLimits(py::none(), max_work, timeout, 1000);
        absl::StatusOr<std::optional<Path>> result = std::nullopt;
        {
          py::gil_scoped_release release;
          result = ShortestPath(g, from, to, f, limits);
        }
        std::optional<Path> path = Value(std::move(result));
        if (!path.has_value()) return py::none();
        return py::cast(MakePath(g, *std::move(path)));
      },
      py::arg("a"), py::arg("b"), py::kw_only(), EMBARGO_FILTER_ARGS,
      py::arg("max_work") = py::none(), py::arg("timeout") = py::none(),
      Doc(R"doc(
A path with the fewest hops from ``a`` to ``b`` (Nodes, ids or unique
names), or None when there is none. Bidirectional breadth-first search.

Raises ResourceExhaustedError when ``max_work`` (edges examined) or
``timeout`` (seconds) stop the search before it can tell.

    >>> g.shortest_path("RUS", "PRK", kinds="transfer")
    <embargo.Path RUS - PRK (1 hop)>
)doc").c_str());

  graph.def(
      "k_shortest_paths",
      [](const Graph& g, const py::object& a, const py::object& b, int k,
         EMBARGO_FILTER_PARAMS, const py::object& max_work,
         const py::object& timeout) {
        const NodeId from = ToNode(g, a);
        const NodeId to = ToNode(g, b);
        const Filter f = MakeFilter(EMBARGO_FILTER_VALUES);
        const Limits limits = MakeLimits(py::none(), max_work, timeout, 1000);
        absl::StatusOr<Paths> result = Paths{};
        {
          py::gil_scoped_release release;
          result = KShortestPaths(g, from, to, k, f, limits);
        }
        return MakePaths(g, Value(std::move(result)));
      },
      py::arg("a"), py::arg("b"), py::arg("k"), py::kw_only(),
      EMBARGO_FILTER_ARGS, py::arg("max_work") = py::none(),
      py::arg("timeout") = py::none(),
      Doc(R"doc(
Up to ``k`` simple paths from ``a`` to ``b`` in order of length (Yen's
algorithm on hop counts; ties in a fixed order), as a PathList.
)doc").c_str());

  graph.def(
      "all_paths",
      [](const Graph& g, const py::object& a, const py::object& b,
         int max_hops, EMBARGO_FILTER_PARAMS, const py::object& max_results,
         const py::object& max_work, const py::object& timeout) {
        const NodeId from = ToNode(g, a);
        const NodeId to = ToNode(g, b);
        const Filter f = MakeFilter(EMBARGO_FILTER_VALUES);
        const Limits limits = MakeLimits(max_results, max_work, timeout, 1000);
        absl::StatusOr<Paths> result = Paths{};
        {
          py::gil_scoped_release release;
          result = AllPaths(g, from, to, max_hops, f, limits);
        }
        return MakePaths(g, Value(std::move(result)));
      },
      py::arg("a"), py::arg("b"), py::arg("max_hops") = 3, py::kw_only(),
      EMBARGO_FILTER_ARGS, py::arg("max_results") = 1000,
      py::arg("max_work") = py::none(), py::arg("timeout") = py::none(),
      Doc(R"doc(
Every simple path of 1..``max_hops`` hops from ``a`` to ``b``, shortest
first, as a PathList; at most ``max_results`` (None: no cap), after which
the list is marked truncated. Parallel edges make distinct paths.

    >>> munitions = g.all_paths("RUS", "PRK", 3, kinds="transfer,transfer_via",
    ...     items=["artillery_ammunition", "ammunition", "rockets",
    ...            "missiles", "small_arms", "arms_general"])
    >>> len(munitions)
    4
)doc").c_str());

  graph.def(
      "count_paths",
      [](const Graph& g, const py::object& a, const py::object& b,
         int max_hops, EMBARGO_FILTER_PARAMS, const py::object& max_work,
         const py::object& timeout) {
        const NodeId from = ToNode(g, a);
        const NodeId to = ToNode(g, b);
        const Filter f = MakeFilter(EMBARGO_FILTER_VALUES);
        const Limits limits = MakeLimits(py::none(), max_work, timeout, 1000);
        absl::StatusOr<PathCount> result = PathCount{};
        {
          py::gil_scoped_release release;
          result = CountPaths(g, from, to, max_hops, f, limits);
        }
        PathCount count = Value(std::move(result));
        if (count.truncated) {
          ThrowIfError(absl::ResourceExhaustedError(absl::StrCat(
              "count_paths stopped after ", count.count,
              " paths: ", count.truncation_reason)));
        }
        return count.count;
      },
      py::arg("a"), py::arg("b"), py::arg("max_hops") = 3, py::kw_only(),
      EMBARGO_FILTER_ARGS, py::arg("max_work") = py::none(),
      py::arg("timeout") = py::none(),
      Doc(R"doc(
The number of paths ``all_paths`` would return without a cap, counted
without building them. Raises ResourceExhaustedError when ``max_work`` or
``timeout`` stop the count.
)doc").c_str());

  graph.def(
      "neighbors",
      [](const Graph& g, const py::object& seed, int max_hops,
         EMBARGO_FILTER_PARAMS, const py::object& max_results,
         const py::object& max_work, const py::object& timeout) {
        const NodeId from = ToNode(g, seed);
        const Filter f = MakeFilter(EMBARGO_FILTER_VALUES);
        const Limits limits = MakeLimits(max_results, max_work, timeout, 0);
        absl::StatusOr<Neighborhood> result = Neighborhood{};
        {
          py::gil_scoped_release release;
          result = Neighbors(g, from, max_hops, f, limits);
        }
        return PyNeighborhood{g, Value(std::move(result))};
      },
      py::arg("seed"), py::arg("max_hops") = 1, py::kw_only(),
      EMBARGO_FILTER_ARGS, py::arg("max_results") = py::none(),
      py::arg("max_work") = py::none(), py::arg("timeout") = py::none(),
      Doc(R"doc(
The nodes within ``max_hops`` of ``seed`` (the seed left out), by distance
then node order, as a Neighborhood; at most ``max_results`` (None: all).

    >>> [n.id for n, hops in g.neighbors("PRK", 1, kinds="visit")]
)doc").c_str());

  m.def(
      "_bench_shortest_paths",
      [](const Graph& g, const std::vector<std::pair<std::string, std::string>>&
                             pairs,
         EMBARGO_FILTER_PARAMS) {
        std::vector<std::pair<NodeId, NodeId>> nodes;
        for (const auto& [a, b] : pairs) {
          nodes.push_back({Value(g.Node(a)), Value(g.Node(b))});
        }
        const Filter f = MakeFilter(EMBARGO_FILTER_VALUES);
        std::vector<int> lengths;
        absl::Status error;
        double seconds = 0;
        {
          py::gil_scoped_release release;
          const auto start = std::chrono::steady_clock::now();
          for (const auto& [a, b] : nodes) {
            absl::StatusOr<std::optional<Path>> p = ShortestPath(g, a, b, f);
            if (!p.ok()) {
              error = p.status();
              break;
            }
            lengths.push_back(p->has_value() ? static_cast<int>((*p)->length())
                                             : -1);
          }
          seconds = std::chrono::duration<double>(
                        std::chrono::steady_clock::now() - start)
                        .count();
        }
        ThrowIfError(error);
        return py::make_tuple(lengths, seconds);
      },
      py::arg("graph"), py::arg("pairs"), py::kw_only(), EMBARGO_FILTER_ARGS,
      R"doc(
Benchmark helper: the shortest path lengths (-1: none) of ``pairs`` of ids
and the seconds the C++ loop took, run entirely in C++ without the GIL.
)doc");
}

}  // namespace embargo::python
