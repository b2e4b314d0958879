// Record streams of compact records, loaded straight into columns.
#ifndef EMBARGO_GRAPH_COMPACT_STREAM_H_
#define EMBARGO_GRAPH_COMPACT_STREAM_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "embargo/validate.h"
#include "lib/graph/graph_data.h"

namespace embargo::internal {

// LoadCompactStream loads a record stream that holds only compact-shaped
// records (sources, actors, then edges) with ColumnarBuilder, on two
// threads. nullptr when the file is anything else: the caller then takes
// the general path (ReadDatasetFile, Validate, GraphBuilder).
[[nodiscard]] absl::StatusOr<std::shared_ptr<GraphData>> LoadCompactStream(
    const std::string& path, const ValidateOptions& options);
// LoadCompactStreamBytes is LoadCompactStream on bytes already in memory
// (`path` names them in origins); nullptr when they are anything else.
std::shared_ptr<GraphData> LoadCompactStreamBytes(const std::string& path,
                                                  const uint8_t* data,
                                                  size_t size,
                                                  size_t max_problems);

}  // namespace embargo::internal

#endif  // EMBARGO_GRAPH_COMPACT_STREAM_H_
