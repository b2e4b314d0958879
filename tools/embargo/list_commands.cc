// The list commands of the `embargo` tool: reason-links (links that
// designation reasons state), diff (two editions of a list) and
// apply-delta (an OpenSanctions delta file applied to an FtM export).

#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "embargo/diff.h"
#include "embargo/import/opensanctions.h"
#include "embargo/io.h"
#include "embargo/reason_links.h"
#include "tools/embargo/cli.h"

namespace embargo::cli {
namespace {

constexpr char kReasonLinksHelp[] = R"(usage: embargo reason-links FILE... -o OUT [options]

Reads the designation reasons of the sanctions in the files (OFAC remarks,
EU grounds, UN narratives, OpenSanctions reasons, as the importers keep them)
and writes the links they state, by these rules:
  arms-for-state  a sentence with an arms word that names a state as the
                  beneficiary ("to Russia", "the Russian military") ->
                  support from the listed actor to the state
  arms-from-to    a sentence with an arms word, a source state and a
                  destination ("North Korean armaments ... to ... the Russian
                  port") -> a transfer from the one to the other through the
                  listed actor
Every link is ALLEGED, undated, quotes its sentence and names its sanction
and rule in the evidence. Load OUT beside the lists it came from.

Options:
  -o, --output FILE    where to write the links (.pb, .jsonl, ...)
  --sample N           links to list (default 10)
  --json               counts and the sample as JSON

Example:
  embargo import eu ../shared/data/eu/32014R0269.csv -o eu.pb
  embargo reason-links eu.pb -o eu-links.pb
  embargo paths RUS PRK --data eu.pb --data eu-links.pb --kinds transfer,transfer_via
)";

constexpr char kDiffHelp[] = R"(usage: embargo diff OLD NEW [options]

Lists what changed between two editions of a list, each imported to records
(`embargo import`): targets listed (sanctioned in NEW, not in OLD), delisted
(the reverse, or every sanction now carries a delisted date) and changed
(name, aliases, programmes or links). Actors are matched by id, which the
importers derive from the list's own reference.

Options:
  --limit N            entries shown per section (default 20; 0: all)
  --no-aliases         do not compare aliases (for editions imported from
                       different files: OFAC's sdn.csv alone has none)
  --json               everything as JSON

Example:
  embargo import ofac-csv ../shared/data/ofac/sdn_2021-07/*.csv -o sdn21.pb
  embargo import ofac-csv ../shared/data/ofac/sdn_2024-05-03.csv -o sdn24.pb
  embargo diff sdn21.pb sdn24.pb
)";

absl::StatusOr<v1::Dataset> ReadMerged(const std::vector<std::string>& paths) {
  absl::StatusOr<std::vector<DatasetFile>> files = ReadFiles(paths);
  if (!files.ok()) return files.status();
  v1::Dataset all;
  for (DatasetFile& f : *files) all.MergeFrom(f.dataset);
  return all;
}

constexpr char kApplyDeltaHelp[] = R"(usage: embargo apply-delta OLD.ftm.json DELTA.json -o NEW.ftm.json [options]

Writes the next edition of an FtM export from the previous one and an
OpenSanctions delta file (lines {"op": "ADD" | "MOD" | "DEL", "entity":
{...}}): OLD's lines in their order, less those whose entity the delta
modifies or deletes, then the delta's added and modified entities as it
writes them. Import NEW as an update of OLD (`embargo import ftm NEW --stream
--previous-export OLD --previous-records OLD.records -o NEW.records`): only
what the delta touches is mapped again, and the records cite lines of NEW,
the file they were read from. An entity the delta does not name keeps OLD's
last_seen: a delta gives no new one. Refused, with the delta's line: an ADD
of an entity OLD has, a MOD or DEL of one it lacks (a delta of another
edition), an entity changed twice, a line that is not a delta line.

Options:
  -o, --output FILE    the new edition (never OLD or DELTA)
  --json               the counts as JSON

Example:
  embargo apply-delta entities.ftm.json entities.delta.json -o entities-next.ftm.json
)";

}  // namespace

int RunReasonLinks(const std::vector<std::string>& argv) {
  const std::string command = "reason-links";
  absl::StatusOr<Args> args =
      Args::Parse(command, argv, {"output", "sample"}, {"json"});
  if (!args.ok()) return Fail(command, args.status());
  if (args->Has("help")) {
    std::cout << kReasonLinksHelp;
    return kExitOk;
  }
  if (args->positionals().empty() || !args->Has("output")) {
    return Fail(command, "expected FILE... and -o OUT (see --help)");
  }
  absl::StatusOr<int> sample = args->Int("sample", 10, 0, 1000000);
  if (!sample.ok()) return Fail(command, sample.status());
  absl::StatusOr<v1::Dataset> data = ReadMerged(args->positionals());
  if (!data.ok()) return Fail(command, data.status());
  ReasonLinks r = DeriveReasonLinks(*data);
  absl::Status w = WriteDatasetFile(r.links, args->Get("output"));
  if (!w.ok()) return Fail(command, w);
  const size_t shown = std::min<size_t>(r.lines.size(), static_cast<size_t>(*sample));
  if (args->Has("json")) {
    Json j;
    j["command"] = command;
    j["files"] = args->positionals();
    j["output"] = args->Get("output");
    j["sanctions_read"] = r.sanctions_read;
    j["sentences_read"] = r.sentences_read;
    Json by = Json::object();
    for (const auto& [rule, n] : r.by_rule) by[rule] = n;
    j["links_by_rule"] = by;
    j["sample"] = std::vector<std::string>(r.lines.begin(), r.lines.begin() + shown);
    PrintJson(j);
  } else {
    std::cout << "read the reasons of " << r.sanctions_read << " sanction(s), "
              << r.sentences_read << " sentence(s)\n";
    for (const auto& [rule, n] : r.by_rule) {
      std::cout << "  " << rule << ": " << n << " link(s)\n";
    }
    for (size_t i = 0; i < shown; ++i) std::cout << "  " << r.lines[i] << "\n";
    std::cout << "wrote " << args->Get("output") << ": "
              << r.links.relations_size() << " relations, "
              << r.links.transfers_size() << " transfers, "
              << r.links.actors_size() << " state actors\n";
  }
  return r.lines.empty() ? kExitNoResult : kExitOk;
}

int RunDiff(const std::vector<std::string>& argv) {
  const std::string command = "diff";
  absl::StatusOr<Args> args =
      Args::Parse(command, argv, {"limit"}, {"json", "no-aliases"});
  if (!args.ok()) return Fail(command, args.status());
  if (args->Has("help")) {
    std::cout << kDiffHelp;
    return kExitOk;
  }
  if (args->positionals().size() != 2) {
    return Fail(command, "expected OLD and NEW (see --help)");
  }
  absl::StatusOr<int> limit = args->Int("limit", 20, 0, 100000000);
  if (!limit.ok()) return Fail(command, limit.status());
  absl::StatusOr<v1::Dataset> old_ed = ReadMerged({args->positionals()[0]});
  if (!old_ed.ok()) return Fail(command, old_ed.status());
  absl::StatusOr<v1::Dataset> new_ed = ReadMerged({args->positionals()[1]});
  if (!new_ed.ok()) return Fail(command, new_ed.status());
  DiffOptions options;
  options.aliases = !args->Has("no-aliases");
  ListDiff d = DiffDatasets(*old_ed, *new_ed, options);
  if (!d.same_list) {
    std::cerr << "embargo diff: warning: the two sides share no list (" << args->positionals()[0]
              << ": " << absl::StrJoin(d.old_editions, "; ") << "; "
              << args->positionals()[1] << ": " << absl::StrJoin(d.new_editions, "; ")
              << "): \"listed\" and \"delisted\" compare different lists, not two "
                 "editions of one\n";
  }
  const auto section = [&](const char* title,
                           const std::vector<ListDiff::Change>& cs) {
    std::cout << title << ": " << cs.size() << "\n";
    size_t n = 0;
    for (const ListDiff::Change& c : cs) {
      if (*limit > 0 && n++ >= static_cast<size_t>(*limit)) {
        std::cout << "  ... " << cs.size() - static_cast<size_t>(*limit)
                  << " more (--limit 0 for all)\n";
        break;
      }
      std::cout << "  " << c.id << "  " << c.name;
      if (!c.what.empty()) std::cout << "  [" << absl::StrJoin(c.what, "; ") << "]";
      std::cout << "\n";
    }
  };
  if (args->Has("json")) {
    const auto list = [](const std::vector<ListDiff::Change>& cs) {
      Json a = Json::array();
      for (const ListDiff::Change& c : cs) {
        a.push_back({{"id", c.id}, {"name", c.name}, {"what", c.what}});
      }
      return a;
    };
    Json j;
    j["command"] = command;
    j["old"] = args->positionals()[0];
    j["new"] = args->positionals()[1];
    j["old_editions"] = d.old_editions;
    j["new_editions"] = d.new_editions;
    j["same_list"] = d.same_list;
    j["old_targets"] = d.old_targets;
    j["new_targets"] = d.new_targets;
    j["listed"] = list(d.listed);
    j["delisted"] = list(d.delisted);
    j["changed"] = list(d.changed);
    PrintJson(j);
  } else {
    std::cout << args->positionals()[0] << ": " << d.old_targets << " targets ("
              << absl::StrJoin(d.old_editions, "; ") << ")\n"
              << args->positionals()[1] << ": " << d.new_targets << " targets ("
              << absl::StrJoin(d.new_editions, "; ") << ")\n";
    section("listed", d.listed);
    section("delisted", d.delisted);
    section("changed", d.changed);
  }
  return kExitOk;
}

int RunApplyDelta(const std::vector<std::string>& argv) {
  const std::string command = "apply-delta";
  absl::StatusOr<Args> args = Args::Parse(command, argv, {"output"}, {"json"});
  if (!args.ok()) return Fail(command, args.status());
  if (args->Has("help")) {
    std::cout << kApplyDeltaHelp;
    return kExitOk;
  }
  const std::vector<std::string>& pos = args->positionals();
  if (pos.size() != 2) return Fail(command, "expected OLD.ftm.json and DELTA.json (see --help)");
  if (!args->Has("output")) return Fail(command, "no output file: give -o NEW.ftm.json");
  const std::string out = args->Get("output");
  absl::StatusOr<FtmDeltaReport> r = ApplyFtmDelta(pos[0], pos[1], out);
  if (!r.ok()) return Fail(command, r.status());
  if (args->Has("json")) {
    Json j;
    j["command"] = command;
    j["previous_export"] = pos[0];
    j["delta"] = pos[1];
    j["output"] = out;
    j["added"] = r->added;
    j["modified"] = r->modified;
    j["deleted"] = r->deleted;
    j["lines_kept"] = r->lines_kept;
    j["lines_dropped"] = r->lines_dropped;
    j["lines_written"] = r->lines_written;
    PrintJson(j);
  } else {
    std::cout << "delta " << pos[1] << ": " << r->added << " added, " << r->modified
              << " modified, " << r->deleted << " deleted\n"
              << "wrote " << out << ": " << r->lines_written << " lines ("
              << r->lines_kept << " kept from " << pos[0] << ", " << r->lines_dropped
              << " left out)\n";
  }
  return kExitOk;
}

}  // namespace embargo::cli
