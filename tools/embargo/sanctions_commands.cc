// `embargo exposure` and `embargo breaches`: the sanctions features as of a
// date.

#include <iostream>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "embargo/export.h"
#include "embargo/kinds.h"
#include "embargo/sanctions.h"
#include "tools/embargo/cli.h"

namespace embargo::cli {
namespace {

constexpr char kRegimeHelp[] =
    R"(Regime (which sanctions count):
  --as-of DATE         YYYY, YYYY-MM or YYYY-MM-DD (default: today); a
                       sanction is in force from its listing to its delisting
                       (certainly or only possibly, with partial dates)
  --any-date           ignore the dates of sanctions and relations
  --authority LIST     authority actor ids, comma-separated (UNSC,OFAC,EU)
  --program LIST       programmes, comma-separated ("UNSCR 1718,DPRK3")
)";

constexpr char kExposureHelp[] = R"(usage: embargo exposure ACTOR [options]

How exposed to sanctions is ACTOR, as of a date?
  1. the sanctions in force on it (authority, programme, measures, listed);
  2. whether it is blocked through ownership: blocked owners hold 50 % or
     more (OFAC) or more than 50 % or control it (EU, --rule eu), with the
     chain of stakes down to the sanctions that explain it;
  3. the sanctioned actors within --max-hops hops (default 2) over the
     edges the filters allow, nearest first. Without --kinds, every edge
     kind but sanction counts: a path through a sanctioning authority to
     the other targets of its list is no exposure.

Options:
  --rule R             ofac50 (default) or eu; each rule reads its own
                       authority's list (OFAC, EU) unless --authority
                       names others
  --any-authority      let the ownership rule count every authority's
                       asset freezes (chains may mix authorities)
  --max-hops N         radius of part 3 (default 2; 0 leaves it out)
  --json               JSON output: {"actor", "as_of", "sanctions",
                       "blocked", "sanctioned_nearby"} (see README)

Exit status: 0 some exposure found; 1 none; 2 bad input.

Examples:
  embargo exposure KOMID --as-of 2024-01-01
  embargo exposure "Sergei Shoigu" --authority OFAC --json
  embargo exposure RUS --max-hops 1 --kinds transfer,transfer_via --as-of 2023
)";

constexpr char kBreachesHelp[] = R"(usage: embargo breaches [options]

Lists the arms transfers that breach an arms embargo: a transfer whose
supplier was under an embargo on exports, whose recipient was under an
embargo on imports, or whose intermediary was under either, on the
transfer's dates, for the items the embargo covers, when another party of
the transfer was bound by the embargo ("bound"): the UN Security Council's
binds every state, the EU's its member states while members, another
authority its own state (Russia selling to China breaches no EU embargo on
China; France selling to China may). An embargo on a state also reaches a
party that is no state but is in it by its record's country ("Libya HoR"
under the embargo on Libya), shown "in LBY" and possible at most: the
country may be a nationality or registration, and exemptions are not on
record. Each breach says which sanction (programme, legal basis) and how
certain it is (dates, item, whether the other party was bound on those
dates, and whether the party is the target itself).

Options:
  --as-of DATE         only transfers that had begun by this date
  --actor ID           only breaches with this actor as supplier, recipient
                       or embargoed party
  --from-date D, --until-date D
                       only transfers whose dates overlap this window
  --min-status S       transfers at least this firm (default alleged)
  --certain            only breaches certain on dates and items
  --any-date           ignore dates altogether (any embargo ever in force)
  --authority LIST, --program LIST
                       the sanctions considered (default: all)
  --limit N            most breaches listed (default 1000)
  --json               JSON output: {"breaches": [...], "count"} (see README)

Exit status: 0 breaches found; 1 none; 2 bad input.

Examples:
  embargo breaches
  embargo breaches --authority UNSC --actor PRK --json
  embargo breaches --data sipri.pb --data un.pb --program "UNSCR 1718" --certain
)";

}  // namespace

std::vector<std::string> List(const Args& args, const std::string& name) {
  std::vector<std::string> out;
  for (const std::string& v : args.All(name)) {
    for (absl::string_view p : absl::StrSplit(v, ',', absl::SkipEmpty())) {
      out.emplace_back(absl::StripAsciiWhitespace(p));
    }
  }
  return out;
}

absl::StatusOr<PartialDate> AsOf(const Args& args) {
  if (args.Has("any-date")) return PartialDate();
  if (!args.Has("as-of")) return Today();
  absl::StatusOr<PartialDate> d = PartialDate::Parse(args.Get("as-of"));
  if (!d.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("--as-of: ", d.status().message()));
  }
  return d;
}

namespace {

Json InForceJson(const Graph& graph, const InForce& s) {
  Json j;
  j["sanction_id"] = s.sanction_id;
  j["authority"] = s.authority_id;
  j["authority_name"] = std::string(graph.node_name(s.authority));
  j["program"] = s.program;
  Json m = Json::array();
  for (v1::Measure x : s.measures) m.push_back(MeasureName(x));
  j["measures"] = m;
  Json items = Json::array();
  for (v1::ItemCategory x : s.embargo_items) items.push_back(ItemName(x));
  j["embargo_items"] = items;
  j["legal_basis"] = s.legal_basis;
  j["listed"] = s.listed.known() ? s.listed.ToString() : "";
  j["listed_no_later_than"] = s.listed_no_later_than.known()
                                  ? s.listed_no_later_than.ToString()
                                  : "";
  j["delisted"] = s.delisted.known() ? s.delisted.ToString() : "";
  j["status"] = StatusName(s.status);
  j["certainty"] = std::string(CertaintyName(s.certainty));
  j["reason"] = s.reason;
  j["remarks"] = s.remarks;
  return j;
}

std::string Measures(const std::vector<v1::Measure>& ms) {
  std::vector<std::string> names;
  for (v1::Measure m : ms) names.push_back(MeasureName(m));
  return absl::StrJoin(names, ",");
}

const std::set<std::string> kSanctionsValued = [] {
  std::set<std::string> s = kQueryValued;
  for (const char* x : {"as-of", "authority", "program", "rule", "actor"}) {
    s.insert(x);
  }
  return s;
}();
const std::set<std::string> kSanctionsFlags = {"json", "certain", "any-date",
                                               "any-authority", "embargoes"};

constexpr absl::string_view kExposureUnknownHint =
    "--any-authority counts every loaded list's asset freezes, --authority "
    "names the lists, --rule eu reads the EU's";

}  // namespace

int RunExposure(const std::vector<std::string>& argv) {
  const std::string command = "exposure";
  absl::StatusOr<Args> args =
      Args::Parse(command, argv, kSanctionsValued, kSanctionsFlags);
  if (!args.ok()) return Fail(command, args.status());
  if (args->Has("help")) {
    std::cout << kExposureHelp << "\n" << kRegimeHelp << "\n" << kFilterHelp
              << "\n" << kDataHelp;
    return kExitOk;
  }
  if (args->positionals().size() != 1) {
    return Fail(command, absl::StrCat("expected one ACTOR, got ",
                                      args->positionals().size(),
                                      " argument(s) (see --help)"));
  }
  absl::StatusOr<PartialDate> as_of = AsOf(*args);
  if (!as_of.ok()) return Fail(command, as_of.status());
  absl::StatusOr<int> max_hops = args->Int("max-hops", 2, 0, 64);
  if (!max_hops.ok()) return Fail(command, max_hops.status());
  absl::StatusOr<Filter> filter = ParseFilter(*args);
  if (!filter.ok()) return Fail(command, filter.status());
  if (!args->Has("kinds")) filter->edge_kinds.Remove(EdgeKind::kSanction);
  absl::StatusOr<Limits> limits = ParseLimits(*args);
  if (!limits.ok()) return Fail(command, limits.status());
  OwnershipOptions own;
  const std::string rule = absl::AsciiStrToLower(args->Get("rule", "ofac50"));
  if (rule == "ofac50" || rule == "ofac") {
    own.rule = OwnershipRule::kOfac50;
  } else if (rule == "eu") {
    own.rule = OwnershipRule::kEuControl;
  } else {
    return Fail(command, absl::StrCat("--rule \"", args->Get("rule"),
                                      "\": expected ofac50 or eu"));
  }
  Regime regime;
  regime.authority_ids = List(*args, "authority");
  regime.programs = List(*args, "program");
  own.as_of = *as_of;
  own.regime.authority_ids = regime.authority_ids;
  own.regime.programs = regime.programs;
  own.any_authority = args->Has("any-authority");

  absl::StatusOr<std::vector<std::string>> files = DataFiles(*args);
  if (!files.ok()) return Fail(command, files.status());
  absl::StatusOr<Graph> graph = LoadGraphFrom(*files, WantsCountryLinks(*args));
  if (!graph.ok()) return Fail(command, graph.status());
  if (absl::Status s = CheckRegimeNames(*graph, regime, "--authority",
                                        "--program");
      !s.ok()) {
    return Fail(command, s);
  }
  absl::StatusOr<NodeId> actor = ResolveActor(*graph, args->positionals()[0]);
  if (!actor.ok()) return Fail(command, actor.status());

  absl::StatusOr<std::vector<InForce>> in_force =
      SanctionsInForce(*graph, *actor, *as_of, regime);
  if (!in_force.ok()) return Fail(command, in_force.status());
  absl::StatusOr<BlockedSet> blocked = BlockedByOwnership(*graph, own);
  if (!blocked.ok()) return Fail(command, blocked.status());
  const BlockedEntity* b = blocked->Find(*actor);
  // Not in the set, and the rule's own list not loaded: unknown, not "no".
  const bool blocked_unknown = b == nullptr && !blocked->lists_loaded();
  Neighborhood nearby;
  if (*max_hops > 0) {
    absl::StatusOr<Neighborhood> nb = SanctionedNeighbors(
        *graph, *actor, regime, *as_of, *max_hops, *filter, *limits);
    if (!nb.ok()) return Fail(command, nb.status());
    nearby = std::move(*nb);
  }
  const std::string as_of_text = as_of->known() ? as_of->ToString() : "any date";
  // The lists "no sanction in force" was read from; none: unknown.
  const std::vector<std::string> lists = SanctioningAuthorities(*graph, regime);

  if (args->Has("json")) {
    Json j;
    j["command"] = command;
    j["actor"] = NodeJson(*graph, *actor);
    j["as_of"] = as_of->known() ? as_of->ToString() : "";
    Json s = Json::array();
    for (const InForce& x : *in_force) s.push_back(InForceJson(*graph, x));
    j["sanctions"] = s;
    j["sanction_lists"] = lists;
    Json bj;
    // Unknown (null) when the rule's own list is not loaded.
    bj["blocked"] = b != nullptr ? Json(true) : blocked_unknown ? Json() : Json(false);
    if (blocked_unknown) {
      bj["note"] = BlockingUnknownText(*blocked, kExposureUnknownHint);
    }
    if (b != nullptr) {
      bj["directly_sanctioned"] = b->directly_sanctioned;
      bj["blocked_by_ownership"] = b->blocked_by_ownership;
      bj["blocked_share"] = b->blocked_share;
      bj["certainty"] = std::string(CertaintyName(b->certainty));
      Json stakes = Json::array();
      for (const Stake& st : b->stakes) {
        stakes.push_back({{"owner", std::string(graph->node_id(st.owner))},
                          {"record_id", graph->EdgeRecordId(st.edge)},
                          {"kind", std::string(EdgeKindName(st.kind))},
                          {"share", st.share_percent > 0
                                        ? Json(st.share_percent)
                                        : Json()},
                          {"certainty", std::string(CertaintyName(st.certainty))},
                          {"explaining", st.explaining}});
      }
      bj["stakes"] = stakes;
      bj["chain"] = FormatBlockChain(*graph, *blocked, *actor);
    }
    bj["rule"] = own.rule == OwnershipRule::kOfac50 ? "ofac50" : "eu";
    bj["authorities"] = blocked->authorities;  // Empty: any authority.
    bj["authorities_not_loaded"] = blocked->authorities_not_loaded;
    j["blocked"] = bj;
    Json near = Json::array();
    for (const Neighbor& n : nearby.nodes) {
      Json o = NodeJson(*graph, n.node);
      o["hops"] = n.hops;
      near.push_back(std::move(o));
    }
    // Unknown (null) when no sanctions list is loaded.
    j["sanctioned_nearby"] = lists.empty() ? Json() : near;
    j["truncated"] = nearby.truncated;
    PrintJson(j);
  } else {
    std::cout << graph->node_id(*actor) << " (" << graph->node_name(*actor)
              << ", " << NodeKindName(graph->node_kind(*actor)) << ") as of "
              << as_of_text << "\n\n";
    std::cout << "Sanctions in force on it: "
              << (lists.empty() ? std::string("unknown (no sanctions list is loaded)")
                                : absl::StrCat(in_force->size(), " (lists of ",
                                               absl::StrJoin(lists, ", "), ")"))
              << "\n";
    if (!in_force->empty()) {
      Table t({"sanction", "authority", "programme", "measures", "listed",
               "delisted", "certainty"});
      for (const InForce& x : *in_force) {
        t.Add({x.sanction_id, x.authority_id, x.program, Measures(x.measures),
               ListedText(x),
               x.delisted.known() ? x.delisted.ToString() : "",
               std::string(CertaintyName(x.certainty))});
      }
      t.Print(2);
      for (const InForce& x : *in_force) {
        if (x.certainty == Certainty::kPossible && !x.listed.known()) {
          std::cout << "  " << x.sanction_id
                    << ": possible, the list gives no designation date (listed "
                    << ListedText(x) << ")\n";
        }
      }
      // The reasons in the lists' words, then the records' remarks (the
      // lists' or their importers' notes), under the table.
      const auto line = [](absl::string_view label, const InForce& x,
                           const std::string& text) {
        if (text.empty()) return;
        std::string r = text;
        if (r.size() > 600) r = absl::StrCat(r.substr(0, 597), "...");
        std::cout << "  " << label << " (" << x.sanction_id << "): " << r << "\n";
      };
      for (const InForce& x : *in_force) {
        line("reason", x, x.reason);
        line("remarks", x, x.remarks);
      }
    }
    std::cout << "\nBlocked through ownership ("
              << BlockingRuleText(own.rule, *blocked) << "): ";
    if (blocked_unknown) {
      std::cout << BlockingUnknownText(*blocked, kExposureUnknownHint) << "\n";
    } else if (b == nullptr) {
      std::cout << "no\n";
    } else if (!b->blocked_by_ownership) {
      std::cout << "no (blocked as sanctioned itself, "
                << CertaintyName(b->certainty) << ")\n";
    } else {
      std::cout << "yes (" << CertaintyName(b->certainty) << ")\n"
                << FormatBlockChain(*graph, *blocked, *actor) << "\n";
    }
    if (*max_hops > 0 && lists.empty()) {
      std::cout << "\nSanctioned actors within " << *max_hops
                << " hop(s): unknown (no sanctions list is loaded)\n";
    } else if (*max_hops > 0) {
      std::cout << "\nSanctioned actors within " << *max_hops
                << " hop(s): " << nearby.nodes.size() << "\n";
      if (!nearby.nodes.empty()) {
        Table t({"hops", "id", "name", "kind", "country"});
        constexpr size_t kShown = 50;
        size_t shown = 0;
        for (const Neighbor& n : nearby.nodes) {
          if (shown++ == kShown) {
            t.Add({"", absl::StrCat("(", nearby.nodes.size() - kShown,
                                    " more: --json lists them all)")});
            break;
          }
          t.Add({absl::StrCat(n.hops), std::string(graph->node_id(n.node)),
                 std::string(graph->node_name(n.node)),
                 std::string(NodeKindName(graph->node_kind(n.node))),
                 std::string(graph->node_country(n.node))});
        }
        t.Print(2);
      }
      if (nearby.truncated) {
        std::cout << "(cut short: " << nearby.truncation_reason << ")\n";
      }
    }
  }
  // Unknown blocking is an answer to read, not "no exposure".
  const bool exposed =
      !in_force->empty() || b != nullptr || blocked_unknown || !nearby.nodes.empty();
  return exposed ? kExitOk : kExitNoResult;
}

int RunBreaches(const std::vector<std::string>& argv) {
  const std::string command = "breaches";
  absl::StatusOr<Args> args =
      Args::Parse(command, argv, kSanctionsValued, kSanctionsFlags);
  if (!args.ok()) return Fail(command, args.status());
  if (args->Has("help")) {
    std::cout << kBreachesHelp << "\n" << kDataHelp;
    return kExitOk;
  }
  if (!args->positionals().empty()) {
    return Fail(command, absl::StrCat("unexpected argument \"",
                                      args->positionals()[0],
                                      "\" (datasets come with --data FILE)"));
  }
  PartialDate as_of;
  if (args->Has("as-of")) {
    absl::StatusOr<PartialDate> d = PartialDate::Parse(args->Get("as-of"));
    if (!d.ok()) return Fail(command, absl::StrCat("--as-of: ", d.status().message()));
    as_of = *d;
  }
  absl::StatusOr<Filter> filter = ParseFilter(*args);
  if (!filter.ok()) return Fail(command, filter.status());
  absl::StatusOr<int> limit = args->Int("limit", 1000, 1, 100000000);
  if (!limit.ok()) return Fail(command, limit.status());
  BreachOptions options;
  options.regime.authority_ids = List(*args, "authority");
  options.regime.programs = List(*args, "program");
  options.min_transfer_status = filter->min_status;
  options.ignore_dates = args->Has("any-date");

  absl::StatusOr<std::vector<std::string>> files = DataFiles(*args);
  if (!files.ok()) return Fail(command, files.status());
  absl::StatusOr<Graph> graph = LoadGraphFrom(*files, WantsCountryLinks(*args));
  if (!graph.ok()) return Fail(command, graph.status());
  if (absl::Status s = CheckRegimeNames(*graph, options.regime, "--authority",
                                        "--program");
      !s.ok()) {
    return Fail(command, s);
  }
  std::optional<NodeId> actor;
  if (args->Has("actor")) {
    absl::StatusOr<NodeId> a = ResolveActor(*graph, args->Get("actor"));
    if (!a.ok()) return Fail(command, a.status());
    actor = *a;
  }
  absl::StatusOr<std::vector<Breach>> all = FindEmbargoBreaches(*graph, options);
  if (!all.ok()) return Fail(command, all.status());
  // Arms embargoes on states (what --embargoes loads): without any, a
  // state's transfers can breach nothing here, and "no breaches" would read
  // as an answer.
  int state_embargoes = 0;
  for (uint32_t v = 0; v < graph->num_nodes(); ++v) {
    if (graph->node_kind(NodeId(v)) != NodeKind::kState) continue;
    for (const Incidence& in : graph->Incidences(NodeId(v))) {
      if (in.along || graph->edge(in.edge).kind != EdgeKind::kSanction) continue;
      const v1::Record r = graph->EdgeRecord(in.edge);
      for (int m : r.sanction().measures()) {
        if (m == v1::MEASURE_ARMS_EMBARGO_IMPORTS ||
            m == v1::MEASURE_ARMS_EMBARGO_EXPORTS) {
          ++state_embargoes;
          break;
        }
      }
    }
  }
  const std::string no_state_embargoes =
      state_embargoes > 0
          ? ""
          : "no arms embargo on a state is loaded (add --embargoes for the UN "
            "and EU embargoes on states): only embargoes on listed entities "
            "were checked, and transfers by or to states breach none of them";

  // No sanctions list and no embargo at all: nothing was checked, and "no
  // breaches" would be an answer the data cannot give.
  if (graph->num_sanction_edges() == 0) {
    constexpr absl::string_view kNothing =
        "unknown: no sanctions list or arms embargo is loaded (--embargoes "
        "loads the UN and EU arms embargoes on states; --data the lists)";
    if (args->Has("json")) {
      Json j;
      j["command"] = command;
      j["count"] = Json();
      j["breaches"] = Json();
      j["note"] = std::string(kNothing);
      PrintJson(j);
    } else {
      std::cout << "Embargo breaches: " << kNothing << "\n";
    }
    return kExitNoResult;
  }
  const DayRange window{filter->from.known() ? filter->from.EarliestDay() : kMinDay,
                        filter->until.known() ? filter->until.LatestDay() : kMaxDay};
  std::vector<const Breach*> breaches;
  for (const Breach& b : *all) {
    if (as_of.known() && b.transfer_days.lo > as_of.LatestDay()) continue;
    if (!b.transfer_days.Overlaps(window)) continue;
    if (args->Has("certain") && b.certainty != Certainty::kCertain) continue;
    if (actor && b.supplier != *actor && b.recipient != *actor &&
        b.party != *actor) {
      continue;
    }
    breaches.push_back(&b);
  }
  const size_t total = breaches.size();
  const bool truncated = total > static_cast<size_t>(*limit);
  if (truncated) breaches.resize(*limit);

  auto when = [](const DayRange& d) {
    if (d.lo == kMinDay && d.hi == kMaxDay) return std::string("?");
    return absl::StrCat(FormatDay(d.lo), " .. ", FormatDay(d.hi));
  };
  if (args->Has("json")) {
    Json j;
    j["command"] = command;
    j["as_of"] = as_of.known() ? as_of.ToString() : "";
    Json list = Json::array();
    for (const Breach* b : breaches) {
      Json o;
      o["transfer_id"] = b->transfer_id;
      o["supplier"] = std::string(graph->node_id(b->supplier));
      o["recipient"] = std::string(graph->node_id(b->recipient));
      o["item"] = ItemName(b->item);
      o["transfer_status"] = StatusName(b->transfer_status);
      o["transfer_from"] = b->transfer_days.lo == kMinDay ? "" : FormatDay(b->transfer_days.lo);
      o["transfer_until"] = b->transfer_days.hi == kMaxDay ? "" : FormatDay(b->transfer_days.hi);
      o["party"] = std::string(graph->node_id(b->party));
      o["role"] = std::string(BreachRoleName(b->role));
      o["measure"] = MeasureName(b->measure);
      o["sanction"] = InForceJson(*graph, b->sanction);
      o["certainty"] = std::string(CertaintyName(b->certainty));
      o["date_certainty"] = std::string(CertaintyName(b->date_certainty));
      o["item_certainty"] = std::string(CertaintyName(b->item_certainty));
      // The other party the embargo binds (null: the authority's state is
      // not on record, so whom it binds is unknown).
      o["bound"] = b->bound ? Json(std::string(graph->node_id(*b->bound))) : Json();
      o["bound_certainty"] = std::string(CertaintyName(b->bound_certainty));
      // The state whose embargo reaches the party through its country
      // (null: the party is the sanction's target).
      o["party_state"] =
          b->party_state ? Json(std::string(graph->node_id(*b->party_state))) : Json();
      o["party_certainty"] = std::string(CertaintyName(b->party_certainty));
      Json src = Json::array();
      for (const v1::Evidence& e : b->transfer_evidence) src.push_back(e.source_id());
      o["transfer_sources"] = src;
      list.push_back(std::move(o));
    }
    j["breaches"] = list;
    j["count"] = total;
    j["truncated"] = truncated;
    j["state_embargoes_loaded"] = state_embargoes;
    if (!no_state_embargoes.empty()) j["note"] = no_state_embargoes;
    PrintJson(j);
  } else if (breaches.empty()) {
    std::cout << "No embargo breaches with these options.\n";
    if (!no_state_embargoes.empty()) std::cout << "Note: " << no_state_embargoes << ".\n";
  } else {
    if (!no_state_embargoes.empty()) std::cerr << "note: " << no_state_embargoes << "\n";
    std::cout << total << " breach(es)"
              << (as_of.known() ? absl::StrCat(" of transfers begun by ", as_of.ToString()) : "")
              << "\n\n";
    Table t({"transfer", "supplier", "recipient", "item", "when", "status",
             "embargoed", "bound", "sanction", "programme", "measure", "certainty"});
    for (const Breach* b : breaches) {
      t.Add({b->transfer_id, std::string(graph->node_id(b->supplier)),
             std::string(graph->node_id(b->recipient)), ItemName(b->item),
             when(b->transfer_days), StatusName(b->transfer_status),
             absl::StrCat(graph->node_id(b->party), " (", BreachRoleName(b->role),
                          b->party_state ? absl::StrCat(", in ", graph->node_id(*b->party_state))
                                         : "",
                          ")"),
             b->bound ? absl::StrCat(graph->node_id(*b->bound),
                                     b->bound_certainty == Certainty::kPossible ? " (possibly)" : "")
                      : std::string("unknown"),
             b->sanction.sanction_id, b->sanction.program,
             MeasureName(b->measure), std::string(CertaintyName(b->certainty))});
    }
    t.Print(0);
    if (truncated) std::cout << "(first " << *limit << " of " << total << ")\n";
  }
  return total == 0 ? kExitNoResult : kExitOk;
}

}  // namespace embargo::cli
