// UN Security Council Consolidated List importer. See embargo/import/un.h.
//
// The file is parsed whole with libxml2 (list_xml.h), so a damaged file is
// refused before any record is made. kRegimes maps UN_LIST_TYPE to the
// regime's resolution and measures.

#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "embargo/import/un.h"
#include "lib/internal/status_macros.h"
#include "lib/io/import/list_common.h"
#include "lib/io/import/list_xml.h"
#include "lib/io/import/text_util.h"

namespace embargo {
namespace {

using import_internal::BaseName;
using import_internal::Child;
using import_internal::Children;
using import_internal::ChildText;
using import_internal::CleanText;
using import_internal::ListBuilder;
using import_internal::Text;

// A UN sanctions regime as the list's UN_LIST_TYPE names it.
struct Regime {
  const char* list_type;
  const char* program;       // "UNSCR 1718"
  const char* legal_basis;   // Resolutions, ';'-separated.
  bool travel_ban;           // For individuals.
  bool arms_embargo;         // Targeted arms embargo on listed parties.
  bool arms_export_ban;      // Ban on procurement of arms from the target.
};

// Measures from the resolutions establishing and extending each regime.
constexpr Regime kRegimes[] = {
    {"Al-Qaida", "UNSCR 1267", "UNSCR 1267 (1999);UNSCR 1989 (2011);UNSCR 2253 (2015)", true, true, false},
    {"Taliban", "UNSCR 1988", "UNSCR 1988 (2011)", true, true, false},
    {"DPRK", "UNSCR 1718", "UNSCR 1718 (2006);UNSCR 2270 (2016)", true, true, true},
    {"Iraq", "UNSCR 1518", "UNSCR 1483 (2003);UNSCR 1518 (2003)", false, false, false},
    {"DRC", "UNSCR 1533", "UNSCR 1533 (2004);UNSCR 1807 (2008)", true, true, false},
    {"Sudan", "UNSCR 1591", "UNSCR 1591 (2005)", true, false, false},
    {"Libya", "UNSCR 1970", "UNSCR 1970 (2011)", true, false, false},
    {"Somalia", "UNSCR 751", "UNSCR 751 (1992);UNSCR 2713 (2023)", true, true, false},
    {"GB", "UNSCR 2048", "UNSCR 2048 (2012)", true, false, false},
    {"CAR", "UNSCR 2127", "UNSCR 2127 (2013);UNSCR 2134 (2014)", true, true, false},
    {"Yemen", "UNSCR 2140", "UNSCR 2140 (2014);UNSCR 2216 (2015)", true, true, false},
    {"SouthSudan", "UNSCR 2206", "UNSCR 2206 (2015)", true, false, false},
    {"Haiti", "UNSCR 2653", "UNSCR 2653 (2022)", true, true, false},
};

const Regime* FindRegime(absl::string_view list_type) {
  for (const Regime& r : kRegimes) {
    if (list_type == r.list_type) return &r;
  }
  return nullptr;
}

// MeasuresNamed reads the measures a "Listed pursuant to ..." comment names
// in parentheses: "(Travel Ban)", "(Travel Ban, Asset Freeze)", "... of
// resolution 2216 (2015) (targeted arms embargo)" — the first parentheses
// that hold measure names and nothing else. Empty when none do: the
// regime's measures apply.
std::vector<v1::Measure> MeasuresNamed(absl::string_view comment) {
  const std::string lower = absl::AsciiStrToLower(comment);
  size_t open = lower.find("listed pursuant to");
  while (open != std::string::npos &&
         (open = lower.find('(', open)) != std::string::npos) {
    const size_t close = lower.find(')', open);
    if (close == std::string::npos) break;
    std::vector<v1::Measure> out;
    for (absl::string_view part : absl::StrSplit(
             absl::string_view(lower).substr(open + 1, close - open - 1), ',')) {
      part = absl::StripAsciiWhitespace(part);
      if (part == "travel ban") {
        out.push_back(v1::MEASURE_TRAVEL_BAN);
      } else if (part == "asset freeze") {
        out.push_back(v1::MEASURE_ASSET_FREEZE);
      } else if (part == "targeted arms embargo" || part == "arms embargo") {
        out.push_back(v1::MEASURE_ARMS_EMBARGO_IMPORTS);
      } else {
        out.clear();  // "(2008)", "(a)": no list of measures.
        break;
      }
    }
    if (!out.empty()) return out;
    open = close;
  }
  return {};
}

std::string Unquote(std::string s) {
  absl::string_view v = absl::StripAsciiWhitespace(s);
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"') {
    v = v.substr(1, v.size() - 2);
  }
  return CleanText(v);
}

std::string DocumentScheme(absl::string_view type) {
  const std::string t = absl::AsciiStrToLower(type);
  if (t.find("pasaporte") != std::string::npos ||
      t.find("passeport") != std::string::npos ||
      t.find("passport") != std::string::npos) {
    return "PASSPORT";
  }
  if (t.find("national identification") != std::string::npos) {
    return "NATIONAL_ID";
  }
  return "ID";
}

}  // namespace

absl::StatusOr<ImportResult> ImportUnXml(const std::string& path,
                                         const UnXmlOptions& options) {
  EMBARGO_ASSIGN_OR_RETURN(import_internal::XmlDoc doc,
                           import_internal::ReadXmlFile(path, options.max_file_bytes));
  xmlNode* root = xmlDocGetRootElement(doc.get());
  if (xmlStrcmp(root->name,
                reinterpret_cast<const xmlChar*>("CONSOLIDATED_LIST")) != 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        path, ":", import_internal::Line(root), ": root element is <",
        reinterpret_cast<const char*>(root->name),
        ">, not <CONSOLIDATED_LIST>: not a UN consolidated list"));
  }
  std::string generated;
  if (xmlChar* g = xmlGetProp(root, reinterpret_cast<const xmlChar*>("dateGenerated"))) {
    generated = reinterpret_cast<const char*>(g);
    xmlFree(g);
  }
  std::optional<v1::Date> edition = import_internal::ParseListDate(generated);
  if (!edition) edition = import_internal::DateFromPath(path);
  const std::string edition_text =
      edition ? import_internal::DateString(*edition) : "undated";
  const std::string source_id =
      options.source_id.empty()
          ? absl::StrCat("un-sc-consolidated-", edition_text)
          : options.source_id;
  ListBuilder builder(source_id, "un-xml");
  ImportReport& report = builder.report();
  report.files.push_back(path);
  const std::string base = BaseName(path);
  v1::Dataset& ds = builder.dataset();
  std::map<std::string, std::string> seen;  // reference -> locator
  std::map<std::string, int> unknown_regimes;

  const auto import_entry = [&](xmlNode* node, bool individual) {
    ++report.rows_read;
    const int64_t line = import_internal::Line(node);
    const std::string locator = absl::StrCat(base, ":", line);
    const auto reject = [&](std::string reason) {
      report.rejected.push_back({path, line, 0, std::move(reason)});
    };
    const std::string ref = ChildText(node, "REFERENCE_NUMBER");  // Trimmed.
    const std::string dataid = ChildText(node, "DATAID");
    if (ref.empty()) {
      reject(absl::StrCat("DATAID ", dataid, ": no REFERENCE_NUMBER"));
      return;
    }
    if (auto it = seen.find(ref); it != seen.end()) {
      reject(absl::StrCat("duplicate REFERENCE_NUMBER ", ref, "; first at ",
                          it->second));
      return;
    }
    std::vector<std::string> parts;
    for (const char* f :
         {"FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"}) {
      std::string v = CleanText(ChildText(node, f));
      if (!v.empty()) parts.push_back(std::move(v));
    }
    const std::string name = absl::StrJoin(parts, " ");
    if (name.empty()) {
      reject(absl::StrCat(ref, ": no name"));
      return;
    }
    const std::string listed_text = ChildText(node, "LISTED_ON");
    std::optional<v1::Date> listed = import_internal::ParseListDate(listed_text);
    if (!listed) {
      reject(absl::StrCat(ref, ": LISTED_ON \"", listed_text,
                          "\" is not a date"));
      return;
    }
    const std::string list_type = ChildText(node, "UN_LIST_TYPE");
    const Regime* regime = FindRegime(list_type);
    seen[ref] = locator;

    const std::string actor_id = absl::StrCat("UN-", ref);
    v1::Actor& a = *ds.add_actors();
    a.set_id(actor_id);
    a.set_kind(individual ? v1::ACTOR_KIND_PERSON : v1::ACTOR_KIND_LEGAL_ENTITY);
    a.set_name(name);
    std::vector<std::string> aliases, weak_aliases;
    const auto add_alias = [&](std::string alias, bool weak) {
      if (alias.empty() || absl::AsciiStrToUpper(alias) == absl::AsciiStrToUpper(name)) return;
      for (const std::string& x : aliases) {
        if (x == alias) return;
      }
      for (const std::string& x : weak_aliases) {
        if (x == alias) return;
      }
      (weak ? weak_aliases : aliases).push_back(std::move(alias));
    };
    // QUALITY "Low" marks a weak alias; "Good" and "a.k.a." strong ones.
    for (xmlNode* al : Children(node, individual ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS")) {
      add_alias(Unquote(ChildText(al, "ALIAS_NAME")),
                absl::AsciiStrToLower(CleanText(ChildText(al, "QUALITY"))) == "low");
    }
    add_alias(CleanText(ChildText(node, "NAME_ORIGINAL_SCRIPT")), false);
    for (std::string& alias : aliases) a.add_aliases(std::move(alias));
    for (std::string& alias : weak_aliases) a.add_weak_aliases(std::move(alias));

    const auto add_id = [&](std::string scheme, std::string value,
                            const std::string& country_text) {
      if (value.empty()) return;
      v1::Identifier* id = a.add_identifiers();
      id->set_scheme(std::move(scheme));
      id->set_value(std::move(value));
      id->set_source_id(source_id);
      if (!country_text.empty()) {
        if (auto c = builder.KnownCountry(country_text)) id->set_country(*c);
      }
    };
    add_id("UN_REF", ref, "");
    add_id("UN_DATAID", dataid, "");
    for (xmlNode* d : Children(node, "INDIVIDUAL_DOCUMENT")) {
      std::string country = ChildText(d, "ISSUING_COUNTRY");
      if (country.empty()) country = ChildText(d, "COUNTRY_OF_ISSUE");
      add_id(DocumentScheme(ChildText(d, "TYPE_OF_DOCUMENT")),
             CleanText(ChildText(d, "NUMBER")), country);
    }

    std::vector<std::string> address_countries;
    for (xmlNode* ad :
         Children(node, individual ? "INDIVIDUAL_ADDRESS" : "ENTITY_ADDRESS")) {
      std::vector<std::string> fields;
      for (const char* f :
           {"STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY", "NOTE"}) {
        std::string v = CleanText(ChildText(ad, f));
        if (!v.empty()) fields.push_back(std::move(v));
      }
      if (!fields.empty()) a.add_addresses(absl::StrJoin(fields, ", "));
      std::string c = ChildText(ad, "COUNTRY");
      if (!c.empty()) address_countries.push_back(std::move(c));
    }
    std::optional<std::string> country;
    for (xmlNode* n : Children(Child(node, "NATIONALITY"), "VALUE")) {
      std::optional<std::string> c = builder.Country(Text(n));
      if (!country) country = c;
    }
    for (const std::string& c : address_countries) {
      std::optional<std::string> code = builder.Country(c);
      if (!country && !individual) country = code;
      if (code && std::find(a.address_countries().begin(),
                            a.address_countries().end(),
                            *code) == a.address_countries().end()) {
        a.add_address_countries(*code);
      }
    }
    if (country) a.set_country(*country);
    // The first date of birth the list gives sets `born`; when it gives
    // several, or one that is approximate or a span ("BETWEEN 1963 and
    // 1968", which sets none), every one is in the note as listed.
    std::vector<std::string> births;
    bool inexact = false;
    for (xmlNode* b : Children(node, "INDIVIDUAL_DATE_OF_BIRTH")) {
      const std::string date = CleanText(ChildText(b, "DATE"));
      const std::string year = CleanText(ChildText(b, "YEAR"));
      const std::string type = absl::AsciiStrToLower(CleanText(ChildText(b, "TYPE_OF_DATE")));
      const std::string from = CleanText(ChildText(b, "FROM_YEAR"));
      const std::string to = CleanText(ChildText(b, "TO_YEAR"));
      const std::string remark = CleanText(ChildText(b, "NOTE"));
      std::optional<v1::Date> d = import_internal::ParseListDate(date);
      if (!d) d = import_internal::ParseListDate(year);
      if (d && !a.has_born()) *a.mutable_born() = *d;
      std::string text = !date.empty() ? date
                         : !year.empty() ? year
                         : !from.empty() || !to.empty()
                             ? absl::StrCat("between ", from.empty() ? "?" : from, " and ",
                                            to.empty() ? "?" : to)
                             : "";
      if (text.empty()) continue;
      if (!type.empty() && type != "exact" && type != "between") {
        absl::StrAppend(&text, " (", type, ")");
      }
      if (!remark.empty()) absl::StrAppend(&text, " (", remark, ")");
      inexact = inexact || (!type.empty() && type != "exact") || !remark.empty();
      births.push_back(std::move(text));
    }
    std::vector<std::string> note;
    const std::string comments = CleanText(ChildText(node, "COMMENTS1"));
    if (!comments.empty()) note.push_back(comments);
    if (births.size() > 1 || inexact) {
      note.push_back(absl::StrCat("dates of birth as listed: ", absl::StrJoin(births, "; ")));
    }
    // What the record has no field for: places of birth, titles, gender.
    std::vector<std::string> places;
    for (xmlNode* pb : Children(node, "INDIVIDUAL_PLACE_OF_BIRTH")) {
      std::vector<std::string> fields;
      for (const char* f : {"CITY", "STATE_PROVINCE", "COUNTRY", "NOTE"}) {
        std::string v = CleanText(ChildText(pb, f));
        if (!v.empty()) fields.push_back(std::move(v));
      }
      if (!fields.empty()) places.push_back(absl::StrJoin(fields, ", "));
    }
    if (!places.empty()) {
      note.push_back(absl::StrCat("place of birth: ", absl::StrJoin(places, "; ")));
    }
    std::vector<std::string> titles;
    for (xmlNode* v : Children(Child(node, "TITLE"), "VALUE")) {
      std::string t = CleanText(Text(v));
      if (!t.empty()) titles.push_back(std::move(t));
    }
    if (!titles.empty()) note.push_back(absl::StrCat("title: ", absl::StrJoin(titles, "; ")));
    const std::string gender = CleanText(ChildText(node, "GENDER"));
    if (!gender.empty()) note.push_back(absl::StrCat("gender: ", gender));
    std::vector<std::string> designations;
    for (xmlNode* v : Children(Child(node, "DESIGNATION"), "VALUE")) {
      std::string d = CleanText(Text(v));
      if (!d.empty()) designations.push_back(std::move(d));
    }
    if (!designations.empty()) {
      note.push_back(absl::StrCat("Designation: ", absl::StrJoin(designations, "; ")));
    }
    a.set_note(absl::StrJoin(note, " | "));
    *a.add_evidence() = builder.Evidence(locator);

    v1::Sanction& s = *ds.add_sanctions();
    s.set_id(actor_id);
    s.set_authority_id("UNSC");
    s.set_target_id(actor_id);
    // The measures the entry's comment names, where it names them ("Listed
    // pursuant to paragraph 15 of resolution 1970 (Travel Ban)"), else the
    // regime's.
    const std::vector<v1::Measure> named = MeasuresNamed(comments);
    if (!named.empty()) {
      for (v1::Measure m : named) s.add_measures(m);
    } else {
      s.add_measures(v1::MEASURE_ASSET_FREEZE);
    }
    if (regime != nullptr) {
      s.set_program(regime->program);
      if (named.empty()) {
        if (individual && regime->travel_ban) s.add_measures(v1::MEASURE_TRAVEL_BAN);
        if (regime->arms_embargo) s.add_measures(v1::MEASURE_ARMS_EMBARGO_IMPORTS);
        if (regime->arms_export_ban) s.add_measures(v1::MEASURE_ARMS_EMBARGO_EXPORTS);
      }
      for (absl::string_view basis :
           absl::StrSplit(regime->legal_basis, ';')) {
        s.add_legal_basis(std::string(basis));
      }
    } else {
      s.set_program(list_type);
      ++unknown_regimes[list_type];
    }
    *s.mutable_listed() = *listed;
    s.set_reference(ref);
    s.set_remarks(absl::StrCat(
        "UN_LIST_TYPE ", list_type,
        named.empty() ? "; measures: the regime's (the entry names none)"
                      : "; measures: those the entry's comment names"));
    s.set_status(v1::STATUS_CONFIRMED);
    *s.add_evidence() = builder.Evidence(locator);
    // The list's narrative (COMMENTS1) is the designation's reason, in its
    // words: what the sanction's evidence quotes and the reason rules read.
    s.mutable_evidence(0)->set_quote(comments);
    ++report.rows_imported;
  };

  for (xmlNode* n : Children(Child(root, "INDIVIDUALS"), "INDIVIDUAL")) {
    import_entry(n, true);
  }
  for (xmlNode* n : Children(Child(root, "ENTITIES"), "ENTITY")) {
    import_entry(n, false);
  }
  for (const auto& [type, count] : unknown_regimes) {
    report.notes.push_back(absl::StrCat(
        "UN_LIST_TYPE \"", type, "\" is not a known regime (", count,
        " entries): imported with an asset freeze only"));
  }

  v1::Source source;
  source.set_id(source_id);
  source.set_publisher("United Nations Security Council");
  source.set_title(absl::StrCat("United Nations Security Council Consolidated List, generated ",
                                generated.empty() ? edition_text : generated));
  source.set_url("https://scsanctions.un.org/resources/xml/en/consolidated.xml");
  if (edition) *source.mutable_published() = *edition;
  source.set_language("en");
  source.set_reliability(v1::RELIABILITY_OFFICIAL);
  source.set_note(absl::StrCat("file: ", path));

  v1::Actor unsc;
  unsc.set_id("UNSC");
  unsc.set_kind(v1::ACTOR_KIND_INTERNATIONAL_BODY);
  unsc.set_name("United Nations Security Council");
  unsc.add_aliases("UNSC");
  unsc.add_aliases("UN Security Council");
  unsc.add_evidence()->set_source_id(source_id);
  return builder.Finish(std::move(source), std::move(unsc));
}

}  // namespace embargo
