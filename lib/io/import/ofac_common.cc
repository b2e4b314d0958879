// OFAC entries to records. See ofac_common.h and embargo/import/ofac.h.
//
// Remarks are OFAC's semicolon-separated "Label value (Country)" items; the
// labels kept are listed in kIdLabels (longest label first, so that "alt.
// National ID No." wins over "National ID No."). Everything else stays in
// the actor's note, which holds the whole remark.

#include "lib/io/import/ofac_common.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "lib/io/import/text_util.h"

namespace embargo::import_internal {
namespace {

struct IdLabel {
  absl::string_view label;
  absl::string_view scheme;
};

// Identifier labels of OFAC remarks and idList types, and their schemes.
constexpr IdLabel kIdLabels[] = {
    {"Vessel Registration Identification", "IMO"},
    {"Passport", "PASSPORT"},
    {"Diplomatic Passport", "PASSPORT"},
    {"National ID No.", "NATIONAL_ID"},
    {"Cedula No.", "NATIONAL_ID"},
    {"D.N.I.", "NATIONAL_ID"},
    {"C.U.R.P.", "NATIONAL_ID"},
    {"Personal ID Card", "NATIONAL_ID"},
    {"Tax ID No.", "TAX_ID"},
    {"R.F.C.", "TAX_ID"},
    {"NIT #", "TAX_ID"},
    {"RUC #", "TAX_ID"},
    {"RIF #", "TAX_ID"},
    {"V.A.T. Number", "TAX_ID"},
    {"Registration Number", "REGISTRATION"},
    {"Registration ID", "REGISTRATION"},
    {"Business Registration Number", "REGISTRATION"},
    {"Public Registration Number", "REGISTRATION"},
    {"Company Number", "REGISTRATION"},
    {"Commercial Registry Number", "REGISTRATION"},
    {"Unified Social Credit Code (USCC)", "REGISTRATION"},
    {"Folio Mercantil No.", "REGISTRATION"},
    {"C.R. No.", "REGISTRATION"},
    {"Trade License No.", "REGISTRATION"},
    {"Chamber of Commerce Number", "REGISTRATION"},
    {"Economic Register Number (CBLS)", "REGISTRATION"},
    {"Central Registration System Number", "REGISTRATION"},
    {"Matricula Mercantil No", "REGISTRATION"},
    {"Government Gazette Number", "REGISTRATION"},
    {"Legal Entity Number", "LEI"},
    {"SWIFT/BIC", "SWIFT_BIC"},
    {"MMSI", "MMSI"},
    {"Aircraft Manufacturer's Serial Number (MSN)", "AIRCRAFT_MSN"},
    {"Aircraft Tail Number", "AIRCRAFT_TAIL"},
    {"Identification Number", "ID"},
    {"D-U-N-S Number", "DUNS"},
};

std::string Unquote(absl::string_view s) {
  s = absl::StripAsciiWhitespace(s);
  s = absl::StripSuffix(s, ".");
  s = absl::StripAsciiWhitespace(s);
  if (s.size() >= 2 && (s.front() == '\'' || s.front() == '"') &&
      s.back() == s.front()) {
    s = s.substr(1, s.size() - 2);
  }
  return std::string(absl::StripAsciiWhitespace(s));
}

// Splits "VALUE (Country) issued ..." into value and country text.
std::pair<std::string, std::string> ValueAndCountry(absl::string_view rest) {
  rest = absl::StripAsciiWhitespace(rest);
  std::string country;
  size_t paren = rest.find(" (");
  absl::string_view value = rest;
  if (paren != absl::string_view::npos) {
    size_t close = rest.find(')', paren);
    if (close != absl::string_view::npos) {
      country = std::string(rest.substr(paren + 2, close - paren - 2));
    }
    value = rest.substr(0, paren);
  } else {
    for (absl::string_view stop : {" issued", " expires", " valid", " Issue Date"}) {
      size_t at = value.find(stop);
      if (at != absl::string_view::npos) value = value.substr(0, at);
    }
  }
  value = absl::StripAsciiWhitespace(value);
  value = absl::StripSuffix(value, ".");
  return {std::string(absl::StripAsciiWhitespace(value)), country};
}

void AddUnique(std::vector<std::string>& list, std::string value) {
  if (value.empty()) return;
  if (std::find(list.begin(), list.end(), value) == list.end()) {
    list.push_back(std::move(value));
  }
}

std::string NameKey(absl::string_view name) {
  return absl::AsciiStrToUpper(CleanText(name));
}

v1::ActorKind KindOf(absl::string_view type) {
  const std::string t = absl::AsciiStrToLower(absl::StripAsciiWhitespace(type));
  if (t == "individual") return v1::ACTOR_KIND_PERSON;
  if (t == "vessel") return v1::ACTOR_KIND_VESSEL;
  if (t == "aircraft") return v1::ACTOR_KIND_AIRCRAFT;
  return v1::ACTOR_KIND_LEGAL_ENTITY;
}

}  // namespace

std::string IdSchemeForLabel(absl::string_view label) {
  label = absl::StripAsciiWhitespace(label);
  absl::ConsumePrefix(&label, "alt. ");
  label = absl::StripSuffix(label, ":");
  for (const IdLabel& l : kIdLabels) {
    if (label == l.label) return std::string(l.scheme);
  }
  return "";
}

void ReadOfacRemarks(absl::string_view remarks, OfacEntry& entry) {
  for (absl::string_view raw : absl::StrSplit(remarks, ';')) {
    absl::string_view item = absl::StripAsciiWhitespace(raw);
    // XML remarks come in parentheses: "(Linked To: HAMAS)".
    if (item.size() >= 2 && item.front() == '(' && item.back() == ')') {
      item = item.substr(1, item.size() - 2);
    }
    absl::string_view rest = item;
    if (absl::ConsumePrefix(&rest, "a.k.a.") ||
        absl::ConsumePrefix(&rest, "f.k.a.") ||
        absl::ConsumePrefix(&rest, "n.k.a.")) {
      // OFAC writes its weak a.k.a.'s in the remarks, single-quoted (in
      // the 2021 files none of the 2,439 quoted ones is in alt.csv, which
      // holds the strong ones).
      const bool weak = absl::StartsWith(absl::StripAsciiWhitespace(rest), "'");
      std::string alias = Unquote(rest);
      if (!alias.empty()) {
        AddUnique(weak ? entry.weak_aliases : entry.aliases, std::move(alias));
      }
      continue;
    }
    if (absl::ConsumePrefix(&rest, "Linked To:")) {
      std::string name(absl::StripAsciiWhitespace(rest));
      if (!name.empty()) AddUnique(entry.linked_to, std::move(name));
      continue;
    }
    if (absl::ConsumePrefix(&rest, "DOB ")) {
      entry.births.push_back(std::string(absl::StripSuffix(
          absl::StripAsciiWhitespace(rest), ".")));
      continue;
    }
    if (absl::ConsumePrefix(&rest, "nationality ")) {
      entry.nationalities.push_back(Unquote(rest));
      continue;
    }
    if (absl::ConsumePrefix(&rest, "citizen ")) {
      entry.citizenships.push_back(Unquote(rest));
      continue;
    }
    // "Label VALUE (Country)": try every label as a prefix.
    absl::string_view label_part = item;
    absl::ConsumePrefix(&label_part, "alt. ");
    const IdLabel* best = nullptr;
    for (const IdLabel& l : kIdLabels) {
      if (absl::StartsWith(label_part, l.label) &&
          label_part.size() > l.label.size() &&
          label_part[l.label.size()] == ' ' &&
          (best == nullptr || l.label.size() > best->label.size())) {
        best = &l;
      }
    }
    if (best != nullptr) {
      auto [value, country] =
          ValueAndCountry(label_part.substr(best->label.size()));
      std::string scheme(best->scheme);
      if (absl::StartsWith(value, "IMO ")) {
        value = std::string(absl::StripAsciiWhitespace(value.substr(4)));
        scheme = "IMO";
      } else if (scheme == "IMO") {
        scheme = "VESSEL_REGISTRATION";
      }
      if (!value.empty()) entry.ids.push_back({scheme, value, country});
    }
  }
}

std::string OfacLegalBasis(absl::string_view program) {
  static const auto* const kKnown = new std::map<std::string, std::string>{
      {"NPWMD", "E.O. 13382"},     {"SDGT", "E.O. 13224"},
      {"DPRK", "E.O. 13551"},      {"DPRK2", "E.O. 13687"},
      {"DPRK3", "E.O. 13722"},     {"DPRK4", "E.O. 13810"},
      {"DPRK-NKSPEA", "North Korea Sanctions and Policy Enhancement Act"},
      {"IRGC", "E.O. 13224"},      {"IFSR", "31 CFR part 561"},
      {"SDNTK", "Foreign Narcotics Kingpin Designation Act"},
      {"SDNT", "E.O. 12978"},      {"CYBER2", "E.O. 13694"},
      {"GLOMAG", "E.O. 13818"},    {"MAGNIT", "Sergei Magnitsky Act"},
      {"CAATSA - RUSSIA", "CAATSA"}, {"CAATSA - IRAN", "CAATSA"},
      {"FTO", "INA section 219"},  {"TCO", "E.O. 13581"},
      {"BALKANS", "E.O. 13219"},   {"SYRIA", "E.O. 13573"},
      {"IRAN", "E.O. 13599"},      {"CUBA", "31 CFR part 515"},
  };
  auto it = kKnown->find(std::string(program));
  if (it != kKnown->end()) return it->second;
  size_t eo = program.rfind("-EO");
  if (eo != absl::string_view::npos) {
    absl::string_view num = program.substr(eo + 3);
    if (!num.empty() && std::all_of(num.begin(), num.end(), [](char c) {
          return absl::ascii_isdigit(static_cast<unsigned char>(c));
        })) {
      return absl::StrCat("E.O. ", num);
    }
  }
  return "";
}

v1::Actor OfacAuthority(const std::string& source_id) {
  v1::Actor a;
  a.set_id("OFAC");
  a.set_kind(v1::ACTOR_KIND_GOVERNMENT_BODY);
  a.set_name("Office of Foreign Assets Control");
  a.add_aliases("OFAC");
  a.add_aliases("US Treasury OFAC");
  a.set_country("USA");
  a.add_evidence()->set_source_id(source_id);
  return a;
}

NonSdnProgramme NonSdnMeasure(absl::string_view program) {
  // A programme tag (a prefix where it ends in '-'), its measure, what it
  // restricts, and whether the tag names a non-SDN list only (no SDN
  // designation is made under it).
  struct Row {
    absl::string_view program;
    v1::Measure measure;
    absl::string_view what;
    bool non_sdn_only;
  };
  static constexpr Row kRows[] = {
      {"UKRAINE-EO13662", v1::MEASURE_SECTORAL,
       "Sectoral Sanctions Identifications (SSI) list: the directives named "
       "in the entry (new debt, equity, projects) restrict dealings",
       false},
      {"RUSSIA-EO14024", v1::MEASURE_SECTORAL,
       "menu-based sanctions under E.O. 14024: the directives named in the "
       "entry restrict dealings",
       false},
      {"561-Related", v1::MEASURE_FINANCIAL_SERVICES,
       "CAPTA list: correspondent and payable-through accounts restricted",
       true},
      {"CMIC-EO13959", v1::MEASURE_OTHER,
       "Chinese Military-Industrial Complex companies: purchase and sale of "
       "their publicly traded securities prohibited (E.O. 13959 as amended)",
       true},
      {"FSE-", v1::MEASURE_OTHER,
       "Foreign Sanctions Evaders list: transactions by US persons prohibited",
       true},
      {"NS-", v1::MEASURE_OTHER, "a non-SDN list (NS-PLC: Non-SDN Palestinian "
       "Legislative Council list; NS-MBS: menu-based sanctions)", true},
  };
  // A tag of both lists (UKRAINE-EO13662, RUSSIA-EO14024) may also be the
  // entry's SDN programme (Rosoboronexport): this listing does not block,
  // and whether the entry is blocked is the SDN list's to say.
  constexpr absl::string_view kNotBlocked =
      "; a non-SDN list of OFAC: not blocked under this programme";
  constexpr absl::string_view kNotBlocking =
      "; this non-SDN listing does not block (whether the entry is blocked "
      "under the programme too is the SDN list's to say)";
  for (const Row& r : kRows) {
    if (absl::EndsWith(r.program, "-") ? absl::StartsWith(program, r.program)
                                       : program == r.program) {
      return {r.measure, absl::StrCat(r.what, r.non_sdn_only ? kNotBlocked : kNotBlocking),
              r.non_sdn_only};
    }
  }
  return {v1::MEASURE_OTHER,
          "on OFAC's consolidated (non-SDN) list, which also repeats the SDN "
          "programmes of entries on both lists: whether this programme blocks "
          "the entry is not known from this list (the SDN list says)",
          false};
}

void BuildOfacRecords(std::vector<OfacEntry>& entries, const v1::Date& edition,
                      bool non_sdn, ListBuilder& builder) {
  // Names for "Linked To": primary names first, aliases as a fallback.
  absl::flat_hash_map<std::string, std::vector<const OfacEntry*>> by_name,
      by_alias;
  for (const OfacEntry& e : entries) {
    by_name[NameKey(e.name)].push_back(&e);
    for (const std::string& alias : e.aliases) {
      by_alias[NameKey(alias)].push_back(&e);
    }
    for (const std::string& alias : e.weak_aliases) {
      by_alias[NameKey(alias)].push_back(&e);
    }
  }
  // Returns the one uid `name` names, or nullopt with `why` set.
  std::string why;
  const auto resolve = [&](absl::string_view name) -> std::optional<std::string> {
    std::vector<std::string> keys = {NameKey(name)};
    if (absl::EndsWith(name, ".")) keys.push_back(NameKey(name.substr(0, name.size() - 1)));
    for (const auto* table : {&by_name, &by_alias}) {
      for (const std::string& key : keys) {
        auto it = table->find(key);
        if (it == table->end()) continue;
        absl::flat_hash_set<std::string> uids;
        for (const OfacEntry* e : it->second) uids.insert(e->uid);
        if (uids.size() == 1) return *uids.begin();
        why = absl::StrCat("names ", uids.size(), " entries of this list");
        return std::nullopt;
      }
    }
    why = "names no entry of this list";
    return std::nullopt;
  };

  const std::string edition_text = DateString(edition);
  v1::Dataset& ds = builder.dataset();
  std::set<std::pair<std::string, std::string>> associated;
  int64_t unresolved = 0;
  for (OfacEntry& e : entries) {
    const std::string actor_id = absl::StrCat("OFAC-", e.uid);
    v1::Actor& a = *ds.add_actors();
    a.set_id(actor_id);
    a.set_kind(KindOf(e.type));
    a.set_name(e.name);
    const std::string name_key = NameKey(e.name);
    absl::flat_hash_set<std::string> seen_alias = {name_key};
    for (const std::string& alias : e.aliases) {
      if (seen_alias.insert(NameKey(alias)).second) a.add_aliases(alias);
    }
    for (const std::string& alias : e.weak_aliases) {
      if (seen_alias.insert(NameKey(alias)).second) a.add_weak_aliases(alias);
    }
    for (const std::string& address : e.addresses) a.add_addresses(address);
    v1::Identifier* uid = a.add_identifiers();
    uid->set_scheme("OFAC_UID");
    uid->set_value(e.uid);
    uid->set_source_id(builder.source_id());
    std::set<std::pair<std::string, std::string>> seen_ids;
    for (const OfacEntry::Id& id : e.ids) {
      std::string scheme = id.scheme;
      // An IMO number on anything but a ship is a company or owner number.
      if (scheme == "IMO" && a.kind() != v1::ACTOR_KIND_VESSEL) scheme = "IMO_COMPANY";
      if (!seen_ids.insert({scheme, id.value}).second) continue;
      v1::Identifier* out = a.add_identifiers();
      out->set_scheme(scheme);
      out->set_value(id.value);
      out->set_source_id(builder.source_id());
      if (!id.country.empty()) {
        if (std::optional<std::string> c = builder.KnownCountry(id.country)) {
          out->set_country(*c);
        }
      }
    }
    if (!e.call_sign.empty()) {
      v1::Identifier* cs = a.add_identifiers();
      cs->set_scheme("CALL_SIGN");
      cs->set_value(e.call_sign);
      cs->set_source_id(builder.source_id());
    }
    for (const std::string& b : e.births) {
      if (std::optional<v1::Date> d = ParseListDate(b)) {
        *a.mutable_born() = *d;
        break;
      }
    }
    // Country: nationality, citizenship, (non-persons) address, (vessels)
    // flag.
    std::optional<std::string> country;
    for (const auto* list : {&e.nationalities, &e.citizenships}) {
      for (const std::string& c : *list) {
        if (!country) country = builder.Country(c);
      }
    }
    std::optional<std::string> flag;
    if (!e.vessel_flag.empty()) flag = builder.Country(e.vessel_flag);
    if (!country && a.kind() == v1::ACTOR_KIND_VESSEL) country = flag;
    if (!country && a.kind() != v1::ACTOR_KIND_PERSON) {
      for (const std::string& c : e.address_countries) {
        if (!country) country = builder.Country(c);
      }
    } else {
      for (const std::string& c : e.address_countries) builder.Country(c);
    }
    if (country) a.set_country(*country);
    // Every address's country, once each (unknown texts are counted above).
    for (const std::string& c : e.address_countries) {
      std::optional<std::string> code = builder.KnownCountry(c);
      if (code && std::find(a.address_countries().begin(),
                            a.address_countries().end(),
                            *code) == a.address_countries().end()) {
        a.add_address_countries(*code);
      }
    }
    std::vector<std::string> note;
    if (!e.title.empty()) note.push_back(absl::StrCat("Title: ", e.title));
    if (!e.vessel_type.empty()) note.push_back(absl::StrCat("Vessel type: ", e.vessel_type));
    if (!e.tonnage.empty()) note.push_back(absl::StrCat("Tonnage: ", e.tonnage));
    if (!e.grt.empty()) note.push_back(absl::StrCat("GRT: ", e.grt));
    if (!e.vessel_owner.empty()) note.push_back(absl::StrCat("Vessel owner: ", e.vessel_owner));
    // The first date of birth sets `born`; the others, and the places of
    // birth the XML gives in fields of their own, are kept here. (The CSV
    // gives both in the remarks, which follow whole.)
    if (e.births.size() > 1 && e.remarks.find("DOB") == std::string::npos) {
      note.push_back(absl::StrCat("Dates of birth: ", absl::StrJoin(e.births, "; ")));
    }
    if (!e.birth_places.empty()) {
      note.push_back(absl::StrCat("Place of birth: ", absl::StrJoin(e.birth_places, "; ")));
    }
    if (!e.remarks.empty()) note.push_back(e.remarks);
    a.set_note(absl::StrJoin(note, "; "));
    *a.add_evidence() = builder.Evidence(e.locator);

    for (size_t i = 0; i < e.programs.size(); ++i) {
      const std::string& program = e.programs[i];
      // A programme named twice (two programList elements, or one twice in
      // a list) is one designation: one sanction, whose id it names.
      if (std::find(e.programs.begin(), e.programs.begin() + i, program) !=
          e.programs.begin() + i) {
        continue;
      }
      v1::Sanction& s = *ds.add_sanctions();
      s.set_id(absl::StrCat(actor_id, "-", program));
      s.set_authority_id("OFAC");
      s.set_target_id(actor_id);
      s.set_program(program);
      std::string what;
      // A tag of a non-SDN list restricts, never blocks, on either list
      // (the SDN list tags "SDGT] [NS-PLC" for an entry on both).
      if (NonSdnProgramme p = NonSdnMeasure(program); non_sdn || p.non_sdn_only) {
        s.add_measures(p.measure);
        what = absl::StrCat(p.remark, "; ");
      } else {
        s.add_measures(v1::MEASURE_ASSET_FREEZE);
      }
      // The list gives no designation date: listed at the latest on the
      // edition date, `listed` unknown.
      *s.mutable_listed_no_later_than() = edition;
      std::string basis = OfacLegalBasis(program);
      if (!basis.empty()) s.add_legal_basis(std::move(basis));
      s.set_reference(e.uid);
      s.set_remarks(absl::StrCat(
          what, "listed no later than ", edition_text,
          " (edition date of the list); the list does not give the "
          "designation date"));
      s.set_status(v1::STATUS_CONFIRMED);
      *s.add_evidence() = builder.Evidence(e.locator);
    }
    if (flag) {
      v1::Relation& r = *ds.add_relations();
      r.set_id(absl::StrCat(actor_id, "-FLAG"));
      r.set_kind(v1::RELATION_KIND_FLAG);
      r.set_subject_id(actor_id);
      r.set_object_id(*flag);
      r.set_status(v1::STATUS_CONFIRMED);
      *r.add_evidence() = builder.Evidence(e.locator);
    }
    for (const std::string& linked : e.linked_to) {
      std::optional<std::string> target = resolve(linked);
      if (!target || *target == e.uid) {
        ++unresolved;
        builder.report().notes.push_back(absl::StrCat(
            e.locator, ": \"Linked To: ", linked, "\" of OFAC-", e.uid,
            " ", target ? "names the entry itself" : why,
            "; no relation written"));
        continue;
      }
      auto pair = std::minmax(e.uid, *target);
      if (!associated.insert({pair.first, pair.second}).second) continue;
      v1::Relation& r = *ds.add_relations();
      r.set_id(absl::StrCat(actor_id, "-LINK-", *target));
      r.set_kind(v1::RELATION_KIND_ASSOCIATE);
      r.set_subject_id(actor_id);
      r.set_object_id(absl::StrCat("OFAC-", *target));
      r.set_role("Linked To");
      r.set_status(v1::STATUS_CONFIRMED);
      v1::Evidence ev = builder.Evidence(e.locator);
      ev.set_quote(absl::StrCat("Linked To: ", linked));
      *r.add_evidence() = std::move(ev);
    }
  }
  if (unresolved > 0) {
    builder.report().notes.push_back(absl::StrCat(
        unresolved, " \"Linked To\" names did not resolve to one entry"));
  }
}

}  // namespace embargo::import_internal
