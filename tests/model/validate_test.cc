#include "embargo/validate.h"

#include <cmath>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/dataset_builder.h"

namespace embargo {
namespace {

using ::testing::HasSubstr;
using testing::DatasetBuilder;

// A valid dataset that each test breaks in one way.
DatasetBuilder Valid() {
  DatasetBuilder b;
  b.State("RUS").State("PRK").Actor("UNSC", v1::ACTOR_KIND_INTERNATIONAL_BODY);
  b.Actor("C1", v1::ACTOR_KIND_COMPANY, "RUS").Actor("C2").Actor("P1", v1::ACTOR_KIND_PERSON);
  b.Actor("SHIP", v1::ACTOR_KIND_VESSEL);
  b.Transfer("T1", "PRK", "RUS", v1::ITEM_ROCKETS, v1::STATUS_ALLEGED, 2023, {"SHIP"});
  b.Relation("R1", v1::RELATION_KIND_OWNERSHIP, "P1", "C2", 60);
  b.Relation("R2", v1::RELATION_KIND_OWNERSHIP, "C1", "C2", 40);
  b.Sanction("S1", "UNSC", "PRK", "UNSCR 1718",
             {v1::MEASURE_ARMS_EMBARGO_EXPORTS}, 2006);
  b.Event("E1", v1::EVENT_KIND_PARADE, {"RUS", "PRK"}, 2023);
  return b;
}

std::vector<Problem> Problems(const v1::Dataset& ds,
                              const std::string& name = "data.textproto") {
  DatasetFile f;
  f.path = name;
  f.format = Format::kText;
  f.dataset = ds;
  return FindProblems({f});
}

// Expects exactly one problem, with this field and message fragment.
void ExpectOne(const v1::Dataset& ds, const std::string& record,
               const std::string& field, const std::string& fragment) {
  std::vector<Problem> p = Problems(ds);
  std::string all;
  for (const Problem& q : p) all += q.ToString() + "\n";
  ASSERT_EQ(p.size(), 1u) << all;
  EXPECT_EQ(p[0].file, "data.textproto");
  EXPECT_EQ(p[0].record, record);
  EXPECT_EQ(p[0].field, field);
  EXPECT_THAT(p[0].message, HasSubstr(fragment));
}

TEST(ValidateTest, ValidDatasetHasNoProblems) {
  EXPECT_TRUE(Problems(Valid().dataset()).empty());
  DatasetFile f;
  f.path = "x";
  f.dataset = Valid().dataset();
  EXPECT_TRUE(Validate({f}).ok());
}

TEST(ValidateTest, DuplicateIds) {
  DatasetBuilder b = Valid();
  b.Actor("C1");
  std::vector<Problem> p = Problems(b.dataset());
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].record, "actors[7]");
  EXPECT_EQ(p[0].id, "C1");
  EXPECT_THAT(p[0].message, HasSubstr("duplicate actor id \"C1\""));
  EXPECT_THAT(p[0].message, HasSubstr("actors[3]"));
}

TEST(ValidateTest, EventIdMayNotReuseAnActorId) {
  DatasetBuilder b = Valid();
  b.Event("RUS", v1::EVENT_KIND_MEETING, {"PRK"});
  ExpectOne(b.dataset(), "events[1]", "id", "duplicate node");
}

TEST(ValidateTest, DanglingReferences) {
  DatasetBuilder b = Valid();
  b.dataset().mutable_transfers(0)->set_recipient_id("RUS-MOD");
  ExpectOne(b.dataset(), "transfers[0]", "recipient_id",
            "\"RUS-MOD\" is not a known actor");

  DatasetBuilder c = Valid();
  c.dataset().mutable_relations(0)->mutable_evidence(0)->set_source_id("nope");
  ExpectOne(c.dataset(), "relations[0]", "evidence[0].source_id",
            "\"nope\" is not a known source");

  DatasetBuilder d = Valid();
  d.dataset().mutable_events(0)->mutable_participants(1)->set_actor_id("XXX");
  ExpectOne(d.dataset(), "events[0]", "participants[1].actor_id",
            "not a known actor");

  DatasetBuilder e = Valid();
  e.dataset().mutable_actors(3)->set_country("SUN");
  ExpectOne(e.dataset(), "actors[3]", "country", "not a known state");

  DatasetBuilder f = Valid();
  f.dataset().mutable_sanctions(0)->mutable_evidence(0)->set_speaker_id("KIRBY");
  ExpectOne(f.dataset(), "sanctions[0]", "evidence[0].speaker_id",
            "\"KIRBY\" is not a known actor");
}

// Evidence and identifiers that pass every check are skipped without
// naming their fields; each way of failing one is still reported, with its
// field's full name.
TEST(ValidateTest, EvidenceAndIdentifierFields) {
  const auto evidence = [](DatasetBuilder& b) {
    v1::Evidence* e = b.dataset().mutable_relations(1)->add_evidence();
    *e = b.dataset().relations(1).evidence(0);
    return e;
  };
  DatasetBuilder b = Valid();
  evidence(b)->set_source_id("");
  ExpectOne(b.dataset(), "relations[1]", "evidence[1].source_id", "required");

  DatasetBuilder c = Valid();
  evidence(c)->add_via_source_ids("nope");
  ExpectOne(c.dataset(), "relations[1]", "evidence[1].via_source_ids[0]",
            "\"nope\" is not a known source");

  DatasetBuilder d = Valid();
  evidence(d)->add_via_source_ids("");
  ExpectOne(d.dataset(), "relations[1]", "evidence[1].via_source_ids[0]", "required");

  DatasetBuilder e = Valid();
  v1::Date* stated = evidence(e)->mutable_stated();
  stated->set_year(2023);
  stated->set_month(13);
  ExpectOne(e.dataset(), "relations[1]", "evidence[1].stated", "month 13");

  DatasetBuilder f = Valid();
  evidence(f)->set_speaker_id("P1");  // A known actor: no problem.
  EXPECT_TRUE(Problems(f.dataset()).empty());

  const auto identifier = [](DatasetBuilder& b) {
    v1::Identifier* id = b.dataset().mutable_actors(3)->add_identifiers();
    id->set_scheme("IMO");
    id->set_value("9000001");
    return id;
  };
  DatasetBuilder g = Valid();
  identifier(g);
  identifier(g)->set_source_id(g.dataset().sources(0).id());
  EXPECT_TRUE(Problems(g.dataset()).empty());

  DatasetBuilder h = Valid();
  identifier(h);
  identifier(h)->set_scheme("");
  ExpectOne(h.dataset(), "actors[3]", "identifiers[1].scheme", "required");

  DatasetBuilder i = Valid();
  identifier(i)->set_value("");
  ExpectOne(i.dataset(), "actors[3]", "identifiers[0].value", "required");

  DatasetBuilder j = Valid();
  identifier(j)->set_source_id("nope");
  ExpectOne(j.dataset(), "actors[3]", "identifiers[0].source_id",
            "\"nope\" is not a known source");
}

TEST(ValidateTest, ImpossibleDates) {
  DatasetBuilder b = Valid();
  b.dataset().mutable_transfers(0)->mutable_ordered()->set_month(13);
  ExpectOne(b.dataset(), "transfers[0]", "ordered", "month 13");

  DatasetBuilder c = Valid();
  v1::Date* d = c.dataset().mutable_relations(0)->mutable_period()->mutable_start();
  d->set_year(2023);
  d->set_month(4);
  d->set_day(31);
  ExpectOne(c.dataset(), "relations[0]", "period.start", "day 31 does not exist");

  DatasetBuilder e = Valid();
  v1::Period* p = e.dataset().mutable_relations(0)->mutable_period();
  p->mutable_start()->set_year(2024);
  p->mutable_end()->set_year(2020);
  ExpectOne(e.dataset(), "relations[0]", "period.end", "before start");

  DatasetBuilder f = Valid();
  f.dataset().mutable_sanctions(0)->mutable_delisted()->set_year(2001);
  ExpectOne(f.dataset(), "sanctions[0]", "delisted", "before listed");

  DatasetBuilder g = Valid();
  g.dataset().mutable_sanctions(0)->clear_listed();
  // A list entry without a listing date is kept, the date unknown: in force
  // "possible" on any day before its delisting.
  EXPECT_TRUE(Problems(g.dataset()).empty());

  DatasetBuilder h = Valid();
  v1::Transfer* t = h.dataset().mutable_transfers(0);
  t->mutable_delivered()->mutable_start()->set_year(2020);
  ExpectOne(h.dataset(), "transfers[0]", "delivered.start", "before the order");
}

TEST(ValidateTest, OwnershipShares) {
  for (double bad : {0.0 - 5, 120.0, std::nan("")}) {
    DatasetBuilder b = Valid();
    b.dataset().mutable_relations(1)->set_share_percent(bad);
    std::vector<Problem> p = Problems(b.dataset());
    ASSERT_FALSE(p.empty()) << bad;
    EXPECT_EQ(p[0].field, "share_percent");
    EXPECT_THAT(p[0].message, HasSubstr("outside (0, 100]"));
  }
  // 60 + 40 = 100 is fine; 60 + 41 is not.
  DatasetBuilder b = Valid();
  b.dataset().mutable_relations(1)->set_share_percent(41);
  std::vector<Problem> p = Problems(b.dataset());
  ASSERT_EQ(p.size(), 1u);
  EXPECT_THAT(p[0].message, HasSubstr("sum to 101"));
  EXPECT_THAT(p[0].message, HasSubstr("\"C2\""));

  // Shares that do not overlap in time do not add up.
  DatasetBuilder c = Valid();
  c.Relation("R3", v1::RELATION_KIND_OWNERSHIP, "RUS", "C1", 80,
             v1::STATUS_CONFIRMED, 2000, 2010);
  c.Relation("R4", v1::RELATION_KIND_OWNERSHIP, "PRK", "C1", 80,
             v1::STATUS_CONFIRMED, 2011, 0);
  EXPECT_TRUE(Problems(c.dataset()).empty());
  c.Relation("R5", v1::RELATION_KIND_OWNERSHIP, "P1", "C1", 30,
             v1::STATUS_CONFIRMED, 2010, 2010);
  p = Problems(c.dataset());
  ASSERT_EQ(p.size(), 1u);
  EXPECT_THAT(p[0].message, HasSubstr("sum to 110"));
  EXPECT_THAT(p[0].message, HasSubstr("2010-01-01"));

  // One owner's successive or repeated holdings (registers give each its
  // own record, periods overlapping) count once, with the largest share.
  DatasetBuilder e = Valid();
  e.Relation("R6", v1::RELATION_KIND_OWNERSHIP, "RUS", "C1", 45,
             v1::STATUS_CONFIRMED, 2000, 0);
  e.Relation("R7", v1::RELATION_KIND_OWNERSHIP, "RUS", "C1", 48,
             v1::STATUS_CONFIRMED, 2000, 0);
  e.Relation("R8", v1::RELATION_KIND_OWNERSHIP, "RUS", "C1", 48,
             v1::STATUS_CONFIRMED, 2000, 0);
  p = Problems(e.dataset());
  EXPECT_TRUE(p.empty()) << p[0].ToString();
  // Different owners still add up: 48 + 60 is too much.
  e.Relation("R10", v1::RELATION_KIND_OWNERSHIP, "PRK", "C1", 60,
             v1::STATUS_CONFIRMED, 2000, 0);
  p = Problems(e.dataset());
  ASSERT_EQ(p.size(), 1u);
  EXPECT_THAT(p[0].message, HasSubstr("sum to 108"));
  // Reported stakes may contradict each other; only established ones must
  // add up to at most 100.
  DatasetBuilder g = Valid();
  g.Relation("R11", v1::RELATION_KIND_OWNERSHIP, "PRK", "C2", 70,
             v1::STATUS_REPORTED, 2000, 0);
  EXPECT_TRUE(Problems(g.dataset()).empty());

  DatasetBuilder d = Valid();
  d.Relation("R9", v1::RELATION_KIND_DIRECTORSHIP, "P1", "C1", 10);
  ExpectOne(d.dataset(), "relations[2]", "share_percent", "only meaningful");
}

TEST(ValidateTest, UnknownEnumValues) {
  DatasetBuilder b = Valid();
  b.dataset().mutable_actors(3)->set_kind(static_cast<v1::ActorKind>(99));
  ExpectOne(b.dataset(), "actors[3]", "kind", "unknown enum value 99");

  DatasetBuilder c = Valid();
  c.dataset().mutable_transfers(0)->set_item(static_cast<v1::ItemCategory>(77));
  ExpectOne(c.dataset(), "transfers[0]", "item", "unknown enum value 77");

  DatasetBuilder d = Valid();
  d.dataset().mutable_sanctions(0)->set_measures(0, static_cast<v1::Measure>(42));
  ExpectOne(d.dataset(), "sanctions[0]", "measures[0]", "unknown enum value 42");
}

TEST(ValidateTest, MissingRequiredFields) {
  DatasetBuilder b = Valid();
  b.dataset().mutable_actors(4)->clear_name();
  ExpectOne(b.dataset(), "actors[4]", "name", "required");

  DatasetBuilder c = Valid();
  c.dataset().mutable_transfers(0)->set_status(v1::STATUS_UNSPECIFIED);
  ExpectOne(c.dataset(), "transfers[0]", "status", "required");

  DatasetBuilder d = Valid();
  d.dataset().mutable_transfers(0)->clear_evidence();
  ExpectOne(d.dataset(), "transfers[0]", "evidence", "at least one");

  DatasetBuilder e = Valid();
  e.dataset().mutable_sanctions(0)->clear_measures();
  ExpectOne(e.dataset(), "sanctions[0]", "measures", "at least one");

  DatasetBuilder f = Valid();
  f.dataset().mutable_relations(0)->clear_id();
  ExpectOne(f.dataset(), "relations[0]", "id", "required");
}

TEST(ValidateTest, StatesUseIsoAlpha3) {
  DatasetBuilder b = Valid();
  b.State("Russia");
  ExpectOne(b.dataset(), "actors[7]", "id", "ISO 3166-1 alpha-3");
}

TEST(ValidateTest, BadIntermediary) {
  DatasetBuilder b = Valid();
  b.dataset().mutable_transfers(0)->set_intermediary_ids(0, "PRK");
  ExpectOne(b.dataset(), "transfers[0]", "intermediary_ids[0]",
            "repeats the supplier");
}

TEST(ValidateTest, ReportsEveryProblemUpToTheCap) {
  DatasetBuilder b = Valid();
  for (int i = 0; i < 30; ++i) {
    b.Transfer("X" + std::to_string(i), "PRK", "NOWHERE", v1::ITEM_ROCKETS);
  }
  EXPECT_EQ(Problems(b.dataset()).size(), 30u);

  DatasetFile f;
  f.path = "big.pb";
  f.dataset = b.dataset();
  ValidateOptions options;
  options.max_problems = 10;
  std::vector<Problem> capped = FindProblems({f}, options);
  ASSERT_EQ(capped.size(), 11u);
  EXPECT_THAT(capped.back().message, HasSubstr("more problems were left out"));

  absl::Status s = Validate({f}, options);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(s.message(),
              HasSubstr("big.pb: transfers[1] (Transfer \"X0\"): recipient_id: "
                        "\"NOWHERE\" is not a known actor"));
}

TEST(ValidateTest, StreamRecordsAreNamedByPosition) {
  DatasetFile f;
  f.path = "s.records";
  f.format = Format::kRecordStream;
  f.dataset = Valid().dataset();
  f.dataset.mutable_transfers(0)->set_supplier_id("GONE");
  // Positions as a stream would have them.
  auto fill = [](std::vector<int64_t>& v, int n, int64_t& next) {
    for (int i = 0; i < n; ++i) v.push_back(next++);
  };
  int64_t next = 0;
  fill(f.positions.sources, f.dataset.sources_size(), next);
  fill(f.positions.actors, f.dataset.actors_size(), next);
  fill(f.positions.events, f.dataset.events_size(), next);
  fill(f.positions.transfers, f.dataset.transfers_size(), next);
  fill(f.positions.sanctions, f.dataset.sanctions_size(), next);
  fill(f.positions.relations, f.dataset.relations_size(), next);
  std::vector<Problem> p = FindProblems({f});
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].ToString(),
            "s.records: record 9 (Transfer \"T1\"): supplier_id: \"GONE\" is "
            "not a known actor");
}

TEST(ValidateTest, IdsMustBeUniqueAcrossFiles) {
  DatasetFile a, b;
  a.path = "a.textproto";
  a.dataset = Valid().dataset();
  b.path = "b.textproto";
  DatasetBuilder other;
  other.State("RUS");
  b.dataset = other.dataset();
  std::vector<Problem> p = FindProblems({a, b});
  ASSERT_EQ(p.size(), 2u);  // Source "src" and state "RUS" both repeat.
  EXPECT_EQ(p[0].file, "b.textproto");
  EXPECT_THAT(p[0].message, HasSubstr("first defined at a.textproto"));
}

}  // namespace
}  // namespace embargo
