// Link reports for people: the terminal page, Markdown, CSV and JSON. See
// embargo/link_report.h; the picture and the HTML are in
// link_report_picture.cc.

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

std::string LinksText(const Graph& g, const LinkReport& r, size_t max_routes,
                      size_t max_examples) {
  std::ostringstream out;
  out << Headline(g, r) << "\n";
  out << "Filter: " << FilterText(r.filter) << ". Score: evidence x recency"
      << " / hops^2 (see --help).\n";
  if (const std::string p = ProgrammeLine(g, r); !p.empty()) out << p << "\n";
  if (r.through_sanctioning_paths > 0) {
    out << "Left out: " << Count(r.through_sanctioning_paths)
        << " path(s) through an authority between two of its sanctions (being "
           "sanctioned by one authority is no link; --through-sanctioning keeps them).\n";
  }
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
    if (x.programme_target) {
      out << "    " << Cut(ProgrammeTargetsText(g, r, x, 4), 110) << "\n";
    }
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
  if (const std::string p = ProgrammeLine(g, r); !p.empty()) {
    out << Markdown(p) << "\n\n";
  }
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
    if (x.programme_target) {
      out << "Targets: " << Markdown(ProgrammeTargetsText(g, r, x, x.targets.size()))
          << ".\n\n";
    }
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
         "sources,score,example,programme_target\n";
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
        ExampleIds(x, g),
        x.programme_target ? "true" : "false"};
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
  j["through_sanctioning_paths"] = r.through_sanctioning_paths;
  j["node_sequences"] = r.node_sequences;
  size_t programme_routes = 0;
  for (const LinkRoute& x : r.routes) programme_routes += x.programme_target;
  j["route_count"] = r.routes.size() - programme_routes;
  j["programme_route_count"] = programme_routes;
  j["complete"] = r.complete;
  j["stop_reason"] = r.stop_reason;
  if (r.programme_targets) {
    Json p;
    Json list = Json::array();
    for (const StateProgramme& s : r.programmes) {
      list.push_back({{"authority", s.authority_id},
                      {"program", s.program},
                      {"basis", s.basis}});
    }
    p["programmes"] = list;
    p["as_of"] = r.programmes_as_of.ToString();
    p["as_of_is_today"] = r.programmes_as_of_today;
    p["targets"] = r.programme_targets_total;
    p["targets_linked"] = r.programme_targets_linked;
    p["links"] = r.programme_target_paths;
    p["targets_linked_possibly_in_force"] = r.programme_targets_possible;
    Json linked = Json::array();
    for (const LinkReport::ProgrammeTarget& t : r.linked_programme_targets) {
      Json o = node(t.node);
      o["programmes"] = t.programmes;
      o["certain"] = t.certain;
      linked.push_back(o);
    }
    p["linked"] = linked;
    j["programme_targets"] = p;
  }
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
    o["programme_target"] = x.programme_target;
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

}  // namespace embargo
