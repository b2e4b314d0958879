// DatasetMerger (embargo/merge.h): ids once per kind, actors gaining what a
// second copy adds, and a note for every record given twice differently.

#include "embargo/merge.h"

#include "embargo/io.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace embargo {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

v1::Dataset Parse(const char* text) {
  absl::StatusOr<DatasetFile> f = ParseDatasetBytes(text, Format::kText, "t");
  EXPECT_TRUE(f.ok()) << f.status();
  return f->dataset;
}

TEST(MergeTest, IdsOncePerKindActorsGainNotesForConflicts) {
  v1::Dataset merged;
  DatasetMerger merger(merged);
  merger.Add(Parse(R"pb(
    sources { id: "s1" publisher: "A" }
    actors { id: "X" kind: ACTOR_KIND_COMPANY name: "X Ltd" aliases: "X1"
             evidence { source_id: "s1" } }
    relations { id: "r1" kind: RELATION_KIND_OWNERSHIP subject_id: "X"
                object_id: "Y" share_percent: 51 status: STATUS_CONFIRMED
                evidence { source_id: "s1" } }
  )pb"));
  merger.Add(Parse(R"pb(
    sources { id: "s1" publisher: "A" }
    actors { id: "X" kind: ACTOR_KIND_COMPANY name: "X Ltd" aliases: "X2"
             country: "RUS" evidence { source_id: "s2" } }
    relations { id: "r1" kind: RELATION_KIND_OWNERSHIP subject_id: "X"
                object_id: "Y" share_percent: 49 status: STATUS_CONFIRMED
                evidence { source_id: "s1" } }
  )pb"));
  ASSERT_EQ(merged.sources_size(), 1);  // Identical: kept once, no note.
  ASSERT_EQ(merged.actors_size(), 1);
  const v1::Actor& x = merged.actors(0);
  EXPECT_THAT(x.aliases(), ElementsAre("X1", "X2"));
  EXPECT_EQ(x.country(), "RUS");
  EXPECT_EQ(x.evidence_size(), 2);
  ASSERT_EQ(merged.relations_size(), 1);
  EXPECT_EQ(merged.relations(0).share_percent(), 51);  // The first kept...
  ASSERT_EQ(merger.notes().size(), 1u);                // ...and said.
  EXPECT_THAT(merger.notes()[0], HasSubstr("Relation"));
  EXPECT_THAT(merger.notes()[0], HasSubstr("\"r1\""));
}

}  // namespace
}  // namespace embargo
