// Graph images: a built graph saved whole, to load again without building.
//
//   absl::StatusOr<embargo::Graph> g = embargo::LoadGraph({"sdn.records"});
//   absl::Status s = embargo::WriteGraphImage(*g, "sdn.egraph");
//   ...
//   absl::StatusOr<embargo::Graph> again = embargo::ReadGraphImage("sdn.egraph");
//
// An image (".egraph") holds every record of the graph, as the graph keeps
// them (compact rows and serialized records, with the file and position each
// came from, so evidence and origins read exactly as before), the node and
// edge columns and the adjacency. Reading it copies those arrays back and
// checks, instead of deriving them again, that they are the graph its records
// give:
//   - every section is present, in bounds and matches its checksum;
//   - every node and edge agrees with its record (serialized records are
//     parsed and their edges derived again; compact rows pass the checks of
//     a record stream), ids are unique and countries name states;
//   - the adjacency holds each edge exactly once at each end, rows in edge
//     order, as building would lay it out.
// A file that fails any check is refused with an error that names the file,
// the section and the node, edge or record; nothing is dropped. LoadGraph
// reads files whose name ends in ".egraph" as images.
//
// Images are for reloading large graphs fast (the workload's 10 M edges load
// several times faster than from a record stream); the record formats stay
// the interchange form. An image is tied to this library's format version
// and to a little-endian machine; ReadGraphImage refuses any other.

#ifndef EMBARGO_IMAGE_H_
#define EMBARGO_IMAGE_H_

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "embargo/graph.h"

namespace embargo {

// kGraphImageExtension is the file name ending LoadGraph reads as an image.
inline constexpr absl::string_view kGraphImageExtension = ".egraph";

// WriteGraphImage saves `graph` to `path` (replaced if it exists).
[[nodiscard]] absl::Status WriteGraphImage(const Graph& graph,
                                           const std::string& path);

// GraphImageAmong looks at the files of one load: the path when they are
// one graph image, nullopt when none is an image, InvalidArgument when an
// image comes with other files (an image is a whole graph and loads alone).
[[nodiscard]] absl::StatusOr<std::optional<std::string>> GraphImageAmong(
    absl::Span<const std::string> paths);

// ReadGraphImage loads an image written by WriteGraphImage. InvalidArgument
// names the file, section and item of the first problem; NotFound and
// PermissionDenied come from opening the file.
[[nodiscard]] absl::StatusOr<Graph> ReadGraphImage(const std::string& path);

}  // namespace embargo

#endif  // EMBARGO_IMAGE_H_
