// The sanctions features of Graph (embargo/sanctions.h): sanctions in force,
// sanctioned nodes, blocking through ownership, effective ownership,
// arms-embargo breaches and paths to a regime's targets.

#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "embargo/country_links.h"
#include "embargo/sanctions.h"
#include "python/src/common.h"
#include "python/src/objects.h"

namespace embargo::python {
namespace {

py::object Table(py::list rows) {
  static py::handle table =
      py::object(py::module_::import("embargo").attr("Table")).release();
  return table(rows);
}

py::object DateOrNone(const PartialDate& d) {
  if (!d.known()) return py::none();
  return py::str(d.ToString());
}

Regime MakeRegime(const py::object& authorities, const py::object& programs,
                  const py::object& measures, const py::object& min_status) {
  Regime r;
  r.authority_ids = ToStrings(authorities);
  r.programs = ToStrings(programs);
  for (const std::string& m : ToStrings(measures)) {
    r.measures.Add(Value(ParseMeasure(m)));
  }
  r.min_status = ToStatus(min_status);
  return r;
}

// An empty answer over a graph with no sanctions list is unknown, not
// "none": in_force, sanctioned, breaches and paths_to_sanctioned say so
// with a UserWarning (their return types stay what callers iterate).
void WarnIfNoLists(const Graph& g, const char* what) {
  if (g.num_sanction_edges() > 0) return;
  const std::string text = absl::StrCat(
      what, ": no sanctions list is loaded, so an empty answer is unknown, not none");
  if (PyErr_WarnEx(PyExc_UserWarning, text.c_str(), 1) != 0) {
    throw py::error_already_set();
  }
}

py::dict InForceDict(const Graph& g, const InForce& s) {
  py::dict d;
  d["sanction_id"] = s.sanction_id;
  d["edge"] = s.edge.value();
  d["authority"] = s.authority_id;
  d["authority_name"] = std::string(g.node_name(s.authority));
  d["target"] = std::string(g.node_id(g.edge(s.edge).to));
  d["program"] = s.program;
  py::list measures, items;
  for (v1::Measure m : s.measures) measures.append(MeasureName(m));
  for (v1::ItemCategory i : s.embargo_items) items.append(ItemName(i));
  d["measures"] = measures;
  d["embargo_items"] = items;
  d["legal_basis"] = s.legal_basis;
  d["listed"] = DateOrNone(s.listed);
  d["listed_no_later_than"] = DateOrNone(s.listed_no_later_than);
  d["delisted"] = DateOrNone(s.delisted);
  d["status"] = StatusName(s.status);
  d["certainty"] = std::string(CertaintyName(s.certainty));
  d["reason"] = s.reason;
  d["remarks"] = s.remarks;
  return d;
}

// PyBlocked is embargo.BlockedSet.
struct PyBlocked {
  Graph graph;
  BlockedSet set;
};

py::dict BlockedDict(const Graph& g, const BlockedEntity& b, bool nested) {
  py::dict d = NodeDict(g, b.node);
  d["directly_sanctioned"] = b.directly_sanctioned;
  d["blocked_by_ownership"] = b.blocked_by_ownership;
  d["blocked_share"] = b.blocked_share;
  d["certainty"] = std::string(CertaintyName(b.certainty));
  d["order"] = b.order;
  if (nested) {
    py::list sanctions, stakes;
    for (const InForce& s : b.sanctions) sanctions.append(InForceDict(g, s));
    for (const Stake& s : b.stakes) {
      py::dict st;
      st["owner"] = std::string(g.node_id(s.owner));
      st["owner_name"] = std::string(g.node_name(s.owner));
      st["edge"] = s.edge.value();
      st["kind"] = std::string(EdgeKindName(s.kind));
      st["share_percent"] = s.share_percent > 0
                                ? py::object(py::float_(s.share_percent))
                                : py::object(py::none());
      st["certainty"] = std::string(CertaintyName(s.certainty));
      st["explaining"] = s.explaining;
      stakes.append(st);
    }
    d["sanctions"] = sanctions;
    d["stakes"] = stakes;
  } else {
    py::list programs;
    for (const InForce& s : b.sanctions) programs.append(s.program);
    d["programs"] = programs;
  }
  return d;
}

// PyOwnership is embargo.Ownership.
struct PyOwnership {
  Graph graph;
  EffectiveOwnership result;
};

py::dict HoldingDict(const Graph& g, const Holding& h) {
  py::dict d = NodeDict(g, h.node);
  d["share_percent"] = h.share_percent;
  d["direct_percent"] = h.direct_percent;
  py::list chains;
  for (const OwnershipChain& c : h.top_chains) {
    py::dict cd;
    py::list nodes;
    for (NodeId n : c.nodes) nodes.append(std::string(g.node_id(n)));
    cd["nodes"] = nodes;
    cd["share_percent"] = c.share_percent;
    chains.append(cd);
  }
  d["chains"] = chains;
  return d;
}

#define EMBARGO_REGIME_PARAMS                                           \
  const py::object &authorities, const py::object &programs,           \
      const py::object &measures, const py::object &min_status
#define EMBARGO_REGIME_ARGS                                             \
  py::arg("authorities") = py::none(), py::arg("programs") = py::none(), \
      py::arg("measures") = py::none(), py::arg("min_status") = py::none()

constexpr char kRegimeDoc[] = R"doc(
Regime keywords (which sanctions count; None matches all):
    authorities: authority ids ("UNSC", "OFAC", "EU").
    programs: programme names, case-insensitive ("UNSCR 1718", "DPRK3").
    measures: measure names ("asset_freeze", "travel_ban",
        "arms_embargo_imports", ...); a sanction counts when it has one.
    min_status: sanctions below this status are ignored ("alleged").
Dates: ``as_of`` is "YYYY", "YYYY-MM", "YYYY-MM-DD", a year or a
datetime.date; None ignores dates. "certain" answers hold on every day the
dates allow, "possible" ones on some.
)doc";

std::string Doc(const char* head) { return absl::StrCat(head, kRegimeDoc); }

}  // namespace

void BindSanctions(py::module_& m) {
  py::class_<PyBlocked>(m, "BlockedSet", R"doc(
The nodes blocked under an ownership rule: a set of Nodes (``len``, ``in``,
iteration), each with why (``entry``, ``explain``).
)doc")
      .def("__len__", [](const PyBlocked& b) { return b.set.size(); })
      .def("__contains__",
           [](const PyBlocked& b, const py::object& ref) {
             return b.set.Find(ToNode(b.graph, ref)) != nullptr;
           })
      .def("__iter__",
           [](const PyBlocked& b) {
             py::list out;
             for (const BlockedEntity& e : b.set.entities) {
               out.append(PyNode{b.graph, e.node});
             }
             return py::iter(out);
           })
      .def_property_readonly(
          "num_direct", [](const PyBlocked& b) { return b.set.num_direct; },
          "Nodes sanctioned directly.")
      .def_property_readonly(
          "num_derived", [](const PyBlocked& b) { return b.set.num_derived; },
          "Nodes blocked only through ownership or control.")
      .def_property_readonly(
          "num_possible", [](const PyBlocked& b) { return b.set.num_possible; },
          "Nodes only possibly blocked (the dates leave room for doubt).")
      .def_property_readonly(
          "authorities", [](const PyBlocked& b) { return b.set.authorities; },
          "The authorities whose asset freezes seeded the set (empty: any).")
      .def_property_readonly(
          "authorities_not_loaded",
          [](const PyBlocked& b) { return b.set.authorities_not_loaded; },
          "Those of them with no list in the graph.")
      .def_property_readonly(
          "lists_loaded", [](const PyBlocked& b) { return b.set.lists_loaded(); },
          "False when the rule's own list is not loaded: a node outside the "
          "set is then of unknown blocking, not unblocked.")
      .def(
          "entry",
          [](const PyBlocked& b, const py::object& ref) -> py::object {
            const BlockedEntity* e = b.set.Find(ToNode(b.graph, ref));
            if (e == nullptr) return py::none();
            return BlockedDict(b.graph, *e, true);
          },
          py::arg("node"), R"doc(
Why ``node`` is blocked, or None when it is not (or, where ``lists_loaded``
is False, when whether it is blocked is unknown): id, name, kind, country,
directly_sanctioned, blocked_by_ownership, blocked_share, certainty,
order, sanctions (in force on it) and stakes (blocked owners' shares,
the explaining ones first).
)doc")
      .def(
          "explain",
          [](const PyBlocked& b, const py::object& ref) {
            return FormatBlockChain(b.graph, b.set, ToNode(b.graph, ref));
          },
          py::arg("node"),
          "The chain that blocks ``node``, as indented text, down to the "
          "sanctions at its roots (empty when it is not blocked).")
      .def(
          "to_dicts",
          [](const PyBlocked& b) {
            py::list rows;
            for (const BlockedEntity& e : b.set.entities) {
              rows.append(BlockedDict(b.graph, e, false));
            }
            return rows;
          },
          "One row per blocked node (without the nested stakes).")
      .def("__repr__", [](const PyBlocked& b) {
        return absl::StrCat("<embargo.BlockedSet: ", b.set.size(), " blocked (",
                            b.set.num_direct, " direct, ", b.set.num_derived,
                            " through ownership)>");
      });

  py::class_<PyOwnership>(m, "Ownership", R"doc(
Everything one owner holds, directly or through chains: ``holdings`` (by
decreasing share), ``share_of(node)``.
)doc")
      .def_property_readonly(
          "owner",
          [](const PyOwnership& o) { return PyNode{o.graph, o.result.owner}; })
      .def_property_readonly(
          "holdings",
          [](const PyOwnership& o) {
            py::list rows;
            for (const Holding& h : o.result.holdings) {
              rows.append(HoldingDict(o.graph, h));
            }
            return Table(rows);
          },
          "Rows: id, name, kind, country, share_percent (effective), "
          "direct_percent, chains (nodes and product of shares).")
      .def_property_readonly(
          "unbounded", [](const PyOwnership& o) { return o.result.unbounded; },
          "True when a cycle owns 100 % or more of itself (shares then "
          "+inf).")
      .def_property_readonly(
          "chains_truncated",
          [](const PyOwnership& o) { return o.result.chains_truncated; })
      .def(
          "share_of",
          [](const PyOwnership& o, const py::object& ref) {
            const Holding* h = o.result.Find(ToNode(o.graph, ref));
            return h == nullptr ? 0.0 : h->share_percent;
          },
          py::arg("node"), "Effective share (percent) held in ``node``; 0 if none.")
      .def("__len__",
           [](const PyOwnership& o) { return o.result.holdings.size(); })
      .def("to_dicts",
           [](const PyOwnership& o) {
             py::list rows;
             for (const Holding& h : o.result.holdings) {
               rows.append(HoldingDict(o.graph, h));
             }
             return rows;
           })
      .def("to_pandas",
           [](const PyOwnership& o) {
             py::list rows;
             for (const Holding& h : o.result.holdings) {
               rows.append(HoldingDict(o.graph, h));
             }
             return Table(rows).attr("to_pandas")();
           })
      .def("__repr__", [](const PyOwnership& o) {
        return absl::StrCat("<embargo.Ownership of ",
                            o.graph.node_id(o.result.owner), ": ",
                            o.result.holdings.size(), " holdings>");
      });

  auto graph = py::reinterpret_borrow<py::class_<Graph>>(m.attr("Graph"));

  graph.def(
      "in_force",
      [](const Graph& g, const py::object& actor, const py::object& as_of,
         EMBARGO_REGIME_PARAMS) {
        const NodeId node = ToNode(g, actor);
        const PartialDate date = ToDate(as_of);
        const Regime regime =
            MakeRegime(authorities, programs, measures, min_status);
        WarnIfNoLists(g, "in_force");
        absl::StatusOr<std::vector<InForce>> result =
            std::vector<InForce>{};
        {
          py::gil_scoped_release release;
          result = SanctionsInForce(g, node, date, regime);
        }
        py::list rows;
        for (const InForce& s : Value(std::move(result))) {
          rows.append(InForceDict(g, s));
        }
        return Table(rows);
      },
      py::arg("actor"), py::arg("as_of") = py::none(), py::kw_only(),
      EMBARGO_REGIME_ARGS, Doc(R"doc(
The sanctions in force on ``actor`` as of a date, as a Table of dicts:
sanction_id, authority, program, measures, embargo_items, legal_basis,
listed (None when the list gives no date), listed_no_later_than (the
edition date such lists are known by), delisted, status, certainty,
reason (the listing's reason in the list's words: the EU's grounds, the
UN's narrative; "" when the list gives none) and remarks (the record's
notes, the list's or its importer's).

    >>> g.in_force("KOMID", "2023-08-03", authorities="UNSC")
)doc").c_str());

  graph.def(
      "sanctioned",
      [](const Graph& g, const py::object& as_of, bool certain,
         EMBARGO_REGIME_PARAMS, const py::object& country) {
        const PartialDate date = ToDate(as_of);
        const Regime regime =
            MakeRegime(authorities, programs, measures, min_status);
        std::string code;
        if (!country.is_none()) {
          if (!py::isinstance<py::str>(country)) {
            ThrowIfError(absl::InvalidArgumentError(absl::StrCat(
                "country: expected an ISO 3166-1 alpha-3 code, got ",
                std::string(py::repr(country)))));
          }
          code = absl::AsciiStrToUpper(country.cast<std::string>());
          ThrowIfError(CheckCountryCode(code));
        }
        ThrowIfError(CheckRegimeNames(g, regime, "authorities:", "programs:"));
        WarnIfNoLists(g, "sanctioned");
        absl::StatusOr<NodeSet> result = NodeSet{};
        absl::StatusOr<std::vector<NodeId>> members = std::vector<NodeId>{};
        {
          py::gil_scoped_release release;
          result = SanctionedNodes(
              g, regime, date,
              certain ? Certainty::kCertain : Certainty::kPossible);
          if (!code.empty()) members = CountryMembers(g, code);
        }
        NodeSet in_country(g.num_nodes());
        for (NodeId n : Value(std::move(members))) in_country.Add(n);
        const std::optional<NodeId> state =
            code.empty() ? std::nullopt : g.FindNode(code);
        std::vector<PyNode> out;
        for (NodeId n : Value(std::move(result)).Nodes()) {
          if (state && (!in_country.Contains(n) || n == *state)) continue;
          out.push_back({g, n});
        }
        return out;
      },
      py::arg("as_of") = py::none(), py::kw_only(), py::arg("certain") = false,
      EMBARGO_REGIME_ARGS, py::arg("country") = py::none(), Doc(R"doc(
The targets of the regime's sanctions in force as of a date, as Nodes
(only those certainly in force with ``certain=True``). With ``country``
(an ISO 3166-1 alpha-3 code), only the targets linked to that state by a
country link (registered_in, located_in, national_of), a nationality or a
flag.

    >>> g.sanctioned(authorities="OFAC", programs="DPRK,DPRK2,DPRK3,DPRK4",
    ...              country="RUS")
)doc").c_str());

  graph.def(
      "blocked",
      [](const Graph& g, const py::object& as_of, const std::string& rule,
         double threshold, const py::object& authorities,
         const py::object& programs, const py::object& measures,
         const py::object& min_status, const py::object& min_relation_status,
         bool explain, bool any_authority) {
        OwnershipOptions o;
        if (rule == "ofac50" || rule == "ofac") {
          o.rule = OwnershipRule::kOfac50;
        } else if (rule == "eu" || rule == "eu_control" || rule == "uk") {
          o.rule = OwnershipRule::kEuControl;
        } else {
          ThrowIfError(absl::InvalidArgumentError(absl::StrCat(
              "rule: \"", rule, "\" is not one of ofac50, eu_control")));
        }
        o.as_of = ToDate(as_of);
        o.threshold = threshold;
        o.regime = MakeRegime(authorities, programs,
                              measures.is_none() ? py::object(py::str("asset_freeze"))
                                                 : measures,
                              min_status);
        o.min_relation_status = ToStatus(min_relation_status);
        o.explain = explain;
        o.any_authority = any_authority;
        // The UK rule reads the UK's list.
        if (rule == "uk" && o.regime.authority_ids.empty() && !any_authority) {
          o.regime.authority_ids = {"UK"};
        }
        absl::StatusOr<BlockedSet> result = BlockedSet{};
        {
          py::gil_scoped_release release;
          result = BlockedByOwnership(g, o);
        }
        return PyBlocked{g, Value(std::move(result))};
      },
      py::arg("as_of") = py::none(), py::kw_only(),
      py::arg("rule") = "ofac50", py::arg("threshold") = 50.0,
      py::arg("authorities") = py::none(), py::arg("programs") = py::none(),
      py::arg("measures") = py::none(), py::arg("min_status") = py::none(),
      py::arg("min_relation_status") = py::none(), py::arg("explain") = true,
      py::arg("any_authority") = false,
      Doc(R"doc(
The entities blocked as of a date: the targets of the regime's sanctions
(by default every asset freeze of the rule's own authority: OFAC for
"ofac50", EU for "eu_control", UK for "uk"; ``any_authority=True`` counts
every authority's) and, transitively, whatever blocked owners
together own ``threshold`` percent or more of ("ofac50", OFAC's 50 % rule)
or more than ``threshold`` or control ("eu_control", the EU / UK rule).
Returns a BlockedSet; ``explain(node)`` gives the chain.

    >>> blocked = g.blocked("2024-05-03")
    >>> print(blocked.explain("C000123"))
)doc").c_str());

  graph.def(
      "effective_ownership",
      [](const Graph& g, const py::object& owner, const py::object& as_of,
         double min_share, int chains_per_holding, int max_chain_length,
         const py::object& min_relation_status) {
        const NodeId node = ToNode(g, owner);
        EffectiveOptions o;
        o.as_of = ToDate(as_of);
        o.min_share_percent = min_share;
        o.chains_per_holding = chains_per_holding;
        o.max_chain_length = max_chain_length;
        o.min_relation_status = ToStatus(min_relation_status);
        absl::StatusOr<EffectiveOwnership> result = EffectiveOwnership{};
        {
          py::gil_scoped_release release;
          result = EffectiveOwnershipOf(g, node, o);
        }
        return PyOwnership{g, Value(std::move(result))};
      },
      py::arg("owner"), py::arg("as_of") = py::none(), py::kw_only(),
      py::arg("min_share") = 0.0, py::arg("chains_per_holding") = 3,
      py::arg("max_chain_length") = 12,
      py::arg("min_relation_status") = py::none(), R"doc(
The effective (integrated) share ``owner`` holds in every node it reaches
through ownership as of a date, cross-holdings included, with the top
chains behind each holding: an Ownership. Holdings below ``min_share``
percent are left out.
)doc");

  graph.def(
      "breaches",
      [](const Graph& g, const py::object& authorities,
         const py::object& programs, const py::object& min_status,
         const py::object& min_transfer_status, bool ignore_dates) {
        BreachOptions o;
        o.regime = MakeRegime(authorities, programs, py::none(), min_status);
        o.min_transfer_status = ToStatus(min_transfer_status);
        o.ignore_dates = ignore_dates;
        WarnIfNoLists(g, "breaches");
        absl::StatusOr<std::vector<Breach>> result = std::vector<Breach>{};
        {
          py::gil_scoped_release release;
          result = FindEmbargoBreaches(g, o);
        }
        py::list rows;
        for (const Breach& b : Value(std::move(result))) {
          py::dict d;
          d["transfer_id"] = b.transfer_id;
          d["edge"] = b.transfer.value();
          d["supplier"] = std::string(g.node_id(b.supplier));
          d["recipient"] = std::string(g.node_id(b.recipient));
          d["item"] = ItemName(b.item);
          d["transfer_status"] = StatusName(b.transfer_status);
          d["first_day"] = DayToPy(b.transfer_days.lo);
          d["last_day"] = DayToPy(b.transfer_days.hi);
          d["party"] = std::string(g.node_id(b.party));
          d["role"] = std::string(BreachRoleName(b.role));
          d["measure"] = MeasureName(b.measure);
          d["sanction_id"] = b.sanction.sanction_id;
          d["authority"] = b.sanction.authority_id;
          d["program"] = b.sanction.program;
          d["legal_basis"] = b.sanction.legal_basis;
          d["certainty"] = std::string(CertaintyName(b.certainty));
          d["date_certainty"] = std::string(CertaintyName(b.date_certainty));
          d["item_certainty"] = std::string(CertaintyName(b.item_certainty));
          d["bound"] = b.bound ? py::object(py::str(std::string(g.node_id(*b.bound))))
                               : py::object(py::none());
          d["bound_certainty"] = std::string(CertaintyName(b.bound_certainty));
          d["party_state"] =
              b.party_state ? py::object(py::str(std::string(g.node_id(*b.party_state))))
                            : py::object(py::none());
          d["party_certainty"] = std::string(CertaintyName(b.party_certainty));
          py::list te, se;
          for (const v1::Evidence& e : b.transfer_evidence) te.append(MessageToDict(e));
          for (const v1::Evidence& e : b.sanction_evidence) se.append(MessageToDict(e));
          d["transfer_evidence"] = te;
          d["sanction_evidence"] = se;
          rows.append(d);
        }
        return Table(rows);
      },
      py::kw_only(), py::arg("authorities") = py::none(),
      py::arg("programs") = py::none(), py::arg("min_status") = py::none(),
      py::arg("min_transfer_status") = py::none(),
      py::arg("ignore_dates") = false, R"doc(
Every transfer whose supplier, recipient or intermediary was, on the
transfer's date, under an arms embargo covering it (exports from the
supplier, imports into the recipient), as a Table of dicts: transfer_id,
supplier, recipient, item, party, role, measure, sanction_id, authority,
program, legal_basis, certainty (and its date and item parts), bound (the
other party the embargo binds), party_state (the state whose embargo
reaches a party that is no state through its country, and
party_certainty, "possible" then), evidence.
``authorities`` / ``programs`` narrow the sanctions considered.

    >>> g.breaches(authorities="UNSC").to_pandas()
)doc");

  graph.def(
      "paths_to_sanctioned",
      [](const Graph& g, const py::object& from, int max_hops,
         const py::object& as_of, const py::object& authorities,
         const py::object& programs, const py::object& measures,
         const py::object& sanction_min_status, const py::object& filter,
         const py::object& kinds, const py::object& items,
         const py::object& since, const py::object& until,
         const py::object& min_status, const py::object& direction,
         const py::object& node_kinds, const py::object& date_match,
         const py::object& max_results) {
        const NodeId node = ToNode(g, from);
        const PartialDate date = ToDate(as_of);
        const Regime regime =
            MakeRegime(authorities, programs, measures, sanction_min_status);
        const Filter f = MakeFilter(FilterKeywords{
            filter, kinds, items, since, until, min_status, direction,
            node_kinds, date_match});
        const Limits limits =
            MakeLimits(max_results, py::none(), py::none(), 1000);
        WarnIfNoLists(g, "paths_to_sanctioned");
        absl::StatusOr<Paths> result = Paths{};
        {
          py::gil_scoped_release release;
          result = PathsToSanctioned(g, node, regime, date, max_hops, f, limits);
        }
        return MakePaths(g, Value(std::move(result)));
      },
      py::arg("start"), py::arg("max_hops") = 3, py::arg("as_of") = py::none(),
      py::kw_only(), py::arg("authorities") = py::none(),
      py::arg("programs") = py::none(), py::arg("measures") = py::none(),
      py::arg("sanction_min_status") = py::none(),
      py::arg("filter") = py::none(), py::arg("kinds") = py::none(),
      py::arg("items") = py::none(), py::arg("since") = py::none(),
      py::arg("until") = py::none(), py::arg("min_status") = py::none(),
      py::arg("direction") = py::none(), py::arg("node_kinds") = py::none(),
      py::arg("date_match") = py::none(), py::arg("max_results") = 1000,
      R"doc(
Every simple path of 1..``max_hops`` hops from ``start`` to any target of
the regime's sanctions in force as of a date, shortest first, as a
PathList. Regime keywords as for ``in_force`` (``sanction_min_status`` for
the sanctions' status); filter keywords as for ``all_paths``.

    >>> g.paths_to_sanctioned("RUS", 2, "2023-08", authorities="UNSC",
    ...                       programs="UNSCR 1718")
)doc");
}

}  // namespace embargo::python
