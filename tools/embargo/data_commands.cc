// `embargo import`, `embargo validate`, `embargo stats` and `embargo export`.

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <optional>
#include <condition_variable>
#include <filesystem>
#include <iostream>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "embargo/date.h"
#include "embargo/export.h"
#include "embargo/image.h"
#include "embargo/import/eu.h"
#include "embargo/import/ftm.h"
#include "embargo/import/opensanctions.h"
#include "embargo/import/neo4j_csv.h"
#include "embargo/import/ofac.h"
#include "embargo/import/report.h"
#include "embargo/import/sipri.h"
#include "embargo/import/un.h"
#include "embargo/io.h"
#include "embargo/kinds.h"
#include "embargo/merge.h"
#include "embargo/validate.h"
#include "tools/embargo/cli.h"

namespace embargo::cli {
namespace {

// ---------------------------------------------------------------------------
// import
// ---------------------------------------------------------------------------

constexpr char kImportHelp[] = R"(usage: embargo import FORMAT FILE... -o OUT [options]

Reads lists and registers in their publishers' formats and writes embargo
records. Several files of one format are imported one by one and merged
(records with the same id are kept once: actors merge their aliases,
identifiers and evidence; other records keep the first). A summary of rows
read, imported and rejected goes to stderr, with a progress bar when stderr
is a terminal and the input is large.

Formats:
  sipri       SIPRI trade register CSV (trade-register.csv)
  ofac-csv    OFAC legacy CSV: sdn.csv, optionally add.csv, alt.csv and
              sdn_comments.csv of the same edition (recognised by name); or
              the consolidated (non-SDN) set cons_prim.csv, cons_add.csv,
              cons_alt.csv, cons_comments.csv
  ofac-xml    OFAC XML (sdn.xml, consolidated.xml)
  ofac        ofac-csv or ofac-xml, by the files' extension
  un          UN Security Council consolidated list XML
  eu          EU regulation annex CSV (OpenSanctions journal transcription)
  ftm         FollowTheMoney entities, JSON lines (OpenSanctions
              entities.ftm.json, Aleph), read with the FtM schemata built in;
              --model FILE (or $EMBARGO_FTM_MODEL) for custom schemata
  os-simple   OpenSanctions targets.simple.csv
  ftm-nested  OpenSanctions targets.nested.json
  os-statements
              OpenSanctions statements CSV (with or without its header)
  opensanctions
              any OpenSanctions export, each file by its publisher's name:
              entities.ftm.json (*.ftm.json), targets.simple.csv,
              targets.nested.json, statements.csv
  neo4j-csv   Neo4j bulk-import CSV: NODES.csv EDGES.csv

Options:
  -o, --output FILE    where to write: .pb, .textproto, .json, .records
                       (format from the extension) or .jsonl (JSON lines)
  --edition-date DATE  OFAC CSV: the list's date when the path holds none
  --model FILE         FtM: a FollowTheMoney model (defaultModel.json) with
                       custom schemata instead of the built-in one
  --no-validate        skip validating the records written
  --force              write even when the output is one of the inputs
                       (same file, through a symlink or hard link)
  --progress, --no-progress
                       force the progress bar on or off
  --json               the report as JSON on stdout
  --stream             ftm only, one FILE, -o OUT.records: stream an export
                       of any size (two passes, bounded memory; the output
                       is not validated in memory)
  --threads N          --stream: map N blocks at once (default 1)
  --previous-export OLD.ftm.json --previous-records OLD.records
                       --stream: an update from the previous edition and
                       the records imported from it, mapping again only the
                       entities that changed (and those that read them);
                       the records are those a full import writes

Exit status: 0 written (rejected rows, if any, are listed in the summary);
1 no row could be imported, or the records written fail validation; 2 bad
arguments or unreadable input.

Examples:
  embargo import sipri ../shared/data/sipri/trade-register_2025-03-13.csv -o sipri.pb
  embargo import ofac-csv sdn.csv add.csv alt.csv sdn_comments.csv -o sdn.records
  embargo import un consolidated.xml -o un.pb
  embargo import neo4j-csv nodes.csv edges.csv -o graph.jsonl
  embargo import ftm zala_entities.ftm.json -o zala.pb
  embargo import ftm 2024-03-11/entities.ftm.json -o 11.records --stream \
      --previous-export 2024-03-10/entities.ftm.json --previous-records 10.records
)";

// Progress draws a bar on stderr while files are imported. The importers
// report nothing while they run, so the bar advances by bytes of the files
// finished, and a spinner with the elapsed time shows the current one.
class Progress {
 public:
  Progress(bool enabled, int64_t total_bytes)
      : enabled_(enabled), total_(std::max<int64_t>(total_bytes, 1)) {
    if (enabled_) thread_ = std::thread([this] { Loop(); });
  }
  ~Progress() { Finish(); }

  void Start(const std::string& label, int64_t bytes) {
    std::lock_guard<std::mutex> lock(mu_);
    label_ = label;
    current_bytes_ = bytes;
  }
  void Done() {
    std::lock_guard<std::mutex> lock(mu_);
    done_ += current_bytes_;
    current_bytes_ = 0;
  }
  void Finish() {
    if (!enabled_) return;
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (stop_) return;
      stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
    std::cerr << "\r\033[K" << std::flush;
  }

 private:
  void Loop() {
    static const char kSpin[] = "|/-\\";
    const auto start = std::chrono::steady_clock::now();
    std::unique_lock<std::mutex> lock(mu_);
    for (int tick = 0; !stop_; ++tick) {
      const double frac = static_cast<double>(done_) / total_;
      const int width = 30;
      const int filled = static_cast<int>(frac * width);
      const double secs = std::chrono::duration<double>(
                              std::chrono::steady_clock::now() - start)
                              .count();
      std::cerr << "\r\033[K[" << std::string(filled, '#')
                << std::string(width - filled, '.') << "] "
                << absl::StrFormat("%3d%% %c %s %.1fs",
                                   static_cast<int>(frac * 100),
                                   kSpin[tick % 4], label_, secs)
                << std::flush;
      cv_.wait_for(lock, std::chrono::milliseconds(150));
    }
  }

  bool enabled_;
  int64_t total_;
  int64_t done_ = 0;
  int64_t current_bytes_ = 0;
  std::string label_;
  bool stop_ = false;
  std::mutex mu_;
  std::condition_variable cv_;
  std::thread thread_;
};

int64_t FileSize(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 ? static_cast<int64_t>(st.st_size) : 0;
}

absl::Status WriteOutput(const v1::Dataset& ds, const std::string& path) {
  if (absl::EndsWith(path, ".jsonl")) return ExportJsonLines(ds, path);
  return WriteDatasetFile(ds, path);
}

Json ReportJson(const ImportReport& r) {
  Json j;
  j["format"] = r.format;
  j["files"] = r.files;
  j["rows_read"] = r.rows_read;
  j["rows_imported"] = r.rows_imported;
  j["rows_rejected"] = r.rows_rejected();
  Json records = Json::object();
  for (const auto& [kind, n] : r.records) records[kind] = n;
  j["records"] = records;
  Json rejected = Json::array();
  for (const ImportReport::Rejected& x : r.rejected) {
    rejected.push_back({{"file", x.file},
                        {"line", x.line},
                        {"column", x.column},
                        {"reason", x.reason}});
  }
  j["rejected"] = rejected;
  j["notes"] = r.notes;
  return j;
}

// RunStreamingImport: `import ftm FILE -o OUT.records --stream`, an FtM
// export of any size in bounded memory (ImportFtmJsonToStream).
int RunStreamingImport(const std::string& command, const Args& args) {
  const std::vector<std::string>& pos = args.positionals();
  const std::string out_path = args.Get("output");
  if (pos.size() != 2 ||
      (absl::AsciiStrToLower(pos[0]) != "ftm" &&
       absl::AsciiStrToLower(pos[0]) != "opensanctions") ||
      !absl::EndsWith(out_path, ".records")) {
    return Fail(command, "--stream reads one FtM file: import ftm FILE -o "
                         "OUT.records --stream");
  }
  std::optional<FtmModel> model;
  if (args.Has("model")) {
    absl::StatusOr<FtmModel> m = FtmModel::Load(args.Get("model"));
    if (!m.ok()) return Fail(command, m.status());
    model = std::move(*m);
  }
  FtmStreamOptions o;
  if (model) o.base.model = &*model;
  o.threads = 1;
  if (args.Has("threads")) {
    if (!absl::SimpleAtoi(args.Get("threads"), &o.threads) || o.threads < 1 ||
        o.threads > 64) {
      return Fail(command, "--threads: expected a number from 1 to 64");
    }
  }
  bool show = ::isatty(STDERR_FILENO) != 0;
  if (args.Has("progress")) show = true;
  if (args.Has("no-progress")) show = false;
  const auto start = std::chrono::steady_clock::now();
  if (show) {
    o.progress = [&](int64_t done, int64_t total, int pass) {
      const double s = std::chrono::duration<double>(
                           std::chrono::steady_clock::now() - start).count();
      std::cerr << absl::StrFormat(
          "\r\033[K%s %s: %5.1f %% of %.0f MB, %.1f s",
          pass == 1 ? "indexing" : "mapping",
          std::filesystem::path(pos[1]).filename().string(),
          100.0 * static_cast<double>(done) / std::max<int64_t>(total, 1),
          static_cast<double>(total) / 1e6, s) << std::flush;
    };
  }
  const bool update = args.Has("previous-export") || args.Has("previous-records");
  if (update && (!args.Has("previous-export") || !args.Has("previous-records"))) {
    return Fail(command, "an update needs both --previous-export and "
                         "--previous-records");
  }
  // Above all, an update must not write over the records it reads.
  std::vector<std::string> inputs = {pos[1]};
  if (update) {
    inputs.push_back(args.Get("previous-export"));
    inputs.push_back(args.Get("previous-records"));
  }
  if (absl::Status s = CheckOutputNotInput(out_path, inputs, args.Has("force"));
      !s.ok()) {
    return Fail(command, s);
  }
  absl::StatusOr<ImportReport> r =
      update ? UpdateFtmJsonStream(args.Get("previous-export"),
                                   args.Get("previous-records"), pos[1],
                                   out_path, o)
             : ImportFtmJsonToStream(pos[1], out_path, o);
  if (show) std::cerr << "\r\033[K" << std::flush;
  if (!r.ok()) return Fail(command, r.status());
  const double secs = std::chrono::duration<double>(
                          std::chrono::steady_clock::now() - start).count();
  if (args.Has("json")) {
    Json j;
    j["command"] = command;
    j["output"] = out_path;
    j["reports"] = Json::array({ReportJson(*r)});
    j["seconds"] = secs;
    PrintJson(j);
  } else {
    std::cerr << r->Summary();
    if (update) {
      std::cerr << absl::StrFormat(
          "wrote %s (updated, not validated: run embargo validate): %d "
          "entities mapped again, %d records, in %.2f s\n",
          out_path, r->rows_read, r->records_written(), secs);
    } else {
      std::cerr << absl::StrFormat(
          "wrote %s (streamed, not validated: run embargo validate): %d "
          "entities in %.2f s, %.0f entities/s\n",
          out_path, r->rows_read, secs,
          static_cast<double>(r->rows_read) / std::max(secs, 1e-9));
    }
  }
  if (update) return r->records_written() == 0 ? kExitNoResult : kExitOk;
  return r->rows_imported == 0 ? kExitNoResult : kExitOk;
}

}  // namespace

int RunImport(const std::vector<std::string>& argv) {
  const std::string command = "import";
  absl::StatusOr<Args> args = Args::Parse(
      command, argv,
      {"output", "edition-date", "model", "threads", "previous-export",
       "previous-records"},
      {"json", "no-validate", "progress", "no-progress", "force", "stream"});
  if (!args.ok()) return Fail(command, args.status());
  if (args->Has("stream")) return RunStreamingImport(command, *args);
  if (args->Has("help")) {
    std::cout << kImportHelp;
    return kExitOk;
  }
  const std::vector<std::string>& pos = args->positionals();
  if (pos.size() < 2) {
    return Fail(command, "expected FORMAT and at least one FILE (see --help)");
  }
  if (!args->Has("output")) {
    return Fail(command, "no output file: give -o OUT (.pb, .textproto, "
                         ".json, .records or .jsonl)");
  }
  const std::string out_path = args->Get("output");
  if (!absl::EndsWith(out_path, ".jsonl")) {
    absl::StatusOr<Format> f = FormatFromPath(out_path);
    if (!f.ok()) return Fail(command, f.status());
  }
  std::string format = absl::AsciiStrToLower(pos[0]);
  const std::vector<std::string> files(pos.begin() + 1, pos.end());
  if (format == "ofac") {
    // OFAC publishes CSV and XML: the files' extension says which.
    const auto all = [&](absl::string_view ext) {
      return std::all_of(files.begin(), files.end(), [&](const std::string& f) {
        return absl::EndsWith(absl::AsciiStrToLower(f), ext);
      });
    };
    if (all(".csv")) {
      format = "ofac-csv";
    } else if (all(".xml")) {
      format = "ofac-xml";
    } else {
      return Fail(command,
                  "ofac: give the list's .csv files (sdn.csv, add.csv, alt.csv, "
                  "sdn_comments.csv) or its .xml files, or name the format: "
                  "ofac-csv or ofac-xml");
    }
  }
  for (const std::string& f : files) {
    if (::access(f.c_str(), R_OK) != 0) {
      return Fail(command, absl::StrCat(f, ": cannot read"));
    }
  }
  if (absl::Status s = CheckOutputNotInput(out_path, files, args->Has("force"));
      !s.ok()) {
    return Fail(command, s);
  }

  // Group the inputs into importer calls.
  struct Call {
    std::string label;
    std::vector<std::string> files;
  };
  std::vector<Call> calls;
  if (format == "neo4j-csv") {
    if (files.size() != 2) {
      return Fail(command, "neo4j-csv needs NODES.csv and EDGES.csv");
    }
    calls.push_back({files[0], files});
  } else if (format == "ofac-csv") {
    // sdn, add, alt, comments; or cons_prim, cons_add, cons_alt,
    // cons_comments (the consolidated non-SDN set).
    absl::StatusOr<OfacCsvOptions> by_name = OfacCsvFilesByName(files);
    if (!by_name.ok()) return Fail(command, by_name.status());
    Call call{"", {by_name->sdn_path, by_name->add_path, by_name->alt_path,
                   by_name->comments_path}};
    call.label = call.files[0];
    calls.push_back(call);
  } else if (format == "sipri" || format == "ofac-xml" || format == "un" ||
             format == "un-xml" || format == "eu" || format == "eu-csv" ||
             format == "ftm" || format == "os-simple" ||
             format == "ftm-nested" || format == "os-statements") {
    for (const std::string& f : files) calls.push_back({f, {f}});
  } else if (format == "opensanctions" || format == "os") {
    for (const std::string& f : files) {
      if (OpenSanctionsFormat(f).empty()) {
        return Fail(command, absl::StrCat(
            f, ": not an OpenSanctions export name (entities.ftm.json, "
               "targets.simple.csv, targets.nested.json, statements.csv); "
               "give the format instead of \"opensanctions\""));
      }
      calls.push_back({f, {f}});
    }
  } else {
    return Fail(command,
                absl::StrCat("unknown format \"", pos[0],
                             "\": expected sipri, ofac, ofac-csv, ofac-xml, un, eu, "
                             "ftm, os-simple, ftm-nested, os-statements, "
                             "opensanctions or neo4j-csv"));
  }
  std::optional<FtmModel> ftm_model;
  if (format == "ftm" || format == "os-simple" || format == "ftm-nested" ||
      format == "os-statements" || format == "opensanctions" ||
      format == "os") {
    std::string model = args->Get("model");
    if (model.empty()) {
      const char* env = std::getenv("EMBARGO_FTM_MODEL");
      if (env != nullptr) model = env;
    }
    if (model.empty()) {
      ftm_model = FtmModel::BuiltIn();
    } else {
      absl::StatusOr<FtmModel> m = FtmModel::Load(model);
      if (!m.ok()) return Fail(command, m.status());
      ftm_model = std::move(*m);
    }
  }
  v1::Date edition;
  if (args->Has("edition-date")) {
    absl::StatusOr<PartialDate> d = PartialDate::Parse(args->Get("edition-date"));
    if (!d.ok()) return Fail(command, absl::StrCat("--edition-date: ", d.status().message()));
    edition = d->ToProto();
  }

  int64_t total = 0;
  for (const std::string& f : files) total += FileSize(f);
  bool show = ::isatty(STDERR_FILENO) && total >= (int64_t{1} << 20);
  if (args->Has("progress")) show = true;
  if (args->Has("no-progress")) show = false;
  Progress progress(show, total);

  v1::Dataset merged;
  DatasetMerger merger(merged);
  std::vector<ImportReport> reports;
  for (const Call& call : calls) {
    int64_t bytes = 0;
    for (const std::string& f : call.files) {
      if (!f.empty()) bytes += FileSize(f);
    }
    progress.Start(std::filesystem::path(call.label).filename().string(),
                   bytes);
    absl::StatusOr<ImportResult> r;
    if (format == "sipri") {
      r = ImportSipriCsv(call.files[0]);
    } else if (format == "ofac-csv") {
      OfacCsvOptions o;
      o.sdn_path = call.files[0];
      o.add_path = call.files[1];
      o.alt_path = call.files[2];
      o.comments_path = call.files[3];
      o.edition_date = edition;
      r = ImportOfacCsv(o);
    } else if (format == "ofac-xml") {
      OfacXmlOptions o;
      o.edition_date = edition;
      r = ImportOfacXml(call.files[0], o);
    } else if (format == "un" || format == "un-xml") {
      r = ImportUnXml(call.files[0]);
    } else if (format == "eu" || format == "eu-csv") {
      r = ImportEuCsv(call.files[0]);
    } else if (ftm_model.has_value()) {
      std::string f = format;
      if (f == "opensanctions" || f == "os") f = OpenSanctionsFormat(call.files[0]);
      OpenSanctionsOptions o;
      o.model = &*ftm_model;
      if (f == "os-simple") {
        r = ImportOpenSanctionsSimpleCsv(call.files[0], o);
      } else if (f == "ftm-nested") {
        r = ImportFtmNestedJson(call.files[0], o);
      } else if (f == "os-statements") {
        r = ImportOpenSanctionsStatements(call.files[0], o);
      } else {
        r = ImportFtmJson(call.files[0], *ftm_model);
      }
    } else {
      r = ImportNeo4jCsv(call.files[0], call.files[1]);
    }
    progress.Done();
    if (!r.ok()) {
      progress.Finish();
      return Fail(command, r.status());
    }
    reports.push_back(std::move(r->report));
    merger.Add(std::move(r->dataset));
  }
  progress.Finish();

  absl::Status w = WriteOutput(merged, out_path);
  if (!w.ok()) return Fail(command, w);

  std::vector<Problem> problems;
  if (!args->Has("no-validate")) {
    DatasetFile f;
    f.path = out_path;
    f.dataset = merged;
    std::vector<DatasetFile> fs;
    fs.push_back(std::move(f));
    problems = FindProblems(fs);
  }

  if (args->Has("json")) {
    Json j;
    j["command"] = command;
    j["output"] = out_path;
    Json rs = Json::array();
    for (const ImportReport& r : reports) rs.push_back(ReportJson(r));
    j["reports"] = rs;
    j["merge_notes"] = merger.notes();
    j["records_written"] = {{"sources", merged.sources_size()},
                            {"actors", merged.actors_size()},
                            {"events", merged.events_size()},
                            {"transfers", merged.transfers_size()},
                            {"sanctions", merged.sanctions_size()},
                            {"relations", merged.relations_size()}};
    Json ps = Json::array();
    for (const Problem& p : problems) ps.push_back(p.ToString());
    j["validation_problems"] = ps;
    PrintJson(j);
  } else {
    for (const ImportReport& r : reports) std::cerr << r.Summary();
    for (const std::string& n : merger.notes()) std::cerr << "merge: " << n << "\n";
    std::cerr << "wrote " << out_path << ": " << merged.sources_size()
              << " sources, " << merged.actors_size() << " actors, "
              << merged.events_size() << " events, "
              << merged.transfers_size() << " transfers, "
              << merged.sanctions_size() << " sanctions, "
              << merged.relations_size() << " relations\n";
    if (!problems.empty()) {
      std::cerr << "validation: " << problems.size() << " problem(s), first: "
                << problems[0].ToString() << "\n";
    }
  }
  int64_t imported = 0;
  for (const ImportReport& r : reports) imported += r.rows_imported;
  return (imported == 0 || !problems.empty()) ? kExitNoResult : kExitOk;
}

// ---------------------------------------------------------------------------
// validate
// ---------------------------------------------------------------------------

namespace {
constexpr char kValidateHelp[] = R"(usage: embargo validate FILE... [options]

Reads the files together and lists every problem, one per line, located by
file, record (position and id) and field:
  article.textproto: transfers[3] (Transfer "T-88"): recipient_id: "RUS-MOD" is not a known actor

Options:
  --max-problems N     stop after N problems (default 1000)
  --json               JSON output: {"files", "problems": [{"file", "record",
                       "kind", "id", "field", "message"}], "count"}

Exit status: 0 no problem; 1 problems found; 2 a file cannot be read or
parsed.

Examples:
  embargo validate examples/data/article_2023.textproto
  embargo validate sipri.pb un.pb ofac.records --json
)";
}  // namespace

int RunValidate(const std::vector<std::string>& argv) {
  const std::string command = "validate";
  absl::StatusOr<Args> args =
      Args::Parse(command, argv, {"max-problems", "data"}, {"json"});
  if (!args.ok()) return Fail(command, args.status());
  if (args->Has("help")) {
    std::cout << kValidateHelp;
    return kExitOk;
  }
  std::vector<std::string> paths = args->All("data");
  for (const std::string& p : args->positionals()) paths.push_back(p);
  if (paths.empty()) return Fail(command, "expected FILE... (see --help)");
  absl::StatusOr<int> max = args->Int("max-problems", 1000, 1, 100000000);
  if (!max.ok()) return Fail(command, max.status());
  absl::StatusOr<std::vector<DatasetFile>> files = ReadFiles(paths);
  if (!files.ok()) return Fail(command, files.status());
  ValidateOptions options;
  options.max_problems = static_cast<size_t>(*max);
  const std::vector<Problem> problems = FindProblems(*files, options);
  if (args->Has("json")) {
    Json j;
    j["command"] = command;
    j["files"] = paths;
    Json ps = Json::array();
    for (const Problem& p : problems) {
      ps.push_back({{"file", p.file},
                    {"record", p.record},
                    {"kind", p.kind},
                    {"id", p.id},
                    {"field", p.field},
                    {"message", p.message}});
    }
    j["problems"] = ps;
    j["count"] = problems.size();
    PrintJson(j);
  } else {
    for (const Problem& p : problems) std::cout << p.ToString() << "\n";
    if (problems.empty()) {
      int64_t records = 0;
      for (const DatasetFile& f : *files) {
        const v1::Dataset& d = f.dataset;
        records += d.sources_size() + d.actors_size() + d.events_size() +
                   d.transfers_size() + d.sanctions_size() +
                   d.relations_size();
      }
      std::cout << "ok: " << paths.size() << " file(s), " << records
                << " records, no problems\n";
    } else {
      std::cerr << problems.size() << " problem(s)\n";
    }
  }
  return problems.empty() ? kExitOk : kExitNoResult;
}

// ---------------------------------------------------------------------------
// stats
// ---------------------------------------------------------------------------

namespace {
constexpr char kStatsHelp[] = R"(usage: embargo stats FILE... [options]

Counts what the files hold, read as records (so that it works on files that
do not validate): actors by kind, graph edges by kind (a transfer through
intermediaries also has one transfer_via edge per leg; an event one
participation edge per participant and place), transfers by item category,
sanctions by authority and by programme, records by status, and the years
the dates cover.

Options:
  --top N              longest list of authorities and programmes (default 20)
  --json               JSON output: {"files", "records", "actor_kinds",
                       "edge_kinds", "items", "statuses", "authorities",
                       "programs", "years": {"first", "last", "by_kind"}}

Examples:
  embargo stats examples/data/article_2023.textproto
  embargo stats sipri.pb --json
)";

struct YearRange {
  int first = 0, last = 0;
  void Add(int y) {
    if (y == 0) return;
    if (first == 0 || y < first) first = y;
    if (y > last) last = y;
  }
  void Add(const v1::Date& d) { Add(d.year()); }
  void Add(const v1::Period& p) {
    Add(p.start());
    Add(p.end());
  }
  void Add(const YearRange& o) {
    Add(o.first);
    Add(o.last);
  }
  std::string ToString() const {
    return first == 0 ? "-" : absl::StrCat(first, "-", last);
  }
};

using Counts = std::map<std::string, int64_t>;

std::vector<std::pair<std::string, int64_t>> Sorted(const Counts& c) {
  std::vector<std::pair<std::string, int64_t>> v(c.begin(), c.end());
  std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
    return a.second > b.second;
  });
  return v;
}

void PrintCounts(const std::string& title, const Counts& c, size_t top) {
  std::cout << title << "\n";
  if (c.empty()) {
    std::cout << "  (none)\n\n";
    return;
  }
  Table t({"", "count"});
  size_t shown = 0;
  int64_t rest = 0, rest_n = 0;
  for (const auto& [name, n] : Sorted(c)) {
    if (shown++ < top) {
      t.Add({name.empty() ? "(none)" : name, absl::StrCat(n)});
    } else {
      rest += n;
      ++rest_n;
    }
  }
  if (rest_n > 0) t.Add({absl::StrCat("(", rest_n, " more)"), absl::StrCat(rest)});
  t.Print(2);
  std::cout << "\n";
}

Json CountsJson(const Counts& c) {
  Json j = Json::object();
  for (const auto& [name, n] : Sorted(c)) j[name] = n;
  return j;
}
}  // namespace

int RunStats(const std::vector<std::string>& argv) {
  const std::string command = "stats";
  absl::StatusOr<Args> args = Args::Parse(command, argv, {"top", "data"}, {"json"});
  if (!args.ok()) return Fail(command, args.status());
  if (args->Has("help")) {
    std::cout << kStatsHelp;
    return kExitOk;
  }
  std::vector<std::string> paths = args->All("data");
  for (const std::string& p : args->positionals()) paths.push_back(p);
  if (paths.empty()) return Fail(command, "expected FILE... (see --help)");
  absl::StatusOr<int> top = args->Int("top", 20, 1, 1000000);
  if (!top.ok()) return Fail(command, top.status());
  absl::StatusOr<std::vector<DatasetFile>> files = ReadFiles(paths);
  if (!files.ok()) return Fail(command, files.status());

  Counts records, actor_kinds, edge_kinds, items, statuses, authorities,
      programs;
  std::map<std::string, YearRange> years;
  for (const DatasetFile& f : *files) {
    const v1::Dataset& d = f.dataset;
    records["source"] += d.sources_size();
    records["actor"] += d.actors_size();
    records["event"] += d.events_size();
    records["transfer"] += d.transfers_size();
    records["sanction"] += d.sanctions_size();
    records["relation"] += d.relations_size();
    for (const v1::Actor& a : d.actors()) {
      ++actor_kinds[std::string(NodeKindName(NodeKindFor(a.kind())))];
    }
    for (const v1::Event& e : d.events()) {
      // The place is an edge of its own unless it also took part.
      bool place_took_part = false;
      for (const v1::Participant& p : e.participants()) {
        place_took_part |= p.actor_id() == e.place_id();
      }
      edge_kinds["participation"] +=
          e.participants_size() +
          (e.place_id().empty() || place_took_part ? 0 : 1);
      ++statuses[StatusName(e.status())];
      years["event"].Add(e.period());
    }
    for (const v1::Transfer& t : d.transfers()) {
      ++edge_kinds["transfer"];
      if (t.intermediary_ids_size() > 0) {
        edge_kinds["transfer_via"] += t.intermediary_ids_size() + 1;
      }
      ++items[ItemName(t.item())];
      ++statuses[StatusName(t.status())];
      YearRange& y = years["transfer"];
      y.Add(t.ordered());
      y.Add(t.delivered());
      for (int dy : t.delivery_years()) y.Add(dy);
    }
    for (const v1::Sanction& s : d.sanctions()) {
      ++edge_kinds["sanction"];
      ++authorities[s.authority_id()];
      ++programs[s.program()];
      ++statuses[StatusName(s.status())];
      years["sanction"].Add(s.listed());
      years["sanction"].Add(s.listed_no_later_than());
      years["sanction"].Add(s.delisted());
    }
    for (const v1::Relation& r : d.relations()) {
      ++edge_kinds[std::string(EdgeKindName(EdgeKindFor(r.kind())))];
      ++statuses[StatusName(r.status())];
      years["relation"].Add(r.period());
    }
  }
  YearRange all;
  for (const auto& [kind, y] : years) all.Add(y);

  if (args->Has("json")) {
    Json j;
    j["command"] = command;
    j["files"] = paths;
    j["records"] = CountsJson(records);
    j["actor_kinds"] = CountsJson(actor_kinds);
    j["edge_kinds"] = CountsJson(edge_kinds);
    j["items"] = CountsJson(items);
    j["statuses"] = CountsJson(statuses);
    j["authorities"] = CountsJson(authorities);
    j["programs"] = CountsJson(programs);
    Json by_kind = Json::object();
    for (const auto& [kind, y] : years) {
      if (y.first != 0) by_kind[kind] = {{"first", y.first}, {"last", y.last}};
    }
    j["years"] = {{"first", all.first}, {"last", all.last}, {"by_kind", by_kind}};
    PrintJson(j);
    return kExitOk;
  }
  std::cout << absl::StrJoin(paths, ", ") << "\n\n";
  const size_t n = static_cast<size_t>(*top);
  PrintCounts("Records", records, 100);
  PrintCounts("Actors by kind", actor_kinds, 100);
  PrintCounts("Edges by kind", edge_kinds, 100);
  PrintCounts("Transfers by item category", items, 100);
  PrintCounts("Records by status", statuses, 100);
  PrintCounts("Sanctions by authority", authorities, n);
  PrintCounts("Sanctions by programme", programs, n);
  std::cout << "Years covered: " << all.ToString() << "\n";
  Table t({"", "years"});
  for (const auto& [kind, y] : years) t.Add({kind, y.ToString()});
  t.Print(2);
  return kExitOk;
}

// ---------------------------------------------------------------------------
// export
// ---------------------------------------------------------------------------

namespace {
constexpr char kExportHelp[] = R"(usage: embargo export FORMAT [FILE...] -o OUT [options]

Loads the datasets (FILE... and --data FILE; see below) into one graph and
writes it for other tools.

Formats:
  graphml     GraphML for NetworkX, Gephi, yEd: nodes with id, name, kind,
              country, aliases, sanctioned; edges with kind, record_kind,
              record_id, item, designation, program, status, start, end,
              share, role, sources
  neo4j       Neo4j bulk-import CSV: -o DIR writes DIR/nodes.csv and
              DIR/relationships.csv, for
                neo4j-admin database import full --nodes=nodes.csv \
                  --relationships=relationships.csv neo4j
  jsonl       JSON lines: one proto3 JSON v1::Record per line
  dot         Graphviz DOT of the whole graph (for query answers, see the
              --dot option of path, paths and neighbors)
  svg, png    the DOT picture rendered by Graphviz's dot
  pb, textproto, json, records
              the records as one Dataset file (binary, text, proto3 JSON) or
              a record stream
  image       a graph image (.egraph): the built graph saved whole, which
              every command reads back several times faster than records

Options:
  -o, --output PATH    file (directory for neo4j)
  --data FILE          a dataset (repeatable), as positional FILEs
  --transfer-legs      neo4j: also one TRANSFER_VIA relationship per leg
  --force              write even when the output is one of the inputs
                       (same file, through a symlink or hard link)
  --json               a JSON summary on stdout

Examples:
  embargo export graphml examples/data/article_2023.textproto -o article.graphml
  embargo export neo4j sipri.pb un.pb -o neo4j-import/
  embargo export jsonl --data sdn.records -o sdn.jsonl
  embargo export image sdn.records -o sdn.egraph
)";
}  // namespace

int RunExport(const std::vector<std::string>& argv) {
  const std::string command = "export";
  absl::StatusOr<Args> args = Args::Parse(command, argv, {"output", "data"},
                                          {"json", "transfer-legs", "force"});
  if (!args.ok()) return Fail(command, args.status());
  if (args->Has("help")) {
    std::cout << kExportHelp;
    return kExitOk;
  }
  const std::vector<std::string>& pos = args->positionals();
  if (pos.empty()) return Fail(command, "expected FORMAT (see --help)");
  const std::string format = absl::AsciiStrToLower(pos[0]);
  static const std::set<std::string> kFormats = {
      "graphml", "neo4j", "jsonl", "dot", "svg", "png",
      "pb", "textproto", "json", "records", "image"};
  if (kFormats.count(format) == 0) {
    return Fail(command, absl::StrCat("unknown format \"", pos[0],
                                      "\": expected graphml, neo4j, jsonl, "
                                      "dot, svg, png, pb, textproto, json, "
                                      "records or image"));
  }
  if (!args->Has("output")) return Fail(command, "no output: give -o OUT");
  const std::string out = args->Get("output");
  absl::StatusOr<std::vector<std::string>> paths = DataFiles(
      *args, std::vector<std::string>(pos.begin() + 1, pos.end()));
  if (!paths.ok()) return Fail(command, paths.status());
  {
    std::vector<std::string> outputs = {out};
    if (format == "neo4j") {
      outputs = {(std::filesystem::path(out) / "nodes.csv").string(),
                 (std::filesystem::path(out) / "relationships.csv").string()};
    }
    for (const std::string& o : outputs) {
      if (absl::Status s = CheckOutputNotInput(o, *paths, args->Has("force"));
          !s.ok()) {
        return Fail(command, s);
      }
    }
  }
  absl::StatusOr<Graph> graph = LoadGraphFrom(*paths);
  if (!graph.ok()) return Fail(command, graph.status());

  Json summary;
  summary["command"] = command;
  summary["format"] = format;
  summary["output"] = out;
  summary["nodes"] = graph->num_nodes();
  summary["edges"] = graph->num_edges();
  // The lossy formats say what they drop (README, "Reliability"); pb,
  // textproto, json, records, jsonl and image are lossless.
  static const std::map<std::string, std::string> kDrops = {
      {"graphml", "node identifiers (IMO, OFAC UID, ...), evidence detail "
                  "(quotes, speakers, locators) and notes"},
      {"neo4j", "evidence detail (quotes, speakers, locators), notes, "
                "events, transfer legs (unless --transfer-legs), and the "
                "record fields that have no column"},
      {"dot", "everything but the picture: it cannot be read back"},
      {"svg", "everything but the picture: it cannot be read back"},
      {"png", "everything but the picture: it cannot be read back"}};
  if (auto d = kDrops.find(format); d != kDrops.end()) {
    std::cerr << "embargo export: note: " << format
              << " is lossy; it drops " << d->second
              << " (pb, textproto, json, records, jsonl and image keep "
                 "everything)\n";
    summary["lossy"] = d->second;
  }
  absl::Status s;
  if (format == "graphml") {
    s = ExportGraphMl(*graph, out);
  } else if (format == "neo4j") {
    std::error_code ec;
    std::filesystem::create_directories(out, ec);
    if (ec) return Fail(command, absl::StrCat(out, ": ", ec.message()));
    Neo4jExportOptions o;
    o.transfer_legs = args->Has("transfer-legs");
    const std::string nodes = (std::filesystem::path(out) / "nodes.csv").string();
    const std::string rels =
        (std::filesystem::path(out) / "relationships.csv").string();
    absl::StatusOr<Neo4jExportCounts> c = ExportNeo4jCsv(*graph, nodes, rels, o);
    if (!c.ok()) return Fail(command, c.status());
    summary["nodes_file"] = nodes;
    summary["relationships_file"] = rels;
    summary["relationships"] = c->relationships;
  } else if (format == "jsonl") {
    s = ExportJsonLines(DatasetFromGraph(*graph), out);
  } else if (format == "image") {
    s = WriteGraphImage(*graph, out);
  } else if (format == "dot") {
    s = ExportDot(*graph, WholeGraph(*graph), out);
  } else if (format == "svg" || format == "png") {
    s = RenderDot(ToDot(*graph, WholeGraph(*graph)), format, out);
  } else {
    absl::StatusOr<Format> f = ParseFormat(format == "pb"          ? "binary"
                                           : format == "textproto" ? "text"
                                                                   : format);
    if (!f.ok()) return Fail(command, f.status());
    s = WriteDatasetFile(DatasetFromGraph(*graph), out, *f);
  }
  if (!s.ok()) return Fail(command, s);
  if (args->Has("json")) {
    PrintJson(summary);
  } else {
    std::cerr << "wrote " << out << " (" << format << "): "
              << graph->num_nodes() << " nodes, " << graph->num_edges()
              << " edges\n";
  }
  return kExitOk;
}

}  // namespace embargo::cli
