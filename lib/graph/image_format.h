// The layout of graph images (embargo/image.h), shared by their writer
// (image_write.cc) and reader (image_read.cc): a change to the layout is made
// here, and kImageVersion guards the files written before it.
//
// Layout (little-endian):
//   header  64 bytes: magic "EMBGRAPH", u32 version, u32 byte-order mark
//           0x01020304, u64 section count, u64 file size, u8 flags (bit 0:
//           the graph has its country links), 31 zero bytes;
//   table   per section, in SectionId order: u32 id, u32 element size,
//           u64 offset, u64 element count, u64 checksum of its bytes;
//   data    each section at a multiple of 64 bytes, zero padded.
// A string column is two sections: u64 offsets (count + 1) and the bytes.
// Structs with padding (Origin, CompactRecord) are written with zeroed
// padding, so that equal graphs give equal files.
//

#ifndef EMBARGO_LIB_GRAPH_IMAGE_FORMAT_H_
#define EMBARGO_LIB_GRAPH_IMAGE_FORMAT_H_

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace embargo::internal {

inline constexpr char kImageMagic[8] = {'E', 'M', 'B', 'G', 'R', 'A', 'P', 'H'};
// Version 2 added the country-link edge kinds (registered_in, located_in,
// national_of) and the flags byte; a version 1 image is refused rather
// than read without knowing whether it has country links.
inline constexpr uint32_t kImageVersion = 2;
inline constexpr uint8_t kImageFlagCountryLinks = 1;
inline constexpr uint32_t kImageByteOrderMark = 0x01020304;
inline constexpr uint64_t kImageAlign = 64;
inline constexpr size_t kImageHeaderSize = 64;

enum ImageSection : uint32_t {
  kFilesOffsets,
  kFilesBytes,
  kFileForms,
  kEvidenceSourcesOffsets,
  kEvidenceSourcesBytes,
  kProgramsOffsets,
  kProgramsBytes,
  kSources,
  kNodeIdOffsets,
  kNodeIdBytes,
  kNodeNameOffsets,
  kNodeNameBytes,
  kNodeCountryOffsets,
  kNodeCountryBytes,
  kNodeKind,
  kNodeRecord,
  kEdgeFrom,
  kEdgeTo,
  kEdgeKind,
  kEdgeItem,
  kEdgeStatus,
  kEdgeDays,
  kEdgeShare,
  kEdgeRecord,
  kArena,
  kRecordOffset,
  kRecordOrigin,
  kCompact,
  kRowStart,
  kRowOther,
  kRowEntry,
  kImageSections
};

inline constexpr const char* kImageSectionNames[kImageSections] = {
    "files.offsets",    "files.bytes",        "file_forms",
    "evidence_sources.offsets", "evidence_sources.bytes",
    "programs.offsets", "programs.bytes",     "sources",
    "node_id.offsets",  "node_id.bytes",      "node_name.offsets",
    "node_name.bytes",  "node_country.offsets", "node_country.bytes",
    "node_kind",        "node_record",        "edge_from",
    "edge_to",          "edge_kind",          "edge_item",
    "edge_status",      "edge_days",          "edge_share",
    "edge_record",      "arena",              "record_offset",
    "record_origin",    "compact",            "row_start",
    "row_other",        "row_entry"};

// File forms: bit 0 record stream, bit 1 CSV.
inline constexpr uint8_t kImageFormStream = 1;
inline constexpr uint8_t kImageFormCsv = 2;

struct ImageTableEntry {
  uint32_t id;
  uint32_t element_size;
  uint64_t offset;
  uint64_t count;
  uint64_t checksum;
};
static_assert(sizeof(ImageTableEntry) == 32);

struct ImageHeader {
  char magic[8];
  uint32_t version;
  uint32_t byte_order;
  uint64_t sections;
  uint64_t file_size;
  uint8_t zero[32];
};
static_assert(sizeof(ImageHeader) == kImageHeaderSize);

// ImageChecksum: four multiply-rotate lanes over 8-byte words, so that it runs
// at memory speed. It detects corruption, not tampering; the checks after
// it are what make a hostile file harmless.
inline uint64_t ImageChecksum(const uint8_t* p, size_t n) {
  auto step = [](uint64_t x, uint64_t w) {
    x = (x ^ w) * 0x9E3779B97F4A7C15ull;
    return (x << 31) | (x >> 33);
  };
  uint64_t h[4] = {0x243F6A8885A308D3ull, 0x13198A2E03707344ull,
                   0xA4093822299F31D0ull, 0x082EFA98EC4E6C89ull};
  size_t i = 0;
  for (; i + 32 <= n; i += 32) {
    uint64_t w[4];
    std::memcpy(w, p + i, 32);
    for (int k = 0; k < 4; ++k) h[k] = step(h[k], w[k]);
  }
  if (n > i) {
    uint64_t tail[4] = {0, 0, 0, 0};
    std::memcpy(tail, p + i, n - i);
    for (int k = 0; k < 4; ++k) h[k] = step(h[k], tail[k]);
  }
  uint64_t out = n;
  for (int k = 0; k < 4; ++k) out = step(out, h[k]);
  return out;
}

}  // namespace embargo::internal

#endif  // EMBARGO_LIB_GRAPH_IMAGE_FORMAT_H_
