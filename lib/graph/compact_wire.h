// Reading compact records straight from protobuf wire bytes.
//
// A record stream written by the Neo4j CSV importer (or by any writer of
// records that happen to have the compact shapes, see graph_data.h) is
// loaded into columns without building a message per record: the loader
// walks the wire format itself and keeps views into the mapped file. These
// readers accept only the compact shapes, field by field, and refuse
// anything else: a field outside the shape, a singular field given twice
// (the protobuf parser would merge or overwrite), a wrong wire type,
// malformed UTF-8 in a string the graph keeps. Refusal is always safe:
// the caller then takes the general path (full parse and validation), so
// what these readers accept must load exactly as the general path would
// load it, and nothing more is required of them.

#ifndef EMBARGO_GRAPH_COMPACT_WIRE_H_
#define EMBARGO_GRAPH_COMPACT_WIRE_H_

#include <cstdint>
#include <cstring>

#include "absl/strings/string_view.h"

namespace embargo::internal {

// ReadVarint reads a base-128 varint at `p` and advances past it; false
// when it runs past `end` or over ten bytes.
inline bool ReadVarint(const uint8_t*& p, const uint8_t* end, uint64_t& out) {
  if (p < end && *p < 0x80) {  // One byte: the common case.
    out = *p++;
    return true;
  }
  out = 0;
  for (int shift = 0; shift < 64 && p < end; shift += 7) {
    const uint8_t byte = *p++;
    out |= static_cast<uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) return true;
  }
  return false;
}

// WireReader walks the fields of one message.
class WireReader {
 public:
  WireReader(const uint8_t* p, const uint8_t* end) : p_(p), end_(end) {}

  bool AtEnd() const { return p_ == end_; }

  // Next reads a field's tag; false at the end or on a malformed tag.
  bool Next(uint32_t& field, uint32_t& type) {
    uint64_t tag;
    if (p_ == end_ || !Varint(tag) || tag > UINT32_MAX) return false;
    field = static_cast<uint32_t>(tag >> 3);
    type = static_cast<uint32_t>(tag & 7);
    return field != 0;
  }

  bool Varint(uint64_t& out) { return ReadVarint(p_, end_, out); }

  // Int32 reads an int32 or enum varint as protobuf does (truncating).
  bool Int32(int32_t& out) {
    uint64_t v;
    if (!Varint(v)) return false;
    out = static_cast<int32_t>(static_cast<uint32_t>(v));
    return true;
  }

  bool Bytes(absl::string_view& out) {
    uint64_t n;
    if (!Varint(n) || n > static_cast<uint64_t>(end_ - p_)) return false;
    out = absl::string_view(reinterpret_cast<const char*>(p_), n);
    p_ += n;
    return true;
  }

  // Skip passes over a field's value of wire type `type`; false for a
  // malformed value or a type proto3 does not write (groups).
  bool Skip(uint32_t type) {
    uint64_t v;
    absl::string_view bytes;
    switch (type) {
      case 0: return Varint(v);
      case 1: return Fixed(8);
      case 2: return Bytes(bytes);
      case 5: return Fixed(4);
      default: return false;
    }
  }

  bool Double(double& out) {
    if (end_ - p_ < 8) return false;
    std::memcpy(&out, p_, 8);
    p_ += 8;
    return true;
  }

  bool Fixed(size_t n) {
    if (static_cast<size_t>(end_ - p_) < n) return false;
    p_ += n;
    return true;
  }

 private:
  const uint8_t* p_;
  const uint8_t* end_;
};

// Wire types.
inline constexpr uint32_t kWireVarint = 0;
inline constexpr uint32_t kWireFixed64 = 1;
inline constexpr uint32_t kWireBytes = 2;

// ValidUtf8 is text::IsValidUtf8 (lib/text/utf8.h), the one UTF-8 rule
// every reader applies.
bool ValidUtf8(absl::string_view s);

// The evidence of a compact record: one Evidence with a source and a
// locator, nothing else.
struct WireEvidence {
  absl::string_view source_id, locator;
};

// A compact edge record's fields. `year` is 0 when absent.
struct WireEdge {
  absl::string_view id, from, to, program;
  int32_t kind = 0;    // Relation: RelationKind.
  int32_t item = 0;    // Transfer: ItemCategory.
  int32_t status = 0;
  double share = 0;    // Relation: share_percent.
  int32_t year = 0;
  WireEvidence evidence;
};

// A compact actor record's fields.
struct WireActor {
  absl::string_view id, name, country;
  int32_t kind = 0;
  WireEvidence evidence;
};

// Each reads one record body (the bytes inside v1::Record's field); false
// unless it has the compact shape. Field values are not judged here (a
// relation kind may be out of range): the loader checks them as it checks
// records parsed by protobuf.
bool ReadWireRelation(const uint8_t* p, const uint8_t* end, WireEdge& e);
bool ReadWireTransfer(const uint8_t* p, const uint8_t* end, WireEdge& e);
bool ReadWireSanction(const uint8_t* p, const uint8_t* end, WireEdge& e);
bool ReadWireActor(const uint8_t* p, const uint8_t* end, WireActor& a);

}  // namespace embargo::internal

#endif  // EMBARGO_GRAPH_COMPACT_WIRE_H_
