#include "embargo/kinds.h"

#include <array>
#include <string>
#include "absl/strings/string_view.h"

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "google/protobuf/descriptor.h"

namespace embargo {
namespace {

constexpr std::array<absl::string_view, kNumNodeKinds> kNodeKindNames = {
    "unspecified", "state",   "government_body", "military_unit",
    "company",     "organization", "person",     "vessel",
    "aircraft",    "international_body", "legal_entity", "event"};

constexpr std::array<absl::string_view, kNumEdgeKinds> kEdgeKindNames = {
    "transfer",     "transfer_via", "sanction",  "ownership",
    "directorship", "membership",   "employment", "control",
    "flag",         "operator",     "family",    "associate",
    "visit",        "spokesperson", "part_of",   "nationality",
    "unknown_link", "support",      "participation", "registered_in",
    "located_in",   "national_of"};

constexpr std::array<absl::string_view, 3> kDirectionNames = {"along", "against",
                                                             "either"};

template <size_t N>
absl::StatusOr<int> FindName(const std::array<absl::string_view, N>& names,
                             absl::string_view name, absl::string_view what,
                             size_t first = 0) {
  const std::string lower = absl::AsciiStrToLower(absl::StripAsciiWhitespace(name));
  for (size_t i = first; i < N; ++i) {
    if (names[i] == lower) return static_cast<int>(i);
  }
  std::vector<absl::string_view> accepted(names.begin() + first, names.end());
  return absl::InvalidArgumentError(absl::StrCat("unknown ", what, " \"", name,
                                                 "\"; expected one of: ",
                                                 absl::StrJoin(accepted, ", ")));
}

// Proto enum value names without their prefix, lower-cased:
// ITEM_ARTILLERY_AMMUNITION -> artillery_ammunition.
std::string ProtoEnumName(const google::protobuf::EnumDescriptor* desc,
                          int value, absl::string_view prefix) {
  const google::protobuf::EnumValueDescriptor* v = desc->FindValueByNumber(value);
  if (v == nullptr) return absl::StrCat("unknown(", value, ")");
  return absl::AsciiStrToLower(absl::StripPrefix(v->name(), prefix));
}

absl::StatusOr<int> ParseProtoEnum(const google::protobuf::EnumDescriptor* desc,
                                   absl::string_view name,
                                   absl::string_view prefix,
                                   absl::string_view what) {
  const std::string upper = absl::StrCat(
      prefix, absl::AsciiStrToUpper(absl::StripAsciiWhitespace(name)));
  const google::protobuf::EnumValueDescriptor* v = desc->FindValueByName(upper);
  if (v != nullptr && v->number() != 0) return v->number();
  std::vector<std::string> accepted;
  for (int i = 0; i < desc->value_count(); ++i) {
    if (desc->value(i)->number() == 0) continue;
    accepted.push_back(
        absl::AsciiStrToLower(absl::StripPrefix(desc->value(i)->name(), prefix)));
  }
  return absl::InvalidArgumentError(absl::StrCat("unknown ", what, " \"", name,
                                                 "\"; expected one of: ",
                                                 absl::StrJoin(accepted, ", ")));
}

template <typename Set, typename ParseOne>
absl::StatusOr<Set> ParseList(absl::string_view list, absl::string_view what,
                              ParseOne parse_one) {
  Set set;
  for (absl::string_view part : absl::StrSplit(list, ',', absl::SkipWhitespace())) {
    auto value = parse_one(part);
    if (!value.ok()) return value.status();
    set.Add(*value);
  }
  if (set.empty()) {
    return absl::InvalidArgumentError(absl::StrCat("empty list of ", what));
  }
  return set;
}

}  // namespace

ItemSet AllItems() {
  ItemSet s;
  const google::protobuf::EnumDescriptor* d = v1::ItemCategory_descriptor();
  for (int i = 0; i < d->value_count(); ++i) {
    s.Add(static_cast<v1::ItemCategory>(d->value(i)->number()));
  }
  return s;
}

EdgeKind EdgeKindFor(v1::RelationKind kind) {
  switch (kind) {
    case v1::RELATION_KIND_OWNERSHIP:
      return EdgeKind::kOwnership;
    case v1::RELATION_KIND_DIRECTORSHIP:
      return EdgeKind::kDirectorship;
    case v1::RELATION_KIND_MEMBERSHIP:
      return EdgeKind::kMembership;
    case v1::RELATION_KIND_EMPLOYMENT:
      return EdgeKind::kEmployment;
    case v1::RELATION_KIND_CONTROL:
      return EdgeKind::kControl;
    case v1::RELATION_KIND_FLAG:
      return EdgeKind::kFlag;
    case v1::RELATION_KIND_OPERATOR:
      return EdgeKind::kOperator;
    case v1::RELATION_KIND_FAMILY:
      return EdgeKind::kFamily;
    case v1::RELATION_KIND_ASSOCIATE:
      return EdgeKind::kAssociate;
    case v1::RELATION_KIND_VISIT:
      return EdgeKind::kVisit;
    case v1::RELATION_KIND_SPOKESPERSON:
      return EdgeKind::kSpokesperson;
    case v1::RELATION_KIND_PART_OF:
      return EdgeKind::kPartOf;
    case v1::RELATION_KIND_NATIONALITY:
      return EdgeKind::kNationality;
    case v1::RELATION_KIND_SUPPORT:
      return EdgeKind::kSupport;
    case v1::RELATION_KIND_REGISTERED_IN:
      return EdgeKind::kRegisteredIn;
    case v1::RELATION_KIND_LOCATED_IN:
      return EdgeKind::kLocatedIn;
    case v1::RELATION_KIND_NATIONAL_OF:
      return EdgeKind::kNationalOf;
    case v1::RELATION_KIND_UNKNOWN_LINK:
    default:
      return EdgeKind::kUnknownLink;
  }
}

absl::string_view NodeKindName(NodeKind kind) {
  const auto i = static_cast<size_t>(kind);
  return i < kNodeKindNames.size() ? kNodeKindNames[i] : "unknown";
}
absl::string_view EdgeKindName(EdgeKind kind) {
  const auto i = static_cast<size_t>(kind);
  return i < kEdgeKindNames.size() ? kEdgeKindNames[i] : "unknown";
}
absl::string_view DirectionName(Direction direction) {
  const auto i = static_cast<size_t>(direction);
  return i < kDirectionNames.size() ? kDirectionNames[i] : "unknown";
}

std::string ItemName(v1::ItemCategory item) {
  return ProtoEnumName(v1::ItemCategory_descriptor(), item, "ITEM_");
}
std::string StatusName(v1::Status status) {
  return ProtoEnumName(v1::Status_descriptor(), status, "STATUS_");
}
std::string MeasureName(v1::Measure measure) {
  return ProtoEnumName(v1::Measure_descriptor(), measure, "MEASURE_");
}
std::string RelationKindName(v1::RelationKind kind) {
  return ProtoEnumName(v1::RelationKind_descriptor(), kind, "RELATION_KIND_");
}
std::string EventKindName(v1::EventKind kind) {
  return ProtoEnumName(v1::EventKind_descriptor(), kind, "EVENT_KIND_");
}

absl::StatusOr<NodeKind> ParseNodeKind(absl::string_view name) {
  absl::StatusOr<int> i = FindName(kNodeKindNames, name, "node kind", 1);
  if (!i.ok()) return i.status();
  return static_cast<NodeKind>(*i);
}
absl::StatusOr<EdgeKind> ParseEdgeKind(absl::string_view name) {
  absl::StatusOr<int> i = FindName(kEdgeKindNames, name, "edge kind");
  if (!i.ok()) return i.status();
  return static_cast<EdgeKind>(*i);
}
absl::StatusOr<Direction> ParseDirection(absl::string_view name) {
  absl::StatusOr<int> i = FindName(kDirectionNames, name, "direction");
  if (!i.ok()) return i.status();
  return static_cast<Direction>(*i);
}
absl::StatusOr<v1::ItemCategory> ParseItem(absl::string_view name) {
  absl::StatusOr<int> i =
      ParseProtoEnum(v1::ItemCategory_descriptor(), name, "ITEM_", "item category");
  if (!i.ok()) return i.status();
  return static_cast<v1::ItemCategory>(*i);
}
absl::StatusOr<v1::Status> ParseStatus(absl::string_view name) {
  absl::StatusOr<int> i =
      ParseProtoEnum(v1::Status_descriptor(), name, "STATUS_", "status");
  if (!i.ok()) return i.status();
  return static_cast<v1::Status>(*i);
}
absl::StatusOr<v1::Measure> ParseMeasure(absl::string_view name) {
  absl::StatusOr<int> i =
      ParseProtoEnum(v1::Measure_descriptor(), name, "MEASURE_", "measure");
  if (!i.ok()) return i.status();
  return static_cast<v1::Measure>(*i);
}

absl::StatusOr<NodeKindSet> ParseNodeKinds(absl::string_view list) {
  return ParseList<NodeKindSet>(list, "node kinds", ParseNodeKind);
}
absl::StatusOr<EdgeKindSet> ParseEdgeKinds(absl::string_view list) {
  EdgeKindSet groups;
  std::vector<std::string> rest;
  for (absl::string_view part : absl::StrSplit(list, ',', absl::SkipWhitespace())) {
    const std::string name =
        absl::AsciiStrToLower(absl::StripAsciiWhitespace(part));
    if (name == "country_links") {
      groups = EdgeKindSet::FromBits(groups.bits() | CountryLinkKinds().bits());
    } else if (name == "all") {
      groups = AllEdgeKinds();
    } else {
      rest.push_back(std::string(part));
    }
  }
  if (rest.empty()) {
    if (groups.empty()) {
      return absl::InvalidArgumentError("empty list of edge kinds");
    }
    return groups;
  }
  absl::StatusOr<EdgeKindSet> named = ParseList<EdgeKindSet>(
      absl::StrJoin(rest, ","), "edge kinds", ParseEdgeKind);
  if (!named.ok()) return named.status();
  return EdgeKindSet::FromBits(named->bits() | groups.bits());
}
absl::StatusOr<ItemSet> ParseItems(absl::string_view list) {
  return ParseList<ItemSet>(list, "item categories", ParseItem);
}

}  // namespace embargo
