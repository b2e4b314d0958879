// How FtM entities map to records (lib/io/import/ftm_mapping.h).

#include "lib/io/import/ftm_mapping.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"
#include "embargo/import/countries.h"
#include "lib/io/import/text_util.h"
#include "lib/model/stakes.h"
#include "lib/text/names.h"

namespace embargo {
namespace import_internal::ftm {
namespace {

// "uniqueEntityId" -> "UNIQUE_ENTITY_ID".
std::string UpperSnake(absl::string_view prop) {
  std::string out;
  for (char c : prop) {
    if (absl::ascii_isupper(static_cast<unsigned char>(c)) && !out.empty()) {
      out.push_back('_');
    }
    out.push_back(absl::ascii_toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

// CheckOwnershipSumsOf checks that the ownership shares of each asset never
// sum to over 100 % at one time. Registers list one owner's successive
// holdings of an asset (51 %, then 50 %, then 48 %) as records whose periods
// overlap, and several lists repeat one stake: the records of one owner do
// not add up, each owner counts with its largest stake at that time. Shares
// are kept as the source gives them; a total over 100 % across different
// owners is reported in a note naming the file, the records and the field.
template <typename Relations>  // std::vector or RepeatedPtrField.
void CheckOwnershipSumsOf(const Relations& relations,
                         std::vector<std::string>& notes,
                         absl::string_view file) {
  absl::flat_hash_map<std::string, std::vector<size_t>> by_asset;
  for (size_t i = 0; i < static_cast<size_t>(relations.size()); ++i) {
    const v1::Relation& r = relations[i];
    if (r.kind() == v1::RELATION_KIND_OWNERSHIP && r.share_percent() > 0) {
      by_asset[r.object_id()].push_back(i);
    }
  }
  std::vector<std::string> assets;
  for (const auto& [asset, stakes] : by_asset) assets.push_back(asset);
  std::sort(assets.begin(), assets.end());
  for (const std::string& asset : assets) {
    const std::vector<size_t>& stakes = by_asset[asset];
    if (stakes.size() < 2) continue;
    // Each owner counts once, with its largest active share
    // (lib/model/stakes.h).
    std::vector<model_internal::Stake> sweep;
    sweep.reserve(stakes.size());
    for (size_t i : stakes) {
      sweep.push_back({SpanOf(relations[i].period()),
                       relations[i].share_percent(), relations[i].subject_id()});
    }
    const model_internal::PeakShare peak = model_internal::PeakOwnedShare(sweep);
    const double worst = peak.total;
    const int64_t worst_day = peak.day;
    if (worst <= 100.0 + 1e-9) continue;
    std::vector<std::string> ids;
    for (size_t i : stakes) {
      ids.push_back(absl::StrCat(relations[i].id(), " (",
                                 relations[i].subject_id(), " ",
                                 relations[i].share_percent(), "%)"));
    }
    notes.push_back(absl::StrFormat(
        "%s: ownership records of \"%s\": percentage: the owners' shares sum "
        "to %g%% on %s (each owner counted once, with its largest share); the "
        "shares are kept as the source gives them; records: %s",
        file, asset, worst,
        FormatDay(static_cast<int32_t>(
            std::clamp<int64_t>(worst_day, kMinDay, kMaxDay))),
        absl::StrJoin(ids, ", ")));
  }
}

}  // namespace

// ParseFtmDate reads "2022", "2022-03", "2022-03-15" and
// "2022-03-15T10:00:00".
std::optional<PartialDate> ParseDate(absl::string_view s) {
  s = absl::StripAsciiWhitespace(s);
  if (size_t t = s.find_first_of("T "); t != absl::string_view::npos) {
    s = s.substr(0, t);
  }
  absl::StatusOr<PartialDate> d = PartialDate::Parse(s);
  if (!d.ok() || !d->known()) return std::nullopt;
  return *d;
}

// The earliest (or latest) readable date among the values.
std::optional<PartialDate> Earliest(absl::Span<const absl::string_view> values) {
  std::optional<PartialDate> best;
  for (absl::string_view v : values) {
    std::optional<PartialDate> d = ParseDate(v);
    if (d && (!best || d->EarliestDay() < best->EarliestDay())) best = d;
  }
  return best;
}
std::optional<PartialDate> Latest(absl::Span<const absl::string_view> values) {
  std::optional<PartialDate> best;
  for (absl::string_view v : values) {
    std::optional<PartialDate> d = ParseDate(v);
    if (d && (!best || d->LatestDay() > best->LatestDay())) best = d;
  }
  return best;
}

// Slug gives an ASCII id part: Latin accents folded away, letters and
// digits kept, every other run one "-" ("Direction Générale du Trésor" ->
// "direction-generale-du-tresor"). A name with characters of other scripts
// gets a stable hash appended, so that names that fold alike stay apart.
std::string Slug(absl::string_view name) {
  std::string out;
  bool dash = false, other = false;
  for (char c : text_internal::FoldName(name)) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (absl::ascii_isalnum(u)) {
      if (dash && !out.empty()) out.push_back('-');
      dash = false;
      out.push_back(absl::ascii_tolower(u));
    } else {
      dash = true;
      if (u >= 0x80) other = true;
    }
  }
  if (out.empty() || other) {
    // Names in other scripts get a stable hash so that they stay distinct.
    uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : name) {
      h ^= c;
      h *= 0x100000001b3ULL;
    }
    absl::StrAppend(&out, out.empty() ? "" : "-",
                    absl::StrFormat("%016x", h));
  }
  return out;
}

std::string IdentifierScheme(absl::string_view prop) {
  static const auto* kSchemes =
      new absl::flat_hash_map<std::string, std::string>{
          {"imoNumber", "IMO"},           {"registrationNumber", "REGISTRATION"},
          {"innCode", "INN"},             {"ogrnCode", "OGRN"},
          {"kppCode", "KPP"},             {"okpoCode", "OKPO"},
          {"taxNumber", "TAX_ID"},        {"vatCode", "VAT"},
          {"passportNumber", "PASSPORT"}, {"idNumber", "NATIONAL_ID"},
          {"socialSecurityNumber", "SOCIAL_SECURITY"},
          {"leiCode", "LEI"},             {"swiftBic", "SWIFT_BIC"},
          {"mmsi", "MMSI"},               {"callSign", "CALL_SIGN"},
          {"icaoCode", "ICAO"},           {"wikidataId", "WIKIDATA"},
          {"dunsCode", "DUNS"},           {"permId", "PERM_ID"},
          {"unscId", "UN_REF"},
      };
  auto it = kSchemes->find(prop);
  return it != kSchemes->end() ? it->second : UpperSnake(prop);
}

// The actor kind of a schema: the nearest of these it is.
std::optional<v1::ActorKind> ActorKindOf(const FtmModel& model,
                                         absl::string_view schema) {
  static constexpr std::pair<absl::string_view, v1::ActorKind> kKinds[] = {
      {"Person", v1::ACTOR_KIND_PERSON},
      {"PublicBody", v1::ACTOR_KIND_GOVERNMENT_BODY},
      {"Company", v1::ACTOR_KIND_COMPANY},
      {"Organization", v1::ACTOR_KIND_ORGANIZATION},
      {"Vessel", v1::ACTOR_KIND_VESSEL},
      {"Airplane", v1::ACTOR_KIND_AIRCRAFT},
      {"LegalEntity", v1::ACTOR_KIND_LEGAL_ENTITY},
  };
  for (const auto& [s, kind] : kKinds) {
    if (model.IsA(schema, s)) return kind;
  }
  return std::nullopt;
}

// The relation kind of an edge schema, and a role to give when the kind
// says less than the schema.
std::pair<v1::RelationKind, std::string> RelationKindOf(
    const FtmModel& model, absl::string_view schema) {
  static constexpr std::pair<absl::string_view, v1::RelationKind> kKinds[] = {
      {"Ownership", v1::RELATION_KIND_OWNERSHIP},
      {"Directorship", v1::RELATION_KIND_DIRECTORSHIP},
      {"Membership", v1::RELATION_KIND_MEMBERSHIP},
      {"Employment", v1::RELATION_KIND_EMPLOYMENT},
      {"Family", v1::RELATION_KIND_FAMILY},
      {"Associate", v1::RELATION_KIND_ASSOCIATE},
      {"UnknownLink", v1::RELATION_KIND_UNKNOWN_LINK},
  };
  for (const auto& [s, kind] : kKinds) {
    if (model.IsA(schema, s)) return {kind, ""};
  }
  if (model.IsA(schema, "Representation")) {
    return {v1::RELATION_KIND_ASSOCIATE, "represents"};
  }
  return {v1::RELATION_KIND_UNKNOWN_LINK, model.Label(schema)};
}

const Authority* WellKnownAuthority(absl::string_view authority,
                                    absl::string_view country) {
  // Non-breaking hyphens and the like do not matter here; letters do.
  const std::string a = absl::AsciiStrToLower(authority);
  if (a == "ofac" || absl::StrContains(a, "office of foreign assets control")) {
    return &kOfac;
  }
  if (absl::StrContains(a, "security council") &&
      !absl::StrContains(a, "national security")) {
    return &kUnsc;
  }
  if (absl::EqualsIgnoreCase(country, "eu") ||
      absl::StrContains(a, "european union") ||
      absl::StrContains(a, "european commission")) {
    return &kEu;
  }
  if (a == "uk" || absl::StrContains(a, "hm treasury") ||
      absl::StrContains(a, "office of financial sanctions implementation") ||
      absl::StrContains(a, "foreign, commonwealth")) {
    return &kUk;
  }
  return nullptr;
}

// Measures named in a sanction's words.
std::vector<v1::Measure> MeasuresIn(absl::Span<const absl::string_view> texts) {
  static constexpr std::pair<absl::string_view, v1::Measure> kWords[] = {
      {"asset freeze", v1::MEASURE_ASSET_FREEZE},
      {"freez", v1::MEASURE_ASSET_FREEZE},
      {"block", v1::MEASURE_ASSET_FREEZE},
      {"блокування активів", v1::MEASURE_ASSET_FREEZE},
      {"travel ban", v1::MEASURE_TRAVEL_BAN},
      {"ship ban", v1::MEASURE_VESSEL_BAN},
      {"service prohibition", v1::MEASURE_FINANCIAL_SERVICES},
      {"trust services", v1::MEASURE_FINANCIAL_SERVICES},
      {"export", v1::MEASURE_EXPORT_CONTROLS},
      {"entity list", v1::MEASURE_EXPORT_CONTROLS},
      {"dealing with securities", v1::MEASURE_SECTORAL},
      {"arms embargo", v1::MEASURE_ARMS_EMBARGO_IMPORTS},
  };
  std::vector<v1::Measure> out;
  for (absl::string_view t : texts) {
    const std::string l = absl::AsciiStrToLower(t);
    for (const auto& [word, m] : kWords) {
      if (absl::StrContains(l, word) &&
          std::find(out.begin(), out.end(), m) == out.end()) {
        out.push_back(m);
      }
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

void CheckOwnershipSums(const std::vector<v1::Relation>& relations,
                        std::vector<std::string>& notes,
                        absl::string_view file) {
  CheckOwnershipSumsOf(relations, notes, file);
}

void CheckOwnershipSums(
    const google::protobuf::RepeatedPtrField<v1::Relation>& relations,
    std::vector<std::string>& notes, absl::string_view file) {
  CheckOwnershipSumsOf(relations, notes, file);
}

v1::Identifier* AddIdentifier(v1::Actor& a, absl::string_view scheme,
                              absl::string_view value,
                              const std::string& source_id) {
  std::string v = import_internal::CleanText(value);
  if (v.empty()) return nullptr;
  for (v1::Identifier& id : *a.mutable_identifiers()) {
    if (id.scheme() == scheme && id.value() == v) return &id;
  }
  v1::Identifier* id = a.add_identifiers();
  id->set_scheme(scheme.data(), scheme.size());
  id->set_value(std::move(v));
  id->set_source_id(source_id);
  return id;
}

void FillActor(const FtmModel& model, const Entity& e,
               const std::string& source_id, v1::Actor& a) {
  const absl::Span<const absl::string_view> names = e.Values("name");
  a.set_name(!e.caption.empty() ? std::string(e.caption)
             : !names.empty()   ? std::string(names.front())
                                : e.id);
  // The names kept so far, as views of the record's own strings (which do
  // not move once added): an entity has a handful, so a scan beats a set.
  std::vector<absl::string_view> seen = {a.name()};
  const auto keep = [&](absl::string_view n, std::string* (v1::Actor::*add)()) {
    std::string c = import_internal::CleanText(n);
    if (c.empty() || std::find(seen.begin(), seen.end(), c) != seen.end()) {
      return;
    }
    std::string* kept = (a.*add)();
    *kept = std::move(c);
    seen.push_back(*kept);
  };
  const auto alias = [&](absl::string_view n) { keep(n, &v1::Actor::add_aliases); };
  for (const char* p : {"name", "alias", "previousName"}) {
    for (absl::string_view n : e.Values(p)) alias(n);
  }
  // The model's definition of each property, looked up once.
  std::vector<const FtmModel::Property*> defined(e.props.size());
  for (size_t i = 0; i < e.props.size(); ++i) {
    defined[i] = model.FindProperty(e.schema, e.props[i].name);
  }
  for (size_t i = 0; i < e.props.size(); ++i) {
    const absl::string_view prop = e.props[i].name;
    const absl::Span<const absl::string_view> values = e.ValuesAt(i);
    const FtmModel::Property* p = defined[i];
    if (p != nullptr && p->type == "name" && prop != "name" &&
        prop != "alias" && prop != "previousName" &&
        prop != "weakAlias") {
      for (absl::string_view n : values) alias(n);
    }
  }
  // weakAlias: FtM's low-quality names, kept apart (Actor.weak_aliases).
  for (absl::string_view n : e.Values("weakAlias")) {
    keep(n, &v1::Actor::add_weak_aliases);
  }
  AddIdentifier(a, "FTM_ID", e.id, source_id);
  for (absl::string_view r : e.referents) AddIdentifier(a, "FTM_REFERENT", r, source_id);
  const std::vector<std::string>& starts = model.TemporalStart(e.schema);
  // The properties no field of the record holds (a position, a place of
  // birth, a description, properties no schema defines): kept in the note
  // by name, so that nothing the entity says is dropped.
  std::vector<size_t> others;
  for (size_t i = 0; i < e.props.size(); ++i) {
    const absl::string_view prop = e.props[i].name;
    const absl::Span<const absl::string_view> values = e.ValuesAt(i);
    const FtmModel::Property* p = defined[i];
    if (p != nullptr && p->type == "identifier" && prop != "programId") {
      for (absl::string_view v : values) {
        AddIdentifier(a, IdentifierScheme(prop), v, source_id);
      }
      continue;
    }
    const bool held =
        (p != nullptr && (p->type == "name" || p->type == "entity" || p->type == "topic")) ||
        prop == "address" || prop == "addressEntity" ||
        std::find(std::begin(kActorCountryProperties), std::end(kActorCountryProperties),
                  prop) != std::end(kActorCountryProperties) ||
        (values.size() == 1 && std::find(starts.begin(), starts.end(), prop) != starts.end());
    if (!held && !values.empty()) others.push_back(i);
  }
  for (const std::string& p : starts) {
    if (std::optional<PartialDate> d = Earliest(e.Values(p))) {
      *a.mutable_born() = d->ToProto();
      break;
    }
  }
  // Built in the record's own string, its length reserved once.
  const absl::Span<const absl::string_view> topics = e.Values("topics");
  const auto joined = [](absl::Span<const absl::string_view> v) {
    size_t n = 0;
    for (absl::string_view x : v) n += x.size() + 2;
    return n;
  };
  std::string& note = *a.mutable_note();
  note.clear();
  note.reserve(4 + e.schema.size() + 10 + joined(topics) + 12 +
               joined(e.datasets));
  import_internal::AppendPieces(note, {"FtM ", e.schema});
  const auto list = [&](absl::string_view label,
                        absl::Span<const absl::string_view> v) {
    if (v.empty()) return;
    note.append(label.data(), label.size());
    for (size_t i = 0; i < v.size(); ++i) {
      if (i > 0) note.append(", ");
      note.append(v[i].data(), v[i].size());
    }
  };
  list("; topics: ", topics);
  list("; datasets: ", e.datasets);
  for (size_t i : others) {
    import_internal::AppendPieces(note, {"; ", e.props[i].name, ":"});
    list(" ", e.ValuesAt(i));
  }
}

void FillSanctionTerms(const FtmModel& model, const Entity& e,
                       absl::string_view authority_id, v1::Sanction& s,
                       bool& from_first_seen) {
  from_first_seen = false;
  const absl::Span<const absl::string_view> programs = e.Values("program");
  std::string program = e.First("programId");
  if (program.empty() && !programs.empty()) program = std::string(programs.front());
  s.set_program(program);
  for (absl::string_view p : programs) s.add_legal_basis(std::string(p));

  std::vector<absl::string_view> words(e.Values("provisions").begin(),
                                       e.Values("provisions").end());
  for (absl::string_view p : programs) words.push_back(p);
  for (absl::string_view p : e.Values("summary")) words.push_back(p);
  std::vector<v1::Measure> measures = MeasuresIn(words);
  if (measures.empty()) {
    const bool financial_list =
        authority_id == kOfac.id || authority_id == kUnsc.id ||
        authority_id == kEu.id || authority_id == kUk.id;
    measures.push_back(financial_list ? v1::MEASURE_ASSET_FREEZE
                                      : v1::MEASURE_OTHER);
  }
  for (v1::Measure m : measures) s.add_measures(m);

  std::vector<absl::string_view> starts(e.Values("listingDate").begin(),
                                        e.Values("listingDate").end());
  for (const std::string& p : model.TemporalStart(e.schema)) {
    for (absl::string_view v : e.Values(p)) starts.push_back(v);
  }
  std::vector<std::string> remarks;
  const std::optional<PartialDate> listed = Earliest(starts);
  std::vector<absl::string_view> ends;
  for (const std::string& p : model.TemporalEnd(e.schema)) {
    for (absl::string_view v : e.Values(p)) ends.push_back(v);
  }
  const std::optional<PartialDate> end = Latest(ends);
  if (listed) {
    *s.mutable_listed() = listed->ToProto();
    if (end && end->LatestDay() >= listed->EarliestDay()) {
      *s.mutable_delisted() = end->ToProto();
    }
  } else {
    // No listing or start date: the listing date stays unknown. The day
    // the publisher first saw the sanction (or its end, if earlier) is a
    // day by which it was listed: before it the sanction is possibly in
    // force, never "not in force".
    if (end) *s.mutable_delisted() = end->ToProto();
    std::optional<PartialDate> by = ParseDate(e.first_seen);
    const bool by_end = by && end && end->LatestDay() < by->EarliestDay();
    if (by_end) by = end;
    if (by) {
      *s.mutable_listed_no_later_than() = by->ToProto();
      remarks.push_back(absl::StrCat(
          "listing date not given; listed no later than ", by->ToString(),
          by_end ? " (its end)" : " (first seen by the publisher then)"));
      from_first_seen = true;
    } else {
      remarks.push_back("listing date not given");
    }
  }
  absl::Span<const absl::string_view> refs = e.Values("authorityId");
  for (const char* p : {"unscId", "recordId"}) {
    if (refs.empty()) refs = e.Values(p);
  }
  s.set_reference(absl::StrJoin(refs, ", "));
  // The reason is the evidence's quote (the caller's), not a remark.
  for (const char* p : {"summary", "provisions", "duration", "status"}) {
    for (absl::string_view v : e.Values(p)) {
      remarks.push_back(import_internal::CleanText(v));
    }
  }
  const absl::Span<const absl::string_view> authorities = e.Values("authority");
  if (authorities.size() > 1) {
    remarks.push_back(
        absl::StrCat("authorities: ", absl::StrJoin(authorities, "; ")));
  }
  s.set_remarks(absl::StrJoin(remarks, "; "));
}

}  // namespace import_internal::ftm

std::optional<double> ParseFtmPercentage(absl::string_view text) {
  std::string t = import_internal::CleanText(text);
  absl::string_view s = t;
  absl::ConsumeSuffix(&s, "%");
  s = absl::StripAsciiWhitespace(s);
  double value = 0;
  if (size_t slash = s.find('/'); slash != absl::string_view::npos) {
    double num = 0, den = 0;
    if (!absl::SimpleAtod(s.substr(0, slash), &num) ||
        !absl::SimpleAtod(s.substr(slash + 1), &den) || !(den > 0)) {
      return std::nullopt;
    }
    value = 100.0 * num / den;
  } else {
    std::string dotted = absl::StrReplaceAll(s, {{",", "."}});
    if (!absl::SimpleAtod(dotted, &value)) return std::nullopt;
  }
  if (!(value > 0) || value > 100) return std::nullopt;
  return value;
}

}  // namespace embargo
