// Importer for FollowTheMoney (FtM) entities as JSON lines, the format of
// OpenSanctions exports and Aleph, read with the FtM data model.
//
//   absl::StatusOr<embargo::ImportResult> r =
//       embargo::ImportFtmJson("entities.ftm.json");  // The built-in model.
//   if (!r.ok()) { std::cerr << r.status() << "\n"; return 2; }
//   std::cerr << r->report.Summary();
//
// Each line is one entity: {"id", "schema", "caption", "properties":
// {"name": ["..."], ...}, "datasets", "first_seen", ...}. What an entity
// becomes is decided by its schema's place in the model, found by walking
// the schemata's `extends` lists, not by a list of schema names:
//   - Person, PublicBody, Company, Organization, Vessel, Airplane and any
//     other LegalEntity become actors (PERSON, GOVERNMENT_BODY, COMPANY,
//     ORGANIZATION, VESSEL, AIRCRAFT, LEGAL_ENTITY: the nearest of those
//     schemata the entity's schema is). The actor id is "FTM-" + the FtM id:
//     the prefix keeps FtM ids, which are free-form, out of the id space of
//     states (ISO alpha-3) and of the other importers; the bare FtM id is
//     kept as the identifier FTM_ID. Name: the caption, else the first name.
//     Aliases: every other value of a name-typed property (name, alias,
//     previousName, weakAlias, ...). Country: the first of country,
//     jurisdiction, mainCountry, nationality, citizenship, flag that
//     CountryCode resolves ("ru" -> RUS), with the state actor added.
//     Identifiers: every identifier-typed property but programId, under the
//     schemes IMO, REGISTRATION, INN, OGRN, KPP, TAX_ID, PASSPORT,
//     NATIONAL_ID, LEI, SWIFT_BIC, MMSI, ICAO, WIKIDATA, ... (others: the
//     property name in upper snake case, "uniqueEntityId" ->
//     UNIQUE_ENTITY_ID). Born: the earliest date of the first start
//     property of the schema's temporal extent (birthDate,
//     incorporationDate, buildDate). Addresses: the address property and
//     the Address entities named by addressEntity (their "full" text, else
//     street, postal code, city, region and country). A flag (vessels,
//     aircraft) is also a FLAG relation "<actor id>-flag-<ISO>" to the
//     state.
//   - Schemata with an `edge` in the model become relations from the edge's
//     source property to its target property: Ownership (owner -> asset,
//     OWNERSHIP, share_percent from "percentage"), Directorship,
//     Membership, Employment, Family (role = relationship), Associate,
//     UnknownLink (UNKNOWN_LINK), Representation (agent -> client,
//     ASSOCIATE, role "represents"); any other edge schema whose two ends
//     are actors (Succession, Payment, Debt, ...) becomes UNKNOWN_LINK with
//     the model's edge label as role. The period is the schema's temporal
//     extent (startDate/date .. endDate).
//   - Sanction entities become sanctions on their `entity`. The authority
//     is an actor: "Office of Foreign Assets Control" / "OFAC" -> OFAC
//     (US government body), "... Security Council" -> UNSC, the EU's
//     institutions or a sanction whose country is "eu" -> EU (international
//     bodies), "HM Treasury", "Office of Financial Sanctions
//     Implementation", "Foreign, Commonwealth & Development Office" or "UK"
//     -> UK (UK government body); any other authority -> a government body
//     "FTM-AUTH-<slug of its name>" in the sanction's country. Program: the
//     programId (OpenSanctions' programme code, "EU-UKR"), else the program
//     text; every program text goes to legal_basis. Listed: the earliest of
//     startDate, date and listingDate, else (with a remark) the day the
//     publisher first saw the entity (first_seen). Delisted: endDate.
//     Measures: from the provisions, program and summary words (asset
//     freeze / block, travel ban, ship ban, service prohibitions, export
//     controls, securities); none found: ASSET_FREEZE for OFAC, UNSC, EU
//     and UK listings, OTHER otherwise. Reference: authorityId, unscId or
//     recordId.
//   - Address entities feed the actors that name them; Identification and
//     Passport entities add an identifier to their holder.
//   - Anything else (Position, Document, Asset, ...) is rejected as a row.
// Relations, sanctions and identifications whose ends are missing from the
// file, or are not actors, are rejected rows naming the reference, so that
// no record points nowhere. An addressEntity that is missing is a note.
// Ownership shares that cannot be read ("about half") and shares of one
// asset that add up to more than 100 % at one time (registers that list a
// holding several times) keep the relation with share 0 (unknown) and the
// text in its role, and say so in the notes. Dates "2022", "2022-03",
// "2022-03-15" and "2022-03-15T10:00:00" become partial dates.
//
// Every line is one row: imported, or rejected with line, column and
// reason (bad JSON, with the parser's column; nesting deeper than
// max_nesting; invalid UTF-8; no id or schema; a schema the model does not
// know; a duplicate id; a dangling reference). A truncated last line is a
// rejected row. Whole-file errors: NotFound / PermissionDenied, and
// InvalidArgument for a file that is not 8-bit text (UTF-16).
//
// Status: sanctions get options.sanction_status (CONFIRMED: entries of
// official lists); relations get options.relation_status (REPORTED: a
// compilation repeats registers and reports without saying how firm each
// link is).
//
// Memory model: an FtmModel is an immutable value; copies share their data,
// and any number of threads may use one at once. The import functions keep
// no shared state.

#ifndef EMBARGO_IMPORT_FTM_H_
#define EMBARGO_IMPORT_FTM_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "embargo/import/report.h"
#include "embargo/v1/records.pb.h"

namespace embargo {

// FtmModel is the FollowTheMoney data model: schemata, what each extends,
// their properties, edges and temporal extents, read from the model compiled
// to JSON (followthemoney's defaultModel.json).
class FtmModel {
 public:
  // Property is one property of a schema.
  struct Property {
    std::string name;
    std::string type;   // "name", "identifier", "country", "date", "entity"...
    std::string range;  // For entity properties: the schema referred to.
  };
  // Edge says which properties hold the two ends of an edge schema.
  struct Edge {
    std::string source;  // "owner"
    std::string target;  // "asset"
    std::string label;   // "owns"
    bool directed = true;
  };

  // Load reads a model file; Parse reads one held in memory (`name` stands
  // for the file in errors). InvalidArgument for malformed JSON, a model
  // without "schemata", or a schema that extends one the model lacks.
  [[nodiscard]] static absl::StatusOr<FtmModel> Load(const std::string& path);
  [[nodiscard]] static absl::StatusOr<FtmModel> Parse(absl::string_view json,
                                                      std::string name);
  // BuiltIn is the model compiled into the library (FollowTheMoney's
  // schemata, generated from its schema files by
  // tools/ftm/gen_builtin_model.py); BuiltInVersion names its release.
  // Importing needs no model file; Load / Parse serve custom schemata.
  static const FtmModel& BuiltIn();
  static const char* BuiltInVersion();

  // Has is true when the model defines `schema`.
  bool Has(absl::string_view schema) const;
  // IsA is true when `schema` is `ancestor` or extends it, directly or
  // through other schemata.
  bool IsA(absl::string_view schema, absl::string_view ancestor) const;
  // EdgeOf is the edge definition of `schema` or of the nearest schema it
  // extends that has one; nullptr when none does.
  const Edge* EdgeOf(absl::string_view schema) const;
  // FindProperty looks a property up in `schema` and the schemata it
  // extends; nullptr when none has it.
  const Property* FindProperty(absl::string_view schema,
                               absl::string_view property) const;
  // TemporalStart / TemporalEnd are the properties that date the start and
  // end of an entity of `schema` ("startDate", "date" / "endDate";
  // "birthDate" / "deathDate"), from the nearest schema that says.
  const std::vector<std::string>& TemporalStart(absl::string_view schema) const;
  const std::vector<std::string>& TemporalEnd(absl::string_view schema) const;
  // Label is the schema's edge label or, failing that, its name.
  std::string Label(absl::string_view schema) const;
  // size is the number of schemata.
  size_t size() const;

  struct Data;

 private:
  explicit FtmModel(std::shared_ptr<const Data> data);
  std::shared_ptr<const Data> data_;
};

// FtmOptions tunes the FtM importer.
struct FtmOptions {
  // Status of the sanctions and of the relations the importer writes.
  v1::Status sanction_status = v1::STATUS_CONFIRMED;
  v1::Status relation_status = v1::STATUS_REPORTED;
  // Id of the Source record for the file; empty: "FTM-" + the file name
  // without its directory and extensions ("FTM-zala_entities").
  std::string source_id;
  // Deepest nesting of arrays and objects accepted in one line.
  int max_nesting = 64;
  // Longest line accepted, in bytes.
  int64_t max_line_bytes = int64_t{16} << 20;
  // Largest file accepted, in bytes.
  int64_t max_file_bytes = int64_t{1} << 30;
};

// ImportFtmJson reads a file of FtM entities, one JSON object a line.
[[nodiscard]] absl::StatusOr<ImportResult> ImportFtmJson(
    const std::string& path, const FtmModel& model,
    const FtmOptions& options = {});
// The same with the built-in model (FtmModel::BuiltIn()).
[[nodiscard]] absl::StatusOr<ImportResult> ImportFtmJson(
    const std::string& path, const FtmOptions& options = {});

// ParseFtmJson imports entities held in memory; `name` stands for the file.
[[nodiscard]] absl::StatusOr<ImportResult> ParseFtmJson(
    absl::string_view text, std::string name, const FtmModel& model,
    const FtmOptions& options = {});

// ParseFtmPercentage reads an ownership share: "50", "50.5", "50.5%",
// "50,5 %", "1/3" (a fraction: 33.33...). Nullopt unless the result lies in
// (0, 100].
std::optional<double> ParseFtmPercentage(absl::string_view text);

}  // namespace embargo

#endif  // EMBARGO_IMPORT_FTM_H_
