// Keys that entity resolution buckets actors by: kind classes, folded names,
// normalised strong identifiers, countries read from addresses, and the
// compatibility of partial birth dates.
//
//   using namespace embargo::resolve_internal;
//   KindClass c = ClassOf(v1::ACTOR_KIND_PERSON);
//   std::string k = NameKey("SHOIGU, Sergei", c);  // "sergei shoigu"
//   std::vector<StrongKey> imo =
//       StrongIdentifierKeys("IMO", "IMO 9234567");  // {IMO=9234567}
//
// Thread safety: pure functions.

#ifndef EMBARGO_LIB_RESOLVE_KEYS_H_
#define EMBARGO_LIB_RESOLVE_KEYS_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "embargo/v1/records.pb.h"

namespace embargo::resolve_internal {

// KindClass groups actor kinds that may stand for the same thing.
enum class KindClass {
  kNone,          // ACTOR_KIND_UNSPECIFIED or unknown: never merged.
  kState,         // States: merged by id only.
  kPerson,
  kVessel,
  kAircraft,
  kOrganisation,  // Company, legal entity, organisation, government body,
                  // military unit, international body.
};

// ClassOf returns the class of a kind.
KindClass ClassOf(v1::ActorKind kind);
// ClassName is "state", "person", "vessel", "aircraft", "organisation" or
// "none".
absl::string_view ClassName(KindClass c);
// KindSpecificity ranks kinds of one class: LEGAL_ENTITY 0, ORGANIZATION 1,
// the others 2. The merged actor takes the most specific kind.
int KindSpecificity(v1::ActorKind kind);

// FoldName is the library's one name folding (text_internal::FoldName in
// lib/text/names.h, which Graph::FindByName uses too): case (Latin, Greek,
// Cyrillic), accents and punctuation folded, "the" dropped, spaces
// collapsed ("Côte d'Ivoire" -> "cote d ivoire").
std::string FoldName(absl::string_view name);
// NameKey is FoldName, with the words sorted for persons (so "SHOIGU,
// Sergei" and "Sergei SHOIGU" give the same key). Empty when nothing is
// left.
std::string NameKey(absl::string_view name, KindClass c);
// SpellingNameKey is a person's name read in Latin letters
// (text_internal::LatinFold), each word by its spelling key
// (text_internal::SpellingKey, then SoftYoKey), the words sorted: "GORDEYEV,
// Alexey Vasilievich", "Alexey Vasilyevich GORDEYEV" and "Гордеев Алексей
// Васильевич" share one, as do KISELYOV and KISELEV. Empty when nothing is
// left.
std::string SpellingNameKey(absl::string_view name);
// WordCount counts the words of a key.
int WordCount(absl::string_view key);

// StrongKey is a strong identifier, normalised: scheme and value.
struct StrongKey {
  std::string scheme;  // "IMO", "OFAC_UID", "UN_REF", "FTM".
  std::string value;
  std::string Text() const { return scheme + "=" + value; }
};

// StrongIdentifierKeys returns the strong keys an identifier gives: IMO and
// IMO_COMPANY -> IMO with the digits of the value (7 digits, else none);
// OFAC_UID -> digits; UN_REF -> trimmed; FTM_ID and FTM_REFERENT -> FTM,
// and an "ofac-<digits>" referent also OFAC_UID. Other schemes give none.
std::vector<StrongKey> StrongIdentifierKeys(absl::string_view scheme,
                                            absl::string_view value);

// SingleValued is true for the schemes an actor holds at most one value of
// (IMO, OFAC_UID, UN_REF): two different values mean two actors.
bool SingleValued(absl::string_view scheme);

// CitedUnReferences finds UN sanctions list references ("KPe.001",
// "QDi.123") that free text gives as the actor's own: preceded, within 28
// characters, by "UN Ref" (any case: "UN Ref KPe.001", "UN reference
// number: KPe.001"). A bare reference may name some other entry ("linked to
// KPe.002") and is not taken.
std::vector<std::string> CitedUnReferences(absl::string_view text);

// AddressCountries returns the ISO alpha-3 codes that the addresses end in
// ("Central District, Pyongyang, DPRK" -> PRK), without repeats.
std::vector<std::string> AddressCountries(const v1::Actor& actor);

// DateKnown is true when the year is set.
bool DateKnown(const v1::Date& d);
// DatesCompatible is true when two known dates can be the same day: the same
// year and, where both give them, the same month and day.
bool DatesCompatible(const v1::Date& a, const v1::Date& b);
// DateText is "1955", "1955-05" or "1955-05-21".
std::string DateText(const v1::Date& d);
// RegistryNumberKey is the number a company register, tax office or
// statistics office gives (schemes REGISTRATION, TAX_ID, INN, OGRN, OKPO,
// VAT), or an LEI or DUNS number, as upper-case letters and digits only:
// OFAC's "Registration ID 1027739609391 (Russia)" and the EU's
// "ogrnCode 1027739609391" give one key, as do OFAC's "Tax ID No." and the
// EU's INN. Empty for other schemes (passports, KPP codes, which many
// companies of a region share) and for values of fewer than eight
// characters or six digits, too short to tell companies apart.
std::string RegistryNumberKey(absl::string_view scheme, absl::string_view value);
// DocumentNumberKey is a passport or national identity number (schemes
// PASSPORT, NATIONAL_ID) as upper-case letters and digits only; empty for
// other schemes and for values of fewer than six characters or five digits.
std::string DocumentNumberKey(absl::string_view scheme, absl::string_view value);

// DatePrecision is 0 (unknown), 1 (year), 2 (month) or 3 (day).
int DatePrecision(const v1::Date& d);

}  // namespace embargo::resolve_internal

#endif  // EMBARGO_LIB_RESOLVE_KEYS_H_
