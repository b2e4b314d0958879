// Record-level export: the records a graph holds, and JSON lines of
// v1::Record. See embargo/export.h.

#include <fstream>
#include <sstream>
#include <string>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "embargo/export.h"
#include "google/protobuf/util/json_util.h"
#include "lib/internal/status_macros.h"
#include "lib/io/export/common.h"

namespace embargo {

v1::Dataset DatasetFromGraph(const Graph& graph) {
  v1::Dataset ds;
  for (const v1::Source& s : graph.sources()) *ds.add_sources() = s;
  for (uint32_t n = 0; n < graph.num_nodes(); ++n) {
    AppendToDataset(graph.NodeRecord(NodeId(n)), ds);
  }
  // Transfer legs share their transfer's record, and participation edges
  // come from event records (already there as nodes): each record once.
  absl::flat_hash_set<std::pair<int, std::string>> seen;
  for (uint32_t e = 0; e < graph.num_edges(); ++e) {
    const EdgeId edge(e);
    const EdgeKind kind = graph.edge(edge).kind;
    if (kind == EdgeKind::kParticipation) continue;
    v1::Record r = graph.EdgeRecord(edge);
    std::string id = graph.EdgeRecordId(edge);
    if (!seen.insert({static_cast<int>(r.record_case()), std::move(id)})
             .second) {
      continue;
    }
    AppendToDataset(std::move(r), ds);
  }
  return ds;
}

absl::Status ExportJsonLines(const v1::Dataset& ds, const std::string& path) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return absl::PermissionDeniedError(absl::StrCat(path, ": cannot open for writing"));
  EMBARGO_RETURN_IF_ERROR(WriteJsonLines(ds, out));
  out.close();
  return internal::StreamError(out, path);
}

}  // namespace embargo
