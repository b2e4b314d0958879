// Entity resolution: one actor per real-world actor across files.
//
// Every importer writes its own state actors ("PRK", "RUS") and its own
// authority ("OFAC", "UNSC", "EU"), and each list gives the same company or
// person its own id ("OFAC-9345", "UN-KPe.001", "EU-32017R1509-XIII.B-1").
// Loaded side by side, those files fail validation with duplicate ids and
// tell three stories about one company. ResolveEntities runs before
// validation: it finds the actors of different files that stand for the
// same thing, merges each such group into one actor and rewrites every
// reference to it, so that the files load as one dataset.
//
//   std::vector<embargo::DatasetFile> files = ...;  // imports, datasets
//   absl::StatusOr<embargo::ResolvedDataset> r =
//       embargo::ResolveEntities(std::move(files));
//   if (!r.ok()) { std::cerr << r.status() << "\n"; return 2; }
//   std::cerr << r->report.Summary();
//   embargo::GraphBuilder builder;
//   for (embargo::DatasetFile& f : r->files) builder.Add(std::move(f));
//   absl::StatusOr<embargo::Graph> graph = builder.Build();
//
//   // Or in one step, from paths:
//   embargo::ResolveReport report;
//   absl::StatusOr<embargo::Graph> g = embargo::LoadResolvedGraph(
//       {"ofac.records", "un.records", "article.textproto"}, {}, &report);
//
// The rules, tried in this order; each links two actors of different files
// (a file's own actors are never linked to one another: the source lists
// them as distinct):
//   1. Same id ("same id"): the same id in several files with compatible
//      kinds. This is how states (ISO alpha-3 ids) and the authorities
//      ("OFAC", "UNSC", "EU", "UK") of every importer meet. A duplicate id
//      within one file is left alone, for validation to report.
//   2. Strong identifiers ("identifier"): an IMO number (schemes IMO and
//      IMO_COMPANY, digits only), an OFAC UID, a UN reference (UN_REF; also
//      a UN reference such as "KPe.001" cited in an actor's note or in the
//      remarks of a sanction on it, when some actor holds it as UN_REF), a
//      FollowTheMoney id (FTM_ID, and FTM_REFERENT values, the source ids
//      an FtM entity was merged from; "ofac-<n>" referents are also OFAC
//      UIDs). Kinds must be compatible.
//   3. Name, country and kind ("name+country+kind"; the weaker rule, off
//      with name_country_kind = false): a name or alias equal after folding
//      case, accents and punctuation (for persons in any token order, so
//      "SHOIGU, Sergei Kuzhugetovich" meets "Sergei Kuzhugetovich SHOIGU"),
//      the same country and a compatible kind. The country is the actor's
//      country or, when it has none, the countries its addresses end in.
//      Two actors without a country never meet by name.
//   4. Name and kind with the country known on one side only
//      ("name+kind, country on one side"; off with name_country_kind or
//      name_one_sided_country = false): an actor without any country meets
//      one with a country by name when the name is unambiguous (every actor
//      of that name and kind that has a country has the same one) and, for
//      organisations, of at least three words; for persons only when both
//      carry the same full date of birth. Vessels and aircraft never meet
//      this way.
//   5. Spelling and birth date ("spelling+birth date"; off with
//      name_country_kind or spelling_birth_date = false): persons whose
//      names, read in Latin letters with each word by its spelling key
//      (y/i, ye/e, ie/e, kh/h, doubled letters, ё as "yo" or "e"; any word
//      order), are equal — OFAC's "GORDEYEV, Alexey Vasilievich" and the
//      EU's "Alexey Vasilyevich GORDEYEV" —, of two words or more, born on
//      the same full date, with no country on one side or a country in
//      common. The name must be unambiguous in each file.
//   6. Registry number and country ("registry number+country"; off with
//      registry_numbers = false; runs after rule 2): the same company
//      register, tax or statistics number (OGRN, INN, OKPO, VAT, ...), LEI or
//      DUNS number, read as its letters and digits whatever the scheme's
//      name (OFAC's "Registration ID" is the EU's "OGRN", OFAC's "Tax ID
//      No." the EU's "INN"; eight characters or more, six digits or more),
//      compatible kinds, and a country in common or not given on one side:
//      the identifier's own country where the list gives one, else the
//      actor's. OFAC's "ROSOBORONEKSPORT OAO" and the EU's "JSC
//      ROSOBORONEXPORT" share OGRN 1117746521452 and INN 7718852163. A
//      number that several actors of one file bear joins none of them.
//   7. Document number ("document number+country or birth date"; off with
//      document_numbers = false; runs after rule 6): persons with the same
//      passport or national identity number (six characters or more, five
//      digits or more), with a country in common (the one the list gives
//      with the number, else the person's) or, when a side gives none,
//      birth dates known on both sides and compatible. OFAC's "AL ZAWAHIRI,
//      Dr. Ayman" and the UN's "AIMAN MUHAMMED RABI AL-ZAWAHIRI" share
//      Egyptian passport 1084010.
// Compatible kinds: person with person, vessel with vessel, aircraft with
// aircraft, state with state (by id only); company, legal entity,
// organisation, government body, military unit and international body form
// one organisation class.
//
// Merges are transitive (union-find), but a merge is refused, and the
// refusal reported, when the two groups would together hold two actors of
// one file, two different birth dates (partial dates compatible: "1955"
// matches "1955-05-21"), or two different values of a single-valued strong
// identifier (IMO, OFAC_UID, UN_REF). Same-id merges are checked too.
//
// The merged actor keeps the id of a state's ISO code, else the id of the
// member from the earliest file (earliest record within it), in the place of
// that record; the other members' records are removed. It keeps the kept
// record's name, every other name and alias as aliases (folded duplicates
// left out), every identifier (one per scheme and value), address,
// evidence and note, the most specific kind (COMPANY over ORGANIZATION over
// LEGAL_ENTITY), the first country and the most precise birth date; each
// other id is listed in merged_from with its rule:
// "OFAC-35173 (name+country+kind: shoigu sergei kuzhugetovich, RUS)".
//
// Every reference in every record of every file (supplier_id,
// recipient_id, intermediary_ids, authority_id, target_id, subject_id,
// object_id, participants, place_id, Evidence.speaker_id, Actor.country) is
// rewritten to the kept id. Records that merging makes impossible are
// removed and listed in the report with the reason: a relation whose two
// ends became one actor, a transfer whose supplier became its recipient, a
// sanction whose authority became its target. An intermediary that came to
// repeat its neighbour is removed from the route (reported). Records of the
// same kind and id in several files that are identical after rewriting are
// kept once (reported); sources with the same id must be identical, or
// resolution fails with InvalidArgument naming both files.
//
// Cost: one pass over the actors builds hash maps keyed by id, identifier
// and folded name; candidate pairs come only from those buckets, never from
// comparing all pairs. Near-linear in the number of actors and names.
//
// Thread safety: free functions without shared state; any number of threads
// may call them at once on different inputs.

#ifndef EMBARGO_RESOLVE_H_
#define EMBARGO_RESOLVE_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "embargo/graph.h"
#include "embargo/io.h"
#include "embargo/validate.h"

namespace embargo {

// Rule names, as they appear in Merge::rule and in Actor.merged_from.
inline constexpr char kRuleSameId[] = "same id";
inline constexpr char kRuleIdentifier[] = "identifier";
inline constexpr char kRuleNameCountryKind[] = "name+country+kind";
inline constexpr char kRuleNameOneSidedCountry[] =
    "name+kind, country on one side";
inline constexpr char kRuleSpellingBirthDate[] = "spelling+birth date";
inline constexpr char kRuleRegistryNumber[] = "registry number+country";
inline constexpr char kRuleDocumentNumber[] = "document number+country or birth date";

// ResolveOptions switches the rules on and off.
struct ResolveOptions {
  // Rule 1: the same id in several files.
  bool same_id = true;
  // Rule 2: IMO, OFAC_UID, UN_REF, FTM_ID / FTM_REFERENT.
  bool strong_identifiers = true;
  // Rule 3 (and 4): the weaker rule, by name, country and kind.
  bool name_country_kind = true;
  // Rule 4: by name and kind when only one side has a country (also needs
  // name_country_kind).
  bool name_one_sided_country = true;
  // Rule 5: persons whose names differ only in spelling (transliteration:
  // Vasilievich / Vasilyevich, Kiselyov / Kiselev, Cyrillic / Latin) and who
  // were born on the same full date, with no country on one side or a
  // country in common (also needs name_country_kind).
  bool spelling_birth_date = true;
  // Rule 6: a company register, tax or statistics number, LEI or DUNS
  // number in common, with a country in common or not given on one side.
  bool registry_numbers = true;
  // Rule 7: persons with a passport or national identity number in common,
  // with a country in common or compatible birth dates.
  bool document_numbers = true;
  // Countries read from the end of addresses ("Central District, Pyongyang,
  // DPRK" -> PRK) for actors without a country, for rules 3 and 4.
  bool countries_from_addresses = true;
  // Keep once the records (transfers, sanctions, relations, events) of the
  // same kind and id that several files hold identically.
  bool deduplicate_identical_records = true;
};

// Merge is one link a rule found between two actors, and the actor they
// became part of.
struct Merge {
  // Id of the resulting actor.
  std::string kept_id;
  // The ids of the two actors the rule matched (equal for "same id").
  std::vector<std::string> merged_ids;
  // The file of each of merged_ids.
  std::vector<std::string> files;
  // kRuleSameId, kRuleIdentifier, kRuleNameCountryKind,
  // kRuleNameOneSidedCountry, kRuleSpellingBirthDate, kRuleRegistryNumber
  // or kRuleDocumentNumber.
  std::string rule;
  // What matched: "same id RUS", "IMO=9234567",
  // "name 'korea mining development trading corporation' + country PRK +
  // kind organisation".
  std::string values;
};

// Refusal is a link a rule found but did not make, and why.
struct Refusal {
  std::vector<std::string> ids;    // The two actors.
  std::vector<std::string> files;  // Their files.
  std::string rule;
  std::string values;
  std::string reason;  // "different birth dates 1960-01-02 and 1971-03-04"
};

// DroppedRecord is a record removed from the dataset, and why.
struct DroppedRecord {
  std::string file;
  std::string record;  // "relations[3]" or, in a stream, "record 1204".
  std::string kind;    // "Relation", "Transfer", ...
  std::string id;
  std::string reason;
};

// ResolveReport explains what resolution did.
struct ResolveReport {
  // Every link made, in the order the rules made them.
  std::vector<Merge> merges;
  // Links found but refused.
  std::vector<Refusal> refused;
  // Records removed (self-loops, identical duplicates), with the reason.
  std::vector<DroppedRecord> dropped;
  // Records changed beyond a reference rewrite (an intermediary removed from
  // a route), one line each.
  std::vector<std::string> notes;
  // Number of links per rule.
  std::map<std::string, int64_t> merges_by_rule;
  int64_t actors_in = 0;   // Actors in the input files.
  int64_t actors_out = 0;  // Actors in the output.
  // Output actors that stand for more than one input actor.
  int64_t merged_actors = 0;
  // Input actors folded into another (actors_in - actors_out).
  int64_t actors_removed = 0;
  // Sources with the same id and content in several files, kept once.
  int64_t sources_deduplicated = 0;
  // References changed to a kept id.
  int64_t references_rewritten = 0;

  // Summary is a few human-readable lines: counts, merges per rule, refusals
  // and dropped records.
  std::string Summary() const;
};

// ResolvedDataset is the rewritten files and the report.
struct ResolvedDataset {
  // The input files in the same order, with merged actors, rewritten
  // references and dropped records; ready for Validate / GraphBuilder.
  std::vector<DatasetFile> files;
  ResolveReport report;
};

// ResolveEntities merges the actors of `files` that stand for one
// real-world actor (rules above). Errors: InvalidArgument when two files
// hold different sources with the same id (naming both files).
[[nodiscard]] absl::StatusOr<ResolvedDataset> ResolveEntities(
    std::vector<DatasetFile> files, const ResolveOptions& options = {});

// BuildResolvedGraph resolves the files, validates the result and builds
// the graph: embargo::Load (embargo/load.h) of the records in memory. `report`, when given, receives the resolution report (also
// when validation fails afterwards).
[[nodiscard]] absl::StatusOr<Graph> BuildResolvedGraph(
    std::vector<DatasetFile> files, const ResolveOptions& options = {},
    ResolveReport* report = nullptr,
    const ValidateOptions& validate_options = {});

// LoadResolvedGraph reads the files (format from each name), resolves,
// validates and builds one graph: embargo::Load (embargo/load.h).
[[nodiscard]] absl::StatusOr<Graph> LoadResolvedGraph(
    absl::Span<const std::string> paths, const ResolveOptions& options = {},
    ResolveReport* report = nullptr);

}  // namespace embargo

#endif  // EMBARGO_RESOLVE_H_
