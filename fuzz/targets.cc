#include "fuzz/targets.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <string>
#include <unistd.h>

#include "embargo/export.h"
#include "embargo/graph.h"
#include "embargo/image.h"
#include "embargo/import/eu.h"
#include "embargo/import/ftm.h"
#include "embargo/import/neo4j_csv.h"
#include "embargo/import/opensanctions.h"
#include "embargo/import/ofac.h"
#include "embargo/import/sipri.h"
#include "embargo/import/un.h"
#include "embargo/io.h"
#include "embargo/query.h"
#include "embargo/validate.h"
#include "lib/graph/compact_stream.h"
#include "lib/graph/graph_data.h"
#include "lib/graph/image_internal.h"
#include "lib/io/import/list_xml.h"

namespace embargo::fuzz {
namespace {

// Builds a graph from records that parsed and runs bounded queries on it.
void Exercise(DatasetFile file) {
  ValidateOptions options;
  options.max_problems = 20;
  (void)FindProblems({file}, options);
  GraphBuilder builder;
  builder.Add(std::move(file));
  absl::StatusOr<Graph> graph = builder.Build(options);
  if (!graph.ok() || graph->num_nodes() == 0) return;
  Limits limits;
  limits.max_results = 50;
  limits.max_work = 100000;
  const NodeId a(0), b(static_cast<uint32_t>(graph->num_nodes() - 1));
  (void)ShortestPath(*graph, a, b, Filter(), limits);
  (void)KShortestPaths(*graph, a, b, 3, Filter(), limits);
  (void)AllPaths(*graph, a, b, 3, Filter(), limits);
  (void)Neighbors(*graph, a, 2, Filter(), limits);
  for (uint32_t e = 0; e < graph->num_edges() && e < 20; ++e) {
    (void)graph->Evidence(EdgeId(e));
    (void)graph->EdgeOrigin(EdgeId(e));
  }
}

// Properties every importer must keep, whatever its input: the report
// reconciles (rows read = imported + rejected) and the records it writes
// pass validation. A violation is a bug: abort so the fuzzer keeps the input.
void CheckImport(const absl::StatusOr<ImportResult>& result) {
  if (!result.ok()) return;
  if (!result->report.Reconciles()) {
    std::fprintf(stderr, "import report does not reconcile:\n%s\n",
                 result->report.Summary().c_str());
    std::abort();
  }
  DatasetFile file;
  file.path = "fuzz-import";
  file.dataset = result->dataset;
  std::vector<Problem> problems = FindProblems({file});
  if (!problems.empty()) {
    std::fprintf(stderr, "importer wrote invalid records: %s\n",
                 problems[0].ToString().c_str());
    std::abort();
  }
  Exercise(std::move(file));
}

// TempPath is a file of this process in /tmp, removed when the process
// exits (a run of millions of inputs reuses the same few files).
std::string TempPath(absl::string_view name) {
  static std::set<std::string>* paths = [] {
    auto* p = new std::set<std::string>;
    std::atexit([] {
      for (const std::string& path : *paths) std::remove(path.c_str());
    });
    return p;
  }();
  const std::string path =
      "/tmp/embargo-fuzz-" + std::to_string(::getpid()) + "-" + std::string(name);
  paths->insert(path);
  return path;
}

// Importers that read files get the input through a file of this process.
std::string WriteTemp(absl::string_view name, const uint8_t* data, size_t size) {
  const std::string path = TempPath(name);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  return path;
}

void OfacCsvTarget(const uint8_t* data, size_t size) {
  OfacCsvOptions options;
  options.sdn_path = WriteTemp("sdn.csv", data, size);
  options.edition_date.set_year(2024);
  CheckImport(ImportOfacCsv(options));
}

void OfacXmlTarget(const uint8_t* data, size_t size) {
  OfacXmlOptions options;
  options.edition_date.set_year(2025);
  CheckImport(ImportOfacXml(WriteTemp("ofac.xml", data, size), options));
}

void UnXmlTarget(const uint8_t* data, size_t size) {
  CheckImport(ImportUnXml(WriteTemp("un.xml", data, size)));
}

void EuCsvTarget(const uint8_t* data, size_t size) {
  CheckImport(ImportEuCsv(WriteTemp("32017R1509.csv", data, size)));
}

void SipriTarget(const uint8_t* data, size_t size) {
  CheckImport(ParseSipriCsv(
      absl::string_view(reinterpret_cast<const char*>(data), size), "fuzz.csv"));
}

void FtmTarget(const uint8_t* data, size_t size) {
  static const absl::StatusOr<FtmModel>* model = new absl::StatusOr<FtmModel>(
      FtmModel::Load(EMBARGO_SHARED_DATA_DIR "/ftm/defaultModel.json"));
  if (!model->ok()) {
    std::fprintf(stderr, "%s\n", std::string(model->status().message()).c_str());
    std::abort();
  }
  CheckImport(ParseFtmJson(
      absl::string_view(reinterpret_cast<const char*>(data), size), "fuzz.json",
      **model));
}

// The input is a delta file applied to a small export: applied, the output
// has the lines the report counts; refused, there is no output.
void FtmDeltaTarget(const uint8_t* data, size_t size) {
  static const char kExport[] =
      R"({"id":"p1","schema":"Person","properties":{"name":["Ivan Petrov"]}})" "\n"
      R"({"id":"c1","schema":"Company","properties":{"name":["Trade Co"]}})" "\n"
      "not json\n"
      R"({"id":"o1","schema":"Ownership","properties":{"owner":["p1"],"asset":["c1"]}})" "\n";
  const std::string old_export =
      WriteTemp("old.ftm.json", reinterpret_cast<const uint8_t*>(kExport), sizeof(kExport) - 1);
  const std::string delta = WriteTemp("delta.json", data, size);
  const std::string out = TempPath("new.ftm.json");
  std::remove(out.c_str());
  absl::StatusOr<FtmDeltaReport> r = ApplyFtmDelta(old_export, delta, out);
  std::ifstream in(out, std::ios::binary);
  if (!r.ok()) {
    if (in) {
      std::fprintf(stderr, "refused delta left an output: %s\n",
                   std::string(r.status().message()).c_str());
      std::abort();
    }
    return;
  }
  int64_t lines = 0;
  for (std::string line; std::getline(in, line);) ++lines;
  if (lines != r->lines_written || r->lines_kept + r->lines_dropped != 4) {
    std::fprintf(stderr, "delta: %lld lines written, report says %lld\n",
                 static_cast<long long>(lines), static_cast<long long>(r->lines_written));
    std::abort();
  }
}

// The input holds the nodes file, a line "=====", then the edges file.
void Neo4jTarget(const uint8_t* data, size_t size) {
  const absl::string_view in(reinterpret_cast<const char*>(data), size);
  const size_t cut = in.find("\n=====\n");
  const absl::string_view nodes = cut == absl::string_view::npos ? in : in.substr(0, cut);
  const absl::string_view edges =
      cut == absl::string_view::npos ? absl::string_view(":START_ID,:END_ID,:TYPE\n")
                                     : in.substr(cut + 7);
  const std::string n = WriteTemp("nodes.csv", reinterpret_cast<const uint8_t*>(nodes.data()), nodes.size());
  const std::string e = WriteTemp("edges.csv", reinterpret_cast<const uint8_t*>(edges.data()), edges.size());
  Neo4jCsvOptions options;
  options.parallel = false;
  CheckImport(ImportNeo4jCsv(n, e, options));
  absl::StatusOr<Neo4jCsvGraph> g = LoadNeo4jCsvGraph(n, e, options);
  if (g.ok() && g->graph.num_nodes() > 0) {
    Limits limits;
    limits.max_work = 100000;
    (void)Neighbors(g->graph, NodeId(0), 2, Filter(), limits);
  }
}

template <Format kFormat>
void DatasetTarget(const uint8_t* data, size_t size) {
  absl::StatusOr<DatasetFile> file = ParseDatasetBytes(
      absl::string_view(reinterpret_cast<const char*>(data), size), kFormat,
      "fuzz-input");
  if (file.ok()) Exercise(*std::move(file));
}

// The compact record-stream loader reads the wire format itself (graph.cc);
// whatever it accepts, the general path must accept too, with the same
// nodes and edges.
void CompactStreamTarget(const uint8_t* data, size_t size) {
  std::shared_ptr<internal::GraphData> fast =
      internal::LoadCompactStreamBytes("fuzz-input", data, size, 20);
  if (fast == nullptr) return;
  absl::StatusOr<DatasetFile> file = ParseDatasetBytes(
      absl::string_view(reinterpret_cast<const char*>(data), size),
      Format::kRecordStream, "fuzz-input");
  if (!file.ok()) {
    std::fprintf(stderr, "compact path accepted what the parser refuses: %s\n",
                 std::string(file.status().message()).c_str());
    std::abort();
  }
  GraphBuilder builder;
  builder.Add(*std::move(file));
  absl::StatusOr<Graph> general = builder.Build();
  if (!general.ok()) {
    std::fprintf(stderr, "compact path accepted an invalid stream: %s\n",
                 std::string(general.status().message()).c_str());
    std::abort();
  }
  bool same = general->num_nodes() == fast->num_nodes() &&
              general->num_edges() == fast->num_edges();
  for (size_t n = 0; same && n < fast->num_nodes(); ++n) {
    same = general->FindNode(fast->node_id[n]).has_value();
  }
  if (!same) {
    std::fprintf(stderr, "compact and general paths built different graphs\n");
    std::abort();
  }
}

// Graph images (image_read.cc), read without their checksums so that mutated
// bytes reach the consistency checks behind them. Whatever is accepted must
// be a graph every query and accessor can walk.
void GraphImageTarget(const uint8_t* data, size_t size) {
  absl::StatusOr<std::shared_ptr<internal::GraphData>> image =
      internal::ReadImageBytes("fuzz-input", data, size, /*verify_checksums=*/false);
  if (!image.ok()) return;
  const Graph graph = internal::WrapGraph(*std::move(image));
  if (graph.num_nodes() == 0) return;
  Limits limits;
  limits.max_results = 50;
  limits.max_work = 100000;
  const NodeId a(0), b(static_cast<uint32_t>(graph.num_nodes() - 1));
  (void)ShortestPath(graph, a, b, Filter(), limits);
  (void)AllPaths(graph, a, b, 3, Filter(), limits);
  (void)Neighbors(graph, a, 2, Filter(), limits);
  for (uint32_t n = 0; n < graph.num_nodes() && n < 20; ++n) {
    (void)graph.NodeRecord(NodeId(n));
    (void)graph.NodeOrigin(NodeId(n));
    (void)graph.FindByName(graph.node_name(NodeId(n)));
  }
  for (uint32_t e = 0; e < graph.num_edges() && e < 20; ++e) {
    (void)graph.EdgeRecord(EdgeId(e));
    (void)graph.Evidence(EdgeId(e));
    (void)graph.EdgeOrigin(EdgeId(e));
  }
  (void)DatasetFromGraph(graph);
}

// The XML reader's DTD paths: the input becomes the internal subset of a
// small document. A document that parses must declare no entity (every
// declaration is refused), and reading its text must stay small.
void XmlDtdTarget(const uint8_t* data, size_t size) {
  const std::string dtd(reinterpret_cast<const char*>(data), size);
  const std::string doc =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE r [" + dtd +
      "]>\n<r>&amp;<c>t</c></r>\n";
  absl::StatusOr<import_internal::XmlDoc> parsed =
      import_internal::ParseXmlBytes(doc, "fuzz-dtd.xml");
  if (!parsed.ok()) return;
  const xmlDoc* d = parsed->get();
  for (const xmlDtd* sub : {d->intSubset, d->extSubset}) {
    if (sub == nullptr) continue;
    for (const xmlNode* n = sub->children; n != nullptr; n = n->next) {
      if (n->type == XML_ENTITY_DECL) {
        std::fprintf(stderr, "an entity declaration was accepted\n");
        std::abort();
      }
    }
  }
  const std::string text =
      import_internal::Text(xmlDocGetRootElement(parsed->get()));
  if (text.size() > 4 * doc.size() + 1024) {
    std::fprintf(stderr, "text grew from %zu to %zu bytes\n", doc.size(),
                 text.size());
    std::abort();
  }
}

// The image writer's inputs: whatever records build a graph must write an
// image that reads back to the same graph, through a fresh temporary file
// that is never left behind.
void ImageWriterTarget(const uint8_t* data, size_t size) {
  absl::StatusOr<DatasetFile> file = ParseDatasetBytes(
      absl::string_view(reinterpret_cast<const char*>(data), size),
      Format::kRecordStream, "fuzz-input");
  if (!file.ok()) return;
  GraphBuilder builder;
  builder.Add(*std::move(file));
  absl::StatusOr<Graph> graph = builder.Build();
  if (!graph.ok()) return;
  const std::string path = TempPath("w.egraph");
  const absl::Status written = WriteGraphImage(*graph, path);
  if (!written.ok()) {
    std::fprintf(stderr, "image write failed: %s\n",
                 std::string(written.message()).c_str());
    std::abort();
  }
  absl::StatusOr<Graph> back = ReadGraphImage(path);
  std::remove(path.c_str());
  if (!back.ok() || back->num_nodes() != graph->num_nodes() ||
      back->num_edges() != graph->num_edges()) {
    std::fprintf(stderr, "image did not read back: %s\n",
                 back.ok() ? "counts differ"
                           : std::string(back.status().message()).c_str());
    std::abort();
  }
  for (uint32_t n = 0; n < graph->num_nodes(); ++n) {
    if (graph->node_name(NodeId(n)) != back->node_name(NodeId(n))) {
      std::fprintf(stderr, "node %u reads back renamed\n", n);
      std::abort();
    }
  }
}

}  // namespace

const std::vector<Target>& Targets() {
  static const std::vector<Target>* targets = new std::vector<Target>{
      {"dataset_binary", &DatasetTarget<Format::kBinary>},
      {"dataset_text", &DatasetTarget<Format::kText>},
      {"dataset_json", &DatasetTarget<Format::kJson>},
      {"record_stream", &DatasetTarget<Format::kRecordStream>},
      {"compact_stream", &CompactStreamTarget},
      {"ofac_csv", &OfacCsvTarget},
      {"ofac_xml", &OfacXmlTarget},
      {"un_xml", &UnXmlTarget},
      {"eu_csv", &EuCsvTarget},
      {"sipri_csv", &SipriTarget},
      {"ftm_json", &FtmTarget},
      {"ftm_delta", &FtmDeltaTarget},
      {"neo4j_csv", &Neo4jTarget},
      {"graph_image", &GraphImageTarget},
      {"xml_dtd", &XmlDtdTarget},
      {"image_writer", &ImageWriterTarget},
  };
  return *targets;
}

bool Run(const std::string& name, const uint8_t* data, size_t size) {
  for (const Target& t : Targets()) {
    if (name == t.name) {
      t.run(data, size);
      return true;
    }
  }
  return false;
}

}  // namespace embargo::fuzz
