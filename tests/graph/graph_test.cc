#include "embargo/graph.h"

#include <set>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/dataset_builder.h"

namespace embargo {
namespace {

using ::testing::HasSubstr;
using testing::DatasetBuilder;

DatasetBuilder Sample() {
  DatasetBuilder b;
  b.State("RUS").State("PRK").Actor("SHIP", v1::ACTOR_KIND_VESSEL, "RUS");
  b.dataset().mutable_actors(0)->set_name("Russian Federation");
  b.dataset().mutable_actors(0)->add_aliases("Russia");
  b.Actor("P1", v1::ACTOR_KIND_PERSON);
  b.dataset().mutable_actors(3)->set_name("Sergei Shoïgu");
  b.Transfer("T1", "PRK", "RUS", v1::ITEM_ROCKETS, v1::STATUS_ALLEGED, 2023,
             {"SHIP"});
  b.Relation("R1", v1::RELATION_KIND_OWNERSHIP, "RUS", "SHIP", 75);
  b.Sanction("S1", "RUS", "P1", "X", {v1::MEASURE_TRAVEL_BAN}, 2020, 2022);
  b.Event("E1", v1::EVENT_KIND_VISIT, {"P1"}, 2023);
  b.dataset().mutable_events(0)->set_place_id("PRK");
  return b;
}

TEST(GraphTest, NodesAndEdgesFromRecords) {
  Graph g = Sample().BuildGraph();
  // 4 actors + 1 event.
  EXPECT_EQ(g.num_nodes(), 5u);
  // Transfer: 1 direct + 2 legs; relation 1; sanction 1; event: P1 and the
  // place PRK.
  EXPECT_EQ(g.num_edges(), 7u);
  NodeId rus = *g.FindNode("RUS");
  EXPECT_EQ(g.node_kind(rus), NodeKind::kState);
  EXPECT_EQ(g.node_name(rus), "Russian Federation");
  EXPECT_EQ(g.node_kind(*g.FindNode("E1")), NodeKind::kEvent);
  EXPECT_EQ(g.node_country(*g.FindNode("SHIP")), "RUS");
  EXPECT_FALSE(g.FindNode("USA").has_value());
  EXPECT_EQ(g.Node("USA").status().code(), absl::StatusCode::kNotFound);

  std::multiset<std::string> kinds;
  for (uint32_t e = 0; e < g.num_edges(); ++e) {
    kinds.insert(std::string(EdgeKindName(g.edge(EdgeId(e)).kind)));
  }
  EXPECT_EQ(kinds, (std::multiset<std::string>{
                       "transfer", "transfer_via", "transfer_via", "ownership",
                       "sanction", "participation", "participation"}));
}

TEST(GraphTest, EdgesReachRecordsEvidenceAndOrigin) {
  Graph g = Sample().BuildGraph();
  int legs = 0;
  for (uint32_t i = 0; i < g.num_edges(); ++i) {
    const EdgeId e(i);
    const EdgeInfo info = g.edge(e);
    if (info.kind == EdgeKind::kTransferVia) {
      ++legs;
      EXPECT_EQ(g.EdgeRecordId(e), "T1");
      EXPECT_EQ(g.EdgeRecord(e).transfer().item(), v1::ITEM_ROCKETS);
      EXPECT_EQ(info.item, v1::ITEM_ROCKETS);
      EXPECT_EQ(info.status, v1::STATUS_ALLEGED);
      EXPECT_EQ(FormatDay(info.days.lo), "2023-01-01");
      EXPECT_EQ(FormatDay(info.days.hi), "2023-12-31");
      ASSERT_EQ(g.Evidence(e).size(), 1u);
      EXPECT_EQ(g.Evidence(e)[0].source_id(), "src");
      EXPECT_EQ(g.EdgeOrigin(e).record, "transfers[0]");
      EXPECT_EQ(g.EdgeOrigin(e).file, "test");
    }
    if (info.kind == EdgeKind::kOwnership) {
      EXPECT_EQ(info.share_percent, 75);
      EXPECT_EQ(g.node_id(info.from), "RUS");
      EXPECT_EQ(g.node_id(info.to), "SHIP");
    }
    if (info.kind == EdgeKind::kSanction) {
      EXPECT_EQ(FormatDay(info.days.lo), "2020-01-01");
      EXPECT_EQ(FormatDay(info.days.hi), "2022-12-31");
    }
  }
  EXPECT_EQ(legs, 2);
  ASSERT_NE(g.FindSource("src"), nullptr);
  EXPECT_EQ(g.FindSource("src")->publisher(), "test fixture");
  EXPECT_EQ(g.NodeRecord(*g.FindNode("P1")).actor().name(), "Sergei Shoïgu");
  EXPECT_EQ(g.NodeOrigin(*g.FindNode("E1")).record, "events[0]");
}

TEST(GraphTest, IncidencesSeeBothDirections) {
  Graph g = Sample().BuildGraph();
  NodeId ship = *g.FindNode("SHIP");
  int along = 0, against = 0;
  for (const Incidence& inc : g.Incidences(ship)) {
    const EdgeInfo info = g.edge(inc.edge);
    if (inc.along) {
      ++along;
      EXPECT_EQ(info.from, ship);
      EXPECT_EQ(info.to, inc.other);
    } else {
      ++against;
      EXPECT_EQ(info.to, ship);
      EXPECT_EQ(info.from, inc.other);
    }
  }
  EXPECT_EQ(along, 1);    // SHIP -> RUS leg.
  EXPECT_EQ(against, 2);  // PRK -> SHIP leg, RUS owns SHIP.
}

TEST(GraphTest, FindByNameFoldsCaseAccentsAndPunctuation) {
  Graph g = Sample().BuildGraph();
  EXPECT_THAT(g.FindByName("russia"), ::testing::ElementsAre(*g.FindNode("RUS")));
  EXPECT_THAT(g.FindByName("  RUSSIAN federation "),
              ::testing::ElementsAre(*g.FindNode("RUS")));
  EXPECT_THAT(g.FindByName("sergei shoigu"),
              ::testing::ElementsAre(*g.FindNode("P1")));
  EXPECT_TRUE(g.FindByName("nobody").empty());
  EXPECT_EQ(*g.Resolve("PRK"), *g.FindNode("PRK"));
  EXPECT_EQ(*g.Resolve("Sergei, Shoigu"), *g.FindNode("P1"));
}

TEST(GraphTest, AmbiguousNamesAreListedNotGuessed) {
  DatasetBuilder b;
  b.Actor("A1").Actor("A2");
  b.dataset().mutable_actors(0)->set_name("Acme Trading");
  b.dataset().mutable_actors(1)->set_name("ACME TRADING");
  Graph g = b.BuildGraph();
  absl::StatusOr<NodeId> n = g.Resolve("acme trading");
  EXPECT_EQ(n.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(n.status().message(), HasSubstr("A1"));
  EXPECT_THAT(n.status().message(), HasSubstr("A2"));
}

TEST(GraphTest, BuildRefusesInvalidRecords) {
  DatasetBuilder b = Sample();
  b.Transfer("T2", "PRK", "MARS", v1::ITEM_ROCKETS);
  GraphBuilder builder;
  builder.AddDataset(b.dataset(), "bad.textproto");
  absl::StatusOr<Graph> g = builder.Build();
  EXPECT_EQ(g.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(g.status().message(),
              HasSubstr("bad.textproto: transfers[1] (Transfer \"T2\"): "
                        "recipient_id: \"MARS\" is not a known actor"));
}

TEST(GraphTest, SeveralFilesMakeOneGraph) {
  DatasetBuilder a;
  a.State("RUS").State("PRK");
  DatasetBuilder b;
  b.dataset().mutable_sources(0)->set_id("src2");
  b.Transfer("T9", "PRK", "RUS", v1::ITEM_ARTILLERY_AMMUNITION);
  b.dataset().mutable_transfers(0)->mutable_evidence(0)->set_source_id("src2");
  GraphBuilder builder;
  builder.AddDataset(a.dataset(), "a");
  builder.AddDataset(b.dataset(), "b");
  absl::StatusOr<Graph> g = builder.Build();
  ASSERT_TRUE(g.ok()) << g.status();
  EXPECT_EQ(g->num_edges(), 1u);
  EXPECT_EQ(g->EdgeOrigin(EdgeId(0)).file, "b");
}

TEST(GraphTest, LoadsTheBundledDataset) {
  absl::StatusOr<Graph> g = LoadGraph(
      {std::string(EMBARGO_SOURCE_DIR) + "/examples/data/article_2023.textproto"});
  ASSERT_TRUE(g.ok()) << g.status();
  for (const char* id : {"RUS", "PRK", "UKR", "USA", "CHN", "IRN"}) {
    ASSERT_TRUE(g->FindNode(id).has_value()) << id;
    EXPECT_EQ(g->node_kind(*g->FindNode(id)), NodeKind::kState);
  }
}

}  // namespace
}  // namespace embargo
