// The vocabulary of the graph: node kinds, edge kinds, item categories,
// statuses and traversal directions, with their names and small sets of
// them for filters.
//
//   absl::StatusOr<embargo::EdgeKindSet> kinds =
//       embargo::ParseEdgeKinds("transfer,transfer_via,ownership");
//   kinds->Contains(embargo::EdgeKind::kOwnership);  // true
//
// Names are lower_snake_case and stable: the CLI, the JSON output and the
// Python bindings use them. Item categories, statuses and measures are the
// record enums of embargo/v1/records.proto; their names are the enum value
// names without the prefix ("ITEM_ARTILLERY_AMMUNITION" is
// "artillery_ammunition").

#ifndef EMBARGO_KINDS_H_
#define EMBARGO_KINDS_H_

#include <cstdint>
#include <initializer_list>
#include <string>
#include "absl/strings/string_view.h"

#include "absl/status/statusor.h"
#include "embargo/v1/records.pb.h"

namespace embargo {

// NodeKind is an actor kind (same numbers as v1::ActorKind) or an event.
enum class NodeKind : uint8_t {
  kUnspecified = 0,
  kState = 1,
  kGovernmentBody = 2,
  kMilitaryUnit = 3,
  kCompany = 4,
  kOrganization = 5,
  kPerson = 6,
  kVessel = 7,
  kAircraft = 8,
  kInternationalBody = 9,
  kLegalEntity = 10,
  kEvent = 11,
};
inline constexpr int kNumNodeKinds = 12;

// EdgeKind says what record an edge comes from and what it means. Edges run
// from supplier to recipient, authority to target, subject to object, and
// participant to event.
enum class EdgeKind : uint8_t {
  kTransfer = 0,     // Transfer: supplier -> recipient.
  kTransferVia = 1,  // Transfer through intermediaries: one leg of the route
                     // supplier -> intermediary ... -> recipient.
  kSanction = 2,     // Sanction: authority -> target.
  kOwnership = 3,    // Relation kinds: subject -> object.
  kDirectorship = 4,
  kMembership = 5,
  kEmployment = 6,
  kControl = 7,
  kFlag = 8,
  kOperator = 9,
  kFamily = 10,
  kAssociate = 11,
  kVisit = 12,
  kSpokesperson = 13,
  kPartOf = 14,
  kNationality = 15,
  kUnknownLink = 16,
  kSupport = 17,
  kParticipation = 18,  // Event participant -> event node.
  // Country links, actor -> state, derived at load from the actor's own
  // fields (embargo/country_links.h). Not walked by default.
  kRegisteredIn = 19,  // Actor.country of a non-person.
  kLocatedIn = 20,     // Actor.address_countries.
  kNationalOf = 21,    // Actor.country of a person.
};
inline constexpr int kNumEdgeKinds = 22;

// Direction says which way a query may traverse an edge.
enum class Direction : uint8_t {
  kAlong = 0,    // Only from the edge's start to its end.
  kAgainst = 1,  // Only from its end to its start.
  kEither = 2,   // Both ways.
};

// EnumSet is a set of enumerators of one enum with values below 64.
template <typename E>
class EnumSet {
 public:
  constexpr EnumSet() = default;
  constexpr EnumSet(std::initializer_list<E> values) {
    for (E v : values) Add(v);
  }
  // All returns the set of every value below `n`.
  static constexpr EnumSet All(int n) {
    EnumSet s;
    s.bits_ = n >= 64 ? ~uint64_t{0} : (uint64_t{1} << n) - 1;
    return s;
  }
  static constexpr EnumSet FromBits(uint64_t bits) {
    EnumSet s;
    s.bits_ = bits;
    return s;
  }
  constexpr void Add(E v) { bits_ |= Bit(v); }
  constexpr void Remove(E v) { bits_ &= ~Bit(v); }
  constexpr bool Contains(E v) const { return (bits_ & Bit(v)) != 0; }
  constexpr bool empty() const { return bits_ == 0; }
  constexpr uint64_t bits() const { return bits_; }
  friend constexpr bool operator==(EnumSet a, EnumSet b) {
    return a.bits_ == b.bits_;
  }

 private:
  static constexpr uint64_t Bit(E v) {
    return uint64_t{1} << static_cast<unsigned>(v);
  }
  uint64_t bits_ = 0;
};

using NodeKindSet = EnumSet<NodeKind>;
using EdgeKindSet = EnumSet<EdgeKind>;
using ItemSet = EnumSet<v1::ItemCategory>;

// AllNodeKinds, AllEdgeKinds and AllItems are the full sets.
constexpr NodeKindSet AllNodeKinds() { return NodeKindSet::All(kNumNodeKinds); }
constexpr EdgeKindSet AllEdgeKinds() { return EdgeKindSet::All(kNumEdgeKinds); }
ItemSet AllItems();

// CountryLinkKinds is {kRegisteredIn, kLocatedIn, kNationalOf}: the links
// derived from actors' country fields. They make every state a hub, so
// DefaultEdgeKinds leaves them out; ParseEdgeKinds accepts the group name
// "country_links" for all three.
constexpr EdgeKindSet CountryLinkKinds() {
  return {EdgeKind::kRegisteredIn, EdgeKind::kLocatedIn, EdgeKind::kNationalOf};
}
// CountryFilterKinds is what links an actor to a state for a country filter
// (Filter::country): the country links, nationality relations and flags.
constexpr EdgeKindSet CountryFilterKinds() {
  return {EdgeKind::kRegisteredIn, EdgeKind::kLocatedIn, EdgeKind::kNationalOf,
          EdgeKind::kNationality, EdgeKind::kFlag};
}
// DefaultEdgeKinds is every kind but the country links: what queries walk
// unless told otherwise (Filter::edge_kinds).
constexpr EdgeKindSet DefaultEdgeKinds() {
  return EdgeKindSet::FromBits(AllEdgeKinds().bits() &
                               ~CountryLinkKinds().bits());
}

// TransferKinds is {kTransfer, kTransferVia}.
constexpr EdgeKindSet TransferKinds() {
  return {EdgeKind::kTransfer, EdgeKind::kTransferVia};
}

// EdgeKindFor maps a relation kind to its edge kind.
EdgeKind EdgeKindFor(v1::RelationKind kind);
// NodeKindFor maps an actor kind to its node kind.
inline NodeKind NodeKindFor(v1::ActorKind kind) {
  return static_cast<NodeKind>(kind);
}

// Name functions return the stable lower_snake_case name; Parse functions
// accept it (case-insensitively) and fail with InvalidArgument listing the
// accepted names.
absl::string_view NodeKindName(NodeKind kind);
absl::string_view EdgeKindName(EdgeKind kind);
absl::string_view DirectionName(Direction direction);
std::string ItemName(v1::ItemCategory item);
std::string StatusName(v1::Status status);
std::string MeasureName(v1::Measure measure);
std::string RelationKindName(v1::RelationKind kind);
std::string EventKindName(v1::EventKind kind);

[[nodiscard]] absl::StatusOr<NodeKind> ParseNodeKind(absl::string_view name);
[[nodiscard]] absl::StatusOr<EdgeKind> ParseEdgeKind(absl::string_view name);
[[nodiscard]] absl::StatusOr<Direction> ParseDirection(absl::string_view name);
[[nodiscard]] absl::StatusOr<v1::ItemCategory> ParseItem(absl::string_view name);
[[nodiscard]] absl::StatusOr<v1::Status> ParseStatus(absl::string_view name);
[[nodiscard]] absl::StatusOr<v1::Measure> ParseMeasure(absl::string_view name);

// Comma-separated lists of names ("transfer,ownership"). An empty list is
// an error, as is any unknown name. In edge kind lists, "country_links"
// stands for CountryLinkKinds() and "all" for AllEdgeKinds().
[[nodiscard]] absl::StatusOr<NodeKindSet> ParseNodeKinds(absl::string_view list);
[[nodiscard]] absl::StatusOr<EdgeKindSet> ParseEdgeKinds(absl::string_view list);
[[nodiscard]] absl::StatusOr<ItemSet> ParseItems(absl::string_view list);

}  // namespace embargo

#endif  // EMBARGO_KINDS_H_
