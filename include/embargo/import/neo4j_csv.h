// Importer for Neo4j bulk-import style CSV: one file of nodes, one of
// relationships, with typed headers.
//
//   nodes.csv:  id:ID,name,kind:LABEL,country
//   edges.csv:  :START_ID,:END_ID,:TYPE,share:float,item,year:int,status
//
// Two ways in, with the same meaning:
//
//   // Records (a v1::Dataset) and a report: to write, merge or inspect.
//   absl::StatusOr<embargo::ImportResult> r =
//       embargo::ImportNeo4jCsv("nodes.csv", "edges.csv");
//
//   // Straight to a graph, for large files: no proto per row, both cores
//   // parse, and every record is kept in compact form (20 bytes per record
//   // plus the graph's columns). The graph holds the same records that
//   // GraphBuilder would build from ImportNeo4jCsv's dataset.
//   absl::StatusOr<embargo::Neo4jCsvGraph> g =
//       embargo::LoadNeo4jCsvGraph("nodes.csv", "edges.csv");
//
// Headers. A column is `name[:TYPE]`. Node files need an `:ID` column and a
// `:LABEL` column; `name` and `country` are read when present. Relationship
// files need `:START_ID`, `:END_ID` and `:TYPE`; `share`, `item`, `year` and
// `status` are read when present. Types after the colon (`int`, `long`,
// `float`, `double`, `string`, `boolean`) say how a value is parsed; a value
// that does not parse rejects its row. Other columns are ignored and named in
// the report's notes. Fields may be quoted ("a, b"; "" for a quote) but may
// not span lines. An empty field is an absent value.
//
// Labels (several may be given, `Company;Sanctioned`: the first known one
// counts): State (the id must be the ISO 3166-1 alpha-3 code), Authority
// (ACTOR_KIND_INTERNATIONAL_BODY when it has no country, like UNSC or the EU;
// ACTOR_KIND_GOVERNMENT_BODY when it has one, like OFAC or the UK's OFSI),
// Company, Person, Vessel, Aircraft, Organization (or Organisation),
// MilitaryUnit, GovernmentBody, InternationalBody, LegalEntity. A row with no
// known label is rejected. A node without a name is named by its id.
//
// Relationship types: OWNS (Relation OWNERSHIP, share_percent = share),
// DIRECTS (DIRECTORSHIP), OPERATES (OPERATOR), FLAG (FLAG), CONTROLS,
// MEMBER_OF, EMPLOYED_BY, FAMILY, ASSOCIATE, PART_OF; for these `year` is
// the start of the relation's period. TRANSFER is a Transfer: item via
// embargo::ParseItem (required), year = delivered start and end. SANCTIONS
// is a Sanction from the authority to the target: item = programme, year =
// listed (required), measure ASSET_FREEZE. `status` goes through
// embargo::ParseStatus; rows without one get `default_status`. Unknown
// types, unknown node ids, self-loops and bad values reject the row.
//
// Ids and evidence: one Source per input file (id "csv:" + file name); every
// record has one Evidence naming it, with locator = the 1-based line number.
// Nodes keep their ids; relationship records are "E" + line number.
//
// Thread safety: free functions without shared state.

#ifndef EMBARGO_IMPORT_NEO4J_CSV_H_
#define EMBARGO_IMPORT_NEO4J_CSV_H_

#include <string>

#include "absl/status/statusor.h"
#include "embargo/graph.h"
#include "embargo/import/report.h"
#include "embargo/v1/records.pb.h"

namespace embargo {

struct Neo4jCsvOptions {
  // Status of rows without a status value.
  v1::Status default_status = v1::STATUS_REPORTED;
  // Parse the relationship file on two threads.
  bool parallel = true;
  // Most rejected rows listed one by one in the report (all are counted).
  size_t max_rejected_listed = 1000;
  // Largest input file accepted, in bytes.
  int64_t max_file_bytes = int64_t{8} << 30;
};

// ImportNeo4jCsv reads the two files into records. Errors: NotFound /
// PermissionDenied when a file cannot be read, InvalidArgument when a header
// lacks a required column. Bad rows are not errors: they are in the report.
[[nodiscard]] absl::StatusOr<ImportResult> ImportNeo4jCsv(
    const std::string& nodes_path, const std::string& edges_path,
    const Neo4jCsvOptions& options = {});

// Neo4jCsvGraph is a graph loaded from CSV and the import report.
struct Neo4jCsvGraph {
  Graph graph;
  ImportReport report;
};

// LoadNeo4jCsvGraph reads the two files straight into a graph. Errors as
// ImportNeo4jCsv, plus InvalidArgument when the rows, though each well
// formed, break a rule of the whole graph (shares of one asset over 100, a
// country that is not a state).
[[nodiscard]] absl::StatusOr<Neo4jCsvGraph> LoadNeo4jCsvGraph(
    const std::string& nodes_path, const std::string& edges_path,
    const Neo4jCsvOptions& options = {});

}  // namespace embargo

#endif  // EMBARGO_IMPORT_NEO4J_CSV_H_
