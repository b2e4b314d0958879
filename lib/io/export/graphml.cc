// GraphML export. See embargo/export.h.
//
// The file declares its attribute keys first (GraphML requires keys before
// the graph) and writes each node and edge with every attribute, empty ones
// included, so that every tool sees the same columns on every element.

#include <fstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "embargo/export.h"
#include "embargo/kinds.h"
#include "lib/internal/status_macros.h"
#include "lib/io/export/common.h"

namespace embargo {
namespace {

// XmlEscape escapes text for an XML 1.0 attribute or element: the five
// entities, line ends as character references (attribute values would
// otherwise fold them into spaces), and U+FFFD for the control characters
// XML 1.0 forbids.
std::string XmlEscape(absl::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\n': out += "&#10;"; break;
      case '\r': out += "&#13;"; break;
      case '\t': out += "&#9;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += "\xEF\xBF\xBD";
        } else {
          out += c;
        }
    }
  }
  return out;
}

struct Key {
  const char* id;
  const char* domain;  // "node" or "edge".
  const char* name;
  const char* type;    // "string", "double", "boolean".
};

constexpr Key kKeys[] = {
    {"n_id", "node", "id", "string"},
    {"n_label", "node", "label", "string"},
    {"n_name", "node", "name", "string"},
    {"n_kind", "node", "kind", "string"},
    {"n_country", "node", "country", "string"},
    {"n_aliases", "node", "aliases", "string"},
    {"n_sanctioned", "node", "sanctioned", "boolean"},
    {"e_kind", "edge", "kind", "string"},
    {"e_record_kind", "edge", "record_kind", "string"},
    {"e_record_id", "edge", "record_id", "string"},
    {"e_item", "edge", "item", "string"},
    {"e_designation", "edge", "designation", "string"},
    {"e_program", "edge", "program", "string"},
    {"e_status", "edge", "status", "string"},
    {"e_start", "edge", "start", "string"},
    {"e_end", "edge", "end", "string"},
    {"e_share", "edge", "share", "double"},
    {"e_role", "edge", "role", "string"},
    {"e_sources", "edge", "sources", "string"},
};

void Data(std::ostream& out, const char* key, absl::string_view value) {
  out << "      <data key=\"" << key << "\">" << XmlEscape(value)
      << "</data>\n";
}

std::string Aliases(const Graph& graph, NodeId n) {
  const v1::Record r = graph.NodeRecord(n);
  if (r.record_case() != v1::Record::kActor) return "";
  return absl::StrJoin(r.actor().aliases(), ";");
}

}  // namespace

absl::Status WriteGraphMl(const Graph& graph, std::ostream& out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
         "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const Key& k : kKeys) {
    out << "  <key id=\"" << k.id << "\" for=\"" << k.domain
        << "\" attr.name=\"" << k.name << "\" attr.type=\"" << k.type
        << "\"/>\n";
  }
  out << "  <graph id=\"embargo\" edgedefault=\"directed\">\n";
  for (uint32_t i = 0; i < graph.num_nodes(); ++i) {
    const NodeId n(i);
    const std::string id = XmlEscape(graph.node_id(n));
    out << "    <node id=\"" << id << "\">\n";
    Data(out, "n_id", graph.node_id(n));
    Data(out, "n_label", graph.node_name(n));
    Data(out, "n_name", graph.node_name(n));
    Data(out, "n_kind", NodeKindName(graph.node_kind(n)));
    Data(out, "n_country", graph.node_country(n));
    Data(out, "n_aliases", Aliases(graph, n));
    // Left out (unknown) when the graph holds no sanctions list.
    if (graph.num_sanction_edges() > 0) {
      Data(out, "n_sanctioned",
           internal::IsSanctioned(graph, n) ? "true" : "false");
    }
    out << "    </node>\n";
  }
  for (uint32_t i = 0; i < graph.num_edges(); ++i) {
    const EdgeId e(i);
    const EdgeInfo info = graph.edge(e);
    const internal::EdgeFacts f = internal::FactsOfEdge(graph, e);
    out << "    <edge id=\"e" << i << "\" source=\""
        << XmlEscape(graph.node_id(info.from)) << "\" target=\""
        << XmlEscape(graph.node_id(info.to)) << "\">\n";
    Data(out, "e_kind", EdgeKindName(info.kind));
    Data(out, "e_record_kind", f.record_kind);
    Data(out, "e_record_id", f.record_id);
    Data(out, "e_item", f.item);
    Data(out, "e_designation", f.designation);
    Data(out, "e_program", f.program);
    Data(out, "e_status", f.status);
    Data(out, "e_start", f.start);
    Data(out, "e_end", f.end);
    // An unknown share is left out, never written as 0.
    if (f.share > 0) Data(out, "e_share", absl::StrFormat("%.17g", f.share));
    Data(out, "e_role", f.role);
    Data(out, "e_sources", absl::StrJoin(f.source_ids, ";"));
    out << "    </edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
  return internal::StreamError(out, "GraphML");
}

absl::Status ExportGraphMl(const Graph& graph, const std::string& path) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) {
    return absl::PermissionDeniedError(
        absl::StrCat(path, ": cannot open for writing"));
  }
  EMBARGO_RETURN_IF_ERROR(WriteGraphMl(graph, out));
  out.close();
  return internal::StreamError(out, path);
}

}  // namespace embargo
