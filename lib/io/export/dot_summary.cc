// Pictures that stay legible however large the answer: parallel edges
// collapsed into one labelled edge, and beyond a node cap the least
// connected nodes folded into one box per kind. See DotOptions (export.h).

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "embargo/export.h"
#include "embargo/kinds.h"
#include "lib/io/export/common.h"

namespace embargo::internal {
namespace {

std::string Quote(absl::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    if (static_cast<unsigned char>(c) >= 0x20) out += c;
  }
  return out + "\"";
}

std::string Year(int32_t day) { return FormatDay(day).substr(0, 4); }

struct Agg {
  uint64_t edges = 0;
  int32_t lo = kMaxDay, hi = kMinDay;
  std::map<std::string, uint64_t> items;
  double share = 0;
  bool sanction = false;
  // Transfers: the designations, and the numbers and TIVs delivered, summed
  // over the edges whose source gives them.
  std::set<std::string> designations;
  uint64_t transfers = 0, counted = 0, valued = 0;
  int64_t delivered = 0;
  double tiv_delivered = 0;
};

// Known renders "of k known" when only some of n edges gave the number.
std::string Known(uint64_t known, uint64_t all) {
  return known == all ? "" : absl::StrCat(" (", known, " of ", all, " known)");
}

}  // namespace

std::string SummaryDot(const Graph& graph, const Subgraph& sub,
                       const DotOptions& options) {
  // Degrees within the subgraph decide which nodes stay.
  absl::flat_hash_map<uint32_t, uint64_t> degree;
  for (EdgeId e : sub.edges) {
    const EdgeInfo info = graph.edge(e);
    ++degree[info.from.value()];
    ++degree[info.to.value()];
  }
  absl::flat_hash_set<uint32_t> ends;
  for (NodeId n : sub.endpoints) ends.insert(n.value());
  std::vector<NodeId> order = sub.nodes;
  std::stable_sort(order.begin(), order.end(), [&](NodeId a, NodeId b) {
    const bool ea = ends.contains(a.value()), eb = ends.contains(b.value());
    if (ea != eb) return ea;
    return degree[a.value()] > degree[b.value()];
  });
  const size_t cap = options.max_nodes == 0 ? order.size()
                                            : std::max<size_t>(options.max_nodes, 2);
  // Node -> drawn id: itself, or its kind's box.
  absl::flat_hash_map<uint32_t, std::string> drawn;
  std::map<std::string, std::vector<NodeId>> folded;  // Box id -> members.
  for (size_t i = 0; i < order.size(); ++i) {
    const NodeId n = order[i];
    if (i < cap || ends.contains(n.value())) {
      drawn[n.value()] = std::string(graph.node_id(n));
    } else {
      const std::string box =
          absl::StrCat("other ", NodeKindName(graph.node_kind(n)));
      drawn[n.value()] = box;
      folded[box].push_back(n);
    }
  }
  std::map<std::tuple<std::string, std::string, std::string>, Agg> edges;
  uint64_t inside = 0;
  for (EdgeId e : sub.edges) {
    const EdgeInfo info = graph.edge(e);
    const std::string& a = drawn[info.from.value()];
    const std::string& b = drawn[info.to.value()];
    if (a == b) {
      ++inside;  // Between two members of one box.
      continue;
    }
    std::string kind(EdgeKindName(info.kind));
    if (!options.collapse_parallel) {
      kind = absl::StrCat(kind, "#", e.value());  // One edge each.
    }
    Agg& agg = edges[{a, b, kind}];
    ++agg.edges;
    if (info.days.lo != kMinDay) agg.lo = std::min(agg.lo, info.days.lo);
    if (info.days.hi != kMaxDay) agg.hi = std::max(agg.hi, info.days.hi);
    if (info.item != v1::ITEM_UNSPECIFIED) ++agg.items[ItemName(info.item)];
    agg.share = std::max(agg.share, info.share_percent);
    agg.sanction = info.kind == EdgeKind::kSanction;
    if (info.kind == EdgeKind::kTransfer || info.kind == EdgeKind::kTransferVia) {
      const internal::EdgeFacts f = internal::FactsOfEdge(graph, e);
      ++agg.transfers;
      if (!f.designation.empty()) agg.designations.insert(f.designation);
      if (f.quantity > 0) {
        ++agg.counted;
        agg.delivered += f.quantity;
      }
      if (f.tiv_delivered > 0) {
        ++agg.valued;
        agg.tiv_delivered += f.tiv_delivered;
      }
    }
  }

  std::ostringstream out;
  out << "digraph embargo {\n  graph [rankdir=" << Quote(options.rank_direction)
      << ", fontname=" << Quote(kDotFonts)
      << ", fontsize=12, nodesep=0.35, ranksep=0.9";
  if (!options.title.empty()) {
    out << ", label=" << Quote(options.title) << ", labelloc=t";
  }
  out << "];\n  node [fontname=" << Quote(kDotFonts)
      << ", fontsize=10, style=filled, shape=box, fillcolor=\"#fff2cc\"];\n"
      << "  edge [fontname=" << Quote(kDotFonts) << ", fontsize=8];\n";
  for (size_t i = 0; i < order.size() && i < cap; ++i) {
    const NodeId n = order[i];
    std::string label(graph.node_name(n));
    if (graph.node_name(n) != graph.node_id(n)) {
      absl::StrAppend(&label, "\n(", graph.node_id(n), ")");
    }
    const bool sanctioned = IsSanctioned(graph, n);
    if (sanctioned) absl::StrAppend(&label, "\n[sanctioned]");
    out << "  " << Quote(graph.node_id(n)) << " [label=" << Quote(label);
    if (graph.node_kind(n) == NodeKind::kState) out << ", fillcolor=\"#cfe2f3\"";
    if (sanctioned) out << ", color=\"#cc0000\", penwidth=2";
    if (ends.contains(n.value())) out << ", peripheries=2";
    out << "];\n";
  }
  for (size_t i = cap; i < order.size(); ++i) {
    const NodeId n = order[i];
    if (!ends.contains(n.value())) continue;
    out << "  " << Quote(graph.node_id(n)) << " [label="
        << Quote(graph.node_name(n)) << ", peripheries=2];\n";
  }
  for (const auto& [box, members] : folded) {
    std::vector<std::string> top;
    for (size_t i = 0; i < members.size() && i < 3; ++i) {
      top.emplace_back(graph.node_name(members[i]));
    }
    out << "  " << Quote(box) << " [label="
        << Quote(absl::StrCat(members.size(), " more ",
                              NodeKindName(graph.node_kind(members[0])),
                              members.size() == 1 ? "" : "s", "\ntop: ",
                              absl::StrJoin(top, ", "),
                              members.size() > 3 ? ", ..." : ""))
        << ", style=\"filled,dashed\", fillcolor=\"#eeeeee\"];\n";
  }
  for (const auto& [key, agg] : edges) {
    const auto& [a, b, kind_key] = key;
    const std::string kind = kind_key.substr(0, kind_key.find('#'));
    std::vector<std::string> lines;
    lines.push_back(agg.edges > 1 ? absl::StrCat(kind, " x", agg.edges) : kind);
    if (agg.lo <= agg.hi) {
      const std::string lo = Year(agg.lo), hi = Year(agg.hi);
      lines.push_back(lo == hi ? lo : absl::StrCat(lo, "-", hi));
    }
    std::vector<std::pair<uint64_t, std::string>> items;
    for (const auto& [item, c] : agg.items) items.push_back({c, item});
    std::sort(items.rbegin(), items.rend());
    std::vector<std::string> top;
    for (size_t i = 0; i < items.size() && i < 2; ++i) {
      top.push_back(agg.edges > 1 ? absl::StrCat(items[i].second, " ", items[i].first)
                                  : items[i].second);
    }
    if (!top.empty()) lines.push_back(absl::StrJoin(top, ", "));
    if (agg.share > 0) lines.push_back(absl::StrCat("owns up to ", agg.share, "%"));
    if (!agg.designations.empty()) {
      std::vector<std::string> names;
      for (const std::string& d : agg.designations) {
        if (names.size() == 2) break;
        names.push_back(d);
      }
      if (agg.designations.size() > 2) {
        names.push_back(absl::StrCat("+", agg.designations.size() - 2));
      }
      lines.push_back(absl::StrJoin(names, ", "));
    }
    if (agg.counted > 0) {
      lines.push_back(absl::StrCat(agg.delivered, " delivered",
                                   Known(agg.counted, agg.transfers)));
    }
    if (agg.valued > 0) {
      lines.push_back(absl::StrCat("TIV ", agg.tiv_delivered, " delivered",
                                   Known(agg.valued, agg.transfers)));
    }
    const bool transfer = kind == "transfer" || kind == "transfer_via";
    const char* color = transfer ? "#990000" : agg.sanction ? "#cc0000" : "#1f4e79";
    out << "  " << Quote(a) << " -> " << Quote(b) << " [label="
        << Quote(absl::StrJoin(lines, "\n")) << ", color=\"" << color
        << "\", fontcolor=\"" << color << "\", penwidth="
        << std::min<uint64_t>(1 + agg.edges / 10, 5)
        << (agg.sanction ? ", arrowhead=tee" : "") << "];\n";
  }
  if (!folded.empty()) {
    size_t members = 0;
    for (const auto& [box, list] : folded) members += list.size();
    out << "  note [shape=note, style=filled, fillcolor=\"#ffffff\", label="
        << Quote(absl::StrCat("Drawn: ", order.size() - members, " of ",
                              order.size(), " nodes; ", members,
                              " folded into one box per kind",
                              inside > 0 ? absl::StrCat(" (", inside,
                                                        " edges among them not drawn)")
                                         : std::string()))
        << "];\n";
  }
  out << "}\n";
  return out.str();
}

}  // namespace embargo::internal
