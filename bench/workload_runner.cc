// Runner for the sanctions / arms-transfer workload (workload/SPEC.md): loads
// nodes.csv and edges.csv into an embargo::Graph, answers the four queries
// through embargo's public query API and prints the JSON object of SPEC.md
// section 4 on stdout (progress goes to stderr).
//
//   workload_runner DIR            # DIR holds nodes.csv, edges.csv, queries.json
//   workload_runner --extras DIR   # also time the record paths (see below)
//
// Steps and how each is computed:
//   load  embargo::LoadNeo4jCsvGraph (the importer's direct-to-graph path).
//   q1    embargo::ShortestPath per pair, Filter{q1 edge kinds, kEither}.
//   q2    embargo::CountNeighbors(seed, 3) with Filter{q2 edge kinds,
//         kEither}: the count Neighbors' list would have, without the list.
//   q3    embargo::BlockedByOwnership (sanctions.h), dates ignored, without
//         explanations.
//   q4    embargo::CountPaths(RUS, PRK, 3) with Filter{q4 edge kinds,
//         kEither}.
//   q5    embargo::CountSanctionedNeighbors (sanctions.h): one batch call
//         for all seeds, 2 hops, Filter{q5 edge kinds, kEither}, every
//         sanction (any authority, any status, dates ignored).
//
// With --extras, after the queries a child process (so that the peak RSS
// printed is the query run's) times embargo::ImportNeo4jCsv into a
// v1::Dataset ("import_records_s"), writes that dataset once as a record
// stream to a temporary file, and times embargo::LoadGraph on it
// ("records_load_s"), re-running q1-q5 on that graph to check the answers
// agree ("records_answers_match"); then saves that graph as a graph image
// (embargo/image.h) and times embargo::LoadGraph on it ("image_load_s",
// "image_answers_match").
//
// Environment: PEER_QUERY_BUDGET_S (default 300) bounds each query (Limits::
// timeout); PEER_SKIP=q1,q4 skips queries.

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "embargo/graph.h"
#include "embargo/image.h"
#include "embargo/import/neo4j_csv.h"
#include "embargo/io.h"
#include "embargo/load.h"
#include "embargo/kinds.h"
#include "embargo/query.h"
#include "embargo/sanctions.h"

namespace {

double Now() {
  return std::chrono::duration<double>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

double PeakRssMb() {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_maxrss) / 1024.0;
}

std::string Fmt(double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6f", x);
  return buf;
}

std::string Esc(const std::string& s) {
  std::string o;
  for (char c : s) {
    if (c == '"' || c == '\\') o += '\\';
    o += c;
  }
  return o;
}

// ---- queries.json (a flat object of strings, numbers and string lists) -----

struct Queries {
  std::string size;
  std::vector<std::pair<std::string, std::string>> q1_pairs;
  std::vector<std::string> q1_types, q2_seeds, q2_types, q4_types, q5_seeds,
      q5_types;
  int q5_max_hops = 2;
  int q2_max_hops = 3, q4_min_hops = 1, q4_max_hops = 3;
  double q3_threshold = 50;
  std::string q3_seed_type = "SANCTIONS", q3_type = "OWNS", q4_src, q4_dst;
};

class Json {
 public:
  explicit Json(std::string text) : s_(std::move(text)) {}
  bool Key(const std::string& key) {
    const size_t k = s_.find("\"" + key + "\"");
    if (k == std::string::npos) return false;
    p_ = s_.find(':', k) + 1;
    return true;
  }
  std::string Str() {
    Ws();
    const size_t e = s_.find('"', p_ + 1);
    std::string v = s_.substr(p_ + 1, e - p_ - 1);
    p_ = e + 1;
    return v;
  }
  double Num() {
    Ws();
    size_t e = p_;
    while (e < s_.size() && (std::isdigit(static_cast<unsigned char>(s_[e])) ||
                             s_[e] == '.' || s_[e] == '-')) {
      ++e;
    }
    const double v = std::stod(s_.substr(p_, e - p_));
    p_ = e;
    return v;
  }
  std::vector<std::string> StrList() {
    std::vector<std::string> v;
    Ws();
    ++p_;  // [
    for (;;) {
      Ws();
      if (s_[p_] == ']') {
        ++p_;
        return v;
      }
      if (s_[p_] == ',') {
        ++p_;
        continue;
      }
      v.push_back(Str());
    }
  }
  std::vector<std::vector<std::string>> ListOfLists() {
    std::vector<std::vector<std::string>> v;
    Ws();
    ++p_;
    for (;;) {
      Ws();
      if (s_[p_] == ']') {
        ++p_;
        return v;
      }
      if (s_[p_] == ',') {
        ++p_;
        continue;
      }
      v.push_back(StrList());
    }
  }

 private:
  void Ws() {
    while (p_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[p_]))) {
      ++p_;
    }
  }
  std::string s_;
  size_t p_ = 0;
};

Queries ReadQueries(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  Json j(ss.str());
  Queries q;
  if (j.Key("size")) q.size = j.Str();
  if (j.Key("q1_pairs")) {
    for (auto& p : j.ListOfLists()) q.q1_pairs.emplace_back(p.at(0), p.at(1));
  }
  if (j.Key("q1_edge_types")) q.q1_types = j.StrList();
  if (j.Key("q2_seeds")) q.q2_seeds = j.StrList();
  if (j.Key("q2_edge_types")) q.q2_types = j.StrList();
  if (j.Key("q2_max_hops")) q.q2_max_hops = static_cast<int>(j.Num());
  if (j.Key("q3_seed_edge_type")) q.q3_seed_type = j.Str();
  if (j.Key("q3_edge_type")) q.q3_type = j.Str();
  if (j.Key("q3_threshold")) q.q3_threshold = j.Num();
  if (j.Key("q4_src")) q.q4_src = j.Str();
  if (j.Key("q4_dst")) q.q4_dst = j.Str();
  if (j.Key("q4_edge_types")) q.q4_types = j.StrList();
  if (j.Key("q4_min_hops")) q.q4_min_hops = static_cast<int>(j.Num());
  if (j.Key("q4_max_hops")) q.q4_max_hops = static_cast<int>(j.Num());
  if (j.Key("q5_seeds")) q.q5_seeds = j.StrList();
  if (j.Key("q5_edge_types")) q.q5_types = j.StrList();
  if (j.Key("q5_max_hops")) q.q5_max_hops = static_cast<int>(j.Num());
  return q;
}

// ---- the workload's edge types as embargo edge kinds -----------------------

embargo::EdgeKindSet KindsOf(const std::vector<std::string>& types) {
  embargo::EdgeKindSet set;
  for (const std::string& t : types) {
    if (t == "OWNS") set.Add(embargo::EdgeKind::kOwnership);
    if (t == "DIRECTS") set.Add(embargo::EdgeKind::kDirectorship);
    if (t == "OPERATES") set.Add(embargo::EdgeKind::kOperator);
    if (t == "FLAG") set.Add(embargo::EdgeKind::kFlag);
    if (t == "TRANSFER") {
      set.Add(embargo::EdgeKind::kTransfer);
      set.Add(embargo::EdgeKind::kTransferVia);
    }
    if (t == "SANCTIONS") set.Add(embargo::EdgeKind::kSanction);
  }
  return set;
}

embargo::EdgeKind KindOf(const std::string& type) {
  embargo::EdgeKindSet s = KindsOf({type});
  for (int k = 0; k < embargo::kNumEdgeKinds; ++k) {
    if (s.Contains(static_cast<embargo::EdgeKind>(k))) {
      return static_cast<embargo::EdgeKind>(k);
    }
  }
  return embargo::EdgeKind::kUnknownLink;
}

embargo::Filter FilterOf(const std::vector<std::string>& types) {
  embargo::Filter f;
  f.edge_kinds = KindsOf(types);
  f.direction = embargo::Direction::kEither;
  return f;
}

struct OverBudget {
  std::string what;
};

embargo::Limits LimitsFor(double deadline, size_t max_results) {
  embargo::Limits l;
  l.max_results = max_results;
  l.timeout = absl::Seconds(std::max(0.0, deadline - Now()));
  return l;
}

embargo::NodeId NodeOf(const embargo::Graph& g, const std::string& id) {
  absl::StatusOr<embargo::NodeId> n = g.Node(id);
  if (!n.ok()) throw std::runtime_error(std::string(n.status().message()));
  return *n;
}

std::string JsonList(const std::vector<long>& v) {
  std::string o = "[";
  for (size_t i = 0; i < v.size(); ++i) absl::StrAppend(&o, i ? "," : "", v[i]);
  return o + "]";
}

std::string Q1(const embargo::Graph& g, const Queries& q, double deadline) {
  const embargo::Filter f = FilterOf(q.q1_types);
  std::vector<long> out;
  for (size_t i = 0; i < q.q1_pairs.size(); ++i) {
    if (Now() > deadline) throw OverBudget{absl::StrCat("q1 after ", i, " pairs")};
    auto path = embargo::ShortestPath(g, NodeOf(g, q.q1_pairs[i].first),
                                      NodeOf(g, q.q1_pairs[i].second), f,
                                      LimitsFor(deadline, 1));
    if (!path.ok()) throw OverBudget{std::string(path.status().message())};
    out.push_back(path->has_value() ? static_cast<long>((*path)->length()) : -1);
  }
  return JsonList(out);
}

std::string Q2(const embargo::Graph& g, const Queries& q, double deadline) {
  const embargo::Filter f = FilterOf(q.q2_types);
  std::vector<long> out;
  for (size_t i = 0; i < q.q2_seeds.size(); ++i) {
    if (Now() > deadline) throw OverBudget{absl::StrCat("q2 after ", i, " seeds")};
    auto n = embargo::CountNeighbors(g, NodeOf(g, q.q2_seeds[i]), q.q2_max_hops,
                                     f, LimitsFor(deadline, g.num_nodes()));
    if (!n.ok()) throw std::runtime_error(std::string(n.status().message()));
    if (n->truncated) throw OverBudget{n->truncation_reason};
    out.push_back(static_cast<long>(n->count));
  }
  return JsonList(out);
}

std::string Q3(const embargo::Graph& g, const Queries& q, double) {
  embargo::OwnershipOptions o;
  o.threshold = q.q3_threshold;
  o.explain = false;
  // q3 counts the sanctions of all four workload authorities (UNSC, OFAC,
  // EU, UK), not only the rule's own (OFAC's) list.
  o.any_authority = true;
  auto blocked = embargo::BlockedByOwnership(g, o);
  if (!blocked.ok()) {
    throw std::runtime_error(std::string(blocked.status().message()));
  }
  return absl::StrCat(blocked->size());
}

std::string Q4(const embargo::Graph& g, const Queries& q, double deadline) {
  if (q.q4_min_hops != 1) throw std::runtime_error("q4: min hops must be 1");
  auto c = embargo::CountPaths(g, NodeOf(g, q.q4_src), NodeOf(g, q.q4_dst),
                               q.q4_max_hops, FilterOf(q.q4_types),
                               LimitsFor(deadline, 1));
  if (!c.ok()) throw std::runtime_error(std::string(c.status().message()));
  if (c->truncated) throw OverBudget{c->truncation_reason};
  return absl::StrCat(c->count);
}

std::string Q5(const embargo::Graph& g, const Queries& q, double deadline) {
  std::vector<embargo::NodeId> seeds;
  seeds.reserve(q.q5_seeds.size());
  for (const std::string& id : q.q5_seeds) seeds.push_back(NodeOf(g, id));
  embargo::Regime every;  // Any authority, any status, dates ignored.
  every.min_status = embargo::v1::STATUS_DENIED;
  auto c = embargo::CountSanctionedNeighbors(
      g, seeds, every, embargo::PartialDate(), q.q5_max_hops,
      FilterOf(q.q5_types), LimitsFor(deadline, 1));
  if (!c.ok()) throw std::runtime_error(std::string(c.status().message()));
  if (c->truncated) throw OverBudget{c->truncation_reason};
  std::vector<long> out(c->counts.begin(), c->counts.end());
  return JsonList(out);
}

constexpr int kQueries = 5;

struct Run {
  std::string times[kQueries] = {"null", "null", "null", "null", "null"};
  std::string answers[kQueries] = {"null", "null", "null", "null", "null"};
  std::vector<std::string> notes;
};

Run RunQueries(const embargo::Graph& g, const Queries& q, double budget,
               const std::string& skip, bool verbose) {
  Run r;
  for (int k = 0; k < kQueries; ++k) {
    const std::string key = absl::StrCat("q", k + 1);
    if (skip.find(key) != std::string::npos) {
      r.notes.push_back(absl::StrCat("\"", key, "\":\"skipped (PEER_SKIP)\""));
      continue;
    }
    const double t = Now();
    const double deadline = t + budget;
    try {
      std::string ans;
      switch (k) {
        case 0: ans = Q1(g, q, deadline); break;
        case 1: ans = Q2(g, q, deadline); break;
        case 2: ans = Q3(g, q, deadline); break;
        case 3: ans = Q4(g, q, deadline); break;
        case 4: ans = Q5(g, q, deadline); break;
      }
      const double dt = Now() - t;
      r.times[k] = Fmt(dt);
      r.answers[k] = ans;
      if (verbose) std::cerr << "[embargo] " << key << " " << dt << " s\n";
    } catch (OverBudget& e) {
      r.notes.push_back(absl::StrCat("\"", key, "\":\"not finished: over budget (",
                                     Esc(e.what), ")\""));
    } catch (std::exception& e) {
      r.notes.push_back(
          absl::StrCat("\"", key, "\":\"error: ", Esc(e.what()), "\""));
    }
  }
  return r;
}

// The record paths, in a child process; returns JSON fields to append.
std::string Extras(const std::string& dir, const Queries& q, const Run& main_run,
                   double budget) {
  int fd[2];
  if (pipe(fd) != 0) return ",\"extras_error\":\"pipe failed\"";
  const pid_t pid = fork();
  if (pid == 0) {
    close(fd[0]);
    std::string out;
    const double t0 = Now();
    absl::StatusOr<embargo::ImportResult> r =
        embargo::ImportNeo4jCsv(dir + "/nodes.csv", dir + "/edges.csv");
    const double import_s = Now() - t0;
    if (!r.ok()) {
      out = absl::StrCat(",\"extras_error\":\"", Esc(std::string(r.status().message())), "\"");
    } else {
      char tmpl[] = "/tmp/embargo_workload_XXXXXX";
      const int tfd = mkstemp(tmpl);
      if (tfd >= 0) close(tfd);
      const std::string path = std::string(tmpl) + ".records";
      std::rename(tmpl, path.c_str());
      absl::Status w = embargo::WriteDatasetFile(r->dataset, path,
                                                 embargo::Format::kRecordStream);
      r = absl::UnknownError("freed");  // Free the dataset before timing.
      const double t1 = Now();
      // The workload's graph as given: no country links (the answers are
      // compared with the reference's, on the same edges).
      embargo::LoadOptions load;
      load.country_links = false;
      const std::vector<std::string> paths = {path};
      absl::StatusOr<embargo::Graph> g = embargo::Load(paths, load);
      const double load_s = Now() - t1;
      std::remove(path.c_str());
      if (!w.ok() || !g.ok()) {
        out = absl::StrCat(",\"extras_error\":\"",
                           Esc(std::string((w.ok() ? g.status() : w).message())),
                           "\"");
      } else {
        auto same_answers = [&](const embargo::Graph& graph) {
          const Run again = RunQueries(graph, q, budget, "", false);
          bool match = true;
          for (int k = 0; k < kQueries; ++k) {
            match &= again.answers[k] == main_run.answers[k];
          }
          return match;
        };
        const bool match = same_answers(*g);
        out = absl::StrCat(",\"import_records_s\":", Fmt(import_s),
                           ",\"records_load_s\":", Fmt(load_s),
                           ",\"records_peak_rss_mb\":", Fmt(PeakRssMb()),
                           ",\"records_answers_match\":", match ? "true" : "false");
        // The same graph saved as an image and read back.
        const std::string image = std::string(tmpl) + ".egraph";
        const absl::Status iw = embargo::WriteGraphImage(*g, image);
        g = absl::UnknownError("freed");
        const double t2 = Now();
        absl::StatusOr<embargo::Graph> gi =
            iw.ok() ? embargo::LoadGraph({image}) : absl::StatusOr<embargo::Graph>(iw);
        const double image_s = Now() - t2;
        std::remove(image.c_str());
        if (gi.ok()) {
          absl::StrAppend(&out, ",\"image_load_s\":", Fmt(image_s),
                          ",\"image_answers_match\":",
                          same_answers(*gi) ? "true" : "false");
        } else {
          absl::StrAppend(&out, ",\"image_error\":\"",
                          Esc(std::string(gi.status().message())), "\"");
        }
      }
    }
    (void)!write(fd[1], out.data(), out.size());
    close(fd[1]);
    _exit(0);
  }
  close(fd[1]);
  std::string out;
  char buf[4096];
  ssize_t n;
  while ((n = read(fd[0], buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  close(fd[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  bool extras = false;
  std::string dir;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--extras") {
      extras = true;
    } else {
      dir = a;
    }
  }
  if (dir.empty()) {
    std::cerr << "usage: workload_runner [--extras] DIR\n";
    return 2;
  }
  const double budget = std::getenv("PEER_QUERY_BUDGET_S")
                            ? std::atof(std::getenv("PEER_QUERY_BUDGET_S"))
                            : 300.0;
  const std::string skip = std::getenv("PEER_SKIP") ? std::getenv("PEER_SKIP") : "";
  const Queries q = ReadQueries(dir + "/queries.json");

  std::cerr << "[embargo] load ...\n";
  const double t0 = Now();
  absl::StatusOr<embargo::Neo4jCsvGraph> loaded =
      embargo::LoadNeo4jCsvGraph(dir + "/nodes.csv", dir + "/edges.csv");
  const double load_s = Now() - t0;
  if (!loaded.ok()) {
    std::cerr << "[embargo] load failed: " << loaded.status() << "\n";
    return 1;
  }
  const double load_rss = PeakRssMb();
  std::cerr << "[embargo] load " << load_s << " s; "
            << loaded->report.rows_read << " rows, "
            << loaded->report.rows_rejected() << " rejected\n";

  const Run run = RunQueries(loaded->graph, q, budget, skip, true);
  const double peak = PeakRssMb();
  const std::string extra = extras ? Extras(dir, q, run, budget) : "";

  std::ostringstream o;
  o << "{\"engine\":\"embargo\",\"size\":\"" << Esc(q.size)
    << "\",\"version\":\"embargo 0.1.0\",\"load_s\":" << Fmt(load_s);
  for (int k = 0; k < kQueries; ++k) o << ",\"q" << k + 1 << "_s\":" << run.times[k];
  o << ",\"peak_rss_mb\":" << Fmt(peak) << ",\"load_peak_rss_mb\":" << Fmt(load_rss)
    << extra;
  o << ",\"answers\":{\"q1\":" << run.answers[0] << ",\"q2\":" << run.answers[1]
    << ",\"q3\":" << run.answers[2] << ",\"q4\":" << run.answers[3]
    << ",\"q5\":" << run.answers[4]
    << "},\"notes\":{" << absl::StrJoin(run.notes, ",") << "},\"methods\":{"
    << "\"load\":\"embargo::LoadNeo4jCsvGraph: two-thread CSV parse into "
       "columns of compact records, counting-sort CSR with both directions of "
       "every edge\","
    << "\"q1\":\"embargo::ShortestPath (bidirectional BFS) per pair\","
    << "\"q2\":\"embargo::CountNeighbors(seed, 3)\","
    << "\"q3\":\"embargo::BlockedByOwnership\","
    << "\"q4\":\"embargo::CountPaths(RUS, PRK, 3)\","
    << "\"q5\":\"embargo::CountSanctionedNeighbors (one batch call; targets "
       "one step from each node listed once, seeds on two threads)\"}}\n";
  std::cout << o.str();
  return 0;
}
