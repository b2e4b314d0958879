// Link reports as pictures: the Graphviz DOT of the best routes and the
// self-contained HTML file. See embargo/link_report.h.

#include "embargo/link_report.h"

#include <unistd.h>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "embargo/explain.h"
#include "embargo/export.h"
#include "embargo/kinds.h"
#include "lib/io/export/common.h"
#include "nlohmann/json.hpp"
#include "lib/io/export/link_report_util.h"

namespace embargo {

using namespace internal::link_report;  // NOLINT: this file's helpers.

std::string LinksDot(const Graph& g, const LinkReport& r, size_t max_routes) {
  // Nodes: real nodes by id; a folded position is a box of its own.
  struct EdgeAgg {
    absl::flat_hash_set<uint32_t> records;
    int32_t lo = kMaxDay, hi = kMinDay;
    std::map<std::string, uint64_t> items;
    double share = 0;
    uint64_t paths = 0;
  };
  std::map<std::string, std::string> node_lines;  // DOT id -> statement.
  std::map<std::tuple<std::string, std::string, std::string>, EdgeAgg> edges;
  const size_t n = std::min(max_routes, r.routes.size());
  auto real = [&](NodeId id) {
    const std::string key(g.node_id(id));
    if (!node_lines.contains(key)) {
      std::string label(g.node_name(id));
      if (g.node_name(id) != g.node_id(id)) absl::StrAppend(&label, "\n(", g.node_id(id), ")");
      if (internal::IsSanctioned(g, id)) absl::StrAppend(&label, "\n[sanctioned]");
      const bool end = id == r.from || std::find(r.targets.begin(), r.targets.end(), id) != r.targets.end();
      node_lines[key] = absl::StrCat(
          "label=", Json(label).dump(), ", shape=box, fillcolor=\"",
          end ? "#cfe2f3" : "#fff2cc", "\"", end ? ", peripheries=2" : "",
          internal::IsSanctioned(g, id) ? ", color=\"#cc0000\", penwidth=2" : "");
    }
    return key;
  };
  for (size_t i = 0; i < n; ++i) {
    const LinkRoute& x = r.routes[i];
    std::vector<std::string> ids{real(r.from)};
    for (size_t h = 0; h + 1 < x.steps.size(); ++h) {
      if (!x.folded) {
        ids.push_back(real(x.intermediaries[h]));
      } else {
        const std::string key = absl::StrCat("route", i + 1, "_", h);
        std::vector<std::string> names;
        for (const auto& [node, c] : x.top_intermediaries) {
          names.push_back(std::string(g.node_id(node)));
        }
        node_lines[key] = absl::StrCat(
            "label=", Json(absl::StrCat(NodeKindName(x.intermediary_kinds[h]),
                                        " x", Count(x.node_sequences), " sequences\nmost: ",
                                        absl::StrJoin(names, ", "))).dump(),
            ", shape=box, style=\"filled,dashed\", fillcolor=\"#eeeeee\"");
        ids.push_back(key);
      }
    }
    ids.push_back(x.targets.size() == 1 ? real(x.targets.front().first)
                                        : absl::StrCat("targets", i + 1));
    if (x.targets.size() != 1) {
      const NodeId first = x.targets.front().first;
      const std::string label =
          x.programme_target
              ? absl::StrCat(Count(x.targets.size()), " ",
                             g.node_id(r.targets.front()),
                             " programme targets\ne.g. ",
                             Cut(std::string(g.node_name(first)), 28), " (",
                             g.node_id(first), ")")
              : absl::StrCat(Count(x.targets.size()), " targets\nmost: ",
                             g.node_id(first));
      node_lines[ids.back()] = absl::StrCat(
          "label=", Json(label).dump(), ", shape=box, fillcolor=\"#f4cccc\"");
    }
    // Per hop, aggregate this route's edges between the two drawn nodes: a
    // named route's hop joins two known nodes; a folded route's hops are
    // drawn with the route's path count.
    std::vector<NodeId> concrete{r.from};
    for (NodeId m : x.intermediaries) concrete.push_back(m);
    if (x.targets.size() == 1) concrete.push_back(x.targets.front().first);
    for (size_t h = 0; h < x.steps.size(); ++h) {
      const LinkStep& s = x.steps[h];
      const std::string& a = s.along ? ids[h] : ids[h + 1];
      const std::string& b = s.along ? ids[h + 1] : ids[h];
      EdgeAgg& agg = edges[{a, b, std::string(EdgeKindName(s.kind))}];
      agg.paths += x.paths;
      if (x.folded || concrete.size() != x.steps.size() + 1) continue;
      const NodeId u = s.along ? concrete[h] : concrete[h + 1];
      const NodeId v = s.along ? concrete[h + 1] : concrete[h];
      for (EdgeId e : x.edge_list) {
        const EdgeInfo info = g.edge(e);
        if (info.kind != s.kind || info.from != u || info.to != v) continue;
        if (!agg.records.insert(e.value()).second) continue;
        if (info.days.lo != kMinDay) agg.lo = std::min(agg.lo, info.days.lo);
        if (info.days.hi != kMaxDay) agg.hi = std::max(agg.hi, info.days.hi);
        if (info.item != v1::ITEM_UNSPECIFIED) ++agg.items[ItemName(info.item)];
        agg.share = std::max(agg.share, info.share_percent);
      }
    }
  }
  std::ostringstream out;
  out << "digraph links {\n  graph [rankdir=LR, fontname=\"Noto Sans,Noto "
         "Sans CJK SC,DejaVu Sans\", fontsize=12, nodesep=0.3, ranksep=1.1, "
         "labelloc=t, label="
      << Json(absl::StrCat(Headline(g, r), "\n")).dump() << "];\n";
  out << "  node [fontname=\"Noto Sans,Noto Sans CJK SC,DejaVu Sans\", "
         "fontsize=10, style=filled];\n";
  out << "  edge [fontname=\"Noto Sans,Noto Sans CJK SC,DejaVu Sans\", "
         "fontsize=9];\n";
  for (const auto& [id, line] : node_lines) {
    out << "  " << Json(id).dump() << " [" << line << "];\n";
  }
  for (const auto& [key, agg] : edges) {
    const auto& [a, b, kind] = key;
    std::vector<std::string> lines;
    lines.push_back(agg.records.empty()
                        ? absl::StrCat(kind, " (", Count(agg.paths), " paths)")
                        : absl::StrCat(kind, " x", Count(agg.records.size())));
    if (agg.lo <= agg.hi) {
      const std::string lo = Year(agg.lo), hi = Year(agg.hi);
      lines.push_back(lo == hi ? lo : absl::StrCat(lo, "-", hi));
    }
    std::vector<std::pair<uint64_t, std::string>> items;
    for (const auto& [item, c] : agg.items) items.push_back({c, item});
    std::sort(items.rbegin(), items.rend());
    std::vector<std::string> top;
    for (size_t i = 0; i < items.size() && i < 2; ++i) {
      top.push_back(absl::StrCat(items[i].second, " ", items[i].first));
    }
    if (!top.empty()) lines.push_back(absl::StrJoin(top, ", "));
    if (agg.share > 0) lines.push_back(absl::StrCat("up to ", agg.share, "%"));
    const bool transfer = kind == "transfer" || kind == "transfer_via";
    out << "  " << Json(a).dump() << " -> " << Json(b).dump()
        << " [label=" << Json(absl::StrJoin(lines, "\n")).dump()
        << ", color=\"" << (transfer ? "#990000" : "#1f4e79")
        << "\", fontcolor=\"" << (transfer ? "#990000" : "#1f4e79")
        << "\", penwidth=" << std::min<size_t>(1 + agg.records.size() / 20, 5)
        << "];\n";
  }
  const std::string left = LeftOut(r, n);
  if (!left.empty()) {
    out << "  note [shape=note, fillcolor=\"#ffffff\", label="
        << Json(absl::StrCat("Not drawn: ", left,
                             ".\nThe tables list every route."))
               .dump()
        << "];\n";
  }
  out << "}\n";
  return out.str();
}

absl::StatusOr<std::string> LinksHtml(const Graph& g, const LinkReport& r,
                                      size_t max_edges_per_route) {
  std::string svg;
  if (DotAvailable()) {
    const char* dir = std::getenv("TMPDIR");
    std::string path = absl::StrCat(dir != nullptr && *dir ? dir : "/tmp",
                                    "/embargo-links-XXXXXX");
    const int fd = mkstemp(path.data());
    if (fd < 0) return absl::InternalError("cannot make a temporary file");
    close(fd);
    absl::Status s = RenderDot(LinksDot(g, r), "svg", path);
    if (s.ok()) {
      std::ifstream in(path, std::ios::binary);
      std::stringstream buf;
      buf << in.rdbuf();
      svg = buf.str();
    }
    std::remove(path.c_str());
    if (!s.ok()) return s;
    const size_t at = svg.find("<svg");
    if (at != std::string::npos) svg = svg.substr(at);
  }
  std::ostringstream out;
  out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
      << "<title>Links: " << Html(NodeLabel(g, r.from)) << " to "
      << Html(r.target_label) << "</title>\n"
      << "<style>body{font-family:'Noto Sans','Noto Sans CJK SC','DejaVu "
         "Sans',sans-serif;margin:1.5em;max-width:1200px}"
         "table{border-collapse:collapse;font-size:13px}"
         "td,th{border:1px solid #ccc;padding:3px 6px;text-align:left;"
         "vertical-align:top}th{background:#eee}"
         ".picture svg{max-width:100%;height:auto}"
         "blockquote{margin:2px 0 6px 1.5em;color:#333;font-style:italic}"
         "details{margin:0.4em 0}.note{color:#a00}</style>\n"
      << "</head><body>\n";
  out << "<h1>Links: " << Html(NodeLabel(g, r.from)) << " to "
      << Html(r.target_label) << "</h1>\n";
  out << "<p id=\"summary\">" << Html(Headline(g, r)) << ".</p>\n";
  if (const std::string p = ProgrammeLine(g, r); !p.empty()) {
    out << "<p id=\"programmes\">" << Html(p) << "</p>\n";
  }
  out << "<p>Filter: " << Html(FilterText(r.filter)) << ". Reference year "
      << r.reference_year
      << ". Score = status weight (confirmed 3, reported 2, alleged 1) x "
         "(1 + log2(1 + sources)) x recency / hops^2.</p>\n";
  if (svg.empty()) {
    out << "<p class=\"note\">No picture: Graphviz's dot was not found when "
           "this report was written.</p>\n";
  } else {
    out << "<div class=\"picture\">" << svg << "</div>\n";
  }
  out << "<h2>Routes</h2>\n<table id=\"routes\"><tr><th>#</th><th>route</th>"
         "<th>hops</th><th>paths</th><th>records</th><th>years</th>"
         "<th>items</th><th>strongest status</th><th>sources</th>"
         "<th>score</th></tr>\n";
  for (size_t i = 0; i < r.routes.size(); ++i) {
    const LinkRoute& x = r.routes[i];
    out << "<tr class=\"route\"><td>" << i + 1 << "</td><td><a href=\"#r"
        << i + 1 << "\">" << Html(x.label) << "</a></td><td>"
        << x.steps.size() << "</td><td>" << Count(x.paths) << "</td><td>"
        << Count(x.edges) << "</td><td>" << Years(x) << "</td><td>"
        << Html(Items(x, 4)) << "</td><td>" << StatusName(x.strongest_status)
        << "</td><td>" << x.sources << "</td><td>" << ScoreText(x.score)
        << "</td></tr>\n";
  }
  out << "</table>\n<h2>Evidence</h2>\n";
  for (size_t i = 0; i < r.routes.size(); ++i) {
    const LinkRoute& x = r.routes[i];
    out << "<details id=\"r" << i + 1 << "\"" << (i < 3 ? " open" : "")
        << "><summary>" << i + 1 << ". " << Html(x.label) << " (" << Count(x.paths)
        << " paths, " << Count(x.edges) << " records)</summary>\n";
    if (x.folded) {
      std::vector<std::string> names;
      for (const auto& [node, paths] : x.top_intermediaries) {
        names.push_back(absl::StrCat(Html(NodeLabel(g, node)), " (", Count(paths), ")"));
      }
      out << "<p>" << Count(x.node_sequences) << " sequences of intermediaries; most paths via "
          << absl::StrJoin(names, ", ") << ".</p>\n";
    }
    if (x.programme_target) {
      out << "<p>Targets: "
          << Html(ProgrammeTargetsText(g, r, x, x.targets.size())) << ".</p>\n";
    }
    out << "<p>Example path:</p><ul>";
    for (const Hop& h : x.example.hops) {
      out << "<li>" << Html(ExplainHop(g, h).summary) << "</li>";
    }
    out << "</ul>\n<p>Records:</p><ul>\n";
    size_t shown = 0;
    for (EdgeId e : x.edge_list) {
      if (shown++ >= max_edges_per_route) break;
      const EdgeInfo info = g.edge(e);
      const HopDetail d = ExplainHop(g, Hop{e, info.from, info.to, true});
      out << "<li>" << Html(d.summary);
      for (const EvidenceDetail& ev : d.evidence) {
        out << "<br>" << Html(ev.source ? (ev.source->publisher().empty()
                                              ? ev.source->id()
                                              : ev.source->publisher())
                                        : ev.evidence.source_id());
        if (ev.source && !ev.source->url().empty()) {
          out << " (" << Html(ev.source->url()) << ")";
        }
        if (!ev.speaker_name.empty()) out << ", said by " << Html(ev.speaker_name);
        if (!ev.evidence.quote().empty()) {
          out << "<blockquote>" << Html(ev.evidence.quote()) << "</blockquote>";
        }
      }
      out << "</li>\n";
    }
    out << "</ul>\n";
    if (x.edge_list.size() > max_edges_per_route) {
      out << "<p class=\"note\">" << Count(x.edge_list.size() - max_edges_per_route)
          << " more records of this route are not listed here (the JSON and "
             "CSV reports and <code>embargo paths</code> give them).</p>\n";
    }
    out << "</details>\n";
  }
  out << "</body></html>\n";
  return out.str();
}

}  // namespace embargo
