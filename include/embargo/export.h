// Exporters: the graph, or the records behind it, in the formats other tools
// read.
//
//   absl::StatusOr<embargo::Graph> graph = embargo::LoadGraph({path});
//
//   // Every node and edge with its attributes, for NetworkX, Gephi, yEd.
//   absl::Status s = embargo::ExportGraphMl(*graph, "article.graphml");
//
//   // A query's answer as a Graphviz picture.
//   absl::StatusOr<embargo::Paths> paths = embargo::AllPaths(...);
//   embargo::Subgraph sub = embargo::SubgraphOfPaths(*graph, paths->paths);
//   std::string dot = embargo::ToDot(*graph, sub);
//   if (embargo::DotAvailable()) s = embargo::RenderDot(dot, "svg", "out.svg");
//
//   // Files for `neo4j-admin database import full`.
//   absl::StatusOr<embargo::Neo4jExportCounts> n =
//       embargo::ExportNeo4jCsv(*graph, "nodes.csv", "edges.csv");
//
//   // The records themselves, one proto3 JSON v1::Record per line.
//   s = embargo::ExportJsonLines(embargo::DatasetFromGraph(*graph),
//                                "records.jsonl");
//
// What each format carries:
//   - JSON lines: everything (a lossless record format; ReadJsonLinesFile
//     reads it back).
//   - GraphML: one node per actor and event, one edge per graph edge (a
//     transfer through intermediaries is its direct edge and its legs), with
//     the attributes listed at WriteGraphMl.
//   - DOT: a subgraph (a query's answer) drawn for people: shapes and colours
//     by actor kind, sanctioned actors marked, edges labelled, evidence in
//     tooltips.
//   - Neo4j CSV: one node per actor and event, one relationship per record
//     (see WriteNeo4jCsv for the columns); embargo's own Neo4j CSV importer
//     (import/neo4j_csv.h) reads back ids, kinds, names, countries, edge
//     types, items, programmes, shares, years and statuses.
//
// Text is escaped for each format (XML entities and characters XML 1.0
// forbids; DOT string escapes; CSV quoting with line breaks folded into
// spaces).
//
// Thread safety: the functions only read the Graph (which is immutable), so
// any number of threads may export from one Graph at once; each call writes
// its own stream or files.

#ifndef EMBARGO_EXPORT_H_
#define EMBARGO_EXPORT_H_

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "embargo/graph.h"
#include "embargo/ids.h"
#include "embargo/io.h"
#include "embargo/query.h"
#include "embargo/v1/dataset.pb.h"

namespace embargo {

// ---------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------

// DatasetFromGraph returns every record the graph holds: its sources, the
// records of its nodes (actors and events) in node order, then its
// transfers, sanctions and relations in edge order, each once.
v1::Dataset DatasetFromGraph(const Graph& graph);

// ---------------------------------------------------------------------------
// JSON lines
// ---------------------------------------------------------------------------

// WriteJsonLines, ParseJsonLines and ReadJsonLinesFile are in embargo/io.h
// (JSON lines are one of the record formats).
// ExportJsonLines writes the lines to a file.
[[nodiscard]] absl::Status ExportJsonLines(const v1::Dataset& dataset,
                                           const std::string& path);

// ---------------------------------------------------------------------------
// GraphML
// ---------------------------------------------------------------------------

// WriteGraphMl writes the whole graph as GraphML (directed; parallel edges
// kept). Node attributes: id (the record id; also the GraphML node id),
// name, kind (actor kind or "event"), country, aliases (";"-joined),
// sanctioned (boolean: the target of a sanction edge). Edge attributes
// (GraphML edge id "e<EdgeId>"): kind (edge kind name), record_kind
// ("transfer", "sanction", "relation", "event"), record_id, item (transfers;
// "" otherwise), designation, program (sanctions), status, start and end
// (the record's dates as given: "2023", "2023-07", "" when unknown), share
// (ownership percent, 0 when unknown), role, sources (";"-joined source
// ids of the record's evidence). Errors: DataLoss when the stream fails.
[[nodiscard]] absl::Status WriteGraphMl(const Graph& graph, std::ostream& out);
// ExportGraphMl writes GraphML to a file.
[[nodiscard]] absl::Status ExportGraphMl(const Graph& graph,
                                         const std::string& path);

// ---------------------------------------------------------------------------
// Subgraphs and Graphviz DOT
// ---------------------------------------------------------------------------

// Subgraph is a selection of nodes and edges of one graph to draw.
struct Subgraph {
  std::vector<NodeId> nodes;  // Each once, in order of first appearance.
  std::vector<EdgeId> edges;  // Each once; both ends are in `nodes`.
  // Nodes drawn with a double outline: a query's endpoints or seed.
  std::vector<NodeId> endpoints;
};

// SubgraphOfPaths is the union of the paths' nodes and hops; the first
// path's source and every path's target are endpoints.
Subgraph SubgraphOfPaths(const Graph& graph, absl::Span<const Path> paths);

// SubgraphOfNeighborhood is the seed, its neighbours, and every edge that
// passes `filter` (kinds, items, dates, status; direction ignored) between
// two of them. The seed is the endpoint.
Subgraph SubgraphOfNeighborhood(const Graph& graph, NodeId seed,
                                const Neighborhood& neighborhood,
                                const Filter& filter = {});

// WholeGraph selects every node and edge.
Subgraph WholeGraph(const Graph& graph);

// DotOptions tunes ToDot.
struct DotOptions {
  // Title drawn above the picture; none when empty.
  std::string title;
  // Put each record's evidence (source, speaker, quote) in edge tooltips.
  bool evidence_tooltips = true;
  // Longest quote kept in a tooltip, in bytes (cut at a UTF-8 boundary).
  size_t max_quote_bytes = 400;
  // Draw left to right ("LR") or top to bottom ("TB").
  std::string rank_direction = "LR";
  // Draw parallel edges (same two nodes, same kind, same way) as one edge
  // labelled with their number, years, main items or largest share.
  bool collapse_parallel = false;
  // Most nodes drawn (0: all). Beyond it, the endpoints and the nodes with
  // the most drawn edges stay; the others become one box per kind naming
  // its top actors, and a note says how many nodes and edges were folded.
  size_t max_nodes = 0;
};

// kDotFonts is the font list pictures ask for: Noto Sans, then Noto Sans CJK
// (Debian's fonts-noto-cjk) for Chinese, Japanese and Korean names, then
// DejaVu Sans; Cyrillic is in the first and last.
inline constexpr char kDotFonts[] = "Noto Sans,Noto Sans CJK SC,DejaVu Sans";

// ToDot renders a subgraph as a Graphviz digraph. Actors are shaped and
// coloured by kind (a legend is in the README); an actor that is the
// target of a sanction edge anywhere in the graph is drawn with a thick red
// outline and "[sanctioned]" under its name; edges are labelled with item
// (transfers) or kind, year and status, and their tooltips hold the record
// id and its evidence.
std::string ToDot(const Graph& graph, const Subgraph& subgraph,
                  const DotOptions& options = {});

// ExportDot writes ToDot's text to a file.
[[nodiscard]] absl::Status ExportDot(const Graph& graph,
                                     const Subgraph& subgraph,
                                     const std::string& path,
                                     const DotOptions& options = {});

// DotAvailable is true when Graphviz's `dot` program can be run.
bool DotAvailable();

// RenderDot runs `dot -T<format>` on the text and writes the picture to
// `path`. `format` is "svg", "png" or "pdf". Errors: InvalidArgument for
// another format; FailedPrecondition when `dot` is not installed; Internal
// with dot's first line of complaint when it fails.
[[nodiscard]] absl::Status RenderDot(absl::string_view dot_text,
                                     absl::string_view format,
                                     const std::string& path);

// ---------------------------------------------------------------------------
// Neo4j bulk-import CSV
// ---------------------------------------------------------------------------

// Neo4jExportOptions tunes WriteNeo4jCsv.
struct Neo4jExportOptions {
  // Also write one TRANSFER_VIA relationship per leg of a transfer through
  // intermediaries (the TRANSFER relationship is always written).
  bool transfer_legs = false;
};

// Neo4jExportCounts says what was written.
struct Neo4jExportCounts {
  int64_t nodes = 0;
  int64_t relationships = 0;
};

// WriteNeo4jCsv writes the node and relationship files of
// `neo4j-admin database import full` (header on the first line, "," between
// fields, '"' quoting, ";" between array elements and between labels).
//
// Nodes: id:ID, name, kind:LABEL, country, aliases:string[],
// identifiers:string[] ("SCHEME=value"), sanctioned:boolean. Labels: State,
// GovernmentBody, MilitaryUnit, Company, Organization, Person, Vessel,
// Aircraft, InternationalBody, LegalEntity or Event, followed by
// ";Sanctioned" for targets of a sanction.
//
// Relationships: :START_ID, :END_ID, :TYPE, record_id, share:float, item,
// year:int, status, start, end, designation, quantity:long,
// measures:string[], role, intermediaries:string[], sources:string[]. Types:
// TRANSFER (supplier -> recipient; item = item category), SANCTIONS
// (authority -> target; item = the programme, as embargo's importer reads
// it), OWNS, DIRECTS, MEMBER_OF, EMPLOYED_BY, CONTROLS, FLAG, OPERATES,
// FAMILY, ASSOCIATE, VISITED, SPEAKS_FOR, PART_OF, NATIONAL_OF, LINKED_TO,
// SUPPORTS (relations: subject -> object), PARTICIPATED_IN (participant ->
// event; role "place" for the event's place), TRANSFER_VIA (legs, when
// asked). year: transfers the first delivery year (else the order year),
// sanctions the listing year, relations and events their start year.
[[nodiscard]] absl::StatusOr<Neo4jExportCounts> WriteNeo4jCsv(
    const Graph& graph, std::ostream& nodes, std::ostream& relationships,
    const Neo4jExportOptions& options = {});
// ExportNeo4jCsv writes the two files.
[[nodiscard]] absl::StatusOr<Neo4jExportCounts> ExportNeo4jCsv(
    const Graph& graph, const std::string& nodes_path,
    const std::string& relationships_path,
    const Neo4jExportOptions& options = {});

}  // namespace embargo

#endif  // EMBARGO_EXPORT_H_
