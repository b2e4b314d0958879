// Helpers for the sanctions tests: datasets with partial dates in a few
// lines, and the day-by-day reading of the date rule that the verifiers
// use.
//
//   embargo::sanctions_testing::Data d;
//   d.Authority("OFAC").Company("A").Company("B")
//       .Sanction("S1", "OFAC", "A", "DPRK3", {v1::MEASURE_ASSET_FREEZE}, "2023")
//       .Own("R1", "A", "B", 50);
//   embargo::Graph g = d.Graph();

#ifndef EMBARGO_TESTS_SANCTIONS_TEST_UTIL_H_
#define EMBARGO_TESTS_SANCTIONS_TEST_UTIL_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "embargo/date.h"
#include "embargo/graph.h"
#include "embargo/v1/dataset.pb.h"

namespace embargo::sanctions_testing {

// D parses "YYYY", "YYYY-MM", "YYYY-MM-DD"; "" is the unknown date.
v1::Date D(const std::string& text);
// P parses like D into a PartialDate.
PartialDate P(const std::string& text);

class Data {
 public:
  Data();  // One source, "src", cited by every record.

  Data& Actor(const std::string& id, v1::ActorKind kind,
              const std::string& country = "");
  Data& Company(const std::string& id) {
    return Actor(id, v1::ACTOR_KIND_COMPANY);
  }
  Data& Person(const std::string& id) { return Actor(id, v1::ACTOR_KIND_PERSON); }
  Data& State(const std::string& id) { return Actor(id, v1::ACTOR_KIND_STATE); }
  Data& Authority(const std::string& id, const std::string& country = "") {
    return Actor(id, v1::ACTOR_KIND_GOVERNMENT_BODY, country);
  }
  Data& Relation(const std::string& id, v1::RelationKind kind,
                 const std::string& subject, const std::string& object,
                 double share, const std::string& start = "",
                 const std::string& end = "",
                 v1::Status status = v1::STATUS_CONFIRMED);
  Data& Own(const std::string& id, const std::string& owner,
            const std::string& owned, double share,
            const std::string& start = "", const std::string& end = "") {
    return Relation(id, v1::RELATION_KIND_OWNERSHIP, owner, owned, share, start,
                    end);
  }
  Data& Control(const std::string& id, const std::string& subject,
                const std::string& object, const std::string& start = "",
                const std::string& end = "") {
    return Relation(id, v1::RELATION_KIND_CONTROL, subject, object, 0, start,
                    end);
  }
  Data& Sanction(const std::string& id, const std::string& authority,
                 const std::string& target, const std::string& program,
                 std::vector<v1::Measure> measures, const std::string& listed,
                 const std::string& delisted = "",
                 std::vector<v1::ItemCategory> items = {},
                 std::vector<std::string> legal_basis = {},
                 v1::Status status = v1::STATUS_CONFIRMED);
  Data& Transfer(const std::string& id, const std::string& supplier,
                 const std::string& recipient, v1::ItemCategory item,
                 const std::string& ordered = "",
                 std::vector<std::string> via = {},
                 v1::Status status = v1::STATUS_ALLEGED);

  v1::Dataset& dataset() { return dataset_; }
  const v1::Dataset& dataset() const { return dataset_; }
  absl::StatusOr<embargo::Graph> Build() const;
  // Graph builds and fails the test (returning an empty graph) on error.
  embargo::Graph Graph() const;

 private:
  v1::Dataset dataset_;
};

// The date rule read day by day (sanctions.h, "The date rule"): whether a
// fact whose ends are `start` and `end` (inclusive end) holds on `day`,
// possibly or certainly. For sanctions the end is the delisting, and the
// delisting day itself is only possible.
bool PossiblyOn(const v1::Date& start, const v1::Date& end, int32_t day);
bool CertainlyOn(const v1::Date& start, const v1::Date& end, int32_t day,
                 bool end_exclusive_when_certain);

// Over all days of `as_of` (ignoring dates when unknown): 0 = not in force,
// 1 = possibly, 2 = certainly. `days` is the span of as_of, closed or
// open at both ends (an undated transfer).
int Judgement(const v1::Date& start, const v1::Date& end, DayRange days,
              bool ignore, bool end_exclusive_when_certain);

}  // namespace embargo::sanctions_testing

#endif  // EMBARGO_TESTS_SANCTIONS_TEST_UTIL_H_
