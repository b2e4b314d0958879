#include "embargo/date.h"

#include "gtest/gtest.h"

namespace embargo {
namespace {

TEST(PartialDateTest, ParsesEachPrecision) {
  absl::StatusOr<PartialDate> y = PartialDate::Parse("2023");
  ASSERT_TRUE(y.ok()) << y.status();
  EXPECT_EQ(y->precision(), PartialDate::Precision::kYear);
  EXPECT_EQ(y->ToString(), "2023");
  EXPECT_EQ(FormatDay(y->EarliestDay()), "2023-01-01");
  EXPECT_EQ(FormatDay(y->LatestDay()), "2023-12-31");

  absl::StatusOr<PartialDate> m = PartialDate::Parse("2024-02");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->precision(), PartialDate::Precision::kMonth);
  EXPECT_EQ(FormatDay(m->LatestDay()), "2024-02-29");  // Leap year.

  absl::StatusOr<PartialDate> d = PartialDate::Parse("2023-07-27");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->EarliestDay(), d->LatestDay());
  EXPECT_EQ(d->ToString(), "2023-07-27");
}

TEST(PartialDateTest, RejectsImpossibleDates) {
  for (const char* bad : {"2023-13", "2023-00-05", "2023-04-31", "2023-02-29",
                          "23", "2023-7", "2023/07/01", "", "abcd",
                          "2023-07-01-02", "0000"}) {
    absl::StatusOr<PartialDate> d = PartialDate::Parse(bad);
    EXPECT_EQ(d.status().code(), absl::StatusCode::kInvalidArgument) << bad;
  }
  EXPECT_EQ(PartialDate::Create(2023, 0, 5).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_NE(PartialDate::Create(2023, 13).status().message().find("month 13"),
            absl::string_view::npos);
}

TEST(PartialDateTest, DayNumbersRoundTrip) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(2000, 3, 1), 11017);
  for (int32_t day = -800000; day < 3000000; day += 997) {
    PartialDate d = PartialDate::FromDay(day);
    if (d.year() < 1 || d.year() > 9999) continue;
    EXPECT_EQ(d.EarliestDay(), day);
  }
}

TEST(PartialDateTest, UnknownSpansEverything) {
  PartialDate unknown;
  EXPECT_FALSE(unknown.known());
  EXPECT_EQ(unknown.Days(), (DayRange{kMinDay, kMaxDay}));
  EXPECT_EQ(unknown.ToString(), "?");
}

TEST(DayRangeTest, PossibleAndCertainRule) {
  // A sanction listed "2023": possibly in force on 2023-06-01, certainly
  // from 2023-12-31 (as seen from a window that starts on that day).
  const DayRange listed = PartialDate::Parse("2023")->Days();
  const DayRange june1 = PartialDate::Parse("2023-06-01")->Days();
  EXPECT_TRUE(listed.Overlaps(june1));
  EXPECT_FALSE(june1.Within(DayRange{listed.hi, kMaxDay}));
  const DayRange dec31 = PartialDate::Parse("2023-12-31")->Days();
  EXPECT_TRUE(dec31.Within(DayRange{listed.hi, kMaxDay}));
}

TEST(SpanOfTest, OpenEnds) {
  v1::Period p;
  p.mutable_start()->set_year(2020);
  EXPECT_EQ(SpanOf(p).hi, kMaxDay);
  EXPECT_EQ(FormatDay(SpanOf(p).lo), "2020-01-01");
  v1::Period q;
  q.mutable_end()->set_year(2021);
  q.mutable_end()->set_month(6);
  EXPECT_EQ(SpanOf(q).lo, kMinDay);
  EXPECT_EQ(FormatDay(SpanOf(q).hi), "2021-06-30");
}

}  // namespace
}  // namespace embargo
