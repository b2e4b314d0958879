// Partial dates: a year, a year and month, or a full date.
//
// Sources know dates to different precisions: SIPRI only years, a news report
// often only a month. A PartialDate keeps the precision it was given and
// answers questions about the span of days it may denote:
//
//   absl::StatusOr<embargo::PartialDate> d = embargo::PartialDate::Parse("2023-07");
//   d->EarliestDay();  // 2023-07-01 as a day number
//   d->LatestDay();    // 2023-07-31
//
// Day numbers count days since 1970-01-01 (negative before it), so spans
// compare as plain integers. An unknown date spans all days.
//
// The date-window rule used by every filter: a fact whose days are
// [lo, hi] "possibly" falls in a window [from, until] when the two spans
// overlap, and "certainly" falls in it when [lo, hi] lies inside it. A fact
// listed "2023" is therefore possibly but not certainly in force on
// 2023-06-01, and certainly in force from 2023-12-31 on.

#ifndef EMBARGO_DATE_H_
#define EMBARGO_DATE_H_

#include <cstdint>
#include <limits>
#include <string>
#include "absl/strings/string_view.h"

#include "absl/status/statusor.h"
#include "embargo/v1/records.pb.h"

namespace embargo {

// kMinDay and kMaxDay stand for an open end of a span.
inline constexpr int32_t kMinDay = std::numeric_limits<int32_t>::min();
inline constexpr int32_t kMaxDay = std::numeric_limits<int32_t>::max();

// DaysFromCivil returns the day number of a valid proleptic Gregorian date.
int32_t DaysFromCivil(int year, int month, int day);

// DayRange is an inclusive span of day numbers; kMinDay / kMaxDay are open.
struct DayRange {
  int32_t lo = kMinDay;
  int32_t hi = kMaxDay;

  // Overlaps is true when some day lies in both spans ("possibly").
  bool Overlaps(const DayRange& other) const {
    return lo <= other.hi && other.lo <= hi;
  }
  // Within is true when every day of this span lies in `other` ("certainly").
  bool Within(const DayRange& other) const {
    return lo >= other.lo && hi <= other.hi;
  }
  friend bool operator==(const DayRange&, const DayRange&) = default;
};

// PartialDate is a date known to a year, a month or a day, or unknown.
class PartialDate {
 public:
  enum class Precision { kUnknown, kYear, kMonth, kDay };

  // The default PartialDate is unknown.
  constexpr PartialDate() = default;

  // Create checks the parts: year 1..9999, month 0..12, day 0..(days in
  // month), a day only with a month. Zero means "not known".
  [[nodiscard]] static absl::StatusOr<PartialDate> Create(int year,
                                                          int month = 0,
                                                          int day = 0);
  // Parse reads "YYYY", "YYYY-MM" or "YYYY-MM-DD".
  [[nodiscard]] static absl::StatusOr<PartialDate> Parse(absl::string_view text);
  // FromProto checks a record's Date as Create does. An all-zero Date is
  // the unknown date.
  [[nodiscard]] static absl::StatusOr<PartialDate> FromProto(
      const v1::Date& date);
  // FromDay returns the full date of a day number.
  static PartialDate FromDay(int32_t day);

  v1::Date ToProto() const;

  int year() const { return year_; }
  int month() const { return month_; }
  int day() const { return day_; }
  bool known() const { return year_ != 0; }
  Precision precision() const;

  // EarliestDay is the first day the date may denote (kMinDay if unknown).
  int32_t EarliestDay() const;
  // LatestDay is the last day the date may denote (kMaxDay if unknown).
  int32_t LatestDay() const;
  // Days is [EarliestDay, LatestDay].
  DayRange Days() const { return {EarliestDay(), LatestDay()}; }

  // ToString gives "2023", "2023-07", "2023-07-27", or "?" when unknown.
  std::string ToString() const;

  friend bool operator==(const PartialDate&, const PartialDate&) = default;

 private:
  constexpr PartialDate(int year, int month, int day)
      : year_(year), month_(month), day_(day) {}

  int16_t year_ = 0;
  int8_t month_ = 0;
  int8_t day_ = 0;
};

// SpanOf returns the days a period may cover: from the earliest day of its
// start to the latest day of its end. An unknown start is open to the past;
// an unknown end is open to the future. Invalid parts count as unknown (the
// validator reports them).
DayRange SpanOf(const v1::Period& period);

// FormatDay gives "YYYY-MM-DD" for a day number, "-inf"/"+inf" for open ends.
std::string FormatDay(int32_t day);

// ListedText says when a sanction was listed, as every answer shows it:
// "2022-07-21"; "no later than 2024-05-03 (no listing date given)" for a
// list that gives only its edition date; "unknown" when neither is known.
std::string ListedText(const PartialDate& listed,
                       const PartialDate& listed_no_later_than);

}  // namespace embargo

#endif  // EMBARGO_DATE_H_
