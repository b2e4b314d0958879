// Graph images (embargo/image.h) on GraphData.
#ifndef EMBARGO_GRAPH_IMAGE_INTERNAL_H_
#define EMBARGO_GRAPH_IMAGE_INTERNAL_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "lib/graph/graph_data.h"

namespace embargo::internal {

// Graph images (embargo/image.h). ReadImageBytes reads an image already in
// memory (`path` names it in errors); without `verify_checksums` it skips
// only the checksums, so that tests and fuzzing reach the checks behind them.
absl::Status WriteImage(const GraphData& d, const std::string& path);
absl::StatusOr<std::shared_ptr<GraphData>> ReadImage(const std::string& path);
absl::StatusOr<std::shared_ptr<GraphData>> ReadImageBytes(
    const std::string& path, const uint8_t* bytes, size_t size,
    bool verify_checksums);

}  // namespace embargo::internal

#endif  // EMBARGO_GRAPH_IMAGE_INTERNAL_H_
