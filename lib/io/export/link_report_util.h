// Helpers shared by the link report formatters (link_report.cc,
// link_report_picture.cc): numbers, years, labels and escapes.

#ifndef EMBARGO_IO_EXPORT_LINK_REPORT_UTIL_H_
#define EMBARGO_IO_EXPORT_LINK_REPORT_UTIL_H_

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
#include "embargo/links.h"

namespace embargo::internal::link_report {

using Json = nlohmann::ordered_json;

// Thousands separated by commas: 9551234 -> "9,551,234".
inline std::string Count(uint64_t n) {
  std::string s = absl::StrCat(n);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(i, ",");
  return s;
}

inline std::string Year(int32_t day) { return FormatDay(day).substr(0, 4); }

// "1950-2021", "2016-(open)", "?" when no edge is dated; "+N undated".
inline std::string Years(const LinkRoute& r) {
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

inline std::string Items(const LinkRoute& r, size_t max) {
  std::vector<std::string> parts;
  for (size_t i = 0; i < r.items.size() && i < max; ++i) {
    parts.push_back(absl::StrCat(ItemName(r.items[i].first), " ",
                                 r.items[i].second));
  }
  if (r.items.size() > max) parts.push_back("...");
  return absl::StrJoin(parts, ", ");
}

// Cut shortens UTF-8 text to at most `max` characters.
inline std::string Cut(const std::string& s, size_t max) {
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

inline size_t Width(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

inline std::string Pad(const std::string& s, size_t w) {
  const size_t n = Width(s);
  return n >= w ? s : s + std::string(w - n, ' ');
}

inline std::string NodeLabel(const Graph& g, NodeId n) {
  if (g.node_name(n) == g.node_id(n)) return std::string(g.node_id(n));
  return absl::StrCat(g.node_id(n), " (", g.node_name(n), ")");
}

inline std::string FilterText(const Filter& f) {
  std::vector<std::string> parts;
  if (!(f.edge_kinds == DefaultEdgeKinds())) {
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

inline std::string Headline(const Graph& g, const LinkReport& r) {
  size_t routes = 0;
  for (const LinkRoute& x : r.routes) routes += !x.programme_target;
  std::string s = absl::StrCat(
      NodeLabel(g, r.from), " to ", r.target_label, ": ", Count(r.total_paths),
      r.total_paths == 1 ? " path" : " paths", " of at most ", r.max_hops,
      r.max_hops == 1 ? " hop" : " hops", " in ", Count(routes),
      routes == 1 ? " route" : " routes");
  if (!r.complete) {
    absl::StrAppend(&s, " (INCOMPLETE: the walk stopped, ", r.stop_reason,
                    "; the counts are lower bounds)");
  }
  return s;
}

// ProgrammeTargetsText names the first `n` targets of a programme target
// route with their programmes: "OFAC-24451 GUDZON SHIPPING CO LLC (OFAC
// DPRK4), ...; 3 more".
inline std::string ProgrammeTargetsText(const Graph& g, const LinkReport& r,
                                        const LinkRoute& x, size_t n) {
  std::vector<std::string> parts;
  for (size_t i = 0; i < x.targets.size() && i < n; ++i) {
    const NodeId t = x.targets[i].first;
    std::string s = absl::StrCat(g.node_id(t), " ", g.node_name(t));
    for (const LinkReport::ProgrammeTarget& p : r.linked_programme_targets) {
      if (p.node != t) continue;
      absl::StrAppend(&s, " (", absl::StrJoin(p.programmes, ", "),
                      p.certain ? "" : "; possibly in force", ")");
    }
    parts.push_back(std::move(s));
  }
  std::string text = absl::StrJoin(parts, "; ");
  if (x.targets.size() > n) {
    absl::StrAppend(&text, "; ", x.targets.size() - n, " more");
  }
  return text;
}

// ProgrammeLine says what the programme target routes hold and on which
// programmes and date they rest; "" when they were not asked for.
inline std::string ProgrammeLine(const Graph& g, const LinkReport& r) {
  if (!r.programme_targets) return "";
  const std::string to =
      r.targets.empty() ? std::string("the target")
                        : std::string(g.node_id(r.targets.front()));
  if (r.programmes.empty()) {
    return absl::StrCat("No sanctions programme concerning ", to,
                        " in the lists loaded.");
  }
  std::vector<std::string> names;
  std::string authority;
  for (const StateProgramme& p : r.programmes) {
    if (p.authority_id != authority) {
      authority = p.authority_id;
      names.push_back(absl::StrCat(authority, " ", p.program));
    } else {
      names.back() += absl::StrCat(", ", p.program);
    }
  }
  size_t routes = 0;
  for (const LinkRoute& x : r.routes) routes += x.programme_target;
  return absl::StrCat(
      "Targets of ", to, " programmes in force on ",
      r.programmes_as_of.ToString(),
      r.programmes_as_of_today ? " (today; --as-of for another day)" : "",
      ": ", Count(r.programme_targets_total),
      ", of which ", Count(r.programme_targets_linked), " linked to ",
      g.node_id(r.from), " by a country link, nationality or flag (",
      Count(r.programme_target_paths), " link(s) in ", routes, " route(s)",
      r.programme_targets_possible == 0
          ? std::string()
          : absl::StrCat("; ", Count(r.programme_targets_possible),
                         " of them only possibly in force on that day"),
      ").\nProgrammes concerning ", to, ": ",
      absl::StrJoin(names, "; "),
      " (programmes of no one country, such as NPWMD or SDGT, are not "
      "counted).");
}

inline std::string ScoreText(double s) { return absl::StrFormat("%.2f", s); }

// FirstSource names the first source of an edge ("SIPRI" / its id).
inline std::string FirstSource(const HopDetail& d) {
  for (const EvidenceDetail& e : d.evidence) {
    if (e.source != nullptr) {
      return e.source->publisher().empty() ? e.source->id()
                                           : e.source->publisher();
    }
    return e.evidence.source_id();
  }
  return "no source";
}

inline std::string ExampleIds(const LinkRoute& r, const Graph& g) {
  std::vector<std::string> ids;
  for (const Hop& h : r.example.hops) ids.push_back(g.EdgeRecordId(h.edge));
  return absl::StrJoin(ids, " / ");
}

inline std::string Html(absl::string_view s) {
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

inline std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += "\"\"";
    else if (c == '\n' || c == '\r') out += ' ';
    else out += c;
  }
  return out + "\"";
}

inline std::string Markdown(std::string s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += ' ';
    else out += c;
  }
  return out;
}

inline std::string LeftOut(const LinkReport& r, size_t shown) {
  if (shown >= r.routes.size()) return "";
  uint64_t paths = 0, routes = 0, programme_routes = 0, links = 0;
  for (size_t i = shown; i < r.routes.size(); ++i) {
    if (r.routes[i].programme_target) {
      ++programme_routes;
      links += r.routes[i].paths;
    } else {
      ++routes;
      paths += r.routes[i].paths;
    }
  }
  std::string s = routes == 0 ? std::string()
                              : absl::StrCat(Count(routes), " more route(s) with ",
                                             Count(paths), " path(s)");
  if (programme_routes > 0) {
    absl::StrAppend(&s, s.empty() ? "" : " and ", Count(programme_routes),
                    " programme target route(s) with ", Count(links), " link(s)");
  }
  return s;
}

inline Json EvidenceJson(const EvidenceDetail& e) {
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


}  // namespace embargo::internal::link_report

#endif  // EMBARGO_IO_EXPORT_LINK_REPORT_UTIL_H_
