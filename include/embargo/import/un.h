// Importer for the UN Security Council Consolidated List (XML, as published
// at scsanctions.un.org, schema sc-sanctions.xsd).
//
//   absl::StatusOr<embargo::ImportResult> r = embargo::ImportUnXml(
//       "../shared/data/un/consolidated_2025-04-19.xml");
//   if (!r.ok()) { std::cerr << r.status() << "\n"; return 2; }
//
// What each INDIVIDUAL or ENTITY becomes:
//   - an Actor "UN-<REFERENCE_NUMBER>" (the reference trimmed: "KPe.053 " is
//     "KPe.053"): PERSON for individuals, LEGAL_ENTITY for entities (the list
//     mixes companies, armed groups and state organs); identifiers UN_REF and
//     UN_DATAID, PASSPORT / NATIONAL_ID / ID documents; aliases from the
//     *_ALIAS elements (quotes removed) and NAME_ORIGINAL_SCRIPT; addresses;
//     date of birth; country = the first NATIONALITY that resolves, or for
//     entities the first address country; COMMENTS1 as the note (its raw line
//     breaks folded into spaces);
//   - one Sanction "UN-<ref>" (authority UNSC, status CONFIRMED, listed =
//     LISTED_ON, program "UNSCR <n>" of the regime, legal basis the
//     resolutions) with the regime's measures: asset freeze for all; travel
//     ban for individuals where the regime has one; an arms embargo on supply
//     to the target (ARMS_EMBARGO_IMPORTS) where the regime targets listed
//     parties with one; for 1718 (DPRK) also ARMS_EMBARGO_EXPORTS, since
//     resolution 1718 (2006) bans procurement of arms from the DPRK as well.
//     The regimes: Al-Qaida (1267/1989/2253), Taliban (1988), DPRK (1718),
//     Iraq (1518), DRC (1533), Sudan (1591), Libya (1970), Somalia (751 /
//     2713), Guinea-Bissau "GB" (2048, travel ban only), CAR (2127), Yemen
//     (2140), South Sudan (2206), Haiti (2653). An unknown UN_LIST_TYPE is
//     imported with asset freeze only and a note.
// Plus the Source, the UNSC actor (INTERNATIONAL_BODY) and the state actors
// referred to.
//
// Errors: a file that is not well-formed XML (invalid characters, bad
// UTF-8, a truncated file) is refused as a whole with InvalidArgument naming
// file, line and column; a root element other than CONSOLIDATED_LIST too.
// Entries without a reference number or a name, with an unreadable
// LISTED_ON, or repeating a reference are rejected rows (file and line).
//
// Thread safety: a free function without shared state.

#ifndef EMBARGO_IMPORT_UN_H_
#define EMBARGO_IMPORT_UN_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "embargo/import/report.h"

namespace embargo {

// UnXmlOptions tunes ImportUnXml.
struct UnXmlOptions {
  // Id of the Source record; default "un-sc-consolidated-<dateGenerated>".
  std::string source_id;
  // Largest file accepted, in bytes.
  int64_t max_file_bytes = int64_t{1} << 30;
};

// ImportUnXml imports the UN consolidated list.
[[nodiscard]] absl::StatusOr<ImportResult> ImportUnXml(
    const std::string& path, const UnXmlOptions& options = {});

}  // namespace embargo

#endif  // EMBARGO_IMPORT_UN_H_
