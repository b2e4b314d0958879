// Neo4j bulk-import CSV export. See embargo/export.h.
//
// One row per node; one row per record on the relationship side (the
// TRANSFER row carries a transfer, its route in `intermediaries`). Fields
// are quoted only when they must be; line breaks are folded into spaces,
// because neither neo4j-admin (without --multiline-fields) nor embargo's
// own importer reads a field across lines.

#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "embargo/export.h"
#include "embargo/kinds.h"
#include "lib/internal/status_macros.h"
#include "lib/io/export/common.h"

namespace embargo {
namespace {

// Field quotes a CSV field when it holds a comma, a quote or surrounding
// space; line breaks become spaces.
std::string Field(absl::string_view s) {
  std::string v = absl::StrReplaceAll(s, {{"\r\n", " "}, {"\n", " "}, {"\r", " "}});
  const bool quote =
      v.find_first_of(",\"") != std::string::npos ||
      (!v.empty() && (v.front() == ' ' || v.back() == ' '));
  if (!quote) return v;
  return absl::StrCat("\"", absl::StrReplaceAll(v, {{"\"", "\"\""}}), "\"");
}

// Array joins elements with ";" (neo4j-admin's default array delimiter);
// a ";" inside an element becomes ",".
std::string Array(const std::vector<std::string>& items) {
  std::vector<std::string> clean;
  for (const std::string& s : items) {
    clean.push_back(absl::StrReplaceAll(s, {{";", ","}}));
  }
  return Field(absl::StrJoin(clean, ";"));
}

absl::string_view Label(NodeKind kind) {
  switch (kind) {
    case NodeKind::kState: return "State";
    case NodeKind::kGovernmentBody: return "GovernmentBody";
    case NodeKind::kMilitaryUnit: return "MilitaryUnit";
    case NodeKind::kCompany: return "Company";
    case NodeKind::kOrganization: return "Organization";
    case NodeKind::kPerson: return "Person";
    case NodeKind::kVessel: return "Vessel";
    case NodeKind::kAircraft: return "Aircraft";
    case NodeKind::kInternationalBody: return "InternationalBody";
    case NodeKind::kLegalEntity: return "LegalEntity";
    case NodeKind::kEvent: return "Event";
    default: return "Node";
  }
}

absl::string_view Type(EdgeKind kind) {
  switch (kind) {
    case EdgeKind::kTransfer: return "TRANSFER";
    case EdgeKind::kTransferVia: return "TRANSFER_VIA";
    case EdgeKind::kSanction: return "SANCTIONS";
    case EdgeKind::kOwnership: return "OWNS";
    case EdgeKind::kDirectorship: return "DIRECTS";
    case EdgeKind::kMembership: return "MEMBER_OF";
    case EdgeKind::kEmployment: return "EMPLOYED_BY";
    case EdgeKind::kControl: return "CONTROLS";
    case EdgeKind::kFlag: return "FLAG";
    case EdgeKind::kOperator: return "OPERATES";
    case EdgeKind::kFamily: return "FAMILY";
    case EdgeKind::kAssociate: return "ASSOCIATE";
    case EdgeKind::kVisit: return "VISITED";
    case EdgeKind::kSpokesperson: return "SPEAKS_FOR";
    case EdgeKind::kPartOf: return "PART_OF";
    case EdgeKind::kNationality: return "NATIONAL_OF";
    case EdgeKind::kUnknownLink: return "LINKED_TO";
    case EdgeKind::kSupport: return "SUPPORTS";
    case EdgeKind::kParticipation: return "PARTICIPATED_IN";
    case EdgeKind::kRegisteredIn: return "REGISTERED_IN";
    case EdgeKind::kLocatedIn: return "LOCATED_IN";
    case EdgeKind::kNationalOf: return "HAS_NATIONALITY";
  }
  return "RELATED_TO";
}

}  // namespace

absl::StatusOr<Neo4jExportCounts> WriteNeo4jCsv(
    const Graph& graph, std::ostream& nodes, std::ostream& rels,
    const Neo4jExportOptions& options) {
  Neo4jExportCounts counts;
  nodes << "id:ID,name,kind:LABEL,country,aliases:string[],"
           "identifiers:string[],sanctioned:boolean\n";
  for (uint32_t i = 0; i < graph.num_nodes(); ++i) {
    const NodeId n(i);
    const bool sanctioned = internal::IsSanctioned(graph, n);
    std::vector<std::string> aliases, identifiers;
    const v1::Record r = graph.NodeRecord(n);
    if (r.record_case() == v1::Record::kActor) {
      for (const std::string& a : r.actor().aliases()) aliases.push_back(a);
      for (const v1::Identifier& id : r.actor().identifiers()) {
        identifiers.push_back(absl::StrCat(id.scheme(), "=", id.value()));
      }
    }
    std::string label(Label(graph.node_kind(n)));
    if (sanctioned) label += ";Sanctioned";
    nodes << Field(graph.node_id(n)) << ',' << Field(graph.node_name(n)) << ','
          << label << ',' << Field(graph.node_country(n)) << ','
          << Array(aliases) << ',' << Array(identifiers) << ','
          // Empty (null) when the graph holds no sanctions list.
          << (graph.num_sanction_edges() == 0 ? ""
              : sanctioned                    ? "true"
                                              : "false")
          << '\n';
    ++counts.nodes;
  }
  EMBARGO_RETURN_IF_ERROR(internal::StreamError(nodes, "Neo4j nodes"));

  rels << ":START_ID,:END_ID,:TYPE,record_id,share:float,item,year:int,"
          "status,start,end,designation,quantity:long,measures:string[],"
          "role,intermediaries:string[],sources:string[]\n";
  for (uint32_t i = 0; i < graph.num_edges(); ++i) {
    const EdgeId e(i);
    const EdgeInfo info = graph.edge(e);
    if (info.kind == EdgeKind::kTransferVia && !options.transfer_legs) continue;
    const internal::EdgeFacts f = internal::FactsOfEdge(graph, e);
    std::string item;
    if (info.kind == EdgeKind::kTransfer || info.kind == EdgeKind::kTransferVia) {
      item = f.item;
    } else if (info.kind == EdgeKind::kSanction) {
      item = f.program;
    }
    const std::string share =
        info.kind == EdgeKind::kOwnership && f.share > 0
            ? absl::StrFormat("%.17g", f.share)
            : "";
    rels << Field(graph.node_id(info.from)) << ','
         << Field(graph.node_id(info.to)) << ',' << Type(info.kind) << ','
         << Field(f.record_id) << ',' << share << ',' << Field(item) << ','
         << (f.year > 0 ? absl::StrCat(f.year) : "") << ',' << f.status << ','
         << f.start << ',' << f.end << ',' << Field(f.designation) << ','
         << (f.quantity > 0 ? absl::StrCat(f.quantity) : "") << ','
         << Array(f.measures) << ',' << Field(f.role) << ','
         << Array(f.intermediaries) << ',' << Array(f.source_ids) << '\n';
    ++counts.relationships;
  }
  EMBARGO_RETURN_IF_ERROR(internal::StreamError(rels, "Neo4j relationships"));
  return counts;
}

absl::StatusOr<Neo4jExportCounts> ExportNeo4jCsv(
    const Graph& graph, const std::string& nodes_path,
    const std::string& relationships_path, const Neo4jExportOptions& options) {
  std::ofstream nodes(nodes_path, std::ios::binary | std::ios::trunc);
  if (!nodes) {
    return absl::PermissionDeniedError(
        absl::StrCat(nodes_path, ": cannot open for writing"));
  }
  std::ofstream rels(relationships_path, std::ios::binary | std::ios::trunc);
  if (!rels) {
    return absl::PermissionDeniedError(
        absl::StrCat(relationships_path, ": cannot open for writing"));
  }
  EMBARGO_ASSIGN_OR_RETURN(Neo4jExportCounts counts,
                           WriteNeo4jCsv(graph, nodes, rels, options));
  nodes.close();
  rels.close();
  EMBARGO_RETURN_IF_ERROR(internal::StreamError(nodes, nodes_path));
  EMBARGO_RETURN_IF_ERROR(internal::StreamError(rels, relationships_path));
  return counts;
}

}  // namespace embargo
