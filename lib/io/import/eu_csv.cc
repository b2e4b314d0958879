// EU regulation annex CSV importer. See embargo/import/eu.h.
//
// The file is read whole, checked to be UTF-8, its header matched against
// the two layouts of FORMAT.md, and its rows read with the CSV reader of
// text_util.h. Multi-valued cells are themselves ';'-separated CSV
// ("\"Foo; Bar\"; Baz" holds two values) and are split by SplitValues.

#include <algorithm>
#include <initializer_list>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "embargo/import/countries.h"
#include "embargo/import/eu.h"
#include "lib/internal/status_macros.h"
#include "lib/io/import/list_common.h"
#include "lib/io/import/text_util.h"
#include "lib/text/names.h"
#include "lib/text/utf8.h"

namespace embargo {
namespace {

using import_internal::BaseName;
using import_internal::CleanText;
using import_internal::CsvReader;
using import_internal::CsvRow;
using import_internal::ListBuilder;

constexpr absl::string_view kEntityColumns =
    "recordId,programKey,annex,measure,startDate,reason,schema,name,alias,"
    "weakAlias,previousName,country,nationality,jurisdiction,birthDate,"
    "birthPlace,position,passportNumber,gender,appearance,ethnicity,"
    "fatherName,motherName,incorporationDate,legalForm,sector,"
    "registrationNumber,taxNumber,idNumber,innCode,ogrnCode,kppCode,okpoCode,"
    "leiCode,swiftBic,ticker,imoNumber,mmsi,flag,address,phone,email,website,"
    "notes";

// Nationality adjectives the annexes print, to alpha-3 codes.
constexpr std::pair<absl::string_view, absl::string_view> kDemonyms[] = {
    {"russian", "RUS"},     {"belarusian", "BLR"},  {"belarussian", "BLR"},
    {"ukrainian", "UKR"},   {"iranian", "IRN"},     {"syrian", "SYR"},
    {"north korean", "PRK"}, {"chinese", "CHN"},    {"azerbaijani", "AZE"},
    {"armenian", "ARM"},    {"finnish", "FIN"},     {"israeli", "ISR"},
    {"moldovan", "MDA"},    {"cypriot", "CYP"},     {"serbian", "SRB"},
    {"croatian", "HRV"},    {"swiss", "CHE"},       {"french", "FRA"},
    {"german", "DEU"},      {"indian", "IND"},      {"uzbekistani", "UZB"},
    {"uzbek", "UZB"},       {"british", "GBR"},     {"pakistani", "PAK"},
    {"canadian", "CAN"},    {"kazakh", "KAZ"},      {"kazakhstani", "KAZ"},
    {"georgian", "GEO"},    {"latvian", "LVA"},     {"lithuanian", "LTU"},
    {"estonian", "EST"},    {"turkish", "TUR"},     {"emirati", "ARE"},
    {"american", "USA"},    {"italian", "ITA"},     {"greek", "GRC"},
    {"bulgarian", "BGR"},   {"kyrgyz", "KGZ"},      {"tajik", "TJK"},
    {"turkmen", "TKM"},     {"cuban", "CUB"},       {"venezuelan", "VEN"},
    {"libyan", "LBY"},      {"iraqi", "IRQ"},       {"lebanese", "LBN"},
    {"egyptian", "EGY"},    {"afghan", "AFG"},      {"saudi", "SAU"},
    {"burmese", "MMR"},     {"malian", "MLI"},      {"sudanese", "SDN"},
};

// The labels the annexes put before a name in another script or language
// ("Russian: Александр ...", "(Belarusian: ...)"), or before another kind
// of name ("Married name: ..."), lower case.
constexpr absl::string_view kNameLabels[] = {
    "ukrainian", "russian",  "rusian", "belarusian", "belarussian",
    "azerbaijani", "chinese", "kazakh", "married name", "stage name",
    "other name"};

// NameVariants splits one name or alias value of an annex into the names it
// holds: "A / B" (spelling or language variants: "Владимир ... / Володимир
// ..."), "A (Russian: B)", "A Ukrainian: B", "Russian: B", "укр. B". A value
// that is only a label ("Chinese:") or the annex's "Text of image" (the next
// value is the name as printed in the image) holds no name: `labels` counts
// those. The first name comes first.
std::vector<std::string> NameVariants(absl::string_view value, int* labels) {
  std::vector<std::string> out;
  std::string s(absl::StripAsciiWhitespace(value));
  const std::string lower = absl::AsciiStrToLower(s);
  if (lower == "text of image") {
    ++*labels;
    return out;
  }
  for (absl::string_view label : kNameLabels) {
    if (lower == label || lower == absl::StrCat(label, ":")) {
      ++*labels;
      return out;
    }
  }
  // Cut at every "label:" (with a space, an opening parenthesis or the
  // start before it), dropping the label and a closing parenthesis.
  std::vector<std::string> parts;
  size_t begin = 0;
  for (size_t i = 0; i < lower.size(); ++i) {
    if (i > 0 && lower[i - 1] != ' ' && lower[i - 1] != '(') continue;
    for (absl::string_view label : kNameLabels) {
      if (!absl::StartsWith(absl::string_view(lower).substr(i), label) ||
          i + label.size() >= lower.size() || lower[i + label.size()] != ':') {
        continue;
      }
      const size_t cut = i > 0 && lower[i - 1] == '(' ? i - 1 : i;
      parts.push_back(s.substr(begin, cut - begin));
      begin = i + label.size() + 1;
      i = begin - 1;
      break;
    }
  }
  parts.push_back(s.substr(begin));
  for (std::string& part : parts) {
    absl::string_view p = absl::StripAsciiWhitespace(part);
    if (absl::EndsWith(p, ")") && p.find('(') == absl::string_view::npos) {
      p.remove_suffix(1);
    }
    for (absl::string_view v : absl::StrSplit(p, " / ")) {
      v = absl::StripAsciiWhitespace(v);
      while (!v.empty() && (v.back() == ';' || v.back() == ',')) {
        v.remove_suffix(1);
        v = absl::StripAsciiWhitespace(v);
      }
      if (absl::StartsWith(v, "укр.")) {
        v = absl::StripAsciiWhitespace(v.substr(absl::string_view("укр.").size()));
      }
      if (!v.empty() && std::find(out.begin(), out.end(), v) == out.end()) {
        out.emplace_back(v);
      }
    }
  }
  return out;
}

// Splits a multi-valued cell: ';'-separated, values optionally quoted.
std::vector<std::string> SplitValues(absl::string_view cell) {
  std::vector<std::string> out;
  std::string cur;
  bool quoted = false;
  for (size_t i = 0; i < cell.size(); ++i) {
    const char c = cell[i];
    if (quoted) {
      if (c == '"' && i + 1 < cell.size() && cell[i + 1] == '"') {
        cur.push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cur.push_back(c);
      }
    } else if (c == '"' && absl::StripAsciiWhitespace(cur).empty()) {
      cur.clear();
      quoted = true;
    } else if (c == ';') {
      std::string v = CleanText(cur);
      if (!v.empty()) out.push_back(std::move(v));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  std::string v = CleanText(cur);
  if (!v.empty()) out.push_back(std::move(v));
  return out;
}

// A country from a nationality-like text: "Russian", "Ukrainian, Russian",
// "Latvia and Israel", "DPRK.".
std::optional<std::string> NationalityCountry(absl::string_view text,
                                              ListBuilder& builder) {
  absl::string_view head = text.substr(0, text.find('('));
  std::vector<std::string> pieces;
  for (absl::string_view p : absl::StrSplit(head, absl::ByAnyChar(",/"))) {
    for (absl::string_view q : absl::StrSplit(p, " and ")) {
      for (absl::string_view r : absl::StrSplit(q, " or ")) {
        std::string s = text_internal::FoldName(r);
        if (absl::StartsWith(s, "or ")) s = s.substr(3);
        if (!s.empty()) pieces.push_back(std::move(s));
      }
    }
  }
  for (const std::string& p : pieces) {
    for (const auto& [demonym, code] : kDemonyms) {
      if (p == demonym) {
        builder.UseState(code);
        return std::string(code);
      }
    }
    if (std::optional<absl::string_view> code = CountryCode(p)) {
      builder.UseState(*code);
      return std::string(*code);
    }
  }
  builder.Country(text);  // Counted as unknown for the report.
  return std::nullopt;
}

// "32017R1509" -> "Regulation (EU) 2017/1509"; "32014R0269" -> "Regulation
// (EU) No 269/2014"; "32011D0173" -> "Decision 2011/173/CFSP".
std::string CelexTitle(absl::string_view celex) {
  if (celex.size() < 7 || celex[0] != '3') return std::string(celex);
  absl::string_view year = celex.substr(1, 4);
  const char type = celex[5];
  absl::string_view num = celex.substr(6);
  while (num.size() > 1 && num[0] == '0') num.remove_prefix(1);
  int y = 0;
  if (!absl::SimpleAtoi(year, &y)) return std::string(celex);
  if (type == 'R') {
    return y >= 2015 ? absl::StrCat("Regulation (EU) ", year, "/", num)
                     : absl::StrCat("Regulation (EU) No ", num, "/", year);
  }
  if (type == 'D') return absl::StrCat("Decision ", year, "/", num, "/CFSP");
  return std::string(celex);
}

v1::Measure MeasureOf(absl::string_view text) {
  const std::string t = absl::AsciiStrToLower(text);
  if (t == "asset freeze") return v1::MEASURE_ASSET_FREEZE;
  if (t == "transportation restrictions") return v1::MEASURE_VESSEL_BAN;
  if (t == "travel ban" || t == "entry ban") return v1::MEASURE_TRAVEL_BAN;
  if (t == "arms embargo") return v1::MEASURE_ARMS_EMBARGO_IMPORTS;
  if (absl::StrContains(t, "financial")) return v1::MEASURE_FINANCIAL_SERVICES;
  if (absl::StrContains(t, "sector")) return v1::MEASURE_SECTORAL;
  return v1::MEASURE_OTHER;
}

std::optional<v1::ActorKind> KindOf(absl::string_view schema) {
  if (schema == "Person") return v1::ACTOR_KIND_PERSON;
  if (schema == "Company") return v1::ACTOR_KIND_COMPANY;
  if (schema == "Organization") return v1::ACTOR_KIND_ORGANIZATION;
  if (schema == "Vessel") return v1::ACTOR_KIND_VESSEL;
  if (schema == "LegalEntity" || schema == "Asset") {
    return v1::ACTOR_KIND_LEGAL_ENTITY;
  }
  return std::nullopt;
}

}  // namespace

absl::StatusOr<ImportResult> ImportEuCsv(const std::string& path,
                                         const EuCsvOptions& options) {
  EMBARGO_ASSIGN_OR_RETURN(std::string text,
                           import_internal::ReadFileBytes(path, options.max_file_bytes));
  if (absl::StartsWith(text, "\xEF\xBB\xBF")) text.erase(0, 3);  // BOM.
  size_t bad = 0;
  if (!text::IsValidUtf8(text, &bad)) {
    const int64_t line = 1 + std::count(text.begin(), text.begin() + bad, '\n');
    return absl::InvalidArgumentError(absl::StrCat(
        path, ":", line, ": byte ", bad, " is not UTF-8; the file is refused"));
  }
  CsvReader reader(path, text);
  CsvRow header;
  EMBARGO_ASSIGN_OR_RETURN(bool has_header, reader.Next(header));
  const std::string header_text = absl::StrJoin(header.fields, ",");
  bool amendment = false;
  if (has_header && header_text == absl::StrCat("celex,", kEntityColumns)) {
    amendment = false;
  } else if (has_header &&
             header_text ==
                 absl::StrCat("amendedCelex,amendmentCelex,", kEntityColumns)) {
    amendment = true;
  } else {
    return absl::InvalidArgumentError(absl::StrCat(
        path, ":1: the header is not that of an EU annex CSV (consolidated "
              "\"celex,recordId,...\" or amendment \"amendedCelex,"
              "amendmentCelex,recordId,...\"; see FORMAT.md)"));
  }
  absl::flat_hash_map<std::string, size_t> col;
  for (size_t i = 0; i < header.fields.size(); ++i) col[header.fields[i]] = i;

  const std::string stem = [&] {
    std::string b = BaseName(path);
    return b.substr(0, b.rfind('.'));
  }();
  const std::string source_id = options.source_id.empty()
                                    ? absl::StrCat("eu-journal-", stem)
                                    : options.source_id;
  ListBuilder builder(source_id, "eu-csv");
  ImportReport& report = builder.report();
  report.files.push_back(path);
  const std::string base = BaseName(path);
  v1::Dataset& ds = builder.dataset();

  absl::flat_hash_map<std::string, int> actor_by_key;  // key -> actor index
  absl::flat_hash_set<std::string> sanction_ids, actor_ids;
  std::map<std::string, int> other_measures;
  std::set<std::string> celexes;
  // Name and alias values split into several names; values that were only
  // a label.
  int split_values = 0;
  int labels_dropped = 0;
  int birth_places_in_date = 0, dates_trimmed = 0, dates_kept_as_text = 0;
  CsvRow row;
  int64_t data_row = 0;
  while (true) {
    EMBARGO_ASSIGN_OR_RETURN(bool more, reader.Next(row));
    if (!more) break;
    ++data_row;
    ++report.rows_read;
    const auto reject = [&](absl::string_view column, std::string reason) {
      auto it = col.find(column);
      const int64_t c = it != col.end() && it->second < row.columns.size()
                            ? row.columns[it->second]
                            : 1;
      report.rejected.push_back({path, row.line, c, std::move(reason)});
    };
    if (row.fields.size() != header.fields.size()) {
      reject("", absl::StrCat(row.fields.size(), " cells, expected ",
                              header.fields.size(),
                              row.fields.size() < header.fields.size()
                                  ? " (truncated row?)"
                                  : ""));
      continue;
    }
    const auto cell = [&](absl::string_view name) -> std::string {
      return std::string(absl::StripAsciiWhitespace(row.fields[col.at(name)]));
    };
    const std::string celex = cell(amendment ? "amendedCelex" : "celex");
    const std::string record_id = cell("recordId");
    const std::string annex = cell("annex");
    const std::string schema = cell("schema");
    const std::string raw_name = CleanText(cell("name"));
    // "A (Russian: B)" is named A, with B an alias.
    int labels_here = 0;
    int name_labels = 0;  // A name that is only a label stays the name.
    std::vector<std::string> name_variants = NameVariants(raw_name, &name_labels);
    const std::string name = name_variants.empty() ? raw_name : name_variants[0];
    std::optional<v1::ActorKind> kind = KindOf(schema);
    if (!kind) {
      reject("schema", absl::StrCat("schema \"", schema,
                                    "\" is not Person, Company, Organization, "
                                    "LegalEntity, Vessel or Asset"));
      continue;
    }
    if (name.empty()) {
      reject("name", "name is empty");
      continue;
    }
    if (celex.empty()) {
      reject(amendment ? "amendedCelex" : "celex", "CELEX number is empty");
      continue;
    }
    const std::string start = cell("startDate");
    // A row without a readable listing date is kept with the date unknown
    // (possibly in force on any date), and noted.
    std::optional<v1::Date> listed = import_internal::ParseListDate(start);
    if (!listed) {
      report.notes.push_back(absl::StrCat(
          path, ":", row.line, ": startDate: ",
          start.empty() ? "empty (the annex prints no listing date for this "
                          "entry)"
                        : absl::StrCat("\"", start, "\" is not a date"),
          "; kept with the listing date unknown"));
    }
    celexes.insert(celex);
    const std::vector<std::string> imos = SplitValues(cell("imoNumber"));
    const std::vector<std::string> births =
        SplitValues(cell(*kind == v1::ACTOR_KIND_PERSON ? "birthDate"
                                                         : "incorporationDate"));
    const std::string key =
        absl::StrCat(schema, "|", text_internal::FoldName(name), "|",
                     imos.empty() ? "" : imos[0], "|",
                     births.empty() ? "" : births[0]);
    const std::string locator = absl::StrCat(base, ":", row.line);

    auto [it, inserted] = actor_by_key.try_emplace(key, ds.actors_size());
    if (inserted) {
      std::string id;
      if (*kind == v1::ACTOR_KIND_VESSEL && !imos.empty()) {
        id = absl::StrCat("EU-", celex, "-IMO-", imos[0]);
      } else if (!record_id.empty()) {
        id = absl::StrCat("EU-", celex, "-", annex, "-", record_id);
      }
      if (id.empty() || actor_ids.contains(id)) {
        id = absl::StrCat("EU-", celex, "-row", data_row);
      }
      actor_ids.insert(id);
      v1::Actor& a = *ds.add_actors();
      a.set_id(id);
      a.set_kind(*kind);
      a.set_name(name);
      *a.add_evidence() = builder.Evidence(locator);
      // A date, or a date and then the place ("7.10.1952 POB: Leningrad
      // ..."): the date is read and the place kept in the note. A value
      // that gives alternatives ("18.1.1970 or 29.3.1965", "1954 or
      // 1955.") or doubts ("possibly 23.7.1981") sets no date, but is kept
      // in the note as the list gives it.
      std::vector<std::string> birth_notes;
      for (const std::string& b : births) {
        std::optional<v1::Date> d = import_internal::ParseListDate(b);
        if (!d) {
          const size_t cut = b.find(" POB");
          const absl::string_view date =
              absl::StripSuffix(absl::StripAsciiWhitespace(
                                    absl::string_view(b).substr(0, cut)), ".");
          d = import_internal::ParseListDate(date);
          if (d && cut != std::string::npos) {
            ++birth_places_in_date;
            absl::string_view place =
                absl::StripAsciiWhitespace(absl::string_view(b).substr(cut + 4));
            place = absl::StripAsciiWhitespace(absl::StripPrefix(place, ":"));
            if (!place.empty()) birth_notes.push_back(absl::StrCat("place of birth: ", place));
          } else if (d) {
            ++dates_trimmed;
          }
        }
        if (d && !a.has_born()) {
          *a.mutable_born() = *d;
        } else if (!d) {
          ++dates_kept_as_text;
          birth_notes.push_back(absl::StrCat(
              *kind == v1::ACTOR_KIND_PERSON ? "date of birth" : "date of incorporation",
              " as listed: ", b));
        }
      }
      std::optional<std::string> country;
      for (const std::string& n : SplitValues(cell("nationality"))) {
        std::optional<std::string> c = NationalityCountry(n, builder);
        if (!country) country = c;
      }
      for (const char* column : {"jurisdiction", "flag", "country"}) {
        for (const std::string& n : SplitValues(cell(column))) {
          std::optional<std::string> c = builder.Country(n);
          if (!country) country = c;
        }
      }
      if (country) a.set_country(*country);
      std::vector<std::string> note;
      if (schema == "Asset") note.push_back("FollowTheMoney schema Asset");
      for (const char* column : {"position", "legalForm", "sector", "notes"}) {
        for (const std::string& v : SplitValues(cell(column))) note.push_back(v);
      }
      note.insert(note.end(), birth_notes.begin(), birth_notes.end());
      // Columns the record has no field for, kept in the note by name.
      for (const auto& [column, label] :
           std::initializer_list<std::pair<const char*, const char*>>{
               {"birthPlace", "place of birth"}, {"gender", "gender"},
               {"appearance", "appearance"}, {"ethnicity", "ethnicity"},
               {"fatherName", "father's name"}, {"motherName", "mother's name"},
               {"phone", "phone"}, {"email", "email"}, {"website", "website"}}) {
        for (const std::string& v : SplitValues(cell(column))) {
          note.push_back(absl::StrCat(label, ": ", v));
        }
      }
      a.set_note(absl::StrJoin(note, "; "));
      if (*kind == v1::ACTOR_KIND_VESSEL) {
        for (const std::string& f : SplitValues(cell("flag"))) {
          std::optional<std::string> c = builder.Country(f);
          if (!c) continue;
          v1::Relation& r = *ds.add_relations();
          r.set_id(absl::StrCat(id, "-FLAG-", *c));
          r.set_kind(v1::RELATION_KIND_FLAG);
          r.set_subject_id(id);
          r.set_object_id(*c);
          r.set_status(v1::STATUS_CONFIRMED);
          *r.add_evidence() = builder.Evidence(locator);
        }
      }
    }
    v1::Actor& a = *ds.mutable_actors(it->second);
    // Names, identifiers and addresses of every row of the party, once each.
    const auto add_alias = [&](const std::string& v) {
      if (v == a.name()) return;
      for (const std::string& x : a.aliases()) {
        if (x == v) return;
      }
      a.add_aliases(v);
    };
    for (size_t i = 1; i < name_variants.size(); ++i) add_alias(name_variants[i]);
    for (const char* column : {"alias", "previousName"}) {
      for (const std::string& v : SplitValues(cell(column))) {
        const std::vector<std::string> names = NameVariants(v, &labels_here);
        split_values += names.size() > 1;
        for (const std::string& n : names) add_alias(n);
      }
    }
    // The annexes' weak aliases are kept as such (Actor.weak_aliases): they
    // raise a search score only a little and never merge entities.
    for (const std::string& v : SplitValues(cell("weakAlias"))) {
      for (const std::string& n : NameVariants(v, &labels_here)) {
        if (n == a.name() ||
            std::find(a.weak_aliases().begin(), a.weak_aliases().end(), n) !=
                a.weak_aliases().end()) {
          continue;
        }
        a.add_weak_aliases(n);
      }
    }
    labels_dropped += labels_here;
    split_values += name_variants.size() > 1;
    const auto add_id = [&](absl::string_view scheme, const std::string& value) {
      for (const v1::Identifier& x : a.identifiers()) {
        if (x.scheme() == scheme && x.value() == value) return;
      }
      v1::Identifier* id = a.add_identifiers();
      id->set_scheme(std::string(scheme));
      id->set_value(value);
      id->set_source_id(source_id);
    };
    if (!record_id.empty()) {
      add_id("EU_ID", absl::StrCat(celex, " ", annex, " ", record_id));
    }
    for (const auto& [column, scheme] :
         std::initializer_list<std::pair<const char*, const char*>>{
             {"imoNumber", "IMO"}, {"mmsi", "MMSI"},
             {"passportNumber", "PASSPORT"},
             {"registrationNumber", "REGISTRATION"}, {"taxNumber", "TAX_ID"},
             {"idNumber", "ID"}, {"innCode", "INN"}, {"ogrnCode", "OGRN"},
             {"kppCode", "KPP"}, {"okpoCode", "OKPO"}, {"leiCode", "LEI"},
             {"swiftBic", "SWIFT_BIC"}, {"ticker", "TICKER"}}) {
      for (const std::string& v : SplitValues(cell(column))) add_id(scheme, v);
    }
    for (const std::string& v : SplitValues(cell("address"))) {
      bool dup = false;
      for (const std::string& x : a.addresses()) dup = dup || x == v;
      if (!dup) a.add_addresses(v);
    }

    std::string sid = record_id.empty()
                          ? ""
                          : absl::StrCat("EU-", celex, "-", annex, "-", record_id);
    if (sid.empty() || sanction_ids.contains(sid)) {
      sid = absl::StrCat("EU-", celex, "-row", data_row);
    }
    sanction_ids.insert(sid);
    v1::Sanction& s = *ds.add_sanctions();
    s.set_id(sid);
    s.set_authority_id("EU");
    s.set_target_id(a.id());
    s.set_program(cell("programKey"));
    const std::string measure_text = cell("measure");
    const v1::Measure measure = MeasureOf(measure_text);
    if (measure == v1::MEASURE_OTHER) ++other_measures[measure_text];
    s.add_measures(measure);
    if (listed) *s.mutable_listed() = *listed;
    s.add_legal_basis(CelexTitle(celex));
    if (amendment) {
      const std::string by = cell("amendmentCelex");
      if (!by.empty() && by != celex) s.add_legal_basis(CelexTitle(by));
    }
    s.set_reference(record_id.empty() ? absl::StrCat("Annex ", annex)
                                      : absl::StrCat("Annex ", annex, " no. ", record_id));
    if (measure == v1::MEASURE_OTHER) {
      s.set_remarks(absl::StrCat("measure: ", measure_text));
    }
    s.set_status(v1::STATUS_CONFIRMED);
    *s.add_evidence() = builder.Evidence(locator);
    // The grounds of the listing are the list's words: the evidence quotes
    // them (InForce::reason, and what the reason rules read).
    s.mutable_evidence(0)->set_quote(CleanText(cell("reason")));
    ++report.rows_imported;
  }
  for (const auto& [m, count] : other_measures) {
    report.notes.push_back(absl::StrCat("measure \"", m, "\" (", count,
                                        " rows) mapped to MEASURE_OTHER"));
  }
  if (split_values > 0) {
    report.notes.push_back(absl::StrCat(
        split_values, " name or alias value(s) holding several names (\"A / B\", "
        "\"A (Russian: B)\", \"A Ukrainian: B\") split, each name kept as an alias"));
  }
  if (labels_dropped > 0) {
    report.notes.push_back(absl::StrCat(
        labels_dropped, " alias value(s) that are only a label (\"Chinese:\", "
        "\"Text of image\") not kept as names"));
  }
  if (birth_places_in_date + dates_trimmed > 0) {
    report.notes.push_back(absl::StrCat(
        birth_places_in_date + dates_trimmed,
        " date(s) of birth or incorporation read from a value with more after the "
        "date (", birth_places_in_date, " a place of birth, \"7.10.1952 POB: ...\", "
        "kept in the note)"));
  }
  if (dates_kept_as_text > 0) {
    report.notes.push_back(absl::StrCat(
        dates_kept_as_text,
        " date(s) of birth or incorporation that give alternatives or doubts "
        "(\"18.1.1970 or 29.3.1965\", \"possibly 23.7.1981\"): no date set, the value "
        "kept in the note as listed"));
  }
  report.notes.push_back(absl::StrCat(ds.actors_size(), " parties from ",
                                      report.rows_imported, " rows"));

  v1::Source source;
  source.set_id(source_id);
  source.set_publisher("European Union (Official Journal), transcribed by OpenSanctions");
  std::vector<std::string> titles;
  for (const std::string& c : celexes) titles.push_back(CelexTitle(c));
  source.set_title(absl::StrCat(
      "Annexes of ", titles.empty() ? stem : absl::StrJoin(titles, ", ")));
  source.set_url(absl::StrCat(
      "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:", stem));
  source.set_language("en");
  source.set_reliability(v1::RELIABILITY_OFFICIAL);
  source.set_note(absl::StrCat("file: ", path,
                               "; transcription licensed CC BY-NC 4.0 "
                               "(OpenSanctions)"));

  v1::Actor eu;
  eu.set_id("EU");
  eu.set_kind(v1::ACTOR_KIND_INTERNATIONAL_BODY);
  eu.set_name("European Union");
  eu.add_aliases("EU");
  eu.add_aliases("Council of the European Union");
  eu.add_evidence()->set_source_id(source_id);
  return builder.Finish(std::move(source), std::move(eu));
}

}  // namespace embargo
