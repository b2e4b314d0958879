// Graphviz DOT export of subgraphs (a query's answer), and rendering with
// the `dot` program. See embargo/export.h.

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "embargo/export.h"
#include "embargo/kinds.h"
#include "lib/internal/status_macros.h"
#include "lib/io/export/common.h"

extern char** environ;

namespace embargo {
namespace {

// DotString quotes text as a DOT string: backslash and quote escaped, line
// breaks as "\n" (Graphviz's centred line break), control characters
// dropped.
std::string DotString(absl::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t') out += c;
    }
  }
  out += '"';
  return out;
}

// Cut shortens UTF-8 text to at most `max` bytes at a character boundary.
std::string Cut(absl::string_view s, size_t max) {
  if (s.size() <= max) return std::string(s);
  size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return absl::StrCat(s.substr(0, n), "...");
}

struct Style {
  const char* shape;
  const char* fill;
};

// StyleOf: one shape and fill colour per kind (the legend in the README).
Style StyleOf(NodeKind kind) {
  switch (kind) {
    case NodeKind::kState: return {"box", "#cfe2f3"};
    case NodeKind::kGovernmentBody: return {"box", "#d9ead3"};
    case NodeKind::kMilitaryUnit: return {"house", "#b6d7a8"};
    case NodeKind::kCompany: return {"component", "#fff2cc"};
    case NodeKind::kOrganization: return {"hexagon", "#ead1dc"};
    case NodeKind::kPerson: return {"ellipse", "#fce5cd"};
    case NodeKind::kVessel: return {"cds", "#d0e0e3"};
    case NodeKind::kAircraft: return {"triangle", "#d9d2e9"};
    case NodeKind::kInternationalBody: return {"octagon", "#f4cccc"};
    case NodeKind::kLegalEntity: return {"component", "#eeeeee"};
    case NodeKind::kEvent: return {"note", "#ffffff"};
    default: return {"ellipse", "#ffffff"};
  }
}

std::string EdgeColor(EdgeKind kind) {
  switch (kind) {
    case EdgeKind::kTransfer:
    case EdgeKind::kTransferVia: return "#990000";
    case EdgeKind::kSanction: return "#cc0000";
    case EdgeKind::kOwnership:
    case EdgeKind::kControl: return "#1f4e79";
    case EdgeKind::kParticipation: return "#999999";
    default: return "#555555";
  }
}

std::string Years(const internal::EdgeFacts& f) {
  if (f.year == 0) return f.end_year == 0 ? "" : absl::StrCat("-", f.end_year);
  if (f.end_year == 0 || f.end_year == f.year) return absl::StrCat(f.year);
  return absl::StrCat(f.year, "-", f.end_year);
}

std::string EdgeLabel(const EdgeInfo& info, const internal::EdgeFacts& f) {
  std::vector<std::string> parts;
  if (info.kind == EdgeKind::kTransfer || info.kind == EdgeKind::kTransferVia) {
    parts.push_back(f.item);
    // Briefly, what the source gives: designation, numbers, TIV.
    if (!f.designation.empty()) parts.push_back(f.designation);
    std::vector<std::string> numbers;
    if (f.quantity_ordered > 0) {
      numbers.push_back(absl::StrCat(f.quantity_ordered,
                                     f.quantity_ordered_uncertain ? "?" : "",
                                     " ordered"));
    }
    if (f.quantity > 0) {
      numbers.push_back(absl::StrCat(f.quantity, f.quantity_uncertain ? "?" : "",
                                     " delivered"));
    }
    if (f.tiv_order > 0) {
      numbers.push_back(absl::StrCat("TIV ", f.tiv_order));
    } else if (f.tiv_delivered > 0) {
      numbers.push_back(absl::StrCat("TIV ", f.tiv_delivered, " delivered"));
    }
    if (!numbers.empty()) parts.push_back(absl::StrJoin(numbers, ", "));
  } else if (info.kind == EdgeKind::kSanction) {
    parts.push_back(f.program.empty() ? "sanction"
                                      : absl::StrCat("sanction ", f.program));
  } else if (info.kind == EdgeKind::kOwnership && f.share > 0) {
    parts.push_back(absl::StrCat("owns ", f.share, "%"));
  } else if (info.kind == EdgeKind::kParticipation) {
    parts.push_back(f.role.empty() ? "participant" : f.role);
  } else {
    parts.push_back(std::string(EdgeKindName(info.kind)));
  }
  const std::string years = Years(f);
  if (!years.empty()) parts.push_back(years);
  parts.push_back(f.status);
  return absl::StrJoin(parts, "\n");
}

std::string Tooltip(const Graph& graph, EdgeId edge, const EdgeInfo& info,
                    const internal::EdgeFacts& f, const DotOptions& options) {
  std::string t = absl::StrCat(f.record_kind, " ", f.record_id, ": ",
                               graph.node_id(info.from), " -> ",
                               graph.node_id(info.to));
  if (!f.designation.empty()) absl::StrAppend(&t, " (", f.designation, ")");
  if (!options.evidence_tooltips) return t;
  for (const v1::Evidence& ev : graph.Evidence(edge)) {
    absl::StrAppend(&t, "\n- ");
    const v1::Source* src = graph.FindSource(ev.source_id());
    if (src != nullptr) {
      absl::StrAppend(&t, src->publisher().empty() ? src->id()
                                                   : src->publisher());
      if (!src->title().empty()) absl::StrAppend(&t, ", \"", src->title(), "\"");
      const std::string date = internal::DateText(src->published());
      if (!date.empty()) absl::StrAppend(&t, ", ", date);
    } else {
      absl::StrAppend(&t, ev.source_id());
    }
    if (!ev.speaker_id().empty()) {
      std::optional<NodeId> sp = graph.FindNode(ev.speaker_id());
      absl::StrAppend(&t, "; said by ",
                      sp ? graph.node_name(*sp) : absl::string_view(ev.speaker_id()));
    }
    const std::string& quote =
        ev.translation().empty() ? ev.quote() : ev.translation();
    if (!quote.empty()) {
      absl::StrAppend(&t, ": \"", Cut(quote, options.max_quote_bytes), "\"");
    }
  }
  return t;
}

void AddNode(NodeId n, Subgraph& s, absl::flat_hash_set<uint32_t>& seen) {
  if (seen.insert(n.value()).second) s.nodes.push_back(n);
}

bool Passes(const EdgeInfo& e, const Filter& f) {
  if (!f.edge_kinds.Contains(e.kind)) return false;
  if ((e.kind == EdgeKind::kTransfer || e.kind == EdgeKind::kTransferVia) &&
      !f.items.Contains(e.item)) {
    return false;
  }
  if (e.status < f.min_status) return false;
  const DayRange window{f.from.known() ? f.from.EarliestDay() : kMinDay,
                        f.until.known() ? f.until.LatestDay() : kMaxDay};
  if (f.date_match == DateMatch::kCertain ? !e.days.Within(window)
                                          : !e.days.Overlaps(window)) {
    return false;
  }
  return true;
}

}  // namespace

Subgraph SubgraphOfPaths(const Graph& graph, absl::Span<const Path> paths) {
  (void)graph;
  Subgraph s;
  absl::flat_hash_set<uint32_t> nodes, edges, ends;
  for (const Path& p : paths) {
    AddNode(p.source, s, nodes);
    for (const Hop& h : p.hops) {
      AddNode(h.from, s, nodes);
      AddNode(h.to, s, nodes);
      if (edges.insert(h.edge.value()).second) s.edges.push_back(h.edge);
    }
    for (NodeId end : {p.source, p.target()}) {
      if (ends.insert(end.value()).second) s.endpoints.push_back(end);
    }
  }
  return s;
}

Subgraph SubgraphOfNeighborhood(const Graph& graph, NodeId seed,
                                const Neighborhood& neighborhood,
                                const Filter& filter) {
  Subgraph s;
  absl::flat_hash_set<uint32_t> nodes;
  AddNode(seed, s, nodes);
  for (const Neighbor& nb : neighborhood.nodes) AddNode(nb.node, s, nodes);
  s.endpoints.push_back(seed);
  absl::flat_hash_set<uint32_t> edges;
  for (NodeId n : s.nodes) {
    for (const Incidence& inc : graph.Incidences(n)) {
      if (!nodes.contains(inc.other.value())) continue;
      if (!Passes(graph.edge(inc.edge), filter)) continue;
      if (edges.insert(inc.edge.value()).second) s.edges.push_back(inc.edge);
    }
  }
  std::sort(s.edges.begin(), s.edges.end());
  return s;
}

Subgraph WholeGraph(const Graph& graph) {
  Subgraph s;
  for (uint32_t n = 0; n < graph.num_nodes(); ++n) s.nodes.push_back(NodeId(n));
  for (uint32_t e = 0; e < graph.num_edges(); ++e) s.edges.push_back(EdgeId(e));
  return s;
}

std::string ToDot(const Graph& graph, const Subgraph& sub,
                  const DotOptions& options) {
  std::ostringstream out;
  out << "digraph embargo {\n";
  if (options.collapse_parallel || options.max_nodes > 0) {
    return internal::SummaryDot(graph, sub, options);
  }
  out << "  graph [rankdir=" << DotString(options.rank_direction)
      << ", fontname=" << DotString(kDotFonts)
      << ", fontsize=12, nodesep=0.4, ranksep=0.9";
  if (!options.title.empty()) {
    out << ", label=" << DotString(options.title) << ", labelloc=t";
  }
  out << "];\n";
  out << "  node [fontname=" << DotString(kDotFonts)
      << ", fontsize=11, style=filled, penwidth=1];\n";
  out << "  edge [fontname=" << DotString(kDotFonts) << ", fontsize=9];\n";
  absl::flat_hash_set<uint32_t> ends;
  for (NodeId n : sub.endpoints) ends.insert(n.value());
  for (NodeId n : sub.nodes) {
    const NodeKind kind = graph.node_kind(n);
    const Style st = StyleOf(kind);
    const bool sanctioned = internal::IsSanctioned(graph, n);
    std::string label = std::string(graph.node_name(n));
    if (graph.node_name(n) != graph.node_id(n)) {
      absl::StrAppend(&label, "\n(", graph.node_id(n), ")");
    }
    if (sanctioned) absl::StrAppend(&label, "\n[sanctioned]");
    std::string tooltip =
        absl::StrCat(NodeKindName(kind), " ", graph.node_id(n));
    if (!graph.node_country(n).empty()) {
      absl::StrAppend(&tooltip, ", country ", graph.node_country(n));
    }
    out << "  " << DotString(graph.node_id(n)) << " [label="
        << DotString(label) << ", shape=" << st.shape << ", fillcolor=\""
        << st.fill << "\", tooltip=" << DotString(tooltip);
    if (sanctioned) out << ", color=\"#cc0000\", penwidth=3";
    if (ends.contains(n.value())) out << ", peripheries=2";
    out << "];\n";
  }
  for (EdgeId e : sub.edges) {
    const EdgeInfo info = graph.edge(e);
    const internal::EdgeFacts f = internal::FactsOfEdge(graph, e);
    const std::string tip = Tooltip(graph, e, info, f, options);
    out << "  " << DotString(graph.node_id(info.from)) << " -> "
        << DotString(graph.node_id(info.to))
        << " [label=" << DotString(EdgeLabel(info, f))
        << ", color=\"" << EdgeColor(info.kind) << "\", fontcolor=\""
        << EdgeColor(info.kind) << "\", tooltip=" << DotString(tip)
        << ", labeltooltip=" << DotString(tip);
    if (info.kind == EdgeKind::kTransfer) out << ", penwidth=2";
    // Dashed: a leg of a route, or only alleged.
    if (info.kind == EdgeKind::kTransferVia ||
        info.status == v1::STATUS_ALLEGED) {
      out << ", style=dashed";
    }
    if (info.kind == EdgeKind::kSanction) out << ", arrowhead=tee";
    out << "];\n";
  }
  out << "}\n";
  return out.str();
}

absl::Status ExportDot(const Graph& graph, const Subgraph& sub,
                       const std::string& path, const DotOptions& options) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) {
    return absl::PermissionDeniedError(
        absl::StrCat(path, ": cannot open for writing"));
  }
  out << ToDot(graph, sub, options);
  out.close();
  return internal::StreamError(out, path);
}

namespace {

// Runs argv with stdin, stdout and stderr redirected from/to files; returns
// the exit status, or -1 with errno-like `spawn_error` when it could not
// start.
int Run(const std::vector<std::string>& args, const std::string& in,
        const std::string& err, int& spawn_error) {
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, in.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, err.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  pid_t pid;
  spawn_error = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(),
                             environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawn_error != 0) return -1;
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return -1;
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

std::string TempPath(absl::string_view suffix) {
  const char* dir = std::getenv("TMPDIR");
  std::string tmpl = absl::StrCat(dir != nullptr && *dir ? dir : "/tmp",
                                   "/embargo-XXXXXX");
  const int fd = mkstemp(tmpl.data());
  if (fd >= 0) close(fd);
  return fd >= 0 ? absl::StrCat(tmpl) : absl::StrCat("/tmp/embargo-", suffix);
}

}  // namespace

bool DotAvailable() {
  const std::string err = TempPath("err");
  int spawn_error = 0;
  const int rc = Run({"dot", "-V"}, "/dev/null", err, spawn_error);
  std::remove(err.c_str());
  return rc == 0;
}

absl::Status RenderDot(absl::string_view dot_text, absl::string_view format,
                       const std::string& path) {
  if (format != "svg" && format != "png" && format != "pdf") {
    return absl::InvalidArgumentError(absl::StrCat(
        "picture format \"", format, "\": expected svg, png or pdf"));
  }
  const std::string in = TempPath("in");
  const std::string err = TempPath("err");
  {
    std::ofstream f(in, std::ios::binary | std::ios::trunc);
    f << dot_text;
    f.close();
    if (!f) {
      std::remove(in.c_str());
      std::remove(err.c_str());
      return absl::DataLossError(absl::StrCat(in, ": write failed"));
    }
  }
  int spawn_error = 0;
  const int rc = Run({"dot", absl::StrCat("-T", format), "-o", path}, in, err,
                     spawn_error);
  std::string complaint;
  {
    std::ifstream f(err);
    std::getline(f, complaint);
  }
  std::remove(in.c_str());
  std::remove(err.c_str());
  if (rc < 0) {
    return absl::FailedPreconditionError(
        "cannot run Graphviz's `dot` (is the graphviz package installed?)");
  }
  if (rc != 0) {
    return absl::InternalError(absl::StrCat(
        "dot failed writing ", path, " (exit ", rc, ")",
        complaint.empty() ? "" : ": ", complaint));
  }
  return absl::OkStatus();
}

}  // namespace embargo
