#include "embargo/date.h"

#include <cstdint>
#include <string>
#include "absl/strings/string_view.h"

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "lib/model/record_date.h"

namespace embargo {
namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

}  // namespace

// Howard Hinnant's days_from_civil, for the proleptic Gregorian calendar.
int32_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

absl::StatusOr<PartialDate> PartialDate::Create(int year, int month, int day) {
  if (year == 0 && month == 0 && day == 0) return PartialDate();
  if (year < 1 || year > 9999) {
    return absl::InvalidArgumentError(
        absl::StrCat("year ", year, " is outside 1..9999"));
  }
  if (month < 0 || month > 12) {
    return absl::InvalidArgumentError(
        absl::StrCat("month ", month, " is outside 1..12"));
  }
  if (day != 0) {
    if (month == 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("day ", day, " is given without a month"));
    }
    if (day < 1 || day > DaysInMonth(year, month)) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "day %d does not exist in %04d-%02d", day, year, month));
    }
  }
  return PartialDate(year, month, day);
}

absl::StatusOr<PartialDate> PartialDate::Parse(absl::string_view text) {
  int values[3] = {0, 0, 0};
  // Digits where the shape wants them (importers read millions of dates):
  // read in place. Anything else goes the long way, which also says why.
  const auto digits = [&](size_t at, size_t n, int& value) {
    for (size_t i = at; i < at + n; ++i) {
      if (text[i] < '0' || text[i] > '9') return false;
      value = value * 10 + (text[i] - '0');
    }
    return true;
  };
  const size_t n = text.size();
  const bool plain =
      (n == 4 || (n == 7 && text[4] == '-') ||
       (n == 10 && text[4] == '-' && text[7] == '-')) &&
      digits(0, 4, values[0]) && (n < 7 || digits(5, 2, values[1])) &&
      (n < 10 || digits(8, 2, values[2]));
  if (!plain) {
    values[0] = values[1] = values[2] = 0;
    std::vector<absl::string_view> parts = absl::StrSplit(text, '-');
    if (text.empty() || parts.size() > 3) {
      return absl::InvalidArgumentError(absl::StrCat(
          "date \"", text, "\" is not YYYY, YYYY-MM or YYYY-MM-DD"));
    }
    for (size_t i = 0; i < parts.size(); ++i) {
      const size_t want = i == 0 ? 4 : 2;
      if (parts[i].size() != want || !absl::SimpleAtoi(parts[i], &values[i])) {
        return absl::InvalidArgumentError(absl::StrCat(
            "date \"", text, "\" is not YYYY, YYYY-MM or YYYY-MM-DD"));
      }
    }
  }
  absl::StatusOr<PartialDate> date = Create(values[0], values[1], values[2]);
  if (!date.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("date \"", text, "\": ", date.status().message()));
  }
  if (!date->known()) {
    return absl::InvalidArgumentError(
        absl::StrCat("date \"", text, "\" has no year"));
  }
  return date;
}

absl::StatusOr<PartialDate> PartialDate::FromProto(const v1::Date& date) {
  return Create(date.year(), date.month(), date.day());
}

PartialDate PartialDate::FromDay(int32_t z) {
  // Howard Hinnant's civil_from_days.
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return PartialDate(y + (m <= 2), m, d);
}

v1::Date PartialDate::ToProto() const {
  v1::Date d;
  d.set_year(year_);
  d.set_month(month_);
  d.set_day(day_);
  return d;
}

PartialDate::Precision PartialDate::precision() const {
  if (year_ == 0) return Precision::kUnknown;
  if (month_ == 0) return Precision::kYear;
  if (day_ == 0) return Precision::kMonth;
  return Precision::kDay;
}

int32_t PartialDate::EarliestDay() const {
  if (year_ == 0) return kMinDay;
  return DaysFromCivil(year_, month_ == 0 ? 1 : month_, day_ == 0 ? 1 : day_);
}

int32_t PartialDate::LatestDay() const {
  if (year_ == 0) return kMaxDay;
  const int m = month_ == 0 ? 12 : month_;
  return DaysFromCivil(year_, m, day_ == 0 ? DaysInMonth(year_, m) : day_);
}

std::string PartialDate::ToString() const {
  switch (precision()) {
    case Precision::kUnknown:
      return "?";
    case Precision::kYear:
      return absl::StrFormat("%04d", year_);
    case Precision::kMonth:
      return absl::StrFormat("%04d-%02d", year_, month_);
    case Precision::kDay:
      return absl::StrFormat("%04d-%02d-%02d", year_, month_, day_);
  }
  return "?";
}

DayRange SpanOf(const v1::Period& period) {
  DayRange r;
  if (period.has_start()) {
    absl::StatusOr<PartialDate> s = PartialDate::FromProto(period.start());
    if (s.ok()) r.lo = s->EarliestDay();
  }
  if (period.has_end()) {
    absl::StatusOr<PartialDate> e = PartialDate::FromProto(period.end());
    if (e.ok()) r.hi = e->LatestDay();
  }
  return r;
}

std::string FormatDay(int32_t day) {
  if (day == kMinDay) return "-inf";
  if (day == kMaxDay) return "+inf";
  return PartialDate::FromDay(day).ToString();
}

std::string ListedText(const PartialDate& listed,
                       const PartialDate& listed_no_later_than) {
  if (listed.known()) return listed.ToString();
  if (listed_no_later_than.known()) {
    return absl::StrCat("no later than ", listed_no_later_than.ToString(),
                        " (no listing date given)");
  }
  return "unknown";
}

namespace internal {

PartialDate RecordDate(const v1::Date& date) {
  absl::StatusOr<PartialDate> p = PartialDate::FromProto(date);
  return p.ok() ? *p : PartialDate();
}

}  // namespace internal

}  // namespace embargo
