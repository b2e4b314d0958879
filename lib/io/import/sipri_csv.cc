// SIPRI trade register importer. See embargo/import/sipri.h.
//
// The steps, in order: decode the bytes to UTF-8 (cp1252 or UTF-8, refusing
// NUL bytes and undefined cp1252 bytes with their line and column); cut the
// text into lines; find the header line and map the columns by name; join
// records broken by raw line breaks; turn each record into a Transfer,
// resolving its two parties to actors once per name.
//
// One file, over 600 lines, because the register's columns are read in one
// pass whose steps share the column map and the line numbers every error
// names; the text decoding lives in sipri_text.cc and lib/text.

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "embargo/import/countries.h"
#include "embargo/import/report.h"
#include "embargo/import/sipri.h"
#include "lib/internal/status_macros.h"
#include "lib/io/import/sipri_text.h"

namespace embargo {
namespace {

using sipri_internal::Field;
using sipri_internal::Slug;
using sipri_internal::SplitRecord;

constexpr absl::string_view kFormat = "sipri";

// LeadingCountry reads a state named by the first one to three words of a
// non-state party's name, with more words after it ("Libya HoR", "Syria
// rebels", "Lebanon Palestinian rebels"): the state's code and the length
// of its name. A leading code or abbreviation ("PRC", "ANC") is no state's
// name here: the words must be four letters or more.
std::optional<std::pair<absl::string_view, size_t>> LeadingCountry(absl::string_view name) {
  std::vector<size_t> ends;  // Where each word but the last ends.
  for (size_t i = 0; i < name.size(); ++i) {
    if (name[i] == ' ') ends.push_back(i);
  }
  for (size_t k = std::min<size_t>(ends.size(), 3); k >= 1; --k) {
    const absl::string_view lead = name.substr(0, ends[k - 1]);
    if (lead.size() < 4) continue;
    if (std::optional<absl::string_view> code = CountryCode(lead)) {
      return std::make_pair(*code, lead.size());
    }
  }
  return std::nullopt;
}

// The columns of the register, found by header name. -1 when absent.
struct Columns {
  int recipient = -1;
  int supplier = -1;
  int order_year = -1;
  int order_year_flag = -1;
  int ordered = -1;
  int ordered_flag = -1;
  int designation = -1;
  int description = -1;
  int delivered = -1;
  int delivered_flag = -1;
  int delivery_years = -1;
  int status = -1;
  int comments = -1;
  int tiv_unit = -1;
  int tiv_total = -1;
  int tiv_delivered = -1;
  int count = 0;
};

// MapColumns reads the header. A blank-headed column holds the "?" flag of
// the named column before it.
absl::StatusOr<Columns> MapColumns(const std::vector<Field>& header,
                                   absl::string_view file, int64_t line) {
  Columns c;
  c.count = static_cast<int>(header.size());
  const std::array<std::pair<absl::string_view, int Columns::*>, 13> names = {{
      {"recipient", &Columns::recipient},
      {"supplier", &Columns::supplier},
      {"year of order", &Columns::order_year},
      {"number ordered", &Columns::ordered},
      {"weapon designation", &Columns::designation},
      {"weapon description", &Columns::description},
      {"number delivered", &Columns::delivered},
      {"year(s) of delivery", &Columns::delivery_years},
      {"status", &Columns::status},
      {"comments", &Columns::comments},
      {"sipri tiv per unit", &Columns::tiv_unit},
      {"sipri tiv for total order", &Columns::tiv_total},
      {"sipri tiv of delivered weapons", &Columns::tiv_delivered},
  }};
  for (int i = 0; i < c.count; ++i) {
    const std::string name =
        absl::AsciiStrToLower(absl::StripAsciiWhitespace(header[i].text));
    if (name.empty()) {
      if (i > 0 && header[i - 1].text.find_first_not_of(' ') !=
                       std::string::npos) {
        const std::string prev = absl::AsciiStrToLower(
            absl::StripAsciiWhitespace(header[i - 1].text));
        if (prev == "year of order") c.order_year_flag = i;
        if (prev == "number ordered") c.ordered_flag = i;
        if (prev == "number delivered") c.delivered_flag = i;
      }
      continue;
    }
    for (const auto& [n, member] : names) {
      if (name == n && c.*member < 0) c.*member = i;
    }
  }
  for (const auto& [n, member] :
       {std::pair<absl::string_view, int Columns::*>{"Recipient",
                                                     &Columns::recipient},
        {"Supplier", &Columns::supplier},
        {"Year of order", &Columns::order_year},
        {"Weapon designation", &Columns::designation},
        {"Weapon description", &Columns::description}}) {
    if (c.*member < 0) {
      return absl::InvalidArgumentError(
          absl::StrCat(file, ":", line, ": header has no \"", n,
                       "\" column; is this a SIPRI trade register?"));
    }
  }
  return c;
}

// "13 Mar 2025 10:02:49 AM" -> 2025-03-13.
std::optional<v1::Date> ParseGeneratedDate(absl::string_view text) {
  std::vector<absl::string_view> parts =
      absl::StrSplit(text, ' ', absl::SkipEmpty());
  if (parts.size() < 3) return std::nullopt;
  static constexpr std::array<absl::string_view, 12> kMonths = {
      "jan", "feb", "mar", "apr", "may", "jun",
      "jul", "aug", "sep", "oct", "nov", "dec"};
  int day = 0, year = 0, month = 0;
  if (!absl::SimpleAtoi(parts[0], &day) || !absl::SimpleAtoi(parts[2], &year)) {
    return std::nullopt;
  }
  const std::string m = absl::AsciiStrToLower(parts[1].substr(0, 3));
  for (int i = 0; i < 12; ++i) {
    if (m == kMonths[i]) month = i + 1;
  }
  if (month == 0 || year < 1 || year > 9999 || day < 1 || day > 31) {
    return std::nullopt;
  }
  v1::Date d;
  d.set_year(year);
  d.set_month(month);
  d.set_day(day);
  return d;
}

// A stable 64-bit FNV-1a hash (absl::Hash is salted per process).
uint64_t Fnv1a(absl::string_view s, uint64_t h = 0xcbf29ce484222325ULL) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

// Well-known international organisations, by folded SIPRI name.
constexpr std::array<std::pair<absl::string_view, absl::string_view>, 6>
    kInternationalBodies = {{{"european union", "EU"},
                             {"united nations", "UN"},
                             {"nato", "NATO"},
                             {"african union", "AU"},
                             {"osce", "OSCE"},
                             {"regional security system", "RSS"}}};

// SIPRI spellings that CountryCode does not know, or that name one party
// twice.
constexpr std::array<std::pair<absl::string_view, absl::string_view>, 2>
    kPartyAliases = {{
        {"Saint Vincent", "Saint Vincent and the Grenadines"},
        {"Yemen Arab Republic (North Yemen)", "North Yemen"},
    }};

class Importer {
 public:
  Importer(std::string name, const SipriOptions& options)
      : name_(std::move(name)), options_(options) {
    result_.report.format = std::string(kFormat);
    result_.report.files.push_back(name_);
  }

  absl::StatusOr<ImportResult> Run(absl::string_view bytes) {
    EMBARGO_ASSIGN_OR_RETURN(sipri_internal::DecodedText decoded,
                             sipri_internal::DecodeRegister(
                                 bytes, name_, ToInternal(options_.encoding)));
    if (decoded.utf8_input) {
      result_.report.notes.push_back(
          "input read as UTF-8 (SIPRI exports are cp1252)");
    }
    std::vector<absl::string_view> lines = absl::StrSplit(decoded.text, '\n');
    for (absl::string_view& l : lines) {
      while (absl::ConsumeSuffix(&l, "\r")) {
      }
    }

    // The header, and the preamble before it.
    size_t header = lines.size();
    std::optional<v1::Date> generated;
    std::string first_preamble_line;
    for (size_t i = 0; i < lines.size(); ++i) {
      std::vector<Field> f = SplitRecord(lines[i], static_cast<int64_t>(i + 1));
      if (f.size() >= 3 &&
          absl::EqualsIgnoreCase(absl::StripAsciiWhitespace(f[0].text),
                                 "Recipient") &&
          absl::EqualsIgnoreCase(absl::StripAsciiWhitespace(f[1].text),
                                 "Supplier")) {
        header = i;
        break;
      }
      absl::string_view l = absl::StripAsciiWhitespace(lines[i]);
      if (first_preamble_line.empty()) first_preamble_line = std::string(l);
      if (absl::ConsumePrefix(&l, "Data generated:")) {
        generated = ParseGeneratedDate(absl::StripAsciiWhitespace(l));
      }
    }
    if (header == lines.size()) {
      return absl::InvalidArgumentError(absl::StrCat(
          name_, ": no header line (\"Recipient,Supplier,Year of order,...\") "
                 "found; is this a SIPRI trade register?"));
    }
    const int64_t header_line = static_cast<int64_t>(header) + 1;
    EMBARGO_ASSIGN_OR_RETURN(
        columns_, MapColumns(SplitRecord(lines[header], header_line), name_,
                             header_line));

    AddSource(generated, first_preamble_line);

    // Records.
    std::vector<int64_t> joined;
    for (size_t i = header + 1; i < lines.size(); ++i) {
      if (absl::StripAsciiWhitespace(lines[i]).empty()) continue;
      const int64_t line = static_cast<int64_t>(i) + 1;
      std::vector<Field> fields = SplitRecord(lines[i], line);
      // A comment broken by a raw line break: the next line continues this
      // record while their fields together make no more than one record.
      while (static_cast<int>(fields.size()) < columns_.count &&
             i + 1 < lines.size() &&
             !absl::StripAsciiWhitespace(lines[i + 1]).empty()) {
        std::vector<Field> next =
            SplitRecord(lines[i + 1], static_cast<int64_t>(i) + 2);
        if (static_cast<int>(next.size()) >= columns_.count ||
            fields.size() + next.size() - 1 >
                static_cast<size_t>(columns_.count)) {
          break;
        }
        absl::StrAppend(&fields.back().text, " ", next.front().text);
        fields.insert(fields.end(), std::make_move_iterator(next.begin() + 1),
                      std::make_move_iterator(next.end()));
        ++i;
        if (joined.empty() || joined.back() != line) joined.push_back(line);
      }
      ++result_.report.rows_read;
      error_column_ = 0;
      absl::Status s = Record(fields, line, lines[i].size());
      if (s.ok()) {
        ++result_.report.rows_imported;
      } else {
        Reject(line, error_column_, std::string(s.message()));
      }
    }

    if (!joined.empty()) {
      result_.report.notes.push_back(absl::StrCat(
          joined.size(), " record(s) broken over lines by raw line breaks "
                         "joined, starting at line(s) ",
          absl::StrJoin(joined, ", ")));
    }
    if (!unresolved_.empty()) {
      result_.report.notes.push_back(absl::StrCat(
          "parties that are neither ISO 3166 states nor marked * or ** "
          "(imported as legal entities): ",
          absl::StrJoin(unresolved_, "; ")));
    }
    if (other_items_ > 0) {
      result_.report.notes.push_back(absl::StrCat(
          other_items_, " transfer(s) with a weapon description mapped to "
                        "ITEM_OTHER"));
    }
    auto& rec = result_.report.records;
    rec["source"] = result_.dataset.sources_size();
    rec["actor"] = result_.dataset.actors_size();
    rec["transfer"] = result_.dataset.transfers_size();
    return std::move(result_);
  }

 private:
  static sipri_internal::Encoding ToInternal(SipriOptions::Encoding e) {
    switch (e) {
      case SipriOptions::Encoding::kCp1252:
        return sipri_internal::Encoding::kCp1252;
      case SipriOptions::Encoding::kUtf8:
        return sipri_internal::Encoding::kUtf8;
      case SipriOptions::Encoding::kAuto:
        break;
    }
    return sipri_internal::Encoding::kAuto;
  }

  void Reject(int64_t line, int64_t column, std::string reason) {
    result_.report.rejected.push_back(
        {name_, line, column, std::move(reason)});
  }

  void AddSource(const std::optional<v1::Date>& generated,
                 const std::string& first_line) {
    v1::Source* s = result_.dataset.add_sources();
    source_id_ = options_.source_id;
    if (source_id_.empty()) {
      source_id_ = generated ? absl::StrFormat("SIPRI-ATD-%04d-%02d-%02d",
                                               generated->year(),
                                               generated->month(),
                                               generated->day())
                             : "SIPRI-ATD";
    }
    s->set_id(source_id_);
    s->set_publisher("SIPRI");
    s->set_title("SIPRI Arms Transfers Database: trade register");
    s->set_url("https://www.sipri.org/databases/armstransfers");
    if (generated) *s->mutable_published() = *generated;
    s->set_language("en");
    s->set_reliability(v1::RELIABILITY_ESTABLISHED);
    std::string base = name_;
    if (size_t slash = base.find_last_of('/'); slash != std::string::npos) {
      base = base.substr(slash + 1);
    }
    s->set_note(absl::StrCat(
        "Source: SIPRI Arms Transfers Database (c) SIPRI; cite as \"SIPRI "
        "Arms Transfers Database\". File ",
        base, first_line.empty() ? "" : ": ", first_line));
  }

  // Party returns the actor id of a supplier or recipient name, adding the
  // actor the first time.
  std::string Party(absl::string_view raw) {
    auto it = parties_.find(raw);
    if (it != parties_.end()) return it->second;
    std::string id = NewParty(raw);
    parties_.emplace(std::string(raw), id);
    return id;
  }

  std::string NewParty(absl::string_view raw) {
    absl::string_view name = raw;
    int stars = 0;
    while (absl::ConsumeSuffix(&name, "*")) ++stars;
    name = absl::StripAsciiWhitespace(name);
    for (const auto& [alias, canonical] : kPartyAliases) {
      if (stars == 0 && name == alias) name = canonical;
    }
    if (stars == 0) {
      if (std::optional<absl::string_view> code = CountryCode(name)) {
        return State(*code);
      }
    }
    v1::Actor a;
    a.set_name(std::string(name));
    v1::Identifier* ident = a.add_identifiers();
    ident->set_scheme("SIPRI_NAME");
    ident->set_value(std::string(raw));
    ident->set_source_id(source_id_);
    if (stars >= 2) {
      a.set_kind(v1::ACTOR_KIND_INTERNATIONAL_BODY);
      const std::string folded = absl::AsciiStrToLower(name);
      for (const auto& [n, id] : kInternationalBodies) {
        if (folded == n) a.set_id(std::string(id));
      }
      if (a.id().empty()) a.set_id(absl::StrCat("SIPRI-IO-", Slug(name)));
      a.set_note("International organisation (marked ** by SIPRI)");
    } else if (stars == 1) {
      a.set_kind(v1::ACTOR_KIND_ORGANIZATION);
      a.set_id(absl::StrCat("SIPRI-NS-", Slug(name)));
      a.set_note("Non-state actor (marked * by SIPRI)");
      // "Hamas (Palestine)": the state in the parentheses.
      size_t open = name.rfind('(');
      if (open != absl::string_view::npos && absl::EndsWith(name, ")")) {
        absl::string_view inner =
            name.substr(open + 1, name.size() - open - 2);
        if (std::optional<absl::string_view> code = CountryCode(inner)) {
          a.set_country(State(*code));
        }
      } else if (std::optional<std::pair<absl::string_view, size_t>> lead =
                     LeadingCountry(name)) {
        // "Libya HoR", "Ukraine Rebels": SIPRI names the party by the
        // state it is in, first; said in the note, since the list gives no
        // country field.
        a.set_country(State(lead->first));
        a.set_note(absl::StrCat("Non-state actor (marked * by SIPRI); country ",
                                lead->first, " read from its name \"",
                                name.substr(0, lead->second), "\""));
      }
    } else {
      a.set_kind(v1::ACTOR_KIND_LEGAL_ENTITY);
      a.set_id(absl::StrCat("SIPRI-", Slug(name)));
      a.set_note(
          "SIPRI party that is not an ISO 3166 state (a historic or "
          "unrecognised state, or an unknown party)");
      unresolved_.push_back(std::string(raw));
    }
    std::string id = a.id();
    // Two spellings of one party ("North Yemen", "Yemen Arab Republic
    // (North Yemen)") give one actor.
    if (!states_.emplace(id, true).second) {
      if (a.kind() == v1::ACTOR_KIND_LEGAL_ENTITY) unresolved_.pop_back();
      return id;
    }
    v1::Evidence* e = a.add_evidence();
    e->set_source_id(source_id_);
    *result_.dataset.add_actors() = std::move(a);
    return id;
  }

  // State returns the id of a state actor, adding it the first time.
  std::string State(absl::string_view code) {
    std::string id(code);
    if (states_.emplace(id, true).second) {
      *result_.dataset.add_actors() = StateActor(code, source_id_);
    }
    return id;
  }

  // FieldError is the error of a row, at the column where `f` starts.
  absl::Status FieldError(const Field& f, absl::string_view what) {
    error_column_ = f.column;
    return absl::InvalidArgumentError(what);
  }

  const Field* Get(const std::vector<Field>& fields, int column) const {
    if (column < 0 || column >= static_cast<int>(fields.size())) return nullptr;
    return &fields[column];
  }

  static std::string Text(const Field* f) {
    return f == nullptr ? std::string()
                        : std::string(absl::StripAsciiWhitespace(f->text));
  }

  absl::StatusOr<int64_t> Count(const Field* f, absl::string_view what) {
    const std::string t = Text(f);
    int64_t n = 0;
    if (t.empty()) return 0;
    if (!absl::SimpleAtoi(t, &n) || n < 0) {
      return FieldError(*f, absl::StrCat(what, " \"", t,
                                         "\" is not a whole number"));
    }
    return n;
  }

  absl::StatusOr<double> Tiv(const Field* f, absl::string_view what) {
    const std::string t = Text(f);
    double v = 0;
    if (t.empty()) return 0.0;
    if (!absl::SimpleAtod(t, &v) || !(v >= 0) || v > 1e12) {
      return FieldError(*f, absl::StrCat(what, " \"", t,
                                         "\" is not a non-negative number"));
    }
    return v;
  }

  static bool Flag(const Field* f) {
    return f != nullptr && absl::StrContains(f->text, '?');
  }

  // Doubt is the phrase of a comment that puts the deal's parties or its
  // happening in doubt ("supplier uncertain", "recipient uncertain",
  // "status uncertain"), or "".
  static std::string Doubt(const std::string& comment) {
    const std::string lower = absl::AsciiStrToLower(comment);
    for (const char* phrase :
         {"supplier uncertain", "recipient uncertain", "status uncertain"}) {
      if (absl::StrContains(lower, phrase)) return phrase;
    }
    return "";
  }

  absl::Status Record(const std::vector<Field>& fields, int64_t line,
                      size_t line_length) {
    if (static_cast<int>(fields.size()) != columns_.count) {
      const bool short_record =
          static_cast<int>(fields.size()) < columns_.count;
      error_column_ = short_record ? static_cast<int64_t>(line_length) + 1
                                   : fields[columns_.count].column;
      return absl::InvalidArgumentError(absl::StrCat(
          "record has ", fields.size(), " fields, expected ", columns_.count,
          short_record ? " (a truncated record?)" : ""));
    }
    const Field& recipient_f = fields[columns_.recipient];
    const Field& supplier_f = fields[columns_.supplier];
    const std::string recipient = Text(&recipient_f);
    const std::string supplier = Text(&supplier_f);
    if (recipient.empty()) return FieldError(recipient_f, "no recipient");
    if (supplier.empty()) return FieldError(supplier_f, "no supplier");

    const Field& year_f = fields[columns_.order_year];
    int year = 0;
    if (!absl::SimpleAtoi(Text(&year_f), &year) || year < 1 || year > 9999) {
      return FieldError(year_f, absl::StrCat("year of order \"", Text(&year_f),
                                             "\" is not a year"));
    }
    EMBARGO_ASSIGN_OR_RETURN(
        int64_t ordered, Count(Get(fields, columns_.ordered), "number ordered"));
    EMBARGO_ASSIGN_OR_RETURN(
        int64_t delivered,
        Count(Get(fields, columns_.delivered), "number delivered"));
    std::vector<int32_t> years;
    if (const Field* f = Get(fields, columns_.delivery_years)) {
      for (absl::string_view y : absl::StrSplit(f->text, ';')) {
        y = absl::StripAsciiWhitespace(y);
        if (y.empty()) continue;
        int v = 0;
        if (!absl::SimpleAtoi(y, &v) || v < 1 || v > 9999) {
          return FieldError(*f, absl::StrCat("delivery year \"", y,
                                             "\" is not a year"));
        }
        if (v < year) {
          return FieldError(*f, absl::StrCat("delivery year ", v,
                                             " is before the order year ",
                                             year));
        }
        years.push_back(v);
      }
    }
    EMBARGO_ASSIGN_OR_RETURN(
        double tiv_unit, Tiv(Get(fields, columns_.tiv_unit), "TIV per unit"));
    EMBARGO_ASSIGN_OR_RETURN(
        double tiv_total,
        Tiv(Get(fields, columns_.tiv_total), "TIV for total order"));
    EMBARGO_ASSIGN_OR_RETURN(
        double tiv_delivered,
        Tiv(Get(fields, columns_.tiv_delivered), "TIV of delivered weapons"));

    const std::string supplier_id = Party(supplier);
    const std::string recipient_id = Party(recipient);
    if (supplier_id == recipient_id) {
      return FieldError(supplier_f,
                        absl::StrCat("supplier \"", supplier,
                                     "\" is also the recipient"));
    }

    const std::string designation = Text(Get(fields, columns_.designation));
    const std::string description = Text(Get(fields, columns_.description));
    v1::Transfer t;
    const std::string key =
        absl::StrJoin({recipient, supplier, Text(&year_f), designation,
                       description, Text(Get(fields, columns_.ordered))},
                      "\x1f");
    std::string id = absl::StrFormat("SIPRI-%016x", Fnv1a(key));
    if (int& seen = ids_[id]; seen++ > 0) absl::StrAppend(&id, "-", seen);
    t.set_id(id);
    t.set_supplier_id(supplier_id);
    t.set_recipient_id(recipient_id);
    t.set_item(SipriItemCategory(description));
    if (t.item() == v1::ITEM_OTHER) ++other_items_;
    t.set_designation(designation);
    t.set_quantity(delivered);
    t.set_quantity_ordered(ordered);
    // Each number keeps its own "?": the ordered and delivered numbers of
    // a row are flagged separately.
    t.set_quantity_uncertain(Flag(Get(fields, columns_.delivered_flag)));
    t.set_quantity_ordered_uncertain(Flag(Get(fields, columns_.ordered_flag)));
    t.mutable_ordered()->set_year(year);
    t.set_ordered_uncertain(Flag(Get(fields, columns_.order_year_flag)));
    if (!years.empty()) {
      std::sort(years.begin(), years.end());
      years.erase(std::unique(years.begin(), years.end()), years.end());
      for (int32_t y : years) t.add_delivery_years(y);
      t.mutable_delivered()->mutable_start()->set_year(years.front());
      t.mutable_delivered()->mutable_end()->set_year(years.back());
    }
    t.set_status(options_.status);
    // SIPRI's own doubt about who supplied or received it, or whether the
    // deal happened: alleged, not established.
    const std::string doubt = Doubt(Text(Get(fields, columns_.comments)));
    if (!doubt.empty() && t.status() > v1::STATUS_ALLEGED) {
      t.set_status(v1::STATUS_ALLEGED);
    }
    // Each value in its own field: the order's total is not the delivered
    // value (a 0 or empty cell stays unknown).
    t.set_tiv_total(tiv_total);
    t.set_tiv_unit(tiv_unit);
    t.set_tiv_delivered(tiv_delivered);

    std::vector<std::string> facts;
    if (!description.empty()) facts.push_back(description);
    if (std::string st = Text(Get(fields, columns_.status)); !st.empty()) {
      facts.push_back(st);
    }
    if (t.status() != options_.status) {
      facts.push_back(absl::StrCat("status alleged: the comment says ", doubt));
    }
    if (const Field* f = Get(fields, columns_.tiv_unit); f && !Text(f).empty()) {
      facts.push_back(absl::StrCat("TIV per unit ", tiv_unit));
    }
    if (const Field* f = Get(fields, columns_.tiv_delivered);
        f && !Text(f).empty()) {
      facts.push_back(absl::StrCat("TIV delivered ", tiv_delivered));
    }
    std::string note = Text(Get(fields, columns_.comments));
    if (!facts.empty()) {
      absl::StrAppend(&note, note.empty() ? "" : " ", "[SIPRI: ",
                      absl::StrJoin(facts, "; "), "]");
    }
    t.set_note(std::move(note));
    v1::Evidence* e = t.add_evidence();
    e->set_source_id(source_id_);
    e->set_locator(absl::StrCat("line ", line));
    *result_.dataset.add_transfers() = std::move(t);
    return absl::OkStatus();
  }

  std::string name_;
  SipriOptions options_;
  ImportResult result_;
  Columns columns_;
  std::string source_id_;
  absl::flat_hash_map<std::string, std::string> parties_;
  // Ids of the actors written so far (states and the others).
  absl::flat_hash_map<std::string, bool> states_;
  absl::flat_hash_map<std::string, int> ids_;
  std::vector<std::string> unresolved_;
  int64_t other_items_ = 0;
  // Column of the last row error (see FieldError); 0 when none applies.
  int64_t error_column_ = 0;
};

// Phrases that decide a description's category wherever they stand, tried
// in order before the head noun ("rocket launcher" is artillery although a
// "guided rocket" is a missile). See SipriItemCategory.
struct PhraseRule {
  absl::string_view phrase;
  v1::ItemCategory item;
};

constexpr std::array<PhraseRule, 33> kPhraseRules = {{
    {"satellite", v1::ITEM_SATELLITES},
    {"uav", v1::ITEM_DRONES},
    {"ugv", v1::ITEM_DRONES},
    {"drone", v1::ITEM_DRONES},
    {"loitering munition", v1::ITEM_DRONES},
    {"engine", v1::ITEM_ENGINES},
    {"turbofan", v1::ITEM_ENGINES},
    {"turbojet", v1::ITEM_ENGINES},
    {"turboprop", v1::ITEM_ENGINES},
    {"gas turbine", v1::ITEM_ENGINES},
    {"reactor", v1::ITEM_ENGINES},
    {"radar", v1::ITEM_SENSORS},
    {"sonar", v1::ITEM_SENSORS},
    {"eo system", v1::ITEM_SENSORS},
    {"eo search", v1::ITEM_SENSORS},
    {"eo/radar", v1::ITEM_SENSORS},
    {"recce system", v1::ITEM_SENSORS},
    {"intelligence system", v1::ITEM_SENSORS},
    {"search system", v1::ITEM_SENSORS},
    {"turret", v1::ITEM_COMPONENTS},
    {"chassis", v1::ITEM_COMPONENTS},
    {"air refuel", v1::ITEM_OTHER},
    {"tank destroyer", v1::ITEM_ARMOURED_VEHICLES},
    {"sam system", v1::ITEM_AIR_DEFENCE},
    {"abm system", v1::ITEM_AIR_DEFENCE},
    {"ad system", v1::ITEM_AIR_DEFENCE},
    {"air-defence system", v1::ITEM_AIR_DEFENCE},
    {"anti-aircraft gun", v1::ITEM_AIR_DEFENCE},
    {"coastal defence system", v1::ITEM_MISSILES},
    {"missile launcher", v1::ITEM_MISSILES},
    {"guided shell", v1::ITEM_ARTILLERY_AMMUNITION},
    {"rocket launcher", v1::ITEM_ARTILLERY},
    {"howitzer", v1::ITEM_ARTILLERY},
}};

struct HeadRule {
  absl::string_view head;
  v1::ItemCategory item;
};

constexpr std::array<HeadRule, 34> kHeadRules = {{
    {"aircraft", v1::ITEM_AIRCRAFT},
    {"helicopter", v1::ITEM_AIRCRAFT},
    {"airship", v1::ITEM_AIRCRAFT},
    {"ship", v1::ITEM_SHIPS},
    {"boat", v1::ITEM_SHIPS},
    {"gunboat", v1::ITEM_SHIPS},
    {"craft", v1::ITEM_SHIPS},
    {"submarine", v1::ITEM_SHIPS},
    {"frigate", v1::ITEM_SHIPS},
    {"corvette", v1::ITEM_SHIPS},
    {"destroyer", v1::ITEM_SHIPS},
    {"cruiser", v1::ITEM_SHIPS},
    {"carrier", v1::ITEM_SHIPS},
    {"minesweeper", v1::ITEM_SHIPS},
    {"minehunter", v1::ITEM_SHIPS},
    {"minelayer", v1::ITEM_SHIPS},
    {"tug", v1::ITEM_SHIPS},
    {"tanker", v1::ITEM_SHIPS},
    {"icebreaker", v1::ITEM_SHIPS},
    {"missile", v1::ITEM_MISSILES},
    {"sam", v1::ITEM_MISSILES},
    {"asm", v1::ITEM_MISSILES},
    {"abm", v1::ITEM_MISSILES},
    {"torpedo", v1::ITEM_MISSILES},
    {"bomb", v1::ITEM_MISSILES},
    {"rocket", v1::ITEM_MISSILES},
    {"apc", v1::ITEM_ARMOURED_VEHICLES},
    {"tank", v1::ITEM_ARMOURED_VEHICLES},
    {"vehicle", v1::ITEM_ARMOURED_VEHICLES},
    {"car", v1::ITEM_ARMOURED_VEHICLES},
    {"bridgelayer", v1::ITEM_ARMOURED_VEHICLES},
    {"gun", v1::ITEM_ARTILLERY},
    {"mortar", v1::ITEM_ARTILLERY},
    {"launcher", v1::ITEM_ARTILLERY},
}};

}  // namespace

v1::ItemCategory SipriItemCategory(absl::string_view description) {
  const std::string d =
      absl::AsciiStrToLower(absl::StripAsciiWhitespace(description));
  for (const PhraseRule& r : kPhraseRules) {
    if (absl::StrContains(d, r.phrase)) return r.item;
  }
  size_t cut = d.find_last_of(" /");
  absl::string_view head = absl::string_view(d).substr(
      cut == std::string::npos ? 0 : cut + 1);
  for (const HeadRule& r : kHeadRules) {
    if (head == r.head) return r.item;
  }
  return v1::ITEM_OTHER;
}

absl::StatusOr<ImportResult> ParseSipriCsv(absl::string_view bytes,
                                           std::string name,
                                           const SipriOptions& options) {
  Importer importer(std::move(name), options);
  return importer.Run(bytes);
}

absl::StatusOr<ImportResult> ImportSipriCsv(const std::string& path,
                                            const SipriOptions& options) {
  EMBARGO_ASSIGN_OR_RETURN(
      std::string bytes,
      sipri_internal::ReadWholeFile(path, options.max_file_bytes));
  return ParseSipriCsv(bytes, path, options);
}

}  // namespace embargo
