// Countries: ISO 3166-1 codes and the names sanctions lists and registers
// give to states, so that every importer meets on the same state actors
// ("Korea, North", "DPRK" and "Democratic People's Republic of Korea" are
// all PRK).
//
//   std::optional<absl::string_view> code =
//       embargo::CountryCode("Korea, North");         // "PRK"
//   embargo::CountryCode("Côte d'Ivoire");            // "CIV"
//   embargo::CountryCode("kp");                       // "PRK"
//   embargo::CountryName("PRK");                      // "North Korea"
//   embargo::v1::Actor prk = embargo::StateActor("PRK", "src-ofac-sdn");
//
// The table holds the 249 ISO 3166-1 entries (short names and official
// names from the ISO 3166 standard), Kosovo as XKX (the user-assigned code
// the European Commission and the IMF use), and a few historic states under
// their ISO 3166-3 codes, because arms-transfer registers reach back to the
// Cold War: SUN (Soviet Union), YUG (Yugoslavia), CSK (Czechoslovakia), DDR
// (East Germany), SCG (Serbia and Montenegro) and ANT (Netherlands
// Antilles). The Soviet Union is deliberately not folded into RUS: a 1980
// Soviet delivery to North Korea is a fact about the USSR, and whoever
// wants to read Russia as its continuation can join SUN to RUS in a query.
// West Germany ("FRG") is the same legal person as today's Germany and maps
// to DEU.
//
// Matching ignores case, accents, punctuation, spacing and the word "the":
// "COTE D IVOIRE", "Côte d'Ivoire" and "Cote d'Ivoire" are the same name,
// and so are "Bahamas, The" and "The Bahamas". Two- and three-letter inputs
// are first tried as alpha-2 and alpha-3 codes. Region-only entries
// ("Region: Crimea") and "undetermined" are not countries and do not match.
//
// Thread safety: all functions are pure; the index they use is built once,
// on first use, in a thread-safe way. The returned string_views point into
// static storage and stay valid for the life of the program.

#ifndef EMBARGO_IMPORT_COUNTRIES_H_
#define EMBARGO_IMPORT_COUNTRIES_H_

#include <optional>

#include "absl/strings/string_view.h"
#include "embargo/v1/records.pb.h"

namespace embargo {

// CountryCode returns the alpha-3 code of a country given by name, by
// alpha-2 code or by alpha-3 code, or nullopt when the input names no
// country the table knows.
std::optional<absl::string_view> CountryCode(absl::string_view name_or_code);

// AddressCountry returns the country an address ends in, after its last
// comma ("27 Stromynka Str., Moscow, 107076, Russian Federation" -> "RUS",
// "Central District, Pyongyang, DPRK" -> "PRK"), or nullopt when the last
// part names no country.
std::optional<absl::string_view> AddressCountry(absl::string_view address);

// CountryName returns the English short name of an alpha-3 code ("PRK" ->
// "North Korea", "RUS" -> "Russia", "SUN" -> "Soviet Union"), or "" when the
// code is unknown. Where the ISO short name is an inverted form ("Korea,
// Democratic People's Republic of"), the common name is given instead; the
// ISO form stays an alias.
absl::string_view CountryName(absl::string_view alpha3);

// CountryAlpha2 returns the alpha-2 code of an alpha-3 code, or "" when
// unknown (and for the historic codes, whose alpha-2 codes were reused).
absl::string_view CountryAlpha2(absl::string_view alpha3);

// IsHistoricCountry is true for the ISO 3166-3 codes the table keeps (SUN,
// YUG, CSK, DDR, SCG, ANT).
bool IsHistoricCountry(absl::string_view alpha3);

// StateActor returns the state actor of an alpha-3 code: id = the code,
// kind ACTOR_KIND_STATE, name = CountryName, aliases = the other names the
// table knows for it, identifier ISO3166 = the code, and, when source_id is
// not empty, one Evidence citing that source. Historic states carry a note
// saying so. An unknown code gives an actor named after the code with a
// note saying that it is not in the table (validation still accepts it when
// it is three upper-case letters).
v1::Actor StateActor(absl::string_view alpha3, absl::string_view source_id);

}  // namespace embargo

#endif  // EMBARGO_IMPORT_COUNTRIES_H_
