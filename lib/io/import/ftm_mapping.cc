// How FtM entities map to records (lib/io/import/ftm_mapping.h).

#include "lib/io/import/ftm_mapping.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "lib/text/names.h"

namespace embargo::import_internal::ftm {
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
    // Sweep over the stakes' day spans, keeping each owner's active shares;
    // the total is the sum of each owner's largest active share.
    struct Point {
      int64_t day;
      bool add;
      size_t index;
    };
    std::vector<Point> points;
    for (size_t i : stakes) {
      DayRange d = SpanOf(relations[i].period());
      points.push_back({d.lo, true, i});
      points.push_back({static_cast<int64_t>(d.hi) + 1, false, i});
    }
    std::sort(points.begin(), points.end(), [](const Point& a, const Point& b) {
      return a.day != b.day ? a.day < b.day : a.add < b.add;
    });
    std::map<std::string, std::multiset<double>> active;
    double worst = 0;
    int64_t worst_day = 0;
    for (size_t p = 0; p < points.size(); ++p) {
      const v1::Relation& r = relations[points[p].index];
      std::multiset<double>& held = active[r.subject_id()];
      if (points[p].add) {
        held.insert(r.share_percent());
      } else if (auto it = held.find(r.share_percent()); it != held.end()) {
        held.erase(it);
      }
      if (p + 1 < points.size() && points[p + 1].day == points[p].day) continue;
      double sum = 0;
      for (const auto& [owner, shares] : active) {
        if (!shares.empty()) sum += *shares.rbegin();
      }
      if (sum > worst + 1e-9) {
        worst = sum;
        worst_day = points[p].day;
      }
    }
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

}  // namespace embargo::import_internal::ftm
