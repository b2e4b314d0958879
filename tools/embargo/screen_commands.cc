// embargo screen: a list of counterparties against the graph
// (embargo/screen.h).

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "embargo/kinds.h"
#include "embargo/screen.h"
#include "lib/io/import/text_util.h"
#include "lib/text/cp1252.h"
#include "lib/text/utf8.h"
#include "tools/embargo/cli.h"

namespace embargo::cli {

Json HitJson(const Graph& graph, const SearchHit& h);  // search_commands.cc

namespace {

constexpr char kScreenHelp[] = R"(usage: embargo screen INPUT.csv [--as-of DATE] [--hops K] [--kinds LIST]
                      [--threshold T] [--matches N] [--authority ID]...
                      [--program P]... [--rule ofac|eu] [--threads N]
                      [--json | --csv] [-o OUT] [--data FILE]...

Screens a CSV of counterparties. Columns, by header (any order, any case):
name (required), country, dob (or born, date_of_birth), and any number of
identifier columns (id, identifier, imo, registration; several values in one
cell separated by ';'). Without a header row the columns are name, country,
dob, id. A header may be separated by ';' or tabs instead of commas (as
spreadsheets save CSV in many locales); a column the header names otherwise
is not read, and said so on stderr; a header without a name column is
refused.

For each row: the best matches (score >= --threshold, default 0.75) with
their explanations; for each match the sanctions in force on --as-of
(default today) with authority and programme, whether it is blocked through
ownership (--rule ofac: 50 % or more; eu: more than 50 % or control) with
the chain of stakes, and the sanctioned actors within --hops (default 2)
over --kinds (default ownership,directorship,control,operator,family,
associate): how many, and the nearest --nearby of them with one path each.
A row that cannot be read is reported with its line number and the others
go on (exit status 1).

Output: a table; --json (one object per row); --csv (one line per match,
columns line,query,rank,score,id,name,kind,country,sanctioned,sanctions,
blocked,chain,nearby_count,nearby,explanation,error; sanctioned and blocked
are yes, possibly or no: "possibly" where a listing date or an ownership
share is unknown, so that the answer holds on some readings and not on
others; blocked is "unknown" when the rule's own list is not loaded, e.g. the
OFAC rule over the EU list alone; JSON: "blocked" true, false or null,
"blocked_certainty" the same words).
-o writes to a file. Progress goes to stderr when it is a terminal.

Options:
  --data FILE          the lists to screen against (repeatable)
  --as-of DATE         the day sanctions are in force on (default today)
  --hops K             how far to look for sanctioned actors (default 2)
  --kinds LIST         the link kinds to look along
  --threshold T        the least match score (default 0.75)
  --matches N          matches per row (default 3)
  --nearby N           sanctioned actors nearby listed with a path, nearest
                       first (default 10; all of them are counted)
  --authority ID       only this authority's sanctions (repeatable)
  --program P          only this programme's sanctions (repeatable)
  --rule ofac|eu       the ownership rule (default ofac)
  --threads N          rows screened at once (default: one thread per core)
  --json | --csv       the output's form (default a table)
  -o, --output FILE    write there instead of stdout

Example:
  embargo import ofac ../shared/data/ofac/sdn_2024-05-03.csv -o ofac.pb
  embargo screen examples/data/counterparties.csv --as-of 2024-06-01 --csv \
      -o screened.csv --data ofac.pb
)";

struct InputRow {
  int64_t line = 0;
  SearchQuery query;
  std::string error;  // Why the row cannot be screened.
};

std::string Lower(std::string s) { return absl::AsciiStrToLower(s); }

// The header words ReadInput reads, by column.
bool IsDobHeader(const std::string& h) {
  return h == "dob" || h == "born" || h == "date_of_birth" || h == "birth_date";
}
bool IsIdHeader(const std::string& h) {
  return h == "id" || h == "ids" || h == "identifier" || h == "identifiers" ||
         h == "imo" || h == "registration" || h == "registration_number";
}
bool IsHeaderWord(const std::string& h) {
  return h == "name" || h == "country" || IsDobHeader(h) || IsIdHeader(h);
}
std::string HeaderWord(absl::string_view field) {
  return Lower(std::string(absl::StripAsciiWhitespace(field)));
}

// Separator is the separator of a file whose first line is a header: ','
// unless the header's words stand apart only by ';' or a tab, as
// spreadsheets write CSV in many locales. Without a header, ','.
char Separator(absl::string_view text) {
  const absl::string_view first = text.substr(0, text.find('\n'));
  for (char sep : {',', ';', '\t'}) {
    for (absl::string_view f : absl::StrSplit(first, sep)) {
      if (HeaderWord(absl::StripSuffix(f, "\r")) == "name") return sep;
    }
  }
  return ',';
}

// ReadInput reads the counterparties; errors of single rows stay with them.
// Columns of the header it does not read are named in `notes`.
absl::StatusOr<std::vector<InputRow>> ReadInput(const std::string& path,
                                                std::vector<std::string>& notes) {
  absl::StatusOr<std::string> text = import_internal::ReadFileBytes(path, int64_t{1} << 31);
  if (!text.ok()) return text.status();
  if (!text::IsValidUtf8(*text)) {
    std::string decoded;
    text::Cp1252ToUtf8(*text, text::Cp1252Undefined::kC1Control, decoded);
    *text = std::move(decoded);
  }
  // Spreadsheets save "CSV UTF-8" with a byte-order mark: not a letter of
  // the first column's header.
  absl::string_view body = *text;
  absl::ConsumePrefix(&body, "\xEF\xBB\xBF");
  import_internal::CsvReader csv(path, body, Separator(body));
  import_internal::CsvRow row;
  std::vector<InputRow> out;
  int name_col = 0, country_col = 1, dob_col = 2;
  std::vector<int> id_cols = {3};
  bool first = true;
  size_t columns = 0;
  while (true) {
    absl::StatusOr<bool> more = csv.Next(row);
    if (!more.ok()) {
      // An unclosed quote runs to the end: report it as that row's error.
      InputRow bad;
      bad.line = row.line;  // Where the row with the unclosed quote begins.
      bad.error = std::string(more.status().message());
      out.push_back(std::move(bad));
      break;
    }
    if (!*more) break;
    if (first) {
      first = false;
      std::vector<std::string> header;
      for (const std::string& f : row.fields) header.push_back(HeaderWord(f));
      int n = -1;
      bool is_header = false;
      for (size_t i = 0; i < header.size(); ++i) {
        if (header[i] == "name") n = static_cast<int>(i);
        is_header = is_header || IsHeaderWord(header[i]);
      }
      if (is_header && n < 0) {
        // A header, not a name to screen: read by position, its columns
        // would be taken for name, country, dob and id whatever they hold.
        return absl::InvalidArgumentError(absl::StrCat(
            path, ":", row.line, ": the header has no column \"name\" (it has ",
            absl::StrJoin(row.fields, ", "), "): name the column of names \"name\""));
      }
      if (n >= 0) {
        name_col = n;
        country_col = dob_col = -1;
        id_cols.clear();
        for (size_t i = 0; i < header.size(); ++i) {
          const std::string& h = header[i];
          if (h == "country") country_col = static_cast<int>(i);
          if (IsDobHeader(h)) dob_col = static_cast<int>(i);
          if (IsIdHeader(h)) id_cols.push_back(static_cast<int>(i));
          if (!IsHeaderWord(h)) {
            notes.push_back(absl::StrCat(
                path, ":", row.line, ": column ", i + 1, " \"", row.fields[i],
                "\" is not read (read: name, country, dob or born, and "
                "identifiers: id, imo, registration)"));
          }
        }
        columns = header.size();
        continue;
      }
    }
    InputRow r;
    r.line = row.line;
    const auto field = [&](int c) -> std::string {
      if (c < 0 || c >= static_cast<int>(row.fields.size())) return "";
      return std::string(absl::StripAsciiWhitespace(row.fields[c]));
    };
    if (columns > 0 && row.fields.size() != columns) {
      r.error = absl::StrCat(path, ":", row.line, ": ", row.fields.size(),
                             " columns, the header has ", columns);
      out.push_back(std::move(r));
      continue;
    }
    r.query.name = field(name_col);
    r.query.country = field(country_col);
    const std::string dob = field(dob_col);
    if (!dob.empty()) {
      absl::StatusOr<PartialDate> d = PartialDate::Parse(dob);
      if (!d.ok()) {
        r.error = absl::StrCat(path, ":", row.line, ": date of birth \"", dob,
                               "\": ", d.status().message());
      } else {
        r.query.born = *d;
      }
    }
    for (int c : id_cols) {
      for (absl::string_view v : absl::StrSplit(field(c), ';', absl::SkipWhitespace())) {
        r.query.identifiers.emplace_back(absl::StripAsciiWhitespace(v));
      }
    }
    if (r.error.empty() && r.query.name.empty() && r.query.identifiers.empty()) {
      r.error = absl::StrCat(path, ":", row.line, ": no name and no identifier");
    }
    out.push_back(std::move(r));
  }
  return out;
}

std::string SanctionText(const InForce& s) {
  return absl::StrCat(s.authority_id, " ", s.program, " listed ", ListedText(s),
                      s.certainty == Certainty::kPossible ? " (possibly)" : "");
}

// SanctionedText and BlockedText are "yes", "possibly" or "no": sanctioned or blocked on every
// reading of the dates and shares, on some, or on none; "unknown" when no
// sanctions list, or for BlockedText the rule's own list, is loaded.
absl::string_view SanctionedText(const ScreenMatch& m) {
  if (m.sanctions.empty()) return m.sanctioned_unknown ? "unknown" : "no";
  for (const InForce& s : m.sanctions) {
    if (s.certainty == Certainty::kCertain) return "yes";
  }
  return "possibly";
}
absl::string_view BlockedText(const ScreenMatch& m) {
  if (!m.blocked) return m.blocked_unknown ? "unknown" : "no";
  return m.blocked->certainty == Certainty::kCertain ? "yes" : "possibly";
}

std::string PathText(const Graph& g, const Path& p) {
  std::string out(g.node_id(p.source));
  for (const Hop& h : p.hops) {
    absl::StrAppend(&out, h.along ? " -" : " <-", EdgeKindName(g.edge(h.edge).kind),
                    h.along ? "-> " : "- ", g.node_id(h.to));
  }
  return out;
}

// NearbyCountText is how many sanctioned actors lie within reach of a
// match: "37", "at least 37" when the neighbourhood search stopped at its
// limits, "unknown" when no sanctions list is loaded.
std::string NearbyCountText(const ScreenMatch& m) {
  if (m.sanctioned_unknown) return "unknown";
  return m.nearby_incomplete ? absl::StrCat("at least ", m.nearby_count)
                             : absl::StrCat(m.nearby_count);
}

std::string ChainText(const Graph& g, const ScreenMatch& m) {
  std::vector<std::string> steps;
  for (const Stake& s : m.chain) {
    steps.push_back(s.kind == EdgeKind::kControl
                        ? absl::StrCat("controlled by ", g.node_id(s.owner))
                    : s.share_percent == 0
                        ? absl::StrCat("owned (share unknown) by ", g.node_id(s.owner))
                        : absl::StrFormat("%.4g %% owned by %s", s.share_percent,
                                          std::string(g.node_id(s.owner))));
  }
  return absl::StrJoin(steps, ", ");
}

Json MatchJson(const Graph& g, const ScreenMatch& m) {
  Json j = HitJson(g, m.hit);
  Json sanctions = Json::array();
  for (const InForce& s : m.sanctions) {
    sanctions.push_back({{"sanction_id", s.sanction_id},
                         {"authority", s.authority_id},
                         {"program", s.program},
                         {"listed", s.listed.known() ? s.listed.ToString() : ""},
                         {"listed_no_later_than", s.listed_no_later_than.known()
                                                      ? s.listed_no_later_than.ToString()
                                                      : ""},
                         {"certainty", std::string(CertaintyName(s.certainty))}});
  }
  j["sanctioned"] = !m.sanctions.empty()  ? Json(true)
                    : m.sanctioned_unknown ? Json()
                                           : Json(false);
  j["sanctioned_certainty"] = std::string(SanctionedText(m));
  j["sanctions"] = std::move(sanctions);
  j["blocked"] = m.blocked ? Json(true) : m.blocked_unknown ? Json() : Json(false);
  j["blocked_certainty"] = std::string(BlockedText(m));
  if (m.blocked) {
    j["blocked_directly"] = m.blocked->directly_sanctioned;
    j["blocked_by_ownership"] = m.blocked->blocked_by_ownership;
    j["blocked_share"] = m.blocked->blocked_share;
    Json chain = Json::array();
    for (const Stake& s : m.chain) {
      chain.push_back({{"owner", std::string(g.node_id(s.owner))},
                       {"kind", std::string(EdgeKindName(s.kind))},
                       {"share", s.share_percent > 0 ? Json(s.share_percent)
                                                     : Json()},
                       {"certainty", std::string(CertaintyName(s.certainty))}});
    }
    j["chain"] = std::move(chain);
  }
  Json nearby = Json::array();
  for (const NearbySanctioned& n : m.nearby) {
    nearby.push_back({{"id", std::string(g.node_id(n.node))},
                      {"name", std::string(g.node_name(n.node))},
                      {"hops", n.hops},
                      {"path", PathText(g, n.path)}});
  }
  j["nearby"] = std::move(nearby);
  j["nearby_count"] =
      m.sanctioned_unknown || !m.nearby_searched ? Json() : Json(m.nearby_count);
  j["nearby_incomplete"] = m.nearby_incomplete;
  j["nearby_truncated"] = m.nearby_truncated;
  return j;
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + "\"";
}

}  // namespace

int RunScreen(const std::vector<std::string>& argv) {
  const std::string command = "screen";
  absl::StatusOr<Args> args = Args::Parse(
      command, argv,
      {"data", "as-of", "hops", "kinds", "threshold", "matches", "nearby", "authority",
       "program", "rule", "threads", "output"},
      {"json", "csv"});
  if (!args.ok()) return Fail(command, args.status());
  if (args->Has("help")) {
    std::cout << kScreenHelp;
    return kExitOk;
  }
  if (args->positionals().size() != 1) {
    return Fail(command, absl::StrCat("expected one INPUT.csv, got ",
                                      args->positionals().size(), " argument(s)"));
  }
  if (args->Has("json") && args->Has("csv")) {
    return Fail(command, "--json and --csv: choose one");
  }
  ScreenOptions o;
  o.as_of = Today();
  if (args->Has("as-of")) {
    absl::StatusOr<PartialDate> d = PartialDate::Parse(args->Get("as-of"));
    if (!d.ok()) return Fail(command, absl::StrCat("--as-of: ", d.status().message()));
    o.as_of = *d;
  }
  absl::StatusOr<int> hops = args->Int("hops", 2, 0, 6);
  if (!hops.ok()) return Fail(command, hops.status());
  o.hops = *hops;
  absl::StatusOr<int> matches = args->Int("matches", 3, 1, 100);
  if (!matches.ok()) return Fail(command, matches.status());
  o.max_matches = static_cast<size_t>(*matches);
  absl::StatusOr<int> nearby = args->Int("nearby", 10, 0, 100000);
  if (!nearby.ok()) return Fail(command, nearby.status());
  o.max_nearby = static_cast<size_t>(*nearby);
  if (args->Has("kinds")) {
    absl::StatusOr<EdgeKindSet> k = ParseEdgeKinds(args->Get("kinds"));
    if (!k.ok()) return Fail(command, k.status());
    o.kinds = *k;
  }
  if (args->Has("threshold")) {
    double t = 0;
    if (!absl::SimpleAtod(args->Get("threshold"), &t) || t < 0 || t > 1) {
      return Fail(command, absl::StrCat("--threshold \"", args->Get("threshold"),
                                        "\": expected a number from 0 to 1"));
    }
    o.threshold = t;
  }
  if (args->Has("rule")) {
    const std::string r = args->Get("rule");
    if (r == "ofac") {
      o.rule = OwnershipRule::kOfac50;
    } else if (r == "eu") {
      o.rule = OwnershipRule::kEuControl;
    } else {
      return Fail(command, absl::StrCat("--rule \"", r, "\": expected ofac or eu"));
    }
  }
  o.regime.authority_ids = args->All("authority");
  o.regime.programs = args->All("program");
  absl::StatusOr<int> threads = args->Int("threads", 0, 0, 256);
  if (!threads.ok()) return Fail(command, threads.status());

  std::vector<std::string> notes;
  absl::StatusOr<std::vector<InputRow>> rows = ReadInput(args->positionals()[0], notes);
  if (!rows.ok()) return Fail(command, rows.status());
  for (const std::string& n : notes) std::cerr << "  note: " << n << "\n";
  absl::StatusOr<std::vector<std::string>> files = DataFiles(*args);
  if (!files.ok()) return Fail(command, files.status());
  absl::StatusOr<Graph> graph = LoadGraphFrom(*files);
  if (!graph.ok()) return Fail(command, graph.status());
  absl::StatusOr<NameIndex> index = NameIndex::Build(*graph);
  if (!index.ok()) return Fail(command, index.status());
  absl::StatusOr<Screener> screener = Screener::Create(*index, o);
  if (!screener.ok()) return Fail(command, screener.status());

  std::vector<SearchQuery> queries;
  std::vector<size_t> row_of;
  for (size_t i = 0; i < rows->size(); ++i) {
    if (!(*rows)[i].error.empty()) continue;
    queries.push_back((*rows)[i].query);
    row_of.push_back(i);
  }
  const bool tty = isatty(STDERR_FILENO) == 1;
  std::function<void(size_t)> progress;
  if (tty) {
    progress = [&](size_t done) {
      std::cerr << "\rscreened " << done << " of " << queries.size() << std::flush;
    };
  }
  std::vector<absl::StatusOr<ScreenResult>> results =
      screener->ScreenAll(queries, *threads, progress);
  if (tty) std::cerr << "\n";
  std::vector<std::optional<absl::StatusOr<ScreenResult>>> by_row(rows->size());
  for (size_t k = 0; k < results.size(); ++k) by_row[row_of[k]] = std::move(results[k]);

  std::ofstream file;
  std::ostream* os = &std::cout;
  if (args->Has("output")) {
    file.open(args->Get("output"), std::ios::binary);
    if (!file) return Fail(command, absl::StrCat(args->Get("output"), ": cannot open for writing"));
    os = &file;
  }
  const Graph& g = *graph;
  size_t bad = 0, matched = 0;
  const auto row_error = [&](size_t i) -> std::string {
    const InputRow& r = (*rows)[i];
    if (!r.error.empty()) return r.error;
    if (!by_row[i]->ok()) {
      return absl::StrCat(args->positionals()[0], ":", r.line, ": ",
                          by_row[i]->status().message());
    }
    return "";
  };
  for (size_t i = 0; i < rows->size(); ++i) {
    const std::string err = row_error(i);
    if (!err.empty()) {
      ++bad;
      std::cerr << "embargo screen: " << err << "\n";
    } else if (!(*by_row[i])->matches.empty()) {
      ++matched;
    }
  }
  const std::string as_of = o.as_of.known() ? o.as_of.ToString() : "any date";
  if (args->Has("json")) {
    Json j;
    j["as_of"] = as_of;
    j["rule"] = o.rule == OwnershipRule::kOfac50 ? "ofac50" : "eu_control";
    j["blocking"] = BlockingRuleText(o.rule, screener->blocked_set());
    j["authorities_not_loaded"] = screener->blocked_set().authorities_not_loaded;
    j["sanction_authorities"] = screener->sanction_authorities();
    j["threshold"] = o.threshold;
    j["hops"] = o.hops;
    Json arr = Json::array();
    for (size_t i = 0; i < rows->size(); ++i) {
      const InputRow& r = (*rows)[i];
      Json row;
      row["line"] = r.line;
      row["query"] = {{"name", r.query.name}, {"country", r.query.country},
                      {"dob", r.query.born.known() ? r.query.born.ToString() : ""},
                      {"identifiers", r.query.identifiers}};
      const std::string err = row_error(i);
      if (!err.empty()) {
        row["error"] = err;
      } else {
        Json ms = Json::array();
        for (const ScreenMatch& m : (*by_row[i])->matches) ms.push_back(MatchJson(g, m));
        row["matches"] = std::move(ms);
        if ((*by_row[i])->best_below_threshold) {
          row["best_below_threshold"] = HitJson(g, *(*by_row[i])->best_below_threshold);
        }
      }
      arr.push_back(std::move(row));
    }
    j["rows"] = std::move(arr);
    *os << j.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
  } else if (args->Has("csv")) {
    *os << "line,query,rank,score,id,name,kind,country,sanctioned,sanctions,"
           "blocked,chain,nearby_count,nearby,explanation,error\n";
    for (size_t i = 0; i < rows->size(); ++i) {
      const InputRow& r = (*rows)[i];
      const std::string err = row_error(i);
      if (!err.empty() || (*by_row[i])->matches.empty()) {
        *os << r.line << "," << CsvField(r.query.name) << ",,,,,,,,,,,,,"
            << (err.empty() ? "no match" : "") << "," << CsvField(err) << "\n";
        continue;
      }
      int rank = 0;
      for (const ScreenMatch& m : (*by_row[i])->matches) {
        std::vector<std::string> sanctions, nearby;
        for (const InForce& s : m.sanctions) sanctions.push_back(SanctionText(s));
        for (const NearbySanctioned& n : m.nearby) nearby.push_back(PathText(g, n.path));
        *os << r.line << "," << CsvField(r.query.name) << "," << ++rank << ","
            << absl::StrFormat("%.3f", m.hit.score) << ","
            << CsvField(std::string(g.node_id(m.hit.node))) << ","
            << CsvField(std::string(g.node_name(m.hit.node))) << ","
            << NodeKindName(g.node_kind(m.hit.node)) << "," << g.node_country(m.hit.node)
            << "," << SanctionedText(m) << ","
            << CsvField(absl::StrJoin(sanctions, "; ")) << ","
            << BlockedText(m) << "," << CsvField(ChainText(g, m)) << ","
            << (o.hops > 0 ? NearbyCountText(m) : "") << ","
            << CsvField(absl::StrJoin(nearby, "; ")) << ","
            << CsvField(m.hit.Explain()) << ",\n";
      }
    }
  } else {
    const std::string lists = absl::StrJoin(screener->sanction_authorities(), ", ");
    *os << "as of " << as_of << ", threshold " << o.threshold << ", " << o.hops
        << " hop(s); blocking: " << BlockingRuleText(o.rule, screener->blocked_set())
        << "\n";
    *os << (lists.empty() ? "sanctions: unknown, no sanctions list is loaded"
                          : absl::StrCat("sanctions: the lists of ", lists))
        << "\n";
    if (!screener->blocked_set().lists_loaded()) {
      *os << "blocking through ownership is "
          << BlockingUnknownText(screener->blocked_set(), "--authority names the lists to count, --rule eu reads the EU's") << "\n";
    }
    for (size_t i = 0; i < rows->size(); ++i) {
      const InputRow& r = (*rows)[i];
      const std::string err = row_error(i);
      *os << "\nline " << r.line << ": " << r.query.name << "\n";
      if (!err.empty()) {
        *os << "  cannot screen: " << err << "\n";
        continue;
      }
      const ScreenResult& res = **by_row[i];
      if (res.matches.empty()) {
        *os << "  no match";
        if (res.best_below_threshold) {
          *os << absl::StrFormat(" (closest: %s %.2f)",
                                 std::string(g.node_id(res.best_below_threshold->node)),
                                 res.best_below_threshold->score);
        }
        *os << "\n";
      }
      for (const ScreenMatch& m : res.matches) {
        *os << absl::StrFormat("  %.2f %s \"%s\" (%s)\n", m.hit.score,
                               std::string(g.node_id(m.hit.node)),
                               std::string(g.node_name(m.hit.node)),
                               std::string(NodeKindName(g.node_kind(m.hit.node))));
        *os << "       " << m.hit.Explain() << "\n";
        if (m.sanctions.empty()) {
          *os << (m.sanctioned_unknown
                      ? "       sanctioned: unknown (no sanctions list loaded)\n"
                      : absl::StrCat("       not sanctioned on ", as_of,
                                     " in the lists of ", lists, "\n"));
        }
        for (const InForce& s : m.sanctions) {
          *os << "       sanctioned: " << SanctionText(s) << "\n";
        }
        if (m.blocked_unknown) *os << "       blocked through ownership: unknown\n";
        if (m.blocked && m.blocked->blocked_by_ownership) {
          *os << "       blocked through ownership"
              << (m.blocked->certainty == Certainty::kPossible ? " (possibly)" : "")
              << ": " << ChainText(g, m) << "\n";
        }
        if (o.hops > 0) {
          // How many lie within reach, then the nearest with a path each:
          // a list cut at --nearby must not read as all there is.
          *os << "       sanctioned actors within " << o.hops << " hop(s): "
              << (m.sanctioned_unknown  ? "unknown (no sanctions list loaded)"
                  : m.nearby_count == 0 ? (m.nearby_incomplete ? "none found (the search stopped at its limits)" : "none")
                                        : NearbyCountText(m));
          if (!m.nearby.empty()) {
            *os << (m.nearby.size() < m.nearby_count || m.nearby_incomplete
                        ? absl::StrCat("; the ", m.nearby.size(), " nearest, one path each:")
                        : "; one path each:");
          }
          *os << "\n";
        }
        for (const NearbySanctioned& n : m.nearby) {
          *os << absl::StrFormat("         %d hop(s) %s \"%s\": ", n.hops,
                                 std::string(g.node_id(n.node)),
                                 std::string(g.node_name(n.node)))
              << PathText(g, n.path) << "\n";
        }
      }
    }
  }
  if (bad > 0) {
    std::cerr << "embargo screen: " << bad << " row(s) could not be screened\n";
    return kExitNoResult;
  }
  return matched > 0 ? kExitOk : kExitNoResult;
}

}  // namespace embargo::cli
