#include "lib/graph/compact_wire.h"

#include "embargo/v1/records.pb.h"
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
                  return field == v1::Date::kYearFieldNumber &&
                         t == kWireVarint && d.Int32(year);
                }) &&
         year >= 1 && year <= 9999;
}

// One Evidence with only a source and a locator.
bool Evidence(WireReader& r, uint32_t type, WireEvidence& e) {
  Seen seen;
  return Nested(r, type, seen, [&](WireReader& ev, uint32_t field, uint32_t t) {
    switch (field) {
      case v1::Evidence::kSourceIdFieldNumber: return String(ev, t, e.source_id);
      case v1::Evidence::kLocatorFieldNumber: return String(ev, t, e.locator);
      default: return false;
    }
  });
}

// A Period of a relation: a start year, no end.
bool RelationPeriod(WireReader& r, uint32_t type, int32_t& year) {
  Seen seen;
  return Nested(r, type, seen,
                [&](WireReader& pr, uint32_t field, uint32_t t) {
                  return field == v1::Period::kStartFieldNumber &&
                         YearOnlyDate(pr, t, year);
                }) &&
         seen.Has(v1::Period::kStartFieldNumber);
}

// A Period of a transfer's delivery: start and end the same year.
bool DeliveryPeriod(WireReader& r, uint32_t type, int32_t& year) {
  constexpr uint32_t kStart = v1::Period::kStartFieldNumber;
  constexpr uint32_t kEnd = v1::Period::kEndFieldNumber;
  Seen seen;
  int32_t start = 0, end = 0;
  if (!Nested(r, type, seen, [&](WireReader& pr, uint32_t field, uint32_t t) {
        if (field == kStart) return YearOnlyDate(pr, t, start);
        if (field == kEnd) return YearOnlyDate(pr, t, end);
        return false;
      })) {
    return false;
  }
  if (!seen.Has(kStart) || !seen.Has(kEnd) || start != end) return false;
  year = start;
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
      using R = v1::Relation;
      case R::kIdFieldNumber: return String(r, t, e.id);
      case R::kKindFieldNumber: return Enum(r, t, e.kind);
      case R::kSubjectIdFieldNumber: return String(r, t, e.from);
      case R::kObjectIdFieldNumber: return String(r, t, e.to);
      case R::kSharePercentFieldNumber:
        return t == kWireFixed64 && r.Double(e.share);
      case R::kPeriodFieldNumber: return RelationPeriod(r, t, e.year);
      case R::kStatusFieldNumber: return Enum(r, t, e.status);
      case R::kEvidenceFieldNumber: return Evidence(r, t, e.evidence);
      default: return false;  // role, and fields the shape has not
    }
  }) && seen.Has(v1::Relation::kEvidenceFieldNumber);
}

bool ReadWireTransfer(const uint8_t* p, const uint8_t* end, WireEdge& e) {
  e = WireEdge();
  Seen seen;
  return ForEachField(p, end, seen, [&](WireReader& r, uint32_t field,
                                        uint32_t t) {
    switch (field) {
      using T = v1::Transfer;
      case T::kIdFieldNumber: return String(r, t, e.id);
      case T::kSupplierIdFieldNumber: return String(r, t, e.from);
      case T::kRecipientIdFieldNumber: return String(r, t, e.to);
      case T::kItemFieldNumber: return Enum(r, t, e.item);
      case T::kDeliveredFieldNumber: return DeliveryPeriod(r, t, e.year);
      case T::kStatusFieldNumber: return Enum(r, t, e.status);
      case T::kEvidenceFieldNumber: return Evidence(r, t, e.evidence);
      default: return false;  // quantities, designation, note, ...
    }
  }) && seen.Has(v1::Transfer::kEvidenceFieldNumber);
}

bool ReadWireSanction(const uint8_t* p, const uint8_t* end, WireEdge& e) {
  e = WireEdge();
  Seen seen;
  return ForEachField(p, end, seen, [&](WireReader& r, uint32_t field,
                                        uint32_t t) {
    switch (field) {
      using S = v1::Sanction;
      case S::kIdFieldNumber: return String(r, t, e.id);
      case S::kAuthorityIdFieldNumber: return String(r, t, e.from);
      case S::kTargetIdFieldNumber: return String(r, t, e.to);
      case S::kProgramFieldNumber:
        return String(r, t, e.program) && ValidUtf8(e.program);
      case S::kMeasuresFieldNumber: {
        // Exactly [MEASURE_ASSET_FREEZE], packed or not (a one-byte varint).
        static_assert(v1::MEASURE_ASSET_FREEZE < 0x80);
        uint64_t m;
        absl::string_view packed;
        return t == kWireVarint
                   ? r.Varint(m) && m == v1::MEASURE_ASSET_FREEZE
                   : t == kWireBytes && r.Bytes(packed) && packed.size() == 1 &&
                         packed[0] == v1::MEASURE_ASSET_FREEZE;
      }
      case S::kListedFieldNumber: return YearOnlyDate(r, t, e.year);
      case S::kStatusFieldNumber: return Enum(r, t, e.status);
      case S::kEvidenceFieldNumber: return Evidence(r, t, e.evidence);
      default: return false;  // delisted, legal basis, remarks, ...
    }
  }) && seen.Has(v1::Sanction::kMeasuresFieldNumber) &&
         seen.Has(v1::Sanction::kListedFieldNumber) &&
         seen.Has(v1::Sanction::kEvidenceFieldNumber);
}

bool ReadWireActor(const uint8_t* p, const uint8_t* end, WireActor& a) {
  a = WireActor();
  Seen seen;
  return ForEachField(p, end, seen, [&](WireReader& r, uint32_t field,
                                        uint32_t t) {
    switch (field) {
      using A = v1::Actor;
      case A::kIdFieldNumber: return String(r, t, a.id) && ValidUtf8(a.id);
      case A::kKindFieldNumber: return Enum(r, t, a.kind);
      case A::kNameFieldNumber: return String(r, t, a.name) && ValidUtf8(a.name);
      case A::kCountryFieldNumber:
        return String(r, t, a.country) && ValidUtf8(a.country);
      case A::kEvidenceFieldNumber: return Evidence(r, t, a.evidence);
      default: return false;  // aliases, identifiers, born, note, ...
    }
  }) && seen.Has(v1::Actor::kEvidenceFieldNumber);
}

}  // namespace embargo::internal
