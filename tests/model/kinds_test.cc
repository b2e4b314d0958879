#include "embargo/kinds.h"

#include "gtest/gtest.h"

namespace embargo {
namespace {

TEST(KindsTest, NamesRoundTrip) {
  for (int i = 0; i < kNumEdgeKinds; ++i) {
    const auto k = static_cast<EdgeKind>(i);
    absl::StatusOr<EdgeKind> parsed = ParseEdgeKind(EdgeKindName(k));
    ASSERT_TRUE(parsed.ok()) << EdgeKindName(k);
    EXPECT_EQ(*parsed, k);
  }
  for (int i = 1; i < kNumNodeKinds; ++i) {
    const auto k = static_cast<NodeKind>(i);
    EXPECT_EQ(*ParseNodeKind(NodeKindName(k)), k);
  }
  EXPECT_EQ(ItemName(v1::ITEM_ARTILLERY_AMMUNITION), "artillery_ammunition");
  EXPECT_EQ(*ParseItem("Artillery_Ammunition"), v1::ITEM_ARTILLERY_AMMUNITION);
  EXPECT_EQ(StatusName(v1::STATUS_ALLEGED), "alleged");
  EXPECT_EQ(*ParseStatus("confirmed"), v1::STATUS_CONFIRMED);
  EXPECT_EQ(MeasureName(v1::MEASURE_ARMS_EMBARGO_IMPORTS), "arms_embargo_imports");
  EXPECT_EQ(*ParseDirection("either"), Direction::kEither);
}

TEST(KindsTest, UnknownNamesListTheAcceptedOnes) {
  absl::StatusOr<v1::ItemCategory> bad = ParseItem("bananas");
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("artillery_ammunition"),
            absl::string_view::npos);
  EXPECT_FALSE(ParseItem("unspecified").ok());  // The zero value is not a name.
  EXPECT_FALSE(ParseEdgeKind("").ok());
}

TEST(KindsTest, ListsParse) {
  absl::StatusOr<EdgeKindSet> kinds = ParseEdgeKinds("transfer, ownership");
  ASSERT_TRUE(kinds.ok());
  EXPECT_TRUE(kinds->Contains(EdgeKind::kTransfer));
  EXPECT_TRUE(kinds->Contains(EdgeKind::kOwnership));
  EXPECT_FALSE(kinds->Contains(EdgeKind::kFlag));
  EXPECT_FALSE(ParseEdgeKinds("").ok());
  EXPECT_FALSE(ParseEdgeKinds("transfer,nope").ok());
  absl::StatusOr<ItemSet> items = ParseItems("rockets,missiles");
  ASSERT_TRUE(items.ok());
  EXPECT_TRUE(items->Contains(v1::ITEM_ROCKETS));
  EXPECT_FALSE(items->Contains(v1::ITEM_DRONES));
}

TEST(KindsTest, RelationKindsMapToEdgeKinds) {
  EXPECT_EQ(EdgeKindFor(v1::RELATION_KIND_OWNERSHIP), EdgeKind::kOwnership);
  EXPECT_EQ(EdgeKindFor(v1::RELATION_KIND_FLAG), EdgeKind::kFlag);
  EXPECT_EQ(EdgeKindFor(v1::RELATION_KIND_SUPPORT), EdgeKind::kSupport);
  EXPECT_EQ(EdgeKindFor(v1::RELATION_KIND_UNKNOWN_LINK), EdgeKind::kUnknownLink);
  EXPECT_TRUE(AllItems().Contains(v1::ITEM_OTHER));
}

}  // namespace
}  // namespace embargo
