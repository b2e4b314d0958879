// Tests for DiffDatasets (lib/model/diff.cc): hand-made editions, and the
// two OFAC SDN editions in ../shared/data/ofac.

#include "embargo/diff.h"

#include <set>
#include <string>

#include "absl/strings/match.h"
#include "embargo/import/ofac.h"
#include "embargo/import/un.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace embargo {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

void Target(v1::Dataset& ds, const std::string& id, const std::string& name,
            const std::string& program, bool delisted = false) {
  v1::Actor* a = nullptr;
  for (v1::Actor& x : *ds.mutable_actors()) {
    if (x.id() == id) a = &x;
  }
  if (a == nullptr) {
    a = ds.add_actors();
    a->set_id(id);
    a->set_name(name);
  }
  v1::Sanction* s = ds.add_sanctions();
  s->set_id(id + "-" + program);
  s->set_target_id(id);
  s->set_program(program);
  if (delisted) s->mutable_delisted()->set_year(2024);
}

TEST(DiffTest, ListedDelistedChanged) {
  v1::Dataset a, b;
  Target(a, "X", "Stays", "P1");
  Target(a, "Y", "Goes", "P1");
  Target(a, "Z", "Renamed", "P1");
  Target(a, "W", "Delisted later", "P1");
  Target(b, "X", "Stays", "P1");
  Target(b, "Z", "Renamed Co", "P1");
  Target(b, "Z", "Renamed Co", "P2");
  Target(b, "N", "New", "P3");
  Target(b, "W", "Delisted later", "P1", /*delisted=*/true);
  v1::Relation* r = b.add_relations();
  r->set_kind(v1::RELATION_KIND_OWNERSHIP);
  r->set_subject_id("N");
  r->set_object_id("X");
  ListDiff d = DiffDatasets(a, b);
  EXPECT_EQ(d.old_targets, 4);
  EXPECT_EQ(d.new_targets, 3);
  ASSERT_EQ(d.listed.size(), 1u);
  EXPECT_EQ(d.listed[0].id, "N");
  EXPECT_THAT(d.listed[0].what, ElementsAre("programme: P3"));
  std::set<std::string> gone;
  for (const auto& c : d.delisted) gone.insert(c.id);
  EXPECT_THAT(gone, UnorderedElementsAre("W", "Y"));
  ASSERT_EQ(d.changed.size(), 2u);
  EXPECT_EQ(d.changed[0].id, "X");
  EXPECT_THAT(d.changed[0].what, ElementsAre("link added: ownership <- N"));
  EXPECT_EQ(d.changed[1].id, "Z");
  EXPECT_THAT(d.changed[1].what,
              ElementsAre("name: Renamed -> Renamed Co", "programme added: P2"));
  // An edition against itself: nothing.
  ListDiff same = DiffDatasets(b, b);
  EXPECT_TRUE(same.listed.empty() && same.delisted.empty() && same.changed.empty());
}

TEST(DiffTest, OfacSdnEditions2021To2024) {
  const std::string dir = std::string(EMBARGO_SHARED_DATA_DIR) + "/ofac/";
  OfacCsvOptions o21;
  o21.sdn_path = dir + "sdn_2021-07/sdn.csv";
  o21.add_path = dir + "sdn_2021-07/add.csv";
  o21.alt_path = dir + "sdn_2021-07/alt.csv";
  o21.comments_path = dir + "sdn_2021-07/sdn_comments.csv";
  absl::StatusOr<ImportResult> old_ed = ImportOfacCsv(o21);
  ASSERT_TRUE(old_ed.ok()) << old_ed.status();
  OfacCsvOptions o24;
  o24.sdn_path = dir + "sdn_2024-05-03.csv";
  absl::StatusOr<ImportResult> new_ed = ImportOfacCsv(o24);
  ASSERT_TRUE(new_ed.ok()) << new_ed.status();
  ListDiff d = DiffDatasets(old_ed->dataset, new_ed->dataset);
  // Two editions of one list, each named with its date.
  EXPECT_TRUE(d.same_list);
  ASSERT_EQ(d.old_editions.size(), 1u);
  EXPECT_THAT(d.old_editions[0], ::testing::HasSubstr("edition 2021-07 (published 2021-07)"));
  EXPECT_THAT(d.new_editions[0], ::testing::HasSubstr("(published 2024-05-03)"));
  // The UN list is not an edition of OFAC's: "listed" would compare lists.
  absl::StatusOr<ImportResult> un = ImportUnXml(
      std::string(EMBARGO_SHARED_DATA_DIR) + "/un/consolidated_2025-04-19.xml");
  ASSERT_TRUE(un.ok()) << un.status();
  EXPECT_FALSE(DiffDatasets(new_ed->dataset, un->dataset).same_list);
  // Targets are the entries with a programme.
  std::set<std::string> targets21, targets24;
  for (const v1::Sanction& s : old_ed->dataset.sanctions()) targets21.insert(s.target_id());
  for (const v1::Sanction& s : new_ed->dataset.sanctions()) targets24.insert(s.target_id());
  EXPECT_EQ(d.old_targets, static_cast<int64_t>(targets21.size()));
  EXPECT_EQ(d.new_targets, static_cast<int64_t>(targets24.size()));
  // Every target is listed, delisted, or in both editions.
  int64_t both = 0;
  for (const std::string& t : targets24) both += targets21.contains(t);
  EXPECT_EQ(static_cast<int64_t>(d.listed.size()), d.new_targets - both);
  EXPECT_EQ(static_cast<int64_t>(d.delisted.size()), d.old_targets - both);
  // Sergei Shoigu (OFAC uid 35173) was designated under RUSSIA-EO14024 in
  // 2022: listed between the editions.
  bool shoigu = false;
  for (const auto& c : d.listed) {
    if (c.id == "OFAC-35173") {
      shoigu = true;
      EXPECT_THAT(c.what, ::testing::Contains("programme: RUSSIA-EO14024"));
    }
  }
  EXPECT_TRUE(shoigu);
  EXPECT_GT(d.listed.size(), 3000u);
  EXPECT_GT(d.delisted.size(), 100u);
  EXPECT_GT(d.changed.size(), 100u);
  // The 2024 edition is sdn.csv alone, without alt.csv: compared without
  // aliases, fewer targets changed, none by an alias.
  DiffOptions no_aliases;
  no_aliases.aliases = false;
  ListDiff d2 = DiffDatasets(old_ed->dataset, new_ed->dataset, no_aliases);
  EXPECT_LT(d2.changed.size(), d.changed.size());
  EXPECT_EQ(d2.listed.size(), d.listed.size());
  for (const auto& c : d2.changed) {
    for (const std::string& w : c.what) EXPECT_FALSE(absl::StartsWith(w, "alias"));
  }
}

}  // namespace
}  // namespace embargo
