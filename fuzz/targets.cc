#include "fuzz/targets.h"

#include <cstdio>
#include <fstream>
#include <string>
#include <unistd.h>

#include "embargo/graph.h"
#include "embargo/io.h"
#include "embargo/query.h"
#include "embargo/validate.h"

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

template <Format kFormat>
void DatasetTarget(const uint8_t* data, size_t size) {
  absl::StatusOr<DatasetFile> file = ParseDatasetBytes(
      absl::string_view(reinterpret_cast<const char*>(data), size), kFormat,
      "fuzz-input");
  if (file.ok()) Exercise(*std::move(file));
}

}  // namespace

const std::vector<Target>& Targets() {
  static const std::vector<Target>* targets = new std::vector<Target>{
      {"dataset_binary", &DatasetTarget<Format::kBinary>},
      {"dataset_text", &DatasetTarget<Format::kText>},
      {"dataset_json", &DatasetTarget<Format::kJson>},
      {"record_stream", &DatasetTarget<Format::kRecordStream>},
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
