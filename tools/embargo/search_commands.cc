// embargo search: find actors by name (embargo/search.h).

#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "embargo/kinds.h"
#include "embargo/search.h"
#include "tools/embargo/cli.h"

namespace embargo::cli {

namespace {

constexpr char kSearchHelp[] = R"(usage: embargo search NAME [--country C] [--dob DATE] [--id ID]...
                      [--limit N] [--min-score S] [--json] [--data FILE]...

Ranked candidates for a name, with a score in [0, 1] and why: which name or
alias matched, which words met (exactly, as a spelling or transliteration
variant, with a typo, as an initial or a prefix), which were missing, and
whether the date of birth, country and identifiers given agree.

  --country C     ISO code or English name of the country
  --dob DATE      date of birth (or incorporation): YYYY, YYYY-MM, YYYY-MM-DD
  --id ID         an identifier (IMO 9234567, an OFAC UID, a UN reference);
                  repeatable
  --limit N       most candidates (default 10)
  --min-score S   leave out candidates below S (default 0.3)

A score of 0.75 or more is a match (the threshold screening uses).
Exit status: 0 a match found, 1 none, 2 bad input.

Examples:
  embargo search Shoygu --data ofac.pb --data eu.pb
  embargo search "Korea Ryonha Machinery" --country PRK --json
)";

}  // namespace

Json HitJson(const Graph& graph, const SearchHit& h) {
  Json j;
  j["id"] = std::string(graph.node_id(h.node));
  j["name"] = std::string(graph.node_name(h.node));
  j["kind"] = std::string(NodeKindName(graph.node_kind(h.node)));
  j["country"] = std::string(graph.node_country(h.node));
  j["score"] = h.score;
  j["name_score"] = h.name_score;
  j["matched_name"] = h.matched_name;
  if (!h.query_part.empty()) j["query_part"] = h.query_part;
  j["matched_alias"] = h.matched_alias;
  j["weak_alias"] = h.weak_alias;
  j["weak_raise"] = h.weak_raise;
  if (!h.weak_name.empty()) j["weak_name"] = h.weak_name;
  Json tokens = Json::array();
  for (const TokenMatch& t : h.tokens) {
    tokens.push_back({{"query", t.query_token},
                      {"name", t.name_token},
                      {"kind", std::string(TokenMatchKindName(t.kind))},
                      {"similarity", t.similarity}});
  }
  j["tokens"] = std::move(tokens);
  j["missing_query_tokens"] = h.missing_query_tokens;
  j["in_other_names"] = h.in_other_names;
  j["missing_name_tokens"] = h.missing_name_tokens;
  j["set_aside"] = h.set_aside;
  for (const auto& [key, c] : {std::pair<const char*, const AttributeCheck*>{"country", &h.country},
                               {"born", &h.born},
                               {"identifier", &h.identifier}}) {
    j[key] = {{"agreement", std::string(AgreementName(c->agreement))},
              {"query", c->query_value},
              {"actor", c->actor_value},
              {"actor_from", c->actor_from}};
  }
  j["explanation"] = h.Explain();
  return j;
}

absl::StatusOr<SearchQuery> QueryFromArgs(const Args& args, const std::string& name) {
  SearchQuery q;
  q.name = name;
  q.country = args.Get("country");
  if (args.Has("dob")) {
    absl::StatusOr<PartialDate> d = PartialDate::Parse(args.Get("dob"));
    if (!d.ok()) {
      return absl::InvalidArgumentError(absl::StrCat("--dob: ", d.status().message()));
    }
    q.born = *d;
  }
  q.identifiers = args.All("id");
  return q;
}

int RunSearch(const std::vector<std::string>& argv) {
  const std::string command = "search";
  absl::StatusOr<Args> args = Args::Parse(
      command, argv, {"data", "country", "dob", "id", "limit", "min-score"}, {"json"});
  if (!args.ok()) return Fail(command, args.status());
  if (args->Has("help")) {
    std::cout << kSearchHelp;
    return kExitOk;
  }
  if (args->positionals().size() != 1 && !(args->positionals().empty() && args->Has("id"))) {
    return Fail(command, absl::StrCat("expected one NAME, got ",
                                      args->positionals().size(),
                                      " argument(s) (quote a name of several words)"));
  }
  absl::StatusOr<SearchQuery> q =
      QueryFromArgs(*args, args->positionals().empty() ? "" : args->positionals()[0]);
  if (!q.ok()) return Fail(command, q.status());
  SearchOptions o;
  absl::StatusOr<int> limit = args->Int("limit", 10, 1, 10000);
  if (!limit.ok()) return Fail(command, limit.status());
  o.limit = static_cast<size_t>(*limit);
  if (args->Has("min-score")) {
    double s = 0;
    if (!absl::SimpleAtod(args->Get("min-score"), &s) || s < 0 || s > 1) {
      return Fail(command, absl::StrCat("--min-score \"", args->Get("min-score"),
                                        "\": expected a number from 0 to 1"));
    }
    o.min_score = s;
  }
  absl::StatusOr<std::vector<std::string>> files = DataFiles(*args);
  if (!files.ok()) return Fail(command, files.status());
  absl::StatusOr<Graph> graph = LoadGraphFrom(*files);
  if (!graph.ok()) return Fail(command, graph.status());
  absl::StatusOr<NameIndex> index = NameIndex::Build(*graph);
  if (!index.ok()) return Fail(command, index.status());
  absl::StatusOr<std::vector<SearchHit>> hits = index->Search(*q, o);
  if (!hits.ok()) return Fail(command, hits.status());
  const bool matched = !hits->empty() && hits->front().score >= kDefaultMatchThreshold;
  if (args->Has("json")) {
    Json j;
    j["query"] = {{"name", q->name}, {"country", q->country},
                  {"dob", q->born.known() ? q->born.ToString() : ""},
                  {"identifiers", q->identifiers}};
    j["threshold"] = kDefaultMatchThreshold;
    Json arr = Json::array();
    for (const SearchHit& h : *hits) arr.push_back(HitJson(*graph, h));
    j["candidates"] = std::move(arr);
    PrintJson(j);
  } else if (hits->empty()) {
    std::cout << "no candidate for \"" << q->name << "\"\n";
  } else {
    Table t({"score", "id", "name", "kind", "country"});
    for (const SearchHit& h : *hits) {
      t.Add({absl::StrFormat("%.2f", h.score), std::string(graph->node_id(h.node)),
             std::string(graph->node_name(h.node)),
             std::string(NodeKindName(graph->node_kind(h.node))),
             std::string(graph->node_country(h.node))});
    }
    t.Print();
    std::cout << "\n";
    for (const SearchHit& h : *hits) {
      std::cout << graph->node_id(h.node) << ": " << h.Explain() << "\n";
    }
  }
  return matched ? kExitOk : kExitNoResult;
}

}  // namespace embargo::cli
