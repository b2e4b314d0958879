// Tests of the one load path (embargo/load.h): formats, images, resolution
// across inputs, records in memory, progress, and the real UN list loaded
// beside the bundled article dataset.

#include "embargo/load.h"

#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "embargo/export.h"
#include "embargo/image.h"
#include "embargo/import/un.h"
#include "embargo/io.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/io/import/list_test_util.h"

namespace embargo {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing_import::DataDir;
using testing_import::TempPath;
using testing_import::WriteTemp;

constexpr char kArticle[] = "examples/data/article_2023.textproto";

// Two files that each describe North Korea and Russia under their ISO ids,
// as every importer does, and one transfer each.
constexpr char kFileA[] = R"pb(
  sources { id: "s-a" publisher: "A" }
  actors { id: "PRK" kind: ACTOR_KIND_STATE name: "North Korea" }
  actors { id: "RUS" kind: ACTOR_KIND_STATE name: "Russia" }
  transfers {
    id: "t-a" supplier_id: "PRK" recipient_id: "RUS"
    item: ITEM_ARTILLERY_AMMUNITION status: STATUS_REPORTED
    delivered { start { year: 2023 } end { year: 2023 } }
    evidence { source_id: "s-a" }
  }
)pb";
constexpr char kFileB[] = R"pb(
  sources { id: "s-b" publisher: "B" }
  actors { id: "PRK" kind: ACTOR_KIND_STATE name: "DPRK" }
  actors { id: "RUS" kind: ACTOR_KIND_STATE name: "Russian Federation" }
  transfers {
    id: "t-b" supplier_id: "PRK" recipient_id: "RUS"
    item: ITEM_ROCKETS status: STATUS_ALLEGED
    delivered { start { year: 2024 } end { year: 2024 } }
    evidence { source_id: "s-b" }
  }
)pb";

TEST(LoadTest, TwoFilesMeetOnTheirStates) {
  const std::string a = WriteTemp("a.textproto", kFileA);
  const std::string b = WriteTemp("b.textproto", kFileB);
  LoadReport report;
  absl::StatusOr<Graph> g = Load({a, b}, {}, &report);
  ASSERT_TRUE(g.ok()) << g.status();
  EXPECT_EQ(g->num_nodes(), 2u);
  EXPECT_EQ(g->num_edges(), 2u);
  EXPECT_TRUE(report.resolved);
  EXPECT_EQ(report.resolution.merges_by_rule["same id"], 2);
  EXPECT_THAT(report.inputs, ElementsAre(a, b));
  // LoadGraph is the same path.
  absl::StatusOr<Graph> same = LoadGraph({a, b});
  ASSERT_TRUE(same.ok()) << same.status();
  EXPECT_EQ(same->num_nodes(), 2u);

  // Without resolution the shared ids are duplicates, named with both files.
  LoadOptions off;
  off.resolve = false;
  absl::StatusOr<Graph> raw = Load({a, b}, off);
  ASSERT_FALSE(raw.ok());
  EXPECT_THAT(raw.status().message(), HasSubstr("PRK"));
  EXPECT_THAT(raw.status().message(), HasSubstr("b.textproto"));
}

TEST(LoadTest, JsonLinesLoadLikeEveryOtherRecordFormat) {
  absl::StatusOr<Graph> article = Load(std::vector<std::string>{kArticle});
  ASSERT_TRUE(article.ok()) << article.status();
  const std::string jsonl = TempPath("article.jsonl");
  ASSERT_TRUE(ExportJsonLines(DatasetFromGraph(*article), jsonl).ok());
  absl::StatusOr<Graph> back = Load(std::vector<std::string>{jsonl});
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(back->num_nodes(), article->num_nodes());
  EXPECT_EQ(back->num_edges(), article->num_edges());
  EXPECT_EQ(*FormatFromPath(jsonl), Format::kJsonLines);
  absl::StatusOr<DatasetFile> records = ReadDatasetFile(jsonl);
  ASSERT_TRUE(records.ok()) << records.status();
  EXPECT_EQ(records->format, Format::kJsonLines);
  // A broken line is named by its number.
  const std::string bad = WriteTemp("bad.jsonl", "{\"source\": {\"id\": \"s\"}}\n{oops\n");
  absl::StatusOr<Graph> refused = Load(std::vector<std::string>{bad});
  ASSERT_FALSE(refused.ok());
  EXPECT_THAT(refused.status().message(), HasSubstr("bad.jsonl: line 2"));
}

TEST(LoadTest, ImagesLoadAloneAndGiveTheirRecords) {
  absl::StatusOr<Graph> article = Load(std::vector<std::string>{kArticle});
  ASSERT_TRUE(article.ok()) << article.status();
  const std::string image = TempPath("article.egraph");
  ASSERT_TRUE(WriteGraphImage(*article, image).ok());
  LoadReport report;
  absl::StatusOr<Graph> back = Load({image}, {}, &report);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_TRUE(report.from_image);
  EXPECT_EQ(back->num_edges(), article->num_edges());

  absl::StatusOr<Graph> mixed = Load({image, std::string(kArticle)});
  ASSERT_FALSE(mixed.ok());
  EXPECT_THAT(mixed.status().message(), HasSubstr("load it alone"));
  std::vector<LoadInput> with_memory;
  with_memory.push_back(LoadInput::File(image));
  with_memory.push_back(LoadInput::Records(*ReadDatasetFile(kArticle)));
  EXPECT_FALSE(Load(std::move(with_memory)).ok());

  absl::StatusOr<std::vector<DatasetFile>> records = ReadInputs({image});
  ASSERT_TRUE(records.ok()) << records.status();
  ASSERT_EQ(records->size(), 1u);
  EXPECT_EQ((*records)[0].path, image);
  EXPECT_EQ((*records)[0].dataset.transfers_size(),
            ReadDatasetFile(kArticle)->dataset.transfers_size());
}

TEST(LoadTest, RecordsInMemoryAndProgress) {
  absl::StatusOr<DatasetFile> b = ParseDatasetBytes(kFileB, Format::kText, "b (memory)");
  ASSERT_TRUE(b.ok()) << b.status();
  std::vector<LoadInput> inputs;
  inputs.push_back(LoadInput::File(WriteTemp("a.textproto", kFileA)));
  inputs.push_back(LoadInput::Records(*std::move(b)));
  std::vector<std::string> stages;
  LoadOptions options;
  options.progress = [&](const LoadProgress& p) {
    stages.push_back(std::string(p.stage));
  };
  absl::StatusOr<Graph> g = Load(std::move(inputs), options);
  ASSERT_TRUE(g.ok()) << g.status();
  EXPECT_EQ(g->num_edges(), 2u);
  EXPECT_THAT(stages, ElementsAre("read", "read", "resolve", "build"));
  EXPECT_FALSE(Load(std::vector<LoadInput>{}).ok());
}

TEST(LoadTest, MissingAndUnknownFilesAreNamed) {
  absl::StatusOr<Graph> g = Load({std::string("/nonexistent/x.textproto")});
  ASSERT_FALSE(g.ok());
  EXPECT_THAT(g.status().message(), HasSubstr("/nonexistent/x.textproto"));
  absl::StatusOr<Graph> u = Load({WriteTemp("data.xlsx", "x")});
  ASSERT_FALSE(u.ok());
  EXPECT_THAT(u.status().message(), HasSubstr("data.xlsx"));
}

// The real UN list beside the bundled article: the states and the Security
// Council meet, and the list's DPRK entries are reachable from the article's
// North Korea.
TEST(LoadTest, RealUnListBesideTheArticle) {
  UnXmlOptions options;
  absl::StatusOr<ImportResult> un =
      ImportUnXml(DataDir() + "/un/consolidated_2025-04-19.xml", options);
  ASSERT_TRUE(un.ok()) << un.status();
  const std::string records = TempPath("un.records");
  ASSERT_TRUE(WriteDatasetFile(un->dataset, records).ok());
  LoadReport report;
  absl::StatusOr<Graph> g = Load({records, std::string(kArticle)}, {}, &report);
  ASSERT_TRUE(g.ok()) << g.status();
  ASSERT_TRUE(report.resolved);
  std::vector<std::string> same_ids;
  for (const Merge& m : report.resolution.merges) {
    if (m.rule == "same id") same_ids.push_back(m.kept_id);
  }
  EXPECT_THAT(same_ids, ::testing::IsSupersetOf({"PRK", "RUS"}));
  std::optional<NodeId> prk = g->FindNode("PRK");
  ASSERT_TRUE(prk.has_value());
  EXPECT_EQ(g->node_kind(*prk), NodeKind::kState);
}

}  // namespace
}  // namespace embargo
