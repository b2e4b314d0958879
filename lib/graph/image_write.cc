// Writing graph images (embargo/image.h); the layout is image_format.h.

#include "embargo/image.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstddef>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "lib/internal/input_file.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "embargo/v1/dataset.pb.h"
#include "lib/graph/compact_wire.h"
#include "lib/graph/columnar_builder.h"
#include "lib/graph/edges.h"
#include "lib/graph/graph_data.h"
#include "lib/graph/image_format.h"
#include "lib/graph/image_internal.h"
#include "lib/graph/name_index.h"
#include "lib/graph/records.h"
#include "lib/internal/status_macros.h"

namespace embargo {
namespace internal {
namespace {

// ---- writing ----------------------------------------------------------------

// A section to write: bytes owned here or borrowed from the graph.
struct OutSection {
  uint32_t element_size = 1;
  const void* data = nullptr;
  uint64_t count = 0;
  std::string owned;  // When the bytes were made for the file.
};

template <typename T>
OutSection Borrow(const std::vector<T>& v) {
  static_assert(std::is_trivially_copyable_v<T>);
  return {sizeof(T), v.data(), v.size(), {}};
}

OutSection Own(std::string bytes, uint32_t element_size, uint64_t count) {
  OutSection s{element_size, nullptr, count, std::move(bytes)};
  return s;
}

// A string column as its offsets and bytes sections.
template <typename Strings>
std::pair<OutSection, OutSection> StringColumn(const Strings& strings) {
  std::string offsets((strings.size() + 1) * sizeof(uint64_t), '\0');
  std::string bytes;
  uint64_t at = 0;
  std::memcpy(offsets.data(), &at, sizeof at);
  for (size_t i = 0; i < strings.size(); ++i) {
    bytes.append(strings[i]);
    at = bytes.size();
    std::memcpy(offsets.data() + (i + 1) * sizeof at, &at, sizeof at);
  }
  const uint64_t count = bytes.size();
  return {Own(std::move(offsets), 8, strings.size() + 1),
          Own(std::move(bytes), 1, count)};
}

// Copies of padded structs with their padding zeroed.
template <typename T, typename Fill>
OutSection Padded(const std::vector<T>& v, Fill fill) {
  std::string bytes(v.size() * sizeof(T), '\0');
  for (size_t i = 0; i < v.size(); ++i) {
    T out;
    std::memset(static_cast<void*>(&out), 0, sizeof out);
    fill(v[i], out);
    std::memcpy(bytes.data() + i * sizeof(T), static_cast<const void*>(&out),
                sizeof(T));
  }
  return Own(std::move(bytes), sizeof(T), v.size());
}

}  // namespace

absl::Status WriteImage(const GraphData& d, const std::string& path) {
  std::vector<OutSection> s(kImageSections);
  auto strings = [&](ImageSection offsets, const auto& column) {
    auto [o, b] = StringColumn(column);
    s[offsets] = std::move(o);
    s[offsets + 1] = std::move(b);
  };
  strings(kFilesOffsets, d.files);
  {
    std::string forms(d.files.size(), '\0');
    for (size_t f = 0; f < d.files.size(); ++f) {
      forms[f] = static_cast<char>((d.file_is_stream[f] ? kImageFormStream : 0) |
                                   (d.file_is_csv[f] ? kImageFormCsv : 0));
    }
    const uint64_t count = forms.size();
    s[kFileForms] = Own(std::move(forms), 1, count);
  }
  strings(kEvidenceSourcesOffsets, d.evidence_sources);
  strings(kProgramsOffsets, d.compact_programs);
  {
    v1::Dataset sources;
    for (const v1::Source& source : d.sources) *sources.add_sources() = source;
    std::string bytes;
    if (!sources.SerializeToString(&bytes)) {
      return absl::InternalError(absl::StrCat(path, ": cannot serialize the sources"));
    }
    const uint64_t count = bytes.size();
    s[kSources] = Own(std::move(bytes), 1, count);
  }
  strings(kNodeIdOffsets, d.node_id);
  strings(kNodeNameOffsets, d.node_name);
  strings(kNodeCountryOffsets, d.node_country);
  s[kNodeKind] = Borrow(d.node_kind);
  s[kNodeRecord] = Borrow(d.node_record);
  s[kEdgeFrom] = Borrow(d.edge_from);
  s[kEdgeTo] = Borrow(d.edge_to);
  s[kEdgeKind] = Borrow(d.edge_kind);
  s[kEdgeItem] = Borrow(d.edge_item);
  s[kEdgeStatus] = Borrow(d.edge_status);
  s[kEdgeDays] = Borrow(d.edge_days);
  s[kEdgeShare] = Borrow(d.edge_share);
  s[kEdgeRecord] = Borrow(d.edge_record);
  s[kArena] = {1, d.arena.data(), d.arena.size(), {}};
  s[kRecordOffset] = Borrow(d.record_offset);
  s[kRecordOrigin] = Padded(d.record_origin, [](const Origin& in, Origin& out) {
    out.file = in.file;
    out.position = in.position;
    out.kind = in.kind;
  });
  s[kCompact] = Padded(d.compact, [](const CompactRecord& in, CompactRecord& out) {
    out.subject = in.subject;
    out.line = in.line;
    out.position = in.position;
    out.program = in.program;
    out.year = in.year;
    out.file = in.file;
    out.kind = in.kind;
    out.source = in.source;
  });
  const size_t rows = d.num_nodes() + 1;
  const size_t entries = 2 * d.num_edges();
  s[kRowStart] = {sizeof(uint32_t), d.row_start, d.row_start ? rows : 0, {}};
  s[kRowOther] = {sizeof(uint32_t), d.row_other, entries, {}};
  s[kRowEntry] = {sizeof(AdjacencyEntry), d.row_entry, entries, {}};

  std::vector<ImageTableEntry> table(kImageSections);
  uint64_t at = kImageHeaderSize + kImageSections * sizeof(ImageTableEntry);
  for (uint32_t i = 0; i < kImageSections; ++i) {
    at = (at + kImageAlign - 1) / kImageAlign * kImageAlign;
    const OutSection& o = s[i];
    const uint8_t* bytes = static_cast<const uint8_t*>(
        o.data != nullptr ? o.data : static_cast<const void*>(o.owned.data()));
    const uint64_t size = o.count * o.element_size;
    table[i] = {i, o.element_size, at, o.count, ImageChecksum(bytes, size)};
    at += size;
  }
  ImageHeader header;
  std::memset(&header, 0, sizeof header);
  std::memcpy(header.magic, kImageMagic, sizeof kImageMagic);
  header.version = kImageVersion;
  header.byte_order = kImageByteOrderMark;
  header.sections = kImageSections;
  header.file_size = at;
  header.zero[0] = d.country_links ? kImageFlagCountryLinks : 0;

  // OUT may be replaced only when it is a regular file (or absent): a
  // symlink, device, directory or pipe at OUT is refused, never swapped for
  // a regular file.
  struct stat existing;
  if (lstat(path.c_str(), &existing) == 0 && !S_ISREG(existing.st_mode)) {
    return absl::FailedPreconditionError(absl::StrCat(
        path, ": exists and is not a regular file (",
        S_ISLNK(existing.st_mode)  ? "a symbolic link"
        : S_ISDIR(existing.st_mode) ? "a directory"
                                    : "a device, pipe or socket",
        "); refusing to replace it"));
  }
  // The temporary file is created fresh (mkstemp: O_CREAT|O_EXCL, so it
  // never follows or reuses anything planted there) in OUT's directory, so
  // the final rename is atomic.
  const size_t slash = path.rfind('/');
  std::string tmp = (slash == std::string::npos ? std::string()
                                                : path.substr(0, slash + 1)) +
                    "." +
                    (slash == std::string::npos ? path : path.substr(slash + 1)) +
                    ".XXXXXX";
  const int fd = mkstemp(tmp.data());
  if (fd < 0) {
    return absl::PermissionDeniedError(absl::StrCat(
        path, ": cannot create a temporary file beside it: ",
        std::strerror(errno)));
  }
  bool ok = fchmod(fd, 0644) == 0;
  auto put = [&ok, fd](const void* data, uint64_t size) {
    const char* p = static_cast<const char*>(data);
    while (ok && size > 0) {
      const ssize_t n = write(fd, p, size);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        ok = false;
        break;
      }
      p += n;
      size -= static_cast<uint64_t>(n);
    }
  };
  put(&header, sizeof header);
  put(table.data(), table.size() * sizeof(ImageTableEntry));
  uint64_t written = kImageHeaderSize + kImageSections * sizeof(ImageTableEntry);
  static const char kZeros[kImageAlign] = {};
  for (uint32_t i = 0; i < kImageSections; ++i) {
    put(kZeros, table[i].offset - written);
    const OutSection& o = s[i];
    const char* bytes = static_cast<const char*>(
        o.data != nullptr ? o.data : static_cast<const void*>(o.owned.data()));
    const uint64_t size = o.count * o.element_size;
    if (size > 0) put(bytes, size);
    written = table[i].offset + size;
  }
  if (close(fd) != 0) ok = false;
  if (!ok) {
    unlink(tmp.c_str());
    return absl::DataLossError(absl::StrCat(path, ": write failed"));
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    unlink(tmp.c_str());
    return absl::PermissionDeniedError(absl::StrCat(path, ": cannot replace"));
  }
  return absl::OkStatus();
}

}  // namespace internal

absl::Status WriteGraphImage(const Graph& graph, const std::string& path) {
  return internal::WriteImage(graph.data(), path);
}

}  // namespace embargo
