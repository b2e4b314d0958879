// Strong integer ids for the nodes and edges of an embargo::Graph.
//
// Ids are dense within their kind: a graph with N nodes has NodeIds 0..N-1,
// so callers may index their own arrays by `id.value()`. The two kinds are
// distinct types; a NodeId cannot be passed where an EdgeId is expected.
//
//   embargo::NodeId rus = *graph.FindNode("RUS");
//   std::vector<int> seen(graph.num_nodes());
//   seen[rus.value()] = 1;

#ifndef EMBARGO_IDS_H_
#define EMBARGO_IDS_H_

#include <cstdint>
#include <functional>
#include <limits>
#include <utility>

namespace embargo {

// StrongId is a 32-bit index tagged with the kind of thing it indexes.
template <typename Tag>
class StrongId {
 public:
  using ValueType = uint32_t;
  static constexpr ValueType kInvalidValue =
      std::numeric_limits<ValueType>::max();

  constexpr StrongId() = default;
  constexpr explicit StrongId(ValueType value) : value_(value) {}

  // value returns the dense index.
  constexpr ValueType value() const { return value_; }
  // valid is false for a default-constructed id.
  constexpr bool valid() const { return value_ != kInvalidValue; }

  friend constexpr bool operator==(StrongId a, StrongId b) {
    return a.value_ == b.value_;
  }
  friend constexpr bool operator!=(StrongId a, StrongId b) {
    return a.value_ != b.value_;
  }
  friend constexpr bool operator<(StrongId a, StrongId b) {
    return a.value_ < b.value_;
  }

  template <typename H>
  friend H AbslHashValue(H h, StrongId id) {
    return H::combine(std::move(h), id.value_);
  }

 private:
  ValueType value_ = kInvalidValue;
};

struct NodeIdTag {};
struct EdgeIdTag {};

// NodeId names a node: an actor or an event.
using NodeId = StrongId<NodeIdTag>;
// EdgeId names an edge: a transfer (or one leg of it through an
// intermediary), a sanction, a relation, or an event participation.
using EdgeId = StrongId<EdgeIdTag>;

}  // namespace embargo

template <typename Tag>
struct std::hash<embargo::StrongId<Tag>> {
  size_t operator()(embargo::StrongId<Tag> id) const noexcept {
    return std::hash<uint32_t>()(id.value());
  }
};

#endif  // EMBARGO_IDS_H_
