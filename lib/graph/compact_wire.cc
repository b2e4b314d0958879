#include "lib/graph/compact_wire.h"

#include "google/protobuf/stubs/common.h"

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

// A Date with a year only (1..9999), as the compact forms store it.
bool YearOnlyDate(WireReader& r, uint32_t type, int32_t& year) {
  const uint8_t* p;
  const uint8_t* end;
  if (type != kWireBytes || !Sub(r, p, end)) return false;
  WireReader d(p, end);
  Seen seen;
  year = 0;
  uint32_t field, t;
  while (!d.AtEnd()) {
    if (!d.Next(field, t) || field != 1 || t != kWireVarint ||
        !seen.First(field) || !d.Int32(year)) {
      return false;
    }
  }
  return year >= 1 && year <= 9999;
}

// One Evidence with only a source and a locator.
bool Evidence(WireReader& r, uint32_t type, WireEvidence& e) {
  const uint8_t* p;
  const uint8_t* end;
  if (type != kWireBytes || !Sub(r, p, end)) return false;
  WireReader ev(p, end);
  Seen seen;
  uint32_t field, t;
  while (!ev.AtEnd()) {
    if (!ev.Next(field, t) || !seen.First(field)) return false;
    switch (field) {
      case 1:
        if (!String(ev, t, e.source_id)) return false;
        break;
      case 8:
        if (!String(ev, t, e.locator)) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

// A Period of a relation: a start year, no end.
bool RelationPeriod(WireReader& r, uint32_t type, int32_t& year) {
  const uint8_t* p;
  const uint8_t* end;
  if (type != kWireBytes || !Sub(r, p, end)) return false;
  WireReader pr(p, end);
  uint32_t field, t;
  bool start = false;
  while (!pr.AtEnd()) {
    if (!pr.Next(field, t) || field != 1 || start ||
        !YearOnlyDate(pr, t, year)) {
      return false;
    }
    start = true;
  }
  return start;
}

// A Period of a transfer's delivery: start and end the same year.
bool DeliveryPeriod(WireReader& r, uint32_t type, int32_t& year) {
  const uint8_t* p;
  const uint8_t* end;
  if (type != kWireBytes || !Sub(r, p, end)) return false;
  WireReader pr(p, end);
  Seen seen;
  int32_t years[3] = {0, 0, 0};
  uint32_t field, t;
  while (!pr.AtEnd()) {
    if (!pr.Next(field, t) || (field != 1 && field != 2) ||
        !seen.First(field) || !YearOnlyDate(pr, t, years[field])) {
      return false;
    }
  }
  if (!seen.Has(1) || !seen.Has(2) || years[1] != years[2]) return false;
  year = years[1];
  return true;
}

}  // namespace

bool ValidUtf8(absl::string_view s) {
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    if ((w & 0x8080808080808080ull) != 0) break;
  }
  for (; i < s.size(); ++i) {
    if (static_cast<unsigned char>(s[i]) >= 0x80) {
      return google::protobuf::internal::IsStructurallyValidUTF8(
          s.data(), static_cast<int>(s.size()));
    }
  }
  return true;
}

bool ReadWireRelation(const uint8_t* p, const uint8_t* end, WireEdge& e) {
  e = WireEdge();
  WireReader r(p, end);
  Seen seen;
  uint32_t field, t;
  while (!r.AtEnd()) {
    if (!r.Next(field, t) || !seen.First(field)) return false;
    bool ok;
    switch (field) {
      case 1: ok = String(r, t, e.id); break;
      case 2: ok = Enum(r, t, e.kind); break;
      case 3: ok = String(r, t, e.from); break;
      case 4: ok = String(r, t, e.to); break;
      case 5: ok = t == kWireFixed64 && r.Double(e.share); break;
      case 7: ok = RelationPeriod(r, t, e.year); break;
      case 8: ok = Enum(r, t, e.status); break;
      case 9: ok = Evidence(r, t, e.evidence); break;
      default: ok = false;  // role, and fields the shape has not
    }
    if (!ok) return false;
  }
  return seen.Has(9);
}

bool ReadWireTransfer(const uint8_t* p, const uint8_t* end, WireEdge& e) {
  e = WireEdge();
  WireReader r(p, end);
  Seen seen;
  uint32_t field, t;
  while (!r.AtEnd()) {
    if (!r.Next(field, t) || !seen.First(field)) return false;
    bool ok;
    switch (field) {
      case 1: ok = String(r, t, e.id); break;
      case 2: ok = String(r, t, e.from); break;
      case 3: ok = String(r, t, e.to); break;
      case 5: ok = Enum(r, t, e.item); break;
      case 10: ok = DeliveryPeriod(r, t, e.year); break;
      case 12: ok = Enum(r, t, e.status); break;
      case 15: ok = Evidence(r, t, e.evidence); break;
      default: ok = false;  // quantities, designation, note, ...
    }
    if (!ok) return false;
  }
  return seen.Has(15);
}

bool ReadWireSanction(const uint8_t* p, const uint8_t* end, WireEdge& e) {
  e = WireEdge();
  WireReader r(p, end);
  Seen seen;
  uint32_t field, t;
  while (!r.AtEnd()) {
    if (!r.Next(field, t) || !seen.First(field)) return false;
    bool ok;
    switch (field) {
      case 1: ok = String(r, t, e.id); break;
      case 2: ok = String(r, t, e.from); break;
      case 3: ok = String(r, t, e.to); break;
      case 4: ok = String(r, t, e.program) && ValidUtf8(e.program); break;
      case 5: {  // measures: exactly [MEASURE_ASSET_FREEZE], packed or not.
        uint64_t m;
        if (t == kWireVarint) {
          ok = r.Varint(m) && m == 1;
        } else {
          absl::string_view packed;
          ok = t == kWireBytes && r.Bytes(packed) && packed.size() == 1 &&
               packed[0] == 1;
        }
        break;
      }
      case 7: ok = YearOnlyDate(r, t, e.year); break;
      case 12: ok = Enum(r, t, e.status); break;
      case 13: ok = Evidence(r, t, e.evidence); break;
      default: ok = false;  // delisted, legal basis, remarks, ...
    }
    if (!ok) return false;
  }
  return seen.Has(5) && seen.Has(7) && seen.Has(13);
}

bool ReadWireActor(const uint8_t* p, const uint8_t* end, WireActor& a) {
  a = WireActor();
  WireReader r(p, end);
  Seen seen;
  uint32_t field, t;
  while (!r.AtEnd()) {
    if (!r.Next(field, t) || !seen.First(field)) return false;
    bool ok;
    switch (field) {
      case 1: ok = String(r, t, a.id) && ValidUtf8(a.id); break;
      case 2: ok = Enum(r, t, a.kind); break;
      case 3: ok = String(r, t, a.name) && ValidUtf8(a.name); break;
      case 5: ok = String(r, t, a.country) && ValidUtf8(a.country); break;
      case 10: ok = Evidence(r, t, a.evidence); break;
      default: ok = false;  // aliases, identifiers, born, note, ...
    }
    if (!ok) return false;
  }
  return seen.Has(10);
}

}  // namespace embargo::internal
