#include "lib/graph/compact_wire.h"

#include "google/protobuf/stubs/common.h"
#include "lib/text/utf8.h"

namespace embargo::internal {
namespace {

// Seen tracks singular fields: a second occurrence refuses the record.
class Seen {
 public:
  bool First(uint32_t field) {
    if (field >= 64) return false;
    const uint64_t bit = uint64_t{1} << field;
    if ((bits_ & bit) != 0) return false;
    bits_ |= bit;
    return true;
  }
  bool Has(uint32_t field) const { return (bits_ >> field) & 1; }

 private:
  uint64_t bits_ = 0;
};

// ForEachField calls on_field(reader, field, wire type) for each field of
// the message in [p, end); false at a malformed tag, a singular field given
// twice or a field on_field refuses. `seen` records the fields met.
template <typename OnField>
bool ForEachField(const uint8_t* p, const uint8_t* end, Seen& seen,
                  OnField on_field) {
  WireReader r(p, end);
  uint32_t field, type;
  while (!r.AtEnd()) {
    if (!r.Next(field, type) || !seen.First(field) || !on_field(r, field, type)) {
      return false;
    }
  }
  return true;
}

bool Sub(WireReader& r, const uint8_t*& p, const uint8_t*& end) {
  absl::string_view bytes;
  if (!r.Bytes(bytes)) return false;
  p = reinterpret_cast<const uint8_t*>(bytes.data());
  end = p + bytes.size();
  return true;
}

bool String(WireReader& r, uint32_t type, absl::string_view& out) {
  return type == kWireBytes && r.Bytes(out);
}

bool Enum(WireReader& r, uint32_t type, int32_t& out) {
  return type == kWireVarint && r.Int32(out);
}

// Nested reads a message field: ForEachField over its bytes.
template <typename OnField>
bool Nested(WireReader& r, uint32_t type, Seen& seen, OnField on_field) {
  const uint8_t* p;
  const uint8_t* end;
  return type == kWireBytes && Sub(r, p, end) &&
         ForEachField(p, end, seen, on_field);
}

// A Date with a year only (1..9999), as the compact forms store it.
bool YearOnlyDate(WireReader& r, uint32_t type, int32_t& year) {
  Seen seen;
  year = 0;
  return Nested(r, type, seen,
                [&](WireReader& d, uint32_t field, uint32_t t) {
                  return field == 1 && t == kWireVarint && d.Int32(year);
                }) &&
         year >= 1 && year <= 9999;
}

// One Evidence with only a source and a locator.
bool Evidence(WireReader& r, uint32_t type, WireEvidence& e) {
  Seen seen;
  return Nested(r, type, seen, [&](WireReader& ev, uint32_t field, uint32_t t) {
    switch (field) {
      case 1: return String(ev, t, e.source_id);
      case 8: return String(ev, t, e.locator);
      default: return false;
    }
  });
}

// A Period of a relation: a start year, no end.
bool RelationPeriod(WireReader& r, uint32_t type, int32_t& year) {
  Seen seen;
  return Nested(r, type, seen,
                [&](WireReader& pr, uint32_t field, uint32_t t) {
                  return field == 1 && YearOnlyDate(pr, t, year);
                }) &&
         seen.Has(1);
}

// A Period of a transfer's delivery: start and end the same year.
bool DeliveryPeriod(WireReader& r, uint32_t type, int32_t& year) {
  Seen seen;
  int32_t years[3] = {0, 0, 0};
  if (!Nested(r, type, seen, [&](WireReader& pr, uint32_t field, uint32_t t) {
        return (field == 1 || field == 2) && YearOnlyDate(pr, t, years[field]);
      })) {
    return false;
  }
  if (!seen.Has(1) || !seen.Has(2) || years[1] != years[2]) return false;
  year = years[1];
  return true;
}

}  // namespace

bool ValidUtf8(absl::string_view s) { return text::IsValidUtf8(s); }

bool ReadWireRelation(const uint8_t* p, const uint8_t* end, WireEdge& e) {
  e = WireEdge();
  Seen seen;
  return ForEachField(p, end, seen, [&](WireReader& r, uint32_t field,
                                        uint32_t t) {
    switch (field) {
      case 1: return String(r, t, e.id);
      case 2: return Enum(r, t, e.kind);
      case 3: return String(r, t, e.from);
      case 4: return String(r, t, e.to);
      case 5: return t == kWireFixed64 && r.Double(e.share);
      case 7: return RelationPeriod(r, t, e.year);
      case 8: return Enum(r, t, e.status);
      case 9: return Evidence(r, t, e.evidence);
      default: return false;  // role, and fields the shape has not
    }
  }) && seen.Has(9);
}

bool ReadWireTransfer(const uint8_t* p, const uint8_t* end, WireEdge& e) {
  e = WireEdge();
  Seen seen;
  return ForEachField(p, end, seen, [&](WireReader& r, uint32_t field,
                                        uint32_t t) {
    switch (field) {
      case 1: return String(r, t, e.id);
      case 2: return String(r, t, e.from);
      case 3: return String(r, t, e.to);
      case 5: return Enum(r, t, e.item);
      case 10: return DeliveryPeriod(r, t, e.year);
      case 12: return Enum(r, t, e.status);
      case 15: return Evidence(r, t, e.evidence);
      default: return false;  // quantities, designation, note, ...
    }
  }) && seen.Has(15);
}

bool ReadWireSanction(const uint8_t* p, const uint8_t* end, WireEdge& e) {
  e = WireEdge();
  Seen seen;
  return ForEachField(p, end, seen, [&](WireReader& r, uint32_t field,
                                        uint32_t t) {
    switch (field) {
      case 1: return String(r, t, e.id);
      case 2: return String(r, t, e.from);
      case 3: return String(r, t, e.to);
      case 4: return String(r, t, e.program) && ValidUtf8(e.program);
      case 5: {  // measures: exactly [MEASURE_ASSET_FREEZE], packed or not.
        uint64_t m;
        absl::string_view packed;
        return t == kWireVarint
                   ? r.Varint(m) && m == 1
                   : t == kWireBytes && r.Bytes(packed) && packed.size() == 1 &&
                         packed[0] == 1;
      }
      case 7: return YearOnlyDate(r, t, e.year);
      case 12: return Enum(r, t, e.status);
      case 13: return Evidence(r, t, e.evidence);
      default: return false;  // delisted, legal basis, remarks, ...
    }
  }) && seen.Has(5) && seen.Has(7) && seen.Has(13);
}

bool ReadWireActor(const uint8_t* p, const uint8_t* end, WireActor& a) {
  a = WireActor();
  Seen seen;
  return ForEachField(p, end, seen, [&](WireReader& r, uint32_t field,
                                        uint32_t t) {
    switch (field) {
      case 1: return String(r, t, a.id) && ValidUtf8(a.id);
      case 2: return Enum(r, t, a.kind);
      case 3: return String(r, t, a.name) && ValidUtf8(a.name);
      case 5: return String(r, t, a.country) && ValidUtf8(a.country);
      case 10: return Evidence(r, t, a.evidence);
      default: return false;  // aliases, identifiers, born, note, ...
    }
  }) && seen.Has(10);
}

}  // namespace embargo::internal
