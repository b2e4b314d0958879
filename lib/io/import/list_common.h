// What the sanctions-list importers (OFAC, UN, EU) share: date parsing in
// the shapes the lists print, and ListBuilder, which gathers one import's
// records, adds the state actors they refer to, and fills the report's
// record counts.
//
//   ListBuilder b("ofac-sdn-2024-05-03", "ofac-csv");
//   std::optional<std::string> rus = b.Country("Russia");  // "RUS", used
//   b.dataset().add_actors()->...;
//   ImportResult r = b.Finish(source, authority);
//
// Thread safety: a ListBuilder belongs to one import on one thread.

#ifndef EMBARGO_LIB_IO_IMPORT_LIST_COMMON_H_
#define EMBARGO_LIB_IO_IMPORT_LIST_COMMON_H_

#include <map>
#include <optional>
#include <set>
#include <string>

#include "absl/strings/string_view.h"
#include "embargo/import/report.h"
#include "embargo/v1/dataset.pb.h"

namespace embargo::import_internal {

// ParseListDate reads a date in the shapes sanctions lists print: ISO
// ("2009", "2009-04", "2009-04-24", "2009-04-24T00:00:00"), dotted day-month-
// year ("16.7.2009"), US slashes ("03/28/2025"), worded ("21 May 1955",
// "26 Feb. 2011", "May 1955", "circa 1960" -> 1960). Returns nullopt for
// anything else or for an impossible date (31 April).
std::optional<v1::Date> ParseListDate(absl::string_view text);

// DateFromPath finds an edition date in a file path: the last
// "YYYY-MM-DD" or, failing that, "YYYY-MM" in it.
std::optional<v1::Date> DateFromPath(absl::string_view path);

// DateString is "YYYY", "YYYY-MM" or "YYYY-MM-DD".
std::string DateString(const v1::Date& date);

// ListBuilder gathers the records of one list import.
class ListBuilder {
 public:
  ListBuilder(std::string source_id, std::string format)
      : source_id_(std::move(source_id)) {
    report_.format = std::move(format);
  }

  const std::string& source_id() const { return source_id_; }
  v1::Dataset& dataset() { return dataset_; }
  ImportReport& report() { return report_; }

  // Evidence cites the list's source at `locator` (a line, an entry).
  v1::Evidence Evidence(std::string locator) const;

  // Country resolves a country name or code (CountryCode) and marks its
  // state as used; unknown texts are counted for the report's notes.
  std::optional<std::string> Country(absl::string_view text);

  // KnownCountry is Country without counting unknown texts, for text that
  // may or may not be a country (the parenthesis after an identifier).
  std::optional<std::string> KnownCountry(absl::string_view text);

  // UseState marks a state actor as needed.
  void UseState(absl::string_view alpha3) { states_.insert(std::string(alpha3)); }

  // Finish returns the dataset: the source, the authority, every state used
  // (StateActor), then the records added, with the report: record counts
  // filled in and a note per country text that did not resolve.
  ImportResult Finish(v1::Source source, v1::Actor authority);

 private:
  std::string source_id_;
  ImportReport report_;
  v1::Dataset dataset_;
  std::set<std::string> states_;
  std::map<std::string, int> unknown_countries_;
};

}  // namespace embargo::import_internal

#endif  // EMBARGO_LIB_IO_IMPORT_LIST_COMMON_H_
