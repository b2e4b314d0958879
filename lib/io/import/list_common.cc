// Shared pieces of the sanctions-list importers. See list_common.h.

#include "lib/io/import/list_common.h"

#include <cctype>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "embargo/date.h"
#include "embargo/import/countries.h"
#include "lib/io/import/text_util.h"

namespace embargo::import_internal {
namespace {

std::optional<v1::Date> Checked(int year, int month, int day) {
  v1::Date d;
  d.set_year(year);
  d.set_month(month);
  d.set_day(day);
  if (year <= 0 || !PartialDate::FromProto(d).ok()) return std::nullopt;
  return d;
}

bool AllDigits(absl::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

int MonthFromWord(absl::string_view word) {
  static constexpr const char* kMonths[] = {"jan", "feb", "mar", "apr",
                                            "may", "jun", "jul", "aug",
                                            "sep", "oct", "nov", "dec"};
  std::string w = absl::AsciiStrToLower(absl::StripSuffix(word, "."));
  if (w.size() < 3) return 0;
  for (int i = 0; i < 12; ++i) {
    if (absl::StartsWith(w, kMonths[i])) return i + 1;
  }
  return 0;
}

}  // namespace

std::optional<v1::Date> ParseListDate(absl::string_view text) {
  absl::string_view s = absl::StripAsciiWhitespace(text);
  for (absl::string_view prefix :
       {"circa ", "Circa ", "approximately ", "Approximately ", "c. "}) {
    if (absl::ConsumePrefix(&s, prefix)) break;
  }
  // ISO with an optional time part or time-zone offset (xs:date allows
  // "2015-03-27-04:00" and "2015-03-27Z").
  absl::string_view iso = s.substr(0, s.find('T'));
  if (iso.size() > 10 && iso[4] == '-' && iso[7] == '-' &&
      (iso[10] == 'Z' || iso[10] == '+' || iso[10] == '-')) {
    iso = iso.substr(0, 10);
  }
  std::vector<absl::string_view> dash = absl::StrSplit(iso, '-');
  int y = 0, m = 0, d = 0;
  if (dash.size() <= 3 && dash[0].size() == 4 && AllDigits(dash[0])) {
    bool ok = absl::SimpleAtoi(dash[0], &y);
    if (dash.size() >= 2) ok = ok && AllDigits(dash[1]) && absl::SimpleAtoi(dash[1], &m);
    if (dash.size() == 3) ok = ok && AllDigits(dash[2]) && absl::SimpleAtoi(dash[2], &d);
    if (ok) return Checked(y, m, d);
    return std::nullopt;
  }
  // Dotted D.M.YYYY and US M/D/YYYY.
  for (char sep : {'.', '/'}) {
    std::vector<absl::string_view> p = absl::StrSplit(s, sep);
    if (p.size() == 3 && AllDigits(p[0]) && AllDigits(p[1]) &&
        AllDigits(p[2]) && p[2].size() == 4) {
      int a, b;
      if (!absl::SimpleAtoi(p[0], &a) || !absl::SimpleAtoi(p[1], &b) ||
          !absl::SimpleAtoi(p[2], &y)) {
        return std::nullopt;
      }
      return sep == '.' ? Checked(y, b, a) : Checked(y, a, b);
    }
  }
  // Worded: "21 May 1955", "26 Feb. 2011", "May 1955".
  std::vector<absl::string_view> w =
      absl::StrSplit(s, ' ', absl::SkipEmpty());
  if (w.size() == 3 && AllDigits(w[0]) && AllDigits(w[2]) &&
      w[2].size() == 4) {
    m = MonthFromWord(w[1]);
    if (m == 0 || !absl::SimpleAtoi(w[0], &d) || !absl::SimpleAtoi(w[2], &y)) {
      return std::nullopt;
    }
    return Checked(y, m, d);
  }
  if (w.size() == 2 && AllDigits(w[1]) && w[1].size() == 4) {
    m = MonthFromWord(w[0]);
    if (m == 0 || !absl::SimpleAtoi(w[1], &y)) return std::nullopt;
    return Checked(y, m, 0);
  }
  return std::nullopt;
}

std::optional<v1::Date> DateFromPath(absl::string_view path) {
  std::optional<v1::Date> month_only;
  std::optional<v1::Date> full;
  for (size_t i = 0; i + 7 <= path.size(); ++i) {
    const auto digits = [&](size_t at, size_t n) {
      return at + n <= path.size() && AllDigits(path.substr(at, n));
    };
    if (!digits(i, 4) || path[i + 4] != '-' || !digits(i + 5, 2)) continue;
    if (i > 0 && absl::ascii_isdigit(static_cast<unsigned char>(path[i - 1]))) {
      continue;
    }
    if (i + 10 <= path.size() && path[i + 7] == '-' && digits(i + 8, 2)) {
      if (auto d = ParseListDate(path.substr(i, 10))) full = d;
    } else if (auto d = ParseListDate(path.substr(i, 7))) {
      month_only = d;
    }
  }
  return full ? full : month_only;
}

std::string DateString(const v1::Date& date) {
  if (date.month() == 0) return absl::StrFormat("%04d", date.year());
  if (date.day() == 0) {
    return absl::StrFormat("%04d-%02d", date.year(), date.month());
  }
  return absl::StrFormat("%04d-%02d-%02d", date.year(), date.month(),
                         date.day());
}

v1::Evidence ListBuilder::Evidence(std::string locator) const {
  v1::Evidence e;
  e.set_source_id(source_id_);
  e.set_locator(std::move(locator));
  return e;
}

std::optional<std::string> ListBuilder::KnownCountry(absl::string_view text) {
  std::optional<absl::string_view> code =
      CountryCode(absl::StripAsciiWhitespace(text));
  if (!code.has_value()) return std::nullopt;
  states_.insert(std::string(*code));
  return std::string(*code);
}

std::optional<std::string> ListBuilder::Country(absl::string_view text) {
  absl::string_view t = absl::StripAsciiWhitespace(text);
  if (t.empty()) return std::nullopt;
  std::optional<absl::string_view> code = CountryCode(t);
  if (!code.has_value()) {
    ++unknown_countries_[std::string(t)];
    return std::nullopt;
  }
  states_.insert(std::string(*code));
  return std::string(*code);
}

ImportResult ListBuilder::Finish(v1::Source source, v1::Actor authority) {
  ImportResult result;
  v1::Dataset& out = result.dataset;
  *out.add_sources() = std::move(source);
  if (!authority.country().empty()) states_.insert(authority.country());
  *out.add_actors() = std::move(authority);
  for (const std::string& code : states_) {
    *out.add_actors() = StateActor(code, source_id_);
  }
  for (v1::Actor& a : *dataset_.mutable_actors()) {
    *out.add_actors() = std::move(a);
  }
  out.mutable_sanctions()->Swap(dataset_.mutable_sanctions());
  out.mutable_relations()->Swap(dataset_.mutable_relations());
  out.mutable_events()->Swap(dataset_.mutable_events());
  out.mutable_transfers()->Swap(dataset_.mutable_transfers());
  for (const auto& [text, count] : unknown_countries_) {
    report_.notes.push_back(absl::StrCat("country \"", text,
                                         "\" is not a known state (", count,
                                         count == 1 ? " time" : " times",
                                         "); left out of country fields"));
  }
  report_.records["source"] = out.sources_size();
  report_.records["actor"] = out.actors_size();
  if (out.sanctions_size() > 0) report_.records["sanction"] = out.sanctions_size();
  if (out.relations_size() > 0) report_.records["relation"] = out.relations_size();
  result.report = std::move(report_);
  return result;
}

}  // namespace embargo::import_internal
