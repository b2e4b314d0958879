// Keys for entity resolution (keys.h).

#include "lib/resolve/keys.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "embargo/import/countries.h"
#include "lib/text/names.h"

namespace embargo::resolve_internal {
namespace {

std::string Digits(absl::string_view v) {
  std::string out;
  for (char c : v) {
    if (absl::ascii_isdigit(static_cast<unsigned char>(c))) out.push_back(c);
  }
  return out;
}

}  // namespace

KindClass ClassOf(v1::ActorKind kind) {
  switch (kind) {
    case v1::ACTOR_KIND_STATE:
      return KindClass::kState;
    case v1::ACTOR_KIND_PERSON:
      return KindClass::kPerson;
    case v1::ACTOR_KIND_VESSEL:
      return KindClass::kVessel;
    case v1::ACTOR_KIND_AIRCRAFT:
      return KindClass::kAircraft;
    case v1::ACTOR_KIND_GOVERNMENT_BODY:
    case v1::ACTOR_KIND_MILITARY_UNIT:
    case v1::ACTOR_KIND_COMPANY:
    case v1::ACTOR_KIND_ORGANIZATION:
    case v1::ACTOR_KIND_INTERNATIONAL_BODY:
    case v1::ACTOR_KIND_LEGAL_ENTITY:
      return KindClass::kOrganisation;
    default:
      return KindClass::kNone;
  }
}

absl::string_view ClassName(KindClass c) {
  switch (c) {
    case KindClass::kState:
      return "state";
    case KindClass::kPerson:
      return "person";
    case KindClass::kVessel:
      return "vessel";
    case KindClass::kAircraft:
      return "aircraft";
    case KindClass::kOrganisation:
      return "organisation";
    case KindClass::kNone:
      break;
  }
  return "none";
}

int KindSpecificity(v1::ActorKind kind) {
  switch (kind) {
    case v1::ACTOR_KIND_LEGAL_ENTITY:
      return 0;
    case v1::ACTOR_KIND_ORGANIZATION:
      return 1;
    default:
      return 2;
  }
}

std::string FoldName(absl::string_view name) {
  return text_internal::FoldName(name);
}

std::string NameKey(absl::string_view name, KindClass c) {
  std::string folded = FoldName(name);
  if (c != KindClass::kPerson) return folded;
  std::vector<absl::string_view> words =
      absl::StrSplit(folded, ' ', absl::SkipEmpty());
  std::sort(words.begin(), words.end());
  return absl::StrJoin(words, " ");
}

std::string SpellingNameKey(absl::string_view name) {
  const std::string latin = text_internal::LatinFold(name);
  std::vector<std::string> words;
  for (absl::string_view token : absl::StrSplit(latin, ' ', absl::SkipEmpty())) {
    std::string key = text_internal::SpellingKey(token);
    if (std::string soft = text_internal::SoftYoKey(key); !soft.empty()) {
      key = std::move(soft);
    }
    if (!key.empty()) words.push_back(std::move(key));
  }
  std::sort(words.begin(), words.end());
  return absl::StrJoin(words, " ");
}

int WordCount(absl::string_view key) {
  if (key.empty()) return 0;
  return static_cast<int>(std::count(key.begin(), key.end(), ' ')) + 1;
}

std::vector<StrongKey> StrongIdentifierKeys(absl::string_view scheme,
                                            absl::string_view value) {
  std::vector<StrongKey> out;
  value = absl::StripAsciiWhitespace(value);
  if (value.empty()) return out;
  if (scheme == "IMO" || scheme == "IMO_COMPANY") {
    std::string d = Digits(value);
    if (d.size() == 7) out.push_back({"IMO", d});
  } else if (scheme == "OFAC_UID") {
    std::string d = Digits(value);
    if (!d.empty() && d.size() == value.size()) out.push_back({"OFAC_UID", d});
  } else if (scheme == "UN_REF") {
    out.push_back({"UN_REF", absl::AsciiStrToUpper(value)});
  } else if (scheme == "FTM_ID" || scheme == "FTM_REFERENT") {
    out.push_back({"FTM", std::string(value)});
    absl::string_view rest = value;
    if (absl::ConsumePrefix(&rest, "ofac-")) {
      std::string d = Digits(rest);
      if (!d.empty() && d.size() == rest.size()) out.push_back({"OFAC_UID", d});
    }
  }
  return out;
}

namespace {

// NumberKey is `value` as upper-case letters and digits when it has
// `min_chars` of them or more and `min_digits` digits or more, else "".
std::string NumberKey(absl::string_view value, size_t min_chars, int min_digits) {
  std::string out;
  int digits = 0;
  for (char c : value) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c))) continue;
    digits += absl::ascii_isdigit(static_cast<unsigned char>(c)) ? 1 : 0;
    out.push_back(absl::ascii_toupper(static_cast<unsigned char>(c)));
  }
  if (out.size() < min_chars || digits < min_digits) return "";
  return out;
}

}  // namespace

std::string RegistryNumberKey(absl::string_view scheme, absl::string_view value) {
  static constexpr absl::string_view kSchemes[] = {"REGISTRATION", "TAX_ID", "INN", "OGRN",
                                                   "OKPO",         "VAT",    "LEI", "DUNS"};
  if (std::find(std::begin(kSchemes), std::end(kSchemes), scheme) == std::end(kSchemes)) {
    return "";
  }
  return NumberKey(value, 8, 6);
}

std::string DocumentNumberKey(absl::string_view scheme, absl::string_view value) {
  if (scheme != "PASSPORT" && scheme != "NATIONAL_ID") return "";
  return NumberKey(value, 6, 5);
}

bool SingleValued(absl::string_view scheme) {
  return scheme == "IMO" || scheme == "OFAC_UID" || scheme == "UN_REF";
}

std::vector<std::string> CitedUnReferences(absl::string_view text) {
  // A UN reference: two letters (the regime), 'i' or 'e' (individual or
  // entity), '.', three digits; not inside a longer word or number.
  std::vector<std::string> out;
  const auto is_alnum = [](char c) {
    return absl::ascii_isalnum(static_cast<unsigned char>(c));
  };
  for (size_t i = 0; i + 7 <= text.size(); ++i) {
    if (text[i + 3] != '.') continue;
    const char a = text[i], b = text[i + 1], t = text[i + 2];
    if (!absl::ascii_isupper(static_cast<unsigned char>(a)) ||
        !absl::ascii_isalpha(static_cast<unsigned char>(b)) ||
        (t != 'i' && t != 'e')) {
      continue;
    }
    bool digits = true;
    for (size_t j = i + 4; j < i + 7; ++j) {
      digits = digits && absl::ascii_isdigit(static_cast<unsigned char>(text[j]));
    }
    if (!digits) continue;
    if (i > 0 && is_alnum(text[i - 1])) continue;
    if (i + 7 < text.size() && is_alnum(text[i + 7])) continue;
    // Only the actor's own reference: "UN Ref KPe.001", "UN reference
    // number: KPe.001", not a reference to some other entry.
    const size_t from = i >= 28 ? i - 28 : 0;
    if (!absl::StrContains(absl::AsciiStrToLower(text.substr(from, i - from)),
                           "un ref")) {
      continue;
    }
    std::string ref = absl::AsciiStrToUpper(text.substr(i, 7));
    if (std::find(out.begin(), out.end(), ref) == out.end()) {
      out.push_back(std::move(ref));
    }
  }
  return out;
}

std::vector<std::string> AddressCountries(const v1::Actor& actor) {
  std::vector<std::string> out;
  for (const std::string& address : actor.addresses()) {
    std::optional<absl::string_view> code = AddressCountry(address);
    if (!code) continue;
    std::string c(*code);
    if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
  }
  return out;
}

bool DateKnown(const v1::Date& d) { return d.year() != 0; }

bool DatesCompatible(const v1::Date& a, const v1::Date& b) {
  if (a.year() != b.year()) return false;
  if (a.month() != 0 && b.month() != 0 && a.month() != b.month()) return false;
  if (a.day() != 0 && b.day() != 0 && a.day() != b.day()) return false;
  return true;
}

std::string DateText(const v1::Date& d) {
  if (d.month() == 0) return absl::StrFormat("%04d", d.year());
  if (d.day() == 0) return absl::StrFormat("%04d-%02d", d.year(), d.month());
  return absl::StrFormat("%04d-%02d-%02d", d.year(), d.month(), d.day());
}

int DatePrecision(const v1::Date& d) {
  if (d.year() == 0) return 0;
  if (d.month() == 0) return 1;
  return d.day() == 0 ? 2 : 3;
}

}  // namespace embargo::resolve_internal
