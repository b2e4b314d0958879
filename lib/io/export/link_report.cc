// Link reports for people. See embargo/link_report.h.

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

namespace embargo {
namespace {

using Json = nlohmann::ordered_json;

// Thousands separated by commas: 9551234 -> "9,551,234".
std::string Count(uint64_t n) {
  std::string s = absl::StrCat(n);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(i, ",");
  return s;
}

std::string Year(int32_t day) { return FormatDay(day).substr(0, 4); }

// "1950-2021", "2016-(open)", "?" when no edge is dated; "+N undated".
std::string Years(const LinkRoute& r) {
  std::string out;
  if (r.days.lo > r.days.hi) {
    out = "?";
  } else {
    const std::string lo = r.days.lo == kMinDay ? "?" : Year(r.days.lo);
    const std::string hi = r.days.hi == kMaxDay ? "open" : Year(r.days.hi);
    out = lo == hi ? lo : absl::StrCat(lo, "-", hi);
  }
  return out;
}

std::string Items(const LinkRoute& r, size_t max) {
  std::vector<std::string> parts;
  for (size_t i = 0; i < r.items.size() && i < max; ++i) {
    parts.push_back(absl::StrCat(ItemName(r.items[i].first), " ",
                                 r.items[i].second));
  }
  if (r.items.size() > max) parts.push_back("...");
  return absl::StrJoin(parts, ", ");
}

// Cut shortens UTF-8 text to at most `max` characters.
std::string Cut(const std::string& s, size_t max) {
  size_t chars = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (chars == max - 1 && i < s.size()) {
        size_t rest = 0;
        for (size_t j = i; j < s.size(); ++j) {
          rest += (static_cast<unsigned char>(s[j]) & 0xC0) != 0x80;
        }
        if (rest > 1) return s.substr(0, i) + "~";
      }
      ++chars;
    }
  }
  return s;
}

size_t Width(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string Pad(const std::string& s, size_t w) {
  const size_t n = Width(s);
  return n >= w ? s : s + std::string(w - n, ' ');
}

std::string NodeLabel(const Graph& g, NodeId n) {
  if (g.node_name(n) == g.node_id(n)) return std::string(g.node_id(n));
  return absl::StrCat(g.node_id(n), " (", g.node_name(n), ")");
}

std::string FilterText(const Filter& f) {
  std::vector<std::string> parts;
  if (!(f.edge_kinds == AllEdgeKinds())) {
    std::vector<std::string> kinds;
    for (int k = 0; k < kNumEdgeKinds; ++k) {
      if (f.edge_kinds.Contains(static_cast<EdgeKind>(k))) {
        kinds.emplace_back(EdgeKindName(static_cast<EdgeKind>(k)));
      }
    }
    parts.push_back(absl::StrCat("kinds ", absl::StrJoin(kinds, ",")));
  }
  if (!(f.items == AllItems())) parts.push_back("some items only");
  if (f.from.known()) parts.push_back(absl::StrCat("from ", f.from.ToString()));
  if (f.until.known()) {
    parts.push_back(absl::StrCat("until ", f.until.ToString()));
  }
  if (f.date_match == DateMatch::kCertain) parts.push_back("dates certain");
  parts.push_back(absl::StrCat("status >= ", StatusName(f.min_status)));
  if (!(f.node_kinds == AllNodeKinds())) parts.push_back("some node kinds only");
  if (f.direction != Direction::kEither) {
    parts.push_back(absl::StrCat("direction ", DirectionName(f.direction)));
  }
  if (f.chronological) {
    parts.push_back(f.max_gap_days >= 0
                        ? absl::StrCat("chronological, transfer gap <= ",
                                       f.max_gap_days, " days")
                        : "chronological");
  }
  return absl::StrJoin(parts, "; ");
}

std::string Headline(const Graph& g, const LinkReport& r) {
  std::string s = absl::StrCat(
      NodeLabel(g, r.from), " to ", r.target_label, ": ", Count(r.total_paths),
      r.total_paths == 1 ? " path" : " paths", " of at most ", r.max_hops,
      r.max_hops == 1 ? " hop" : " hops", " in ", Count(r.routes.size()),
      r.routes.size() == 1 ? " route" : " routes");
  if (!r.complete) {
    absl::StrAppend(&s, " (INCOMPLETE: the walk stopped, ", r.stop_reason,
                    "; the counts are lower bounds)");
  }
  return s;
}

std::string ScoreText(double s) { return absl::StrFormat("%.2f", s); }

// FirstSource names the first source of an edge ("SIPRI" / its id).
std::string FirstSource(const HopDetail& d) {
  for (const EvidenceDetail& e : d.evidence) {
    if (e.source != nullptr) {
      return e.source->publisher().empty() ? e.source->id()
                                           : e.source->publisher();
    }
    return e.evidence.source_id();
  }
  return "no source";
}

std::string ExampleIds(const LinkRoute& r, const Graph& g) {
  std::vector<std::string> ids;
  for (const Hop& h : r.example.hops) ids.push_back(g.EdgeRecordId(h.edge));
  return absl::StrJoin(ids, " / ");
}

std::string Html(absl::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += "\"\"";
    else if (c == '\n' || c == '\r') out += ' ';
    else out += c;
  }
  return out + "\"";
}

std::string Markdown(std::string s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += ' ';
    else out += c;
  }
  return out;
}

std::string LeftOut(const LinkReport& r, size_t shown) {
  if (shown >= r.routes.size()) return "";
  uint64_t paths = 0;
  for (size_t i = shown; i < r.routes.size(); ++i) paths += r.routes[i].paths;
  return absl::StrCat(Count(r.routes.size() - shown), " more route(s) with ",
                      Count(paths), " path(s)");
}

Json EvidenceJson(const EvidenceDetail& e) {
  Json ev;
  ev["source_id"] = e.evidence.source_id();
  ev["publisher"] = e.source ? e.source->publisher() : "";
  ev["title"] = e.source ? e.source->title() : "";
  ev["url"] = e.source ? e.source->url() : "";
  ev["speaker"] = e.speaker_name;
  ev["quote"] = e.evidence.quote();
  ev["translation"] = e.evidence.translation();
  ev["status_words"] = e.evidence.status_words();
  return ev;
}

}  // namespace

std::string LinksText(const Graph& g, const LinkReport& r, size_t max_routes,
                      size_t max_examples) {
  std::ostringstream out;
  out << Headline(g, r) << "\n";
  out << "Filter: " << FilterText(r.filter) << ". Score: evidence x recency"
      << " / hops^2 (see --help).\n";
  if (r.routes.empty()) {
    out << "No path with these filters.\n";
    return out.str();
  }
  out << "\n";
  const size_t n = std::min(max_routes, r.routes.size());
  const std::vector<std::string> head = {"#",     "route",  "paths",
                                         "years", "items",  "status",
                                         "src",   "score"};
  const std::vector<size_t> width = {3, 46, 10, 10, 30, 9, 4, 5};
  std::string line;
  for (size_t c = 0; c < head.size(); ++c) line += Pad(head[c], width[c] + 1);
  while (!line.empty() && line.back() == ' ') line.pop_back();
  out << line << "\n";
  for (size_t i = 0; i < n; ++i) {
    const LinkRoute& x = r.routes[i];
    std::string items = Items(x, 3);
    if (items.empty()) items = "-";
    const std::vector<std::string> row = {
        absl::StrCat(i + 1),        Cut(x.label, 46),
        Count(x.paths),             Years(x),
        Cut(items, 30),             StatusName(x.strongest_status),
        absl::StrCat(x.sources),    ScoreText(x.score)};
    line.clear();
    for (size_t c = 0; c < row.size(); ++c) line += Pad(row[c], width[c] + 1);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << "\n";
    if (x.folded && !x.top_intermediaries.empty()) {
      std::vector<std::string> names;
      for (const auto& [node, paths] : x.top_intermediaries) {
        names.push_back(absl::StrCat(g.node_id(node), " ", Count(paths)));
      }
      out << "    " << Cut(absl::StrCat(Count(x.node_sequences),
                                        " sequences; most paths via ",
                                        absl::StrJoin(names, ", ")),
                           110)
          << "\n";
    }
  }
  const size_t ex = std::min(max_examples, n);
  if (ex > 0) out << "\nBest-supported example of route";
  if (ex > 1) out << "s 1-" << ex;
  if (ex == 1) out << " 1";
  if (ex > 0) out << ":\n";
  for (size_t i = 0; i < ex; ++i) {
    const LinkRoute& x = r.routes[i];
    for (const Hop& h : x.example.hops) {
      const HopDetail d = ExplainHop(g, h);
      out << "  " << (i + 1) << ". " << Cut(d.summary, 100) << " ["
          << FirstSource(d) << "]\n";
    }
  }
  const std::string left = LeftOut(r, n);
  out << "\n";
  if (!left.empty()) {
    out << "Not shown: " << left
        << " (--json, --csv, --markdown or --html give every route).\n";
  }
  out << "Every quote: --html FILE or --markdown; one route's paths: "
         "embargo paths.\n";
  return out.str();
}

std::string LinksMarkdown(const Graph& g, const LinkReport& r) {
  std::ostringstream out;
  out << "# Links: " << Markdown(NodeLabel(g, r.from)) << " to "
      << Markdown(r.target_label) << "\n\n";
  out << Markdown(Headline(g, r)) << ".\n\n";
  out << "Filter: " << Markdown(FilterText(r.filter)) << ". Reference year "
      << r.reference_year << ". Score = status weight x (1 + log2(1 + "
      << "sources)) x recency / hops^2.\n\n";
  out << "| # | route | hops | paths | node sequences | records | years | "
         "items | strongest status | sources | score |\n";
  out << "|---|---|---|---|---|---|---|---|---|---|---|\n";
  for (size_t i = 0; i < r.routes.size(); ++i) {
    const LinkRoute& x = r.routes[i];
    out << "| " << i + 1 << " | " << Markdown(x.label) << " | "
        << x.steps.size() << " | " << Count(x.paths) << " | "
        << Count(x.node_sequences) << " | " << Count(x.edges) << " | "
        << Years(x) << " | " << Markdown(Items(x, 4)) << " | "
        << StatusName(x.strongest_status) << " | " << x.sources << " | "
        << ScoreText(x.score) << " |\n";
  }
  out << "\n## Example paths\n";
  for (size_t i = 0; i < r.routes.size(); ++i) {
    const LinkRoute& x = r.routes[i];
    out << "\n### " << i + 1 << ". " << Markdown(x.label) << "\n\n";
    if (x.folded) {
      std::vector<std::string> names;
      for (const auto& [node, paths] : x.top_intermediaries) {
        names.push_back(absl::StrCat(Markdown(NodeLabel(g, node)), " (",
                                     Count(paths), ")"));
      }
      out << Count(x.node_sequences) << " sequences of intermediaries; most "
          << "paths via " << absl::StrJoin(names, ", ") << ".\n\n";
    }
    for (const Hop& h : x.example.hops) {
      const HopDetail d = ExplainHop(g, h);
      out << "- " << Markdown(d.summary) << "\n";
      for (const EvidenceDetail& e : d.evidence) {
        out << "  - " << Markdown(e.source ? (e.source->publisher().empty()
                                                  ? e.source->id()
                                                  : e.source->publisher())
                                           : e.evidence.source_id());
        if (e.source && !e.source->title().empty()) {
          out << ", \"" << Markdown(e.source->title()) << "\"";
        }
        if (!e.speaker_name.empty()) out << "; said by " << Markdown(e.speaker_name);
        if (!e.evidence.quote().empty()) {
          out << ": \"" << Markdown(e.evidence.quote()) << "\"";
        }
        out << "\n";
      }
    }
  }
  return out.str();
}

std::string LinksCsv(const Graph& g, const LinkReport& r) {
  std::ostringstream out;
  out << "rank,label,hops,steps,intermediaries,targets,paths,node_sequences,"
         "edges,first_day,last_day,undated_edges,items,strongest_status,"
         "sources,score,example\n";
  for (size_t i = 0; i < r.routes.size(); ++i) {
    const LinkRoute& x = r.routes[i];
    std::vector<std::string> steps, inter, targets, items;
    for (const LinkStep& s : x.steps) {
      steps.push_back(absl::StrCat(s.along ? "" : "<", EdgeKindName(s.kind),
                                   s.along ? ">" : ""));
    }
    if (x.folded) {
      for (NodeKind k : x.intermediary_kinds) {
        inter.push_back(absl::StrCat("[", NodeKindName(k), "]"));
      }
    } else {
      for (NodeId n : x.intermediaries) inter.emplace_back(g.node_id(n));
    }
    for (const auto& [t, c] : x.targets) targets.emplace_back(g.node_id(t));
    for (const auto& [item, c] : x.items) {
      items.push_back(absl::StrCat(ItemName(item), " ", c));
    }
    const std::vector<std::string> row = {
        absl::StrCat(i + 1),
        x.label,
        absl::StrCat(x.steps.size()),
        absl::StrJoin(steps, " "),
        absl::StrJoin(inter, " "),
        absl::StrJoin(targets, " "),
        absl::StrCat(x.paths),
        absl::StrCat(x.node_sequences),
        absl::StrCat(x.edges),
        x.days.lo > x.days.hi || x.days.lo == kMinDay ? "" : FormatDay(x.days.lo),
        x.days.lo > x.days.hi || x.days.hi == kMaxDay ? "" : FormatDay(x.days.hi),
        absl::StrCat(x.undated_edges),
        absl::StrJoin(items, "; "),
        StatusName(x.strongest_status),
        absl::StrCat(x.sources),
        ScoreText(x.score),
        ExampleIds(x, g)};
    std::vector<std::string> quoted;
    for (const std::string& f : row) quoted.push_back(CsvField(f));
    out << absl::StrJoin(quoted, ",") << "\n";
  }
  return out.str();
}

std::string LinksJson(const Graph& g, const LinkReport& r) {
  auto node = [&](NodeId n) {
    Json j;
    j["id"] = std::string(g.node_id(n));
    j["name"] = std::string(g.node_name(n));
    j["kind"] = std::string(NodeKindName(g.node_kind(n)));
    return j;
  };
  Json j;
  j["command"] = "links";
  j["from"] = node(r.from);
  j["target_label"] = r.target_label;
  Json targets = Json::array();
  for (size_t i = 0; i < r.targets.size() && i < 1000; ++i) {
    targets.push_back(std::string(g.node_id(r.targets[i])));
  }
  j["targets"] = targets;
  j["target_count"] = r.targets.size();
  j["max_hops"] = r.max_hops;
  j["filter"] = FilterText(r.filter);
  j["chronological"] = r.filter.chronological;
  j["reference_year"] = r.reference_year;
  j["total_paths"] = r.total_paths;
  j["node_sequences"] = r.node_sequences;
  j["route_count"] = r.routes.size();
  j["complete"] = r.complete;
  j["stop_reason"] = r.stop_reason;
  Json routes = Json::array();
  for (size_t i = 0; i < r.routes.size(); ++i) {
    const LinkRoute& x = r.routes[i];
    Json o;
    o["rank"] = i + 1;
    o["label"] = x.label;
    Json steps = Json::array();
    for (const LinkStep& s : x.steps) {
      steps.push_back({{"kind", std::string(EdgeKindName(s.kind))},
                       {"along", s.along}});
    }
    o["steps"] = steps;
    o["folded"] = x.folded;
    Json inter = Json::array();
    for (NodeId n : x.intermediaries) inter.push_back(node(n));
    o["intermediaries"] = inter;
    Json kinds = Json::array();
    for (NodeKind k : x.intermediary_kinds) kinds.push_back(std::string(NodeKindName(k)));
    o["intermediary_kinds"] = kinds;
    Json top = Json::array();
    for (const auto& [n, c] : x.top_intermediaries) {
      Json t = node(n);
      t["paths"] = c;
      top.push_back(t);
    }
    o["top_intermediaries"] = top;
    Json tj = Json::array();
    for (const auto& [n, c] : x.targets) {
      Json t = node(n);
      t["paths"] = c;
      tj.push_back(t);
    }
    o["targets"] = tj;
    o["paths"] = x.paths;
    o["node_sequences"] = x.node_sequences;
    o["edges"] = x.edges;
    o["first_day"] = x.days.lo > x.days.hi || x.days.lo == kMinDay ? "" : FormatDay(x.days.lo);
    o["last_day"] = x.days.lo > x.days.hi || x.days.hi == kMaxDay ? "" : FormatDay(x.days.hi);
    o["open_ended"] = x.days.hi == kMaxDay;
    o["undated_edges"] = x.undated_edges;
    Json items = Json::object();
    for (const auto& [item, c] : x.items) items[ItemName(item)] = c;
    o["items"] = items;
    o["strongest_status"] = StatusName(x.strongest_status);
    o["sources"] = x.sources;
    o["score"] = x.score;
    Json hops = Json::array();
    for (const Hop& h : x.example.hops) {
      const HopDetail d = ExplainHop(g, h);
      Json hj;
      hj["from"] = std::string(g.node_id(h.from));
      hj["to"] = std::string(g.node_id(h.to));
      hj["along"] = h.along;
      hj["edge_kind"] = std::string(EdgeKindName(d.info.kind));
      hj["record_id"] = d.record_id;
      hj["summary"] = d.summary;
      Json ev = Json::array();
      for (const EvidenceDetail& e : d.evidence) ev.push_back(EvidenceJson(e));
      hj["evidence"] = ev;
      hops.push_back(hj);
    }
    o["example"] = hops;
    routes.push_back(o);
  }
  j["routes"] = routes;
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

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
      node_lines[ids.back()] = absl::StrCat(
          "label=", Json(absl::StrCat(Count(x.targets.size()), " targets\nmost: ",
                                      g.node_id(x.targets.front().first))).dump(),
          ", shape=box, fillcolor=\"#f4cccc\"");
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
