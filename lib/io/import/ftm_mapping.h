// How FtM entities map to records, piece by piece, for the FtM importer
// (lib/io/import/ftm_json.cc): dates, identifier schemes, actor and
// relation kinds of schemata, sanctioning authorities, measures, an
// actor's names and identifiers, a sanction's terms and the
// ownership-share check. What needs the rest of the file (countries and
// their state actors, addresses, references between entities, evidence)
// stays with the importer.
//
//   using namespace embargo::import_internal::ftm;
//   std::optional<PartialDate> d = Earliest({"2022-03", "2021"});  // 2021
//   IdentifierScheme("imoNumber");                                 // "IMO"
//
// Thread safety: pure functions; the tables are built once, thread-safely.

#ifndef EMBARGO_LIB_IO_IMPORT_FTM_MAPPING_H_
#define EMBARGO_LIB_IO_IMPORT_FTM_MAPPING_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "embargo/date.h"
#include "embargo/import/ftm.h"
#include "lib/io/import/ftm_entity.h"
#include "embargo/v1/records.pb.h"
#include "google/protobuf/repeated_ptr_field.h"

namespace embargo::import_internal::ftm {

// ParseDate reads "2022", "2022-03", "2022-03-15" and "2022-03-15T10:00:00";
// nullopt for anything else.
std::optional<PartialDate> ParseDate(absl::string_view s);
// Earliest / Latest are the earliest (latest) readable date among the
// values.
std::optional<PartialDate> Earliest(absl::Span<const absl::string_view> values);
std::optional<PartialDate> Latest(absl::Span<const absl::string_view> values);

// Slug gives an ASCII id part: Latin accents folded away, letters and
// digits kept, every other run one "-" ("Direction Générale du Trésor" ->
// "direction-generale-du-tresor"). A name with characters of other scripts
// gets a stable hash appended, so that names that fold alike stay apart.
std::string Slug(absl::string_view name);

// IdentifierScheme is the scheme of an identifier property ("imoNumber" ->
// "IMO"; one the table lacks in upper snake case, "uniqueEntityId" ->
// "UNIQUE_ENTITY_ID").
std::string IdentifierScheme(absl::string_view prop);

// ActorKindOf is the actor kind of a schema: the nearest of Person,
// PublicBody, Company, Organization, Vessel, Airplane and LegalEntity it
// is; nullopt when it is none.
std::optional<v1::ActorKind> ActorKindOf(const FtmModel& model,
                                         absl::string_view schema);

// RelationKindOf is the relation kind of an edge schema, and a role to give
// when the kind says less than the schema.
std::pair<v1::RelationKind, std::string> RelationKindOf(
    const FtmModel& model, absl::string_view schema);

// Authority is a well-known sanctioning authority.
struct Authority {
  absl::string_view id;
  absl::string_view name;
  v1::ActorKind kind;
  absl::string_view country;
  absl::string_view alias;
};
inline constexpr Authority kOfac = {"OFAC", "Office of Foreign Assets Control",
                                    v1::ACTOR_KIND_GOVERNMENT_BODY, "USA",
                                    "OFAC"};
inline constexpr Authority kUnsc = {"UNSC", "United Nations Security Council",
                                    v1::ACTOR_KIND_INTERNATIONAL_BODY, "",
                                    "UNSC"};
inline constexpr Authority kEu = {"EU", "European Union",
                                  v1::ACTOR_KIND_INTERNATIONAL_BODY, "", "EU"};
inline constexpr Authority kUk = {"UK", "United Kingdom (HM Treasury, FCDO)",
                                  v1::ACTOR_KIND_GOVERNMENT_BODY, "GBR", "UK"};

// WellKnownAuthority is the authority a sanction's authority text (or its
// country, "eu") names, or nullptr.
const Authority* WellKnownAuthority(absl::string_view authority,
                                    absl::string_view country);

// MeasuresIn returns the measures a sanction's words name, sorted.
std::vector<v1::Measure> MeasuresIn(absl::Span<const absl::string_view> texts);

// AddIdentifier adds `scheme` and `value` (cleaned) to `a`, citing
// `source_id`, unless `a` holds them already; returns the identifier, or
// nullptr when the value is empty.
v1::Identifier* AddIdentifier(v1::Actor& a, absl::string_view scheme,
                              absl::string_view value,
                              const std::string& source_id);

// kActorCountryProperties are the properties an actor's country is read
// from, the first state found in this order (the importer sets it, since
// it needs the states the file names).
inline constexpr absl::string_view kActorCountryProperties[] = {
    "country", "jurisdiction", "mainCountry", "nationality", "citizenship", "flag"};

// FillActor sets what an actor takes from its entity alone: the name (the
// caption, else the first name, else the id), aliases (every other value
// of a name-typed property), weak aliases (weakAlias), identifiers (FTM_ID,
// the referents as FTM_REFERENT, every identifier-typed property but
// programId), the birth date (the earliest date of the first start
// property of the schema's temporal extent) and the note (schema, topics,
// datasets, then every property no field holds, by name: neither a name,
// identifier, entity or topic, nor a country property, an address or the
// single value of a start property).
void FillActor(const FtmModel& model, const Entity& e,
               const std::string& source_id, v1::Actor& a);

// FillSanctionTerms sets a sanction's programme (programId, else the first
// program), legal basis (every program), measures (from the provisions,
// program and summary words; none found: ASSET_FREEZE for OFAC, UNSC, EU
// and UK, OTHER otherwise), listing date (the earliest of listingDate and
// the start properties), delisting date (the latest end, when not before the
// listing), reference (authorityId, else unscId, else recordId) and
// remarks (summary, provisions, duration, status; the reason is for the
// evidence's quote). Without a listing or start date, `listed` stays unknown and
// `listed_no_later_than` is first_seen (or the end, if earlier), with a
// remark saying so, and then `from_first_seen`.
void FillSanctionTerms(const FtmModel& model, const Entity& e,
                       absl::string_view authority_id, v1::Sanction& s,
                       bool& from_first_seen);

// CheckOwnershipSums checks that the ownership shares of each asset never
// sum to over 100 % at one time. Registers list one owner's successive
// holdings of an asset (51 %, then 50 %, then 48 %) as records whose periods
// overlap, and several lists repeat one stake: the records of one owner do
// not add up, each owner counts with its largest stake at that time. Shares
// are kept as the source gives them; a total over 100 % across different
// owners is reported in a note naming the file, the records and the field.
void CheckOwnershipSums(const std::vector<v1::Relation>& relations,
                        std::vector<std::string>& notes,
                        absl::string_view file);
void CheckOwnershipSums(
    const google::protobuf::RepeatedPtrField<v1::Relation>& relations,
    std::vector<std::string>& notes, absl::string_view file);

}  // namespace embargo::import_internal::ftm

#endif  // EMBARGO_LIB_IO_IMPORT_FTM_MAPPING_H_
