// Test helpers: build small datasets and graphs in a few lines.
//
//   embargo::testing::DatasetBuilder b;
//   b.State("RUS").State("PRK").Transfer("T1", "PRK", "RUS",
//                                        v1::ITEM_ROCKETS);
//   embargo::Graph g = b.BuildGraph();

#ifndef EMBARGO_TESTS_TESTING_DATASET_BUILDER_H_
#define EMBARGO_TESTS_TESTING_DATASET_BUILDER_H_

#include <string>
#include <vector>

#include "embargo/graph.h"
#include "embargo/v1/dataset.pb.h"

namespace embargo::testing {

class DatasetBuilder {
 public:
  // The dataset starts with one source, "src", that every record cites.
  DatasetBuilder();

  DatasetBuilder& Actor(const std::string& id,
                        v1::ActorKind kind = v1::ACTOR_KIND_COMPANY,
                        const std::string& country = "");
  DatasetBuilder& State(const std::string& id);
  // year 0 = undated.
  DatasetBuilder& Transfer(const std::string& id, const std::string& from,
                           const std::string& to, v1::ItemCategory item,
                           v1::Status status = v1::STATUS_REPORTED,
                           int year = 0,
                           const std::vector<std::string>& via = {});
  DatasetBuilder& Relation(const std::string& id, v1::RelationKind kind,
                           const std::string& subject,
                           const std::string& object, double share = 0,
                           v1::Status status = v1::STATUS_CONFIRMED,
                           int start_year = 0, int end_year = 0);
  DatasetBuilder& Sanction(const std::string& id, const std::string& authority,
                           const std::string& target,
                           const std::string& program,
                           std::vector<v1::Measure> measures,
                           int listed_year, int delisted_year = 0);
  DatasetBuilder& Event(const std::string& id, v1::EventKind kind,
                        const std::vector<std::string>& participants,
                        int year = 0);

  v1::Dataset& dataset() { return dataset_; }
  // BuildGraph builds the graph and fails the test on error.
  Graph BuildGraph() const;

 private:
  v1::Evidence Cite() const;
  v1::Dataset dataset_;
};

// YearDate is a Date with only a year (0 = unknown).
v1::Date YearDate(int year);

}  // namespace embargo::testing

#endif  // EMBARGO_TESTS_TESTING_DATASET_BUILDER_H_
