// `embargo sanctioned`: the targets of a regime's sanctions in force, with
// a country filter read from the country links (embargo/country_links.h).

#include <algorithm>
#include <iostream>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "embargo/country_links.h"
#include "embargo/kinds.h"
#include "embargo/sanctions.h"
#include "tools/embargo/cli.h"

namespace embargo::cli {
namespace {

constexpr char kSanctionedHelp[] = R"(usage: embargo sanctioned [options]

Lists the targets of the sanctions in force as of --as-of (default today;
--any-date ignores dates) of --authority and --program, with the programmes
each is listed under. With --country CODE, only the targets linked to that
state: registered in it (the country a list gives a company, vessel or
body), located in it (an address there), a national of it (a person's
nationality or citizenship), or by a nationality or flag relation. Each row
says which links tie it to the state and from which field of the list.

Options:
  --authority LIST     authority actor ids, comma-separated (OFAC,UNSC,EU)
  --program LIST       programmes, comma-separated ("DPRK,DPRK2,DPRK3")
  --as-of DATE         YYYY, YYYY-MM or YYYY-MM-DD (default: today)
  --any-date           ignore the dates of sanctions
  --certain            only sanctions certainly in force at --as-of
  --country CODE       ISO 3166-1 alpha-3 code (RUS, PRK, ...)
  --limit N            rows shown (default 1000)
  --json               JSON output

An unknown authority or programme is refused with the list of known ones;
a code that is not ISO alpha-3 is refused.

Example:
  embargo import ofac-csv ../shared/data/ofac/sdn_2021-07/*.csv -o sdn21.pb
  embargo sanctioned --data sdn21.pb --authority OFAC \
      --program DPRK,DPRK2,DPRK3,DPRK4 --country RUS --any-date
)";

// How `node` is linked to `state`: "located_in (Actor.address_countries)".
std::vector<std::string> LinkTexts(const Graph& graph, NodeId node,
                                   NodeId state) {
  std::vector<std::string> out;
  for (EdgeId e : CountryLinksOf(graph, node, state)) {
    const EdgeKind kind = graph.edge(e).kind;
    std::string text(EdgeKindName(kind));
    if (CountryLinkKinds().Contains(kind)) {
      absl::StrAppend(&text, " (", graph.EdgeRecord(e).relation().role(), ")");
    }
    out.push_back(std::move(text));
  }
  return out;
}

}  // namespace

int RunSanctioned(const std::vector<std::string>& argv) {
  const std::string command = "sanctioned";
  const std::set<std::string> valued = {"data", "authority", "program",
                                        "as-of", "country", "limit"};
  const std::set<std::string> flags = {"json", "any-date", "certain",
                                       "embargoes"};
  absl::StatusOr<Args> args = Args::Parse(command, argv, valued, flags);
  if (!args.ok()) return Fail(command, args.status());
  if (args->Has("help")) {
    std::cout << kSanctionedHelp << "\n" << kDataHelp;
    return kExitOk;
  }
  if (!args->positionals().empty()) {
    return Fail(command, "takes no positional arguments (see --help)");
  }
  absl::StatusOr<PartialDate> as_of = AsOf(*args);
  if (!as_of.ok()) return Fail(command, as_of.status());
  absl::StatusOr<int> limit = args->Int("limit", 1000, 1, 100000000);
  if (!limit.ok()) return Fail(command, limit.status());
  std::string country;
  if (args->Has("country")) {
    country = absl::AsciiStrToUpper(args->Get("country"));
    if (absl::Status s = CheckCountryCode(country); !s.ok()) {
      return Fail(command, absl::StrCat("--", s.message()));
    }
  }
  absl::StatusOr<std::vector<std::string>> files = DataFiles(*args);
  if (!files.ok()) return Fail(command, files.status());
  absl::StatusOr<Graph> graph = LoadGraphFrom(*files, WantsCountryLinks(*args));
  if (!graph.ok()) return Fail(command, graph.status());
  Regime regime;
  regime.authority_ids = List(*args, "authority");
  regime.programs = List(*args, "program");
  if (absl::Status s = CheckRegimeNames(*graph, regime, "--authority",
                                        "--program");
      !s.ok()) {
    return Fail(command, s);
  }
  absl::StatusOr<NodeSet> targets = SanctionedNodes(
      *graph, regime, *as_of,
      args->Has("certain") ? Certainty::kCertain : Certainty::kPossible);
  if (!targets.ok()) return Fail(command, targets.status());
  std::optional<NodeId> state;
  NodeSet members;
  if (!country.empty()) {
    absl::StatusOr<std::vector<NodeId>> m = CountryMembers(*graph, country);
    if (!m.ok()) return Fail(command, m.status());
    members = NodeSet(graph->num_nodes());
    for (NodeId n : *m) members.Add(n);
    state = graph->FindNode(country);
  }
  std::vector<NodeId> rows;
  for (NodeId n : targets->Nodes()) {
    if (state && (!members.Contains(n) || n == *state)) continue;
    rows.push_back(n);
  }
  // The programmes each target is listed under (of the regime), and whether
  // one of those sanctions is certainly in force on the date ("possible"
  // when only an unknown or later-bounded listing date puts them there).
  struct Listed {
    std::vector<std::string> programs;
    Certainty certainty = Certainty::kPossible;
  };
  auto listed_of = [&](NodeId n) {
    std::set<std::string> out;
    Listed l;
    absl::StatusOr<std::vector<InForce>> in =
        SanctionsInForce(*graph, n, *as_of, regime);
    if (in.ok()) {
      for (const InForce& s : *in) {
        out.insert(absl::StrCat(s.authority_id, " ", s.program));
        if (s.certainty == Certainty::kCertain) l.certainty = Certainty::kCertain;
      }
    }
    l.programs.assign(out.begin(), out.end());
    return l;
  };
  std::vector<Listed> listed;
  listed.reserve(rows.size());
  size_t certain = 0;
  for (NodeId n : rows) {
    listed.push_back(listed_of(n));
    certain += listed.back().certainty == Certainty::kCertain;
  }
  // The lists read; none loaded: the targets are unknown, not none.
  const std::vector<std::string> lists = SanctioningAuthorities(*graph, regime);
  const std::string what = absl::StrCat(
      regime.authority_ids.empty() ? "any authority"
                                   : absl::StrJoin(regime.authority_ids, ","),
      regime.programs.empty() ? ""
                              : absl::StrCat(", programmes ",
                                             absl::StrJoin(regime.programs, ",")),
      as_of->known() ? absl::StrCat(", in force as of ", as_of->ToString())
                     : ", any date",
      country.empty() ? "" : absl::StrCat(", linked to ", country));
  const size_t shown = std::min<size_t>(rows.size(), static_cast<size_t>(*limit));
  if (lists.empty()) {
    if (args->Has("json")) {
      Json j;
      j["regime"] = what;
      j["sanction_lists"] = lists;
      j["count"] = Json();
      j["targets"] = Json();
      PrintJson(j);
    } else {
      std::cout << "targets of " << what
                << ": unknown, no sanctions list is loaded (--data the lists)\n";
    }
    return kExitNoResult;
  }
  if (args->Has("json")) {
    Json j;
    j["regime"] = what;
    j["sanction_lists"] = lists;
    j["count"] = rows.size();
    j["certain"] = certain;
    j["possible"] = rows.size() - certain;
    j["truncated"] = shown < rows.size();
    Json list = Json::array();
    for (size_t i = 0; i < shown; ++i) {
      Json r = NodeJson(*graph, rows[i]);
      r["programs"] = listed[i].programs;
      r["certainty"] = std::string(CertaintyName(listed[i].certainty));
      if (state) r["country_links"] = LinkTexts(*graph, rows[i], *state);
      list.push_back(std::move(r));
    }
    j["targets"] = std::move(list);
    PrintJson(j);
  } else {
    std::cout << rows.size() << " target(s) of " << what;
    if (regime.authority_ids.empty()) {
      std::cout << " (lists of " << absl::StrJoin(lists, ", ") << ")";
    }
    if (as_of->known()) {
      std::cout << " (" << certain << " certainly, " << rows.size() - certain
                << " possibly, where the lists' dates do not settle it)";
    }
    std::cout << "\n";
    std::vector<std::string> header = {"id", "name", "kind", "programmes", "certainty"};
    if (state) header.push_back("linked by");
    Table t(header);
    for (size_t i = 0; i < shown; ++i) {
      const NodeId n = rows[i];
      std::vector<std::string> row = {
          std::string(graph->node_id(n)), std::string(graph->node_name(n)),
          std::string(NodeKindName(graph->node_kind(n))),
          absl::StrJoin(listed[i].programs, "; "),
          std::string(CertaintyName(listed[i].certainty))};
      if (state) row.push_back(absl::StrJoin(LinkTexts(*graph, n, *state), "; "));
      t.Add(std::move(row));
    }
    t.Print(2);
    if (shown < rows.size()) {
      std::cout << "(" << rows.size() - shown << " more; --limit N shows more)\n";
    }
  }
  return rows.empty() ? kExitNoResult : kExitOk;
}

}  // namespace embargo::cli
