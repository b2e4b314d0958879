// Graph.links (link reports, embargo/links.h) and Graph.k_shortest_routes.

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "embargo/explain.h"
#include "embargo/link_report.h"
#include "embargo/links.h"
#include "embargo/query.h"
#include "python/src/common.h"
#include "python/src/objects.h"

namespace embargo::python {
namespace {

// PyLinkReport is embargo.LinkReport.
struct PyLinkReport {
  Graph graph;
  LinkReport report;
};

// FilterFrom reads the filter keywords from **kwargs; any other keyword is
// an error.
Filter FilterFrom(const py::kwargs& kwargs) {
  FilterKeywords k;
  for (auto item : kwargs) {
    const std::string key = py::str(item.first).cast<std::string>();
    py::object value = py::reinterpret_borrow<py::object>(item.second);
    if (key == "filter") k.filter = value;
    else if (key == "kinds") k.kinds = value;
    else if (key == "items") k.items = value;
    else if (key == "since") k.since = value;
    else if (key == "until") k.until = value;
    else if (key == "min_status") k.min_status = value;
    else if (key == "direction") k.direction = value;
    else if (key == "node_kinds") k.node_kinds = value;
    else if (key == "date_match") k.date_match = value;
    else if (key == "chronological") k.chronological = value;
    else if (key == "max_gap_days") k.max_gap_days = value;
    else if (key == "country") k.country = value;
    else {
      ThrowIfError(absl::InvalidArgumentError(
          absl::StrCat("unexpected keyword argument \"", key, "\"")));
    }
  }
  return MakeFilter(k);
}

py::dict RouteDict(const Graph& g, const LinkRoute& r, size_t rank) {
  py::dict d;
  d["rank"] = rank;
  d["label"] = r.label;
  d["hops"] = r.steps.size();
  py::list steps;
  for (const LinkStep& s : r.steps) {
    steps.append(py::make_tuple(std::string(EdgeKindName(s.kind)), s.along));
  }
  d["steps"] = steps;
  d["folded"] = r.folded;
  py::list inter, kinds, top, targets;
  for (NodeId n : r.intermediaries) inter.append(std::string(g.node_id(n)));
  for (NodeKind k : r.intermediary_kinds) kinds.append(std::string(NodeKindName(k)));
  for (const auto& [n, c] : r.top_intermediaries) {
    top.append(py::make_tuple(std::string(g.node_id(n)), c));
  }
  for (const auto& [n, c] : r.targets) {
    targets.append(py::make_tuple(std::string(g.node_id(n)), c));
  }
  d["intermediaries"] = inter;
  d["intermediary_kinds"] = kinds;
  d["top_intermediaries"] = top;
  d["targets"] = targets;
  d["paths"] = r.paths;
  d["node_sequences"] = r.node_sequences;
  d["edges"] = r.edges;
  const bool dated = r.days.lo <= r.days.hi;
  d["first_day"] = dated ? DayToPy(r.days.lo) : py::none();
  d["last_day"] = dated ? DayToPy(r.days.hi) : py::none();
  d["undated_edges"] = r.undated_edges;
  py::dict items;
  for (const auto& [item, c] : r.items) items[py::str(ItemName(item))] = c;
  d["items"] = items;
  d["strongest_status"] = StatusName(r.strongest_status);
  d["sources"] = r.sources;
  d["score"] = r.score;
  d["example"] = MakePath(g, r.example);
  d["programme_target"] = r.programme_target;
  return d;
}

}  // namespace

void BindLinks(py::module_& m) {
  py::class_<PyLinkReport, std::shared_ptr<PyLinkReport>>(m, "LinkReport", R"doc(
How two actors are linked: the paths grouped into ranked routes (see
Graph.links). ``total_paths`` counts every path; ``routes`` lists every
route as a dict (rank, label, hops, steps, intermediaries, paths, years as
first_day / last_day, items, strongest_status, sources, score, example
Path); ``str(report)`` is the terminal page; ``to_markdown()``,
``to_csv()``, ``to_json()`` and ``to_html(path)`` give the whole report.
)doc")
      .def_property_readonly("total_paths",
                             [](const PyLinkReport& r) { return r.report.total_paths; })
      .def_property_readonly(
          "through_sanctioning_paths",
          [](const PyLinkReport& r) { return r.report.through_sanctioning_paths; },
          "Paths left out because they pass through an authority between two "
          "of its sanctions (links(..., through_sanctioning=True) keeps them).")
      .def_property_readonly("complete",
                             [](const PyLinkReport& r) { return r.report.complete; })
      .def_property_readonly("stop_reason",
                             [](const PyLinkReport& r) { return r.report.stop_reason; })
      .def_property_readonly("max_hops",
                             [](const PyLinkReport& r) { return r.report.max_hops; })
      .def_property_readonly(
          "programmes",
          [](const PyLinkReport& r) -> py::object {
            if (!r.report.programme_targets) return py::none();
            py::dict d;
            py::list list, linked;
            for (const StateProgramme& p : r.report.programmes) {
              list.append(py::make_tuple(p.authority_id, p.program, p.basis));
            }
            for (const LinkReport::ProgrammeTarget& t :
                 r.report.linked_programme_targets) {
              linked.append(py::make_tuple(std::string(r.graph.node_id(t.node)),
                                           t.programmes, t.certain));
            }
            d["programmes"] = list;
            d["as_of"] = r.report.programmes_as_of.ToString();
            d["as_of_is_today"] = r.report.programmes_as_of_today;
            d["targets"] = r.report.programme_targets_total;
            d["targets_linked"] = r.report.programme_targets_linked;
            d["possibly_in_force"] = r.report.programme_targets_possible;
            d["linked"] = linked;
            d["links"] = r.report.programme_target_paths;
            return d;
          },
          "When b is a state and programme targets were asked for: the "
          "programmes concerning it as (authority, programme, basis), the "
          "date (as_of, as_of_is_today), the number of targets, of linked "
          "targets and of those only possibly in force, the linked ones as "
          "(id, programmes, certainly in force) and the number of links; "
          "else None.")
      .def_property_readonly(
          "routes",
          [](const PyLinkReport& r) {
            py::list out;
            for (size_t i = 0; i < r.report.routes.size(); ++i) {
              out.append(RouteDict(r.graph, r.report.routes[i], i + 1));
            }
            return out;
          },
          "Every route, best first, as dicts.")
      .def("__len__", [](const PyLinkReport& r) { return r.report.routes.size(); })
      .def("__str__", [](const PyLinkReport& r) { return LinksText(r.graph, r.report); })
      .def(
          "text",
          [](const PyLinkReport& r, size_t max_routes) {
            return LinksText(r.graph, r.report, max_routes);
          },
          py::arg("max_routes") = 10, "The terminal page, with max_routes routes.")
      .def("to_markdown", [](const PyLinkReport& r) { return LinksMarkdown(r.graph, r.report); })
      .def("to_csv", [](const PyLinkReport& r) { return LinksCsv(r.graph, r.report); })
      .def("to_json", [](const PyLinkReport& r) { return LinksJson(r.graph, r.report); })
      .def("to_dot", [](const PyLinkReport& r) { return LinksDot(r.graph, r.report); })
      .def(
          "to_html",
          [](const PyLinkReport& r, const py::object& path) -> py::object {
            std::string html = Value(LinksHtml(r.graph, r.report));
            if (path.is_none()) return py::str(html);
            py::module_::import("pathlib").attr("Path")(path).attr("write_text")(
                html, py::arg("encoding") = "utf-8");
            return py::none();
          },
          py::arg("path") = py::none(),
          "The self-contained HTML report; written to `path` when given, "
          "else returned.")
      .def("to_dicts",
           [](const PyLinkReport& r) {
             py::list out;
             for (size_t i = 0; i < r.report.routes.size(); ++i) {
               py::dict d = RouteDict(r.graph, r.report.routes[i], i + 1);
               std::vector<std::string> ids;
               for (const Hop& h : r.report.routes[i].example.hops) {
                 ids.push_back(r.graph.EdgeRecordId(h.edge));
               }
               d["example"] = absl::StrJoin(ids, " / ");
               out.append(d);
             }
             return out;
           },
           "Every route as a flat dict (the example as its record ids).")
      .def("__repr__", [](const PyLinkReport& r) {
        return absl::StrCat("<embargo.LinkReport ", r.report.total_paths,
                            " paths in ", r.report.routes.size(), " routes>");
      });

  auto graph = py::reinterpret_borrow<py::class_<Graph>>(m.attr("Graph"));
  graph.def(
      "links",
      [](const Graph& g, const py::object& a, const py::object& b,
         int max_hops, size_t named_routes_per_shape,
         const py::object& max_work, const py::object& timeout,
         const py::object& programmes, const py::object& as_of,
         bool through_sanctioning, const py::kwargs& kwargs) {
        const NodeId from = ToNode(g, a);
        LinkOptions o;
        o.through_sanctioning = through_sanctioning;
        // None: with the country links the graph has; True: required.
        o.programme_targets = programmes.is_none()
                                  ? g.has_country_links()
                                  : programmes.cast<bool>();
        if (!as_of.is_none()) o.programmes_as_of = ToDate(as_of);
        o.max_hops = max_hops;
        o.filter = FilterFrom(kwargs);
        o.limits = MakeLimits(py::none(), max_work, timeout, 1000);
        o.named_routes_per_shape = named_routes_per_shape;
        absl::StatusOr<LinkReport> r = LinkReport{};
        if (py::isinstance<py::str>(b) || !py::isinstance<py::iterable>(b)) {
          const NodeId to = ToNode(g, b);
          py::gil_scoped_release release;
          r = Links(g, from, to, o);
        } else {
          std::vector<NodeId> targets;
          for (py::handle h : b) targets.push_back(ToNode(g, h));
          const std::string label = absl::StrCat(targets.size(), " targets");
          py::gil_scoped_release release;
          r = LinksToSet(g, from, targets, label, o);
        }
        return std::make_shared<PyLinkReport>(PyLinkReport{g, Value(std::move(r))});
      },
      py::arg("a"), py::arg("b"), py::arg("max_hops") = 3, py::kw_only(),
      py::arg("named_routes_per_shape") = 5, py::arg("max_work") = py::none(),
      py::arg("timeout") = py::none(), py::arg("programmes") = py::none(),
      py::arg("as_of") = py::none(), py::arg("through_sanctioning") = false, R"doc(
How ``a`` and ``b`` are linked: every path of 1..max_hops hops, grouped
into routes (link kinds, direction and intermediaries) and ranked by
evidence, recency and directness, as a LinkReport. ``b`` may also be a
list of nodes (paths end at the first one reached). Takes the filter
keywords of all_paths (kinds, items, since, until, min_status, direction,
node_kinds, date_match, chronological, max_gap_days).

When ``b`` is a state, the report also has the actors linked to ``a`` by a
country link, nationality or flag that are targets of sanctions in force on
``as_of`` (default today) under programmes concerning ``b`` (routes with
``programme_target`` True; ``report.programmes`` names them).
``programmes=None`` does so when the graph was loaded with
``country_links=True``; True requires it (an error otherwise); False
leaves them out.

Paths through an authority between two of its sanctions (X <-sanction- EU
-sanction-> Y: both sanctioned by one authority) are left out and counted
in ``report.through_sanctioning_paths``; ``through_sanctioning=True`` keeps
them.

    >>> r = g.links("RUS", "PRK")
    >>> print(r)                 # one terminal page
    >>> r.to_html("rus_prk.html")
)doc");

  graph.def(
      "k_shortest_routes",
      [](const Graph& g, const py::object& a, const py::object& b, int k,
         int max_hops, const py::kwargs& kwargs) {
        const NodeId from = ToNode(g, a);
        const NodeId to = ToNode(g, b);
        const Filter f = FilterFrom(kwargs);
        absl::StatusOr<DistinctRoutes> r = DistinctRoutes{};
        {
          py::gil_scoped_release release;
          r = KShortestRoutes(g, from, to, k, f, {}, max_hops);
        }
        DistinctRoutes routes = Value(std::move(r));
        py::list out;
        for (const DistinctRoute& route : routes.routes) {
          py::dict d;
          py::list nodes, hops;
          for (NodeId n : route.Nodes()) nodes.append(std::string(g.node_id(n)));
          for (const std::vector<Hop>& edges : route.parallel) {
            py::list list;
            for (const Hop& h : edges) list.append(std::make_shared<PyHop>(g, h));
            hops.append(list);
          }
          d["nodes"] = nodes;
          d["example"] = MakePath(g, route.example);
          d["edges"] = hops;
          out.append(d);
        }
        return out;
      },
      py::arg("a"), py::arg("b"), py::arg("k"), py::arg("max_hops") = 0,
      R"doc(
Up to ``k`` shortest routes from ``a`` to ``b`` where parallel edges
between the same two actors count as one route: a list of dicts with
``nodes``, an ``example`` Path and, per hop, every usable edge (``edges``,
lists of Hops). Takes the filter keywords (chronological included).
)doc");
}

}  // namespace embargo::python
