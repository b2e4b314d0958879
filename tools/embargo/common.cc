// Shared pieces of the `embargo` command-line tool. See cli.h.

#include <cstdio>
#include <cstdlib>
#include <algorithm>
#include <filesystem>
#include <iostream>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "embargo/country_links.h"
#include "embargo/explain.h"
#include "embargo/export.h"
#include "embargo/image.h"
#include "embargo/io.h"
#include "embargo/kinds.h"
#include "embargo/load.h"
#include "embargo/resolve.h"
#include "embargo/search.h"
#include "lib/text/names.h"
#include "tools/embargo/cli.h"


namespace embargo::cli {

absl::StatusOr<Args> Args::Parse(const std::string& command,
                                 const std::vector<std::string>& argv,
                                 const std::set<std::string>& valued,
                                 const std::set<std::string>& flags) {
  Args args;
  args.command_ = command;
  bool only_positionals = false;
  for (size_t i = 0; i < argv.size(); ++i) {
    std::string a = argv[i];
    if (only_positionals || a.size() < 2 || a[0] != '-' ||
        absl::ascii_isdigit(static_cast<unsigned char>(a[1]))) {
      args.positionals_.push_back(a);
      continue;
    }
    if (a == "--") {
      only_positionals = true;
      continue;
    }
    std::string name, value;
    bool has_value = false;
    if (a == "-o") {
      name = "output";
    } else if (a == "-h") {
      name = "help";
    } else if (a[1] != '-') {
      return absl::InvalidArgumentError(absl::StrCat(
          "unknown option ", a, " (see embargo ", command, " --help)"));
    } else {
      name = a.substr(2);
      const size_t eq = name.find('=');
      if (eq != std::string::npos) {
        value = name.substr(eq + 1);
        name = name.substr(0, eq);
        has_value = true;
      }
    }
    if (flags.count(name) > 0 || name == "help") {
      if (has_value) {
        return absl::InvalidArgumentError(
            absl::StrCat("option --", name, " takes no value"));
      }
      args.options_[name].push_back("");
    } else if (valued.count(name) > 0) {
      if (!has_value) {
        if (i + 1 >= argv.size()) {
          return absl::InvalidArgumentError(
              absl::StrCat("option --", name, " needs a value"));
        }
        value = argv[++i];
      }
      args.options_[name].push_back(value);
    } else {
      return absl::InvalidArgumentError(absl::StrCat(
          "unknown option ", a, " (see embargo ", command, " --help)"));
    }
  }
  return args;
}

std::string Args::Get(const std::string& name,
                      const std::string& fallback) const {
  auto it = options_.find(name);
  return it == options_.end() ? fallback : it->second.back();
}

std::vector<std::string> Args::All(const std::string& name) const {
  auto it = options_.find(name);
  return it == options_.end() ? std::vector<std::string>{} : it->second;
}

absl::StatusOr<int> Args::Int(const std::string& name, int fallback, int min,
                              int max) const {
  if (!Has(name)) return fallback;
  int v = 0;
  if (!absl::SimpleAtoi(Get(name), &v) || v < min || v > max) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--", name, " \"", Get(name), "\": expected a whole number from ", min,
        " to ", max));
  }
  return v;
}

std::string OneLine(const absl::Status& status) {
  const std::string msg(status.message());
  std::vector<std::string> lines = absl::StrSplit(msg, '\n', absl::SkipEmpty());
  if (lines.empty()) return std::string(absl::StatusCodeToString(status.code()));
  if (lines.size() == 1) return lines[0];
  // Validation reports one line per problem under a heading line; keep the
  // first problem.
  size_t first = 0;
  if (lines.size() > 1 && absl::EndsWith(lines[0], ":")) first = 1;
  std::string out = lines[first];
  const size_t more = lines.size() - first - 1;
  if (more > 0) {
    absl::StrAppend(&out, " (and ", more,
                    " more; `embargo validate FILES` lists them all)");
  }
  return out;
}

int Fail(const std::string& command, const absl::Status& status) {
  return Fail(command, OneLine(status));
}

int Fail(const std::string& command, const std::string& message) {
  std::cerr << "embargo " << command << ": " << message << "\n";
  return kExitBadInput;
}

const std::set<std::string> kQueryValued = {
    "data",   "kinds",      "items",     "from-date", "until-date",
    "min-status", "node-kinds", "direction", "max-hops", "k",
    "limit",  "timeout",    "dot",       "svg",       "png",
    "max-gap-days", "max-output", "country"};
const std::set<std::string> kQueryFlags = {"json", "certain", "explain",
                                           "embargoes", "chronological",
                                           "count", "distinct-routes"};

const char kFilterHelp[] =
    R"(Filters (the library's Filter, the same for every query):
  --kinds LIST         edge kinds a path may use, comma-separated: transfer,
                       transfer_via, sanction, ownership, directorship,
                       membership, employment, control, flag, operator, family,
                       associate, visit, spokesperson, part_of, nationality,
                       unknown_link, support, participation, and the country
                       links registered_in, located_in, national_of
                       ("country_links" for the three; "all" for every kind);
                       default: all but the country links
  --items LIST         item categories of transfers: artillery_ammunition,
                       rockets, missiles, small_arms, ammunition, ... (default:
                       all; other edge kinds are not affected)
  --from-date DATE     YYYY, YYYY-MM or YYYY-MM-DD; edges must overlap the
  --until-date DATE    window (or lie inside it with --certain)
  --certain            an edge's dates must lie inside the window
  --min-status S       alleged, reported or confirmed (default alleged: denied
                       claims are left out); denied includes them
  --node-kinds LIST    kinds of the nodes a path passes through: state,
                       government_body, military_unit, company, organization,
                       person, vessel, aircraft, international_body,
                       legal_entity, event (the endpoints are exempt)
  --country CODE       ISO 3166-1 alpha-3 code: only the state and actors
                       linked to it (registered_in, located_in, national_of,
                       nationality, flag) may be passed through or reached
                       (the endpoints are exempt)
  --direction D        along (supplier to recipient, owner to owned...),
                       against, or either (default)
  --chronological      paths only: hops in time order (each hop's dates may
                       not all lie before the previous hop's; partial dates
                       compare as spans of days, undated hops always fit)
  --max-gap-days N     with --chronological: consecutive transfer hops at
                       most N days apart
  --limit N            most results (default 1000)
  --timeout SECONDS    stop the search after this long (default: none)
)";

const char kDataHelp[] =
    R"(Data: --data FILE (repeatable) names the datasets to load together:
  .pb (binary Dataset), .textproto, .json (proto3 JSON Dataset), .records
  (length-delimited Records) or .jsonl (JSON lines of Records). Without
  --data, $EMBARGO_DATA (':'-separated paths) is used, and without that the
  bundled example dataset (share/embargo/article_2023.textproto beside the
  tool), with a note on stderr saying so. Files loaded
  together go through entity resolution: an actor that several files
  describe (the same state, authority, vessel, company or person, matched
  by id, by IMO / OFAC / UN identifiers, by a company register or tax
  number (OGRN, INN, LEI, ...) or a passport number, by name, country and
  kind, or for persons by one name spelled two ways and the same date of
  birth) is one actor carrying every file's names, identifiers and
  evidence.
  --embargoes adds the country arms embargoes shipped with the library
  (share/embargo/arms_embargoes.textproto: UN Security Council and EU
  embargoes on states, each with legal basis, dates and source).
)";

std::string BundledDataset() {
  // The tool lives in <root>/bin and the dataset in <root>/share/embargo,
  // both installed and in the build tree.
  std::error_code ec;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return "";
  std::filesystem::path data = exe.parent_path().parent_path() / "share" /
                               "embargo" / "article_2023.textproto";
  if (!std::filesystem::is_regular_file(data, ec)) return "";
  return data.string();
}

absl::StatusOr<std::vector<std::string>> DataFiles(
    const Args& args, const std::vector<std::string>& extra) {
  std::vector<std::string> files = args.All("data");
  files.insert(files.end(), extra.begin(), extra.end());
  const char* env = std::getenv("EMBARGO_DATA");
  if (files.empty() && env != nullptr && *env != '\0') {
    for (absl::string_view p : absl::StrSplit(env, ':', absl::SkipEmpty())) {
      files.emplace_back(p);
    }
  }
  if (files.empty()) {
    std::string bundled = BundledDataset();
    if (bundled.empty()) {
      return absl::InvalidArgumentError(
          "no dataset: give --data FILE (or set EMBARGO_DATA)");
    }
    std::cerr << "note: no --data given: answering from the bundled example "
                 "dataset "
              << bundled << "\n";
    files.push_back(std::move(bundled));
  }
  if (args.Has("embargoes")) {
    // The shipped country arms embargoes, loaded with the other files (with
    // the bundled dataset when no other is given: the embargoes alone hold
    // no transfer).
    absl::StatusOr<std::string> embargoes = ArmsEmbargoesFile();
    if (!embargoes.ok()) return embargoes.status();
    files.push_back(*std::move(embargoes));
  }
  return files;
}

absl::StatusOr<std::vector<DatasetFile>> ReadFiles(
    const std::vector<std::string>& paths) {
  return ReadInputs(paths);
}

absl::StatusOr<Graph> LoadGraphFrom(const std::vector<std::string>& paths,
                                    bool country_links) {
  LoadOptions options;
  options.country_links = country_links;
  LoadReport report;
  absl::StatusOr<Graph> graph = Load(paths, options, &report);
  const size_t refused = report.resolution.refused.size();
  if (graph.ok() && refused > 0) {
    // Links a rule found but did not make leave two actors where the lists
    // may mean one: say so, and where to read them.
    std::cerr << "note: entity resolution refused " << refused
              << " link(s) between actors of these files (their lists disagree "
                 "on a birth date, an identifier or which entries are distinct); "
                 "those actors stay apart: `embargo resolve FILE...` lists them\n";
  }
  return graph;
}

std::string BlockingRuleText(OwnershipRule rule, const BlockedSet& blocked) {
  return absl::StrCat(
      rule == OwnershipRule::kOfac50 ? "OFAC 50 % rule" : "EU ownership or control",
      ", counting the asset freezes of ",
      blocked.authorities.empty() ? std::string("any authority")
                                  : absl::StrJoin(blocked.authorities, ", "));
}

std::string BlockingUnknownText(const BlockedSet& blocked,
                                absl::string_view what_would_answer) {
  return absl::StrCat(
      "unknown: no ", absl::StrJoin(blocked.authorities_not_loaded, ", "),
      " list that freezes assets is loaded, and the rule reads only its own "
      "authority's list (load it, or ", what_would_answer, ")");
}

bool WantsCountryLinks(const Args& args) {
  if (args.Has("country")) return true;
  if (!args.Has("kinds")) return false;
  absl::StatusOr<EdgeKindSet> k = ParseEdgeKinds(args.Get("kinds"));
  return k.ok() && (k->bits() & CountryLinkKinds().bits()) != 0;
}

absl::StatusOr<Filter> ParseFilter(const Args& args) {
  Filter f;
  if (args.Has("kinds")) {
    absl::StatusOr<EdgeKindSet> k = ParseEdgeKinds(args.Get("kinds"));
    if (!k.ok()) return k.status();
    f.edge_kinds = *k;
  }
  if (args.Has("items")) {
    absl::StatusOr<ItemSet> k = ParseItems(args.Get("items"));
    if (!k.ok()) return k.status();
    f.items = *k;
  }
  if (args.Has("node-kinds")) {
    absl::StatusOr<NodeKindSet> k = ParseNodeKinds(args.Get("node-kinds"));
    if (!k.ok()) return k.status();
    f.node_kinds = *k;
  }
  for (const char* name : {"from-date", "until-date"}) {
    if (!args.Has(name)) continue;
    absl::StatusOr<PartialDate> d = PartialDate::Parse(args.Get(name));
    if (!d.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("--", name, ": ", d.status().message()));
    }
    (std::string(name) == "from-date" ? f.from : f.until) = *d;
  }
  if (f.from.known() && f.until.known() &&
      f.from.EarliestDay() > f.until.LatestDay()) {
    return absl::InvalidArgumentError("--from-date is after --until-date");
  }
  if (args.Has("certain")) f.date_match = DateMatch::kCertain;
  if (args.Has("min-status")) {
    absl::StatusOr<v1::Status> s = ParseStatus(args.Get("min-status"));
    if (!s.ok()) return s.status();
    f.min_status = *s;
  }
  if (args.Has("country")) {
    f.country = absl::AsciiStrToUpper(args.Get("country"));
    if (absl::Status s = CheckCountryCode(f.country); !s.ok()) {
      return absl::InvalidArgumentError(absl::StrCat("--", s.message()));
    }
  }
  if (args.Has("direction")) {
    absl::StatusOr<Direction> d = ParseDirection(args.Get("direction"));
    if (!d.ok()) return d.status();
    f.direction = *d;
  }
  if (args.Has("chronological")) f.chronological = true;
  if (args.Has("max-gap-days")) {
    if (!f.chronological) {
      return absl::InvalidArgumentError(
          "--max-gap-days applies with --chronological");
    }
    absl::StatusOr<int> gap = args.Int("max-gap-days", -1, 0, 1000000);
    if (!gap.ok()) return gap.status();
    f.max_gap_days = *gap;
  }
  return f;
}

absl::StatusOr<Limits> ParseLimits(const Args& args) {
  Limits l;
  absl::StatusOr<int> limit = args.Int("limit", 1000, 1, 100000000);
  if (!limit.ok()) return limit.status();
  l.max_results = static_cast<size_t>(*limit);
  if (args.Has("timeout")) {
    double s = 0;
    if (!absl::SimpleAtod(args.Get("timeout"), &s) || !(s > 0)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "--timeout \"", args.Get("timeout"), "\": expected seconds > 0"));
    }
    l.timeout = absl::Seconds(s);
  }
  return l;
}

namespace {

// IdDistanceOne is true when a and b differ by one substitution, one
// transposition of neighbours, or one letter more or less.
bool IdDistanceOne(const std::string& a, const std::string& b) {
  if (a == b) return false;
  if (a.size() == b.size()) {
    std::vector<size_t> diff;
    for (size_t i = 0; i < a.size() && diff.size() <= 2; ++i) {
      if (a[i] != b[i]) diff.push_back(i);
    }
    if (diff.size() == 1) return true;
    return diff.size() == 2 && diff[1] == diff[0] + 1 && a[diff[0]] == b[diff[1]] &&
           a[diff[1]] == b[diff[0]];
  }
  const std::string& s = a.size() < b.size() ? a : b;
  const std::string& l = a.size() < b.size() ? b : a;
  size_t i = 0;
  while (i < s.size() && s[i] == l[i]) ++i;
  return s.compare(i, std::string::npos, l, i + 1, std::string::npos) == 0;
}

}  // namespace

absl::StatusOr<NodeId> ResolveActor(const Graph& graph,
                                    const std::string& id_or_name) {
  if (std::optional<NodeId> n = graph.FindNode(id_or_name)) return *n;
  const auto describe = [&](NodeId c) {
    return absl::StrCat(graph.node_id(c), " (", graph.node_name(c), ", ",
                        NodeKindName(graph.node_kind(c)), ")");
  };
  std::vector<NodeId> exact = graph.FindByName(id_or_name);
  if (exact.empty()) {
    // A weak alias (a nickname or acronym the list itself marks as low
    // quality, such as OFAC's "a.k.a. 'KOMID'") is no name to find an actor
    // by in general, since several actors may share it; one that exactly one
    // actor bears is taken, and said so. Decoding every record costs, but
    // only on this path.
    const std::string key = text_internal::FoldName(id_or_name);
    std::vector<NodeId> weak;
    for (size_t v = 0; !key.empty() && v < graph.num_nodes(); ++v) {
      const NodeId c(static_cast<uint32_t>(v));
      const v1::Record r = graph.NodeRecord(c);
      if (!r.has_actor()) continue;
      for (const std::string& alias : r.actor().weak_aliases()) {
        if (text_internal::FoldName(alias) == key) {
          weak.push_back(c);
          break;
        }
      }
    }
    if (weak.size() == 1) {
      std::cerr << "note: \"" << id_or_name << "\" is a weak alias (marked low "
                << "quality by the list) of " << describe(weak[0])
                << ", the only actor that bears it\n";
      return weak[0];
    }
    if (weak.size() > 1) {
      std::vector<std::string> candidates;
      for (NodeId c : weak) candidates.push_back(describe(c));
      return absl::FailedPreconditionError(absl::StrCat(
          "\"", id_or_name, "\" is a weak alias of several actors: ",
          absl::StrJoin(candidates, "; "), "; give an id"));
    }
  }
  if (exact.size() > 1) {
    std::vector<std::string> candidates;
    for (NodeId c : exact) candidates.push_back(describe(c));
    return absl::FailedPreconditionError(
        absl::StrCat("\"", id_or_name, "\" is ambiguous: ",
                     absl::StrJoin(candidates, "; "), "; give an id"));
  }
  // The name search: for "did you mean", and to refuse an exact match when
  // another actor bears the same name but for a company form, a spelling
  // variant or word order ("VTB Bank" and "VTB Bank PJSC").
  absl::StatusOr<NameIndex> index = NameIndex::Build(graph);
  if (!index.ok()) return index.status();
  SearchQuery q;
  q.name = id_or_name;
  SearchOptions o;
  o.limit = 5;
  absl::StatusOr<std::vector<SearchHit>> hits = index->Search(q, o);
  if (!hits.ok()) {
    return absl::NotFoundError(
        absl::StrCat("no node has the id or name \"", id_or_name, "\""));
  }
  if (exact.empty()) {
    // An identifier given for the actor ("IMO 9003550"): the search reads
    // the name as one too, and one actor holding it is the actor meant.
    std::vector<const SearchHit*> held;
    for (const SearchHit& h : *hits) {
      if (h.identifier.agreement == Agreement::kAgrees) held.push_back(&h);
    }
    if (held.size() == 1) {
      std::cerr << "note: \"" << id_or_name << "\" is the identifier "
                << held[0]->identifier.actor_value << " of " << describe(held[0]->node)
                << "\n";
      return held[0]->node;
    }
    if (held.size() > 1) {
      std::vector<std::string> candidates;
      for (const SearchHit* h : held) candidates.push_back(describe(h->node));
      return absl::FailedPreconditionError(absl::StrCat(
          "\"", id_or_name, "\" is an identifier of several actors: ",
          absl::StrJoin(candidates, "; "), "; give an id"));
    }
  }
  // No exact name, but one that is the query's words exactly with a company
  // form or title set aside ("Rosoboronexport" for "JSC ROSOBORONEXPORT"):
  // taken, and said so, when no other actor's name comes nearly as close.
  if (exact.empty() && !hits->empty()) {
    const SearchHit& top = hits->front();
    const text_internal::NameWords name = text_internal::SplitName(top.matched_name);
    std::vector<std::string> aside = name.forms;
    aside.insert(aside.end(), name.honorifics.begin(), name.honorifics.end());
    bool same_words = !top.tokens.empty() && !aside.empty() && !top.weak_alias &&
                      top.missing_query_tokens.empty() && top.missing_name_tokens.empty() &&
                      top.in_other_names.empty();
    for (const TokenMatch& t : top.tokens) {
      same_words = same_words && t.kind == TokenMatchKind::kExact;
    }
    bool rival = false;
    for (size_t i = 1; i < hits->size(); ++i) rival = rival || (*hits)[i].name_score >= 0.95;
    if (same_words && !rival) {
      std::cerr << "note: \"" << id_or_name << "\" is taken as " << describe(top.node)
                << ", whose name \"" << top.matched_name << "\" it is but for \""
                << absl::StrJoin(aside, "\", \"") << "\"\n";
      return top.node;
    }
  }
  if (exact.size() == 1) {
    std::vector<std::string> rivals;
    for (const SearchHit& h : *hits) {
      if (h.node != exact[0] && h.name_score >= 0.95 && h.weak_raise == 0) {
        rivals.push_back(absl::StrFormat("%s: \"%s\"", describe(h.node), h.matched_name));
      }
    }
    if (rivals.empty()) return exact[0];
    return absl::FailedPreconditionError(absl::StrCat(
        "\"", id_or_name, "\" names ", describe(exact[0]),
        " but nearly as well ", absl::StrJoin(rivals, "; "), "; give an id"));
  }
  std::vector<std::string> candidates;
  // Ids one slip away ("PKR" for PRK): a transposition, a substitution, a
  // letter more or less.
  if (id_or_name.size() >= 3 && id_or_name.size() <= 24) {
    const std::string want = absl::AsciiStrToUpper(id_or_name);
    std::vector<std::pair<bool, NodeId>> near;  // (not a transposition, node)
    for (size_t v = 0; v < graph.num_nodes(); ++v) {
      const NodeId c(static_cast<uint32_t>(v));
      const absl::string_view id = graph.node_id(c);
      if (id.size() + 1 < want.size() || id.size() > want.size() + 1) continue;
      const std::string up = absl::AsciiStrToUpper(id);
      if (IdDistanceOne(want, up)) {
        std::string sorted_a = want, sorted_b = up;
        std::sort(sorted_a.begin(), sorted_a.end());
        std::sort(sorted_b.begin(), sorted_b.end());
        near.push_back({sorted_a != sorted_b, c});
      }
    }
    std::stable_sort(near.begin(), near.end(), [](const auto& a, const auto& b) {
      return a.first < b.first;
    });
    for (size_t i = 0; i < near.size() && i < 5; ++i) {
      candidates.push_back(absl::StrCat(describe(near[i].second), " (id)"));
    }
  }
  for (const SearchHit& h : *hits) {
    candidates.push_back(absl::StrFormat("%s %.2f \"%s\"", describe(h.node),
                                         h.score, h.matched_name));
  }
  if (candidates.empty()) {
    return absl::NotFoundError(absl::StrCat(
        "no node has the id or name \"", id_or_name,
        "\", and no name comes close (`embargo search` to look)"));
  }
  return absl::NotFoundError(absl::StrCat(
      "no node has the id or name \"", id_or_name, "\"; did you mean: ",
      absl::StrJoin(candidates, "; ")));
}

Json NodeJson(const Graph& graph, NodeId node) {
  Json j;
  j["id"] = std::string(graph.node_id(node));
  j["name"] = std::string(graph.node_name(node));
  j["kind"] = std::string(NodeKindName(graph.node_kind(node)));
  j["country"] = std::string(graph.node_country(node));
  // With no sanctions list loaded, "not sanctioned" is unknown: null.
  if (graph.num_sanction_edges() == 0) {
    j["sanctioned"] = Json();
    return j;
  }
  bool sanctioned = false;
  for (const Incidence& inc : graph.Incidences(node)) {
    if (!inc.along && graph.edge(inc.edge).kind == EdgeKind::kSanction) {
      sanctioned = true;
      break;
    }
  }
  j["sanctioned"] = sanctioned;
  return j;
}

namespace {
std::string DateString(const v1::Date& d) {
  absl::StatusOr<PartialDate> p = PartialDate::FromProto(d);
  return p.ok() && p->known() ? p->ToString() : "";
}
}  // namespace

Json HopJson(const Graph& graph, const Hop& hop) {
  const HopDetail d = ExplainHop(graph, hop);
  Json j;
  j["from"] = std::string(graph.node_id(hop.from));
  j["to"] = std::string(graph.node_id(hop.to));
  j["along"] = hop.along;
  j["edge_kind"] = std::string(EdgeKindName(d.info.kind));
  j["record_kind"] = d.record_kind;
  j["record_id"] = d.record_id;
  j["item"] = d.info.item == v1::ITEM_UNSPECIFIED ? "" : ItemName(d.info.item);
  j["designation"] = d.designation;
  j["role"] = d.role;
  j["when"] = d.when;
  j["status"] = StatusName(d.info.status);
  if (d.record_kind == "transfer") {
    // The source's numbers; null where it gives none (never 0).
    const v1::Transfer& t = d.record.transfer();
    const auto count = [](int64_t n) { return n > 0 ? Json(n) : Json(); };
    const auto tiv = [](double v) { return v > 0 ? Json(v) : Json(); };
    j["number_ordered"] = count(t.quantity_ordered());
    j["number_delivered"] = count(t.quantity());
    // Either number marked uncertain; each number's own mark.
    j["number_uncertain"] = t.quantity_uncertain() || t.quantity_ordered_uncertain();
    j["number_ordered_uncertain"] = t.quantity_ordered_uncertain();
    j["number_delivered_uncertain"] = t.quantity_uncertain();
    j["ordered_uncertain"] = t.ordered_uncertain();
    j["tiv_unit"] = tiv(t.tiv_unit());
    j["tiv_order"] = tiv(t.tiv_total());
    j["tiv_delivered"] = tiv(t.tiv_delivered());
  }
  if (d.info.kind == EdgeKind::kOwnership) {
    // null when the share is not known, never 0.
    j["share"] = d.info.share_percent > 0 ? Json(d.info.share_percent) : Json();
  }
  j["summary"] = d.summary;
  Json evidence = Json::array();
  for (const EvidenceDetail& e : d.evidence) {
    Json ev;
    ev["source_id"] = e.evidence.source_id();
    ev["publisher"] = e.source ? e.source->publisher() : "";
    ev["title"] = e.source ? e.source->title() : "";
    ev["url"] = e.source ? e.source->url() : "";
    ev["published"] = e.source ? DateString(e.source->published()) : "";
    ev["speaker_id"] = e.evidence.speaker_id();
    ev["speaker"] = e.speaker_name;
    Json via = Json::array();
    for (const std::string& v : e.evidence.via_source_ids()) via.push_back(v);
    ev["via"] = via;
    ev["quote"] = e.evidence.quote();
    ev["translation"] = e.evidence.translation();
    ev["status_words"] = e.evidence.status_words();
    ev["locator"] = e.evidence.locator();
    evidence.push_back(std::move(ev));
  }
  j["evidence"] = std::move(evidence);
  return j;
}

Json PathJson(const Graph& graph, const Path& path) {
  Json j;
  j["length"] = path.length();
  Json nodes = Json::array();
  for (NodeId n : path.Nodes()) nodes.push_back(NodeJson(graph, n));
  j["nodes"] = std::move(nodes);
  Json hops = Json::array();
  for (const Hop& h : path.hops) hops.push_back(HopJson(graph, h));
  j["hops"] = std::move(hops);
  return j;
}

void PrintJson(const Json& json) {
  std::cout << json.dump(2, ' ', false, Json::error_handler_t::replace)
            << "\n";
}

void Table::Print(int indent) const {
  std::vector<size_t> width(header_.size(), 0);
  auto measure = [&](const std::vector<std::string>& row) {
    for (size_t i = 0; i < row.size() && i < width.size(); ++i) {
      // Count UTF-8 characters, not bytes, so that names line up.
      size_t n = 0;
      for (unsigned char c : row[i]) n += (c & 0xC0) != 0x80;
      width[i] = std::max(width[i], n);
    }
  };
  measure(header_);
  for (const auto& r : rows_) measure(r);
  auto print = [&](const std::vector<std::string>& row) {
    std::string line(indent, ' ');
    for (size_t i = 0; i < row.size() && i < width.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) {
        size_t n = 0;
        for (unsigned char c : row[i]) n += (c & 0xC0) != 0x80;
        line += std::string(width[i] - n + 2, ' ');
      }
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    std::cout << line << "\n";
  };
  print(header_);
  for (const auto& r : rows_) print(r);
}

absl::Status WriteDotOutputs(const Args& args, const Graph& graph,
                             const Subgraph& subgraph,
                             const std::string& title) {
  if (!args.Has("dot") && !args.Has("svg") && !args.Has("png")) {
    return absl::OkStatus();
  }
  DotOptions options;
  options.title = title;
  // Pictures stay legible: parallel edges as one labelled edge, at most
  // 40 nodes (the rest folded by kind, with a note).
  options.collapse_parallel = true;
  options.max_nodes = 40;
  const std::string dot = ToDot(graph, subgraph, options);
  if (args.Has("dot")) {
    const std::string path = args.Get("dot");
    FILE* f = std::fopen(path.c_str(), "wb");
    if (f == nullptr) {
      return absl::PermissionDeniedError(
          absl::StrCat(path, ": cannot open for writing"));
    }
    const bool ok = std::fwrite(dot.data(), 1, dot.size(), f) == dot.size();
    if (std::fclose(f) != 0 || !ok) {
      return absl::DataLossError(absl::StrCat(path, ": write failed"));
    }
  }
  for (const char* format : {"svg", "png"}) {
    if (!args.Has(format)) continue;
    absl::Status s = RenderDot(dot, format, args.Get(format));
    if (!s.ok()) return s;
  }
  return absl::OkStatus();
}

}  // namespace embargo::cli
