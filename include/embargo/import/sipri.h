// Importer for the SIPRI Arms Transfers Database trade register, as the
// database's "trade register" export writes it (CSV, Windows-1252).
//
//   absl::StatusOr<embargo::ImportResult> r = embargo::ImportSipriCsv(
//       "../shared/data/sipri/trade-register_2025-03-13.csv");
//   if (!r.ok()) { std::cerr << r.status() << "\n"; return 2; }
//   std::cerr << r->report.Summary();
//   // r->dataset: one Source, the parties as actors, one Transfer per deal.
//
// The file, and what becomes of it:
//   - A preamble of free text (11 lines in the 2025 export) before the header
//     line "Recipient,Supplier,Year of order, ,Number ordered, ,...". The
//     header is found by its first three names, not by a line count; the
//     "Data generated: 13 Mar 2025 ..." line dates the Source.
//   - Columns: recipient, supplier, year of order, ? (order year uncertain),
//     number ordered, ? (number ordered uncertain), weapon designation,
//     weapon description, number delivered, ? (number delivered uncertain),
//     year(s) of delivery ("2010; 2012"), status ("New", "Second hand", ...),
//     comments, TIV per unit, TIV for total order, TIV of delivered weapons.
//     The three blank-headed columns hold "?" when SIPRI is unsure.
//   - A comment broken over two lines by a raw line break (four records in
//     the 2025 export) is joined back: a line with too few fields is
//     continued by the next while their fields together make one record.
//     Stray carriage returns at line ends are dropped.
//   - Each deal becomes one Transfer, id "SIPRI-" + 16 hex digits of a
//     64-bit FNV-1a hash of (recipient, supplier, order year, designation,
//     description, number ordered), "-2", "-3" ... appended in file order
//     when two deals share a key. The id stays the same across editions of
//     the register as long as those fields do, unlike a line number.
//       supplier_id, recipient_id   the parties (below)
//       item                        SipriItemCategory(description)
//       designation                 the weapon designation ("Hwasong-11")
//       quantity                    number delivered (0 when none yet)
//       quantity_ordered            number ordered (0 when SIPRI has none)
//       quantity_uncertain          "?" on number ordered or delivered
//       ordered, ordered_uncertain  year of order and its "?"
//       delivery_years, delivered   the years listed, and first..last year
//       tiv_total                   TIV for total order; when SIPRI gives
//                                   none (0 or empty), the TIV delivered
//       status                      options.status, CONFIRMED by default:
//                                   the register is the established record
//                                   of deals ("?" flags say what is unsure)
//       note                        the comments, then "[SIPRI: <weapon
//                                   description>; <status>; TIV per unit X;
//                                   TIV delivered Y]"
//       evidence                    the Source, locator "line N" (the line
//                                   where the record starts)
//   - Parties. A state name resolves through CountryCode (countries.h) to a
//     state actor with the ISO alpha-3 id (Russia RUS, North Korea PRK, the
//     Soviet Union SUN, Czechoslovakia CSK, ...). A name ending in "*" is a
//     non-state actor: ACTOR_KIND_ORGANIZATION, id "SIPRI-NS-<slug>"
//     ("Hamas (Palestine)*" is "SIPRI-NS-hamas-palestine"), its country the
//     state named in the parentheses when there is one. A name ending in
//     "**" is an international organisation: ACTOR_KIND_INTERNATIONAL_BODY,
//     id "EU", "UN", "NATO", "AU", "OSCE" for those, otherwise
//     "SIPRI-IO-<slug>". A name neither marked nor known as a state
//     (Biafra, Katanga, Northern Cyprus, South Vietnam, North Yemen,
//     "unknown supplier(s)") becomes ACTOR_KIND_LEGAL_ENTITY, id
//     "SIPRI-<slug>", with a note, and the report lists such names. Every
//     non-state party carries the identifier SIPRI_NAME with SIPRI's
//     spelling.
//
// Rows: every record after the header is one row; it is imported (one
// Transfer) or rejected with its line, column and reason (a record with the
// wrong number of fields, a year that is not a number, supplier equal to
// recipient, ...). A file cut short ends in a rejected row, not in an error.
//
// Whole-file errors: NotFound / PermissionDenied when the file cannot be
// read, InvalidArgument when no header line is found or when the bytes are
// not text in the expected encoding (a NUL byte: UTF-16?; a byte cp1252
// leaves undefined; invalid UTF-8 when UTF-8 was asked for), naming the
// line and column.
//
// Thread safety: the functions are free of shared state; any number of
// threads may call them at once.

#ifndef EMBARGO_IMPORT_SIPRI_H_
#define EMBARGO_IMPORT_SIPRI_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "embargo/import/report.h"
#include "embargo/v1/records.pb.h"

namespace embargo {

// SipriOptions tunes ImportSipriCsv.
struct SipriOptions {
  // How the bytes are encoded. kAuto: UTF-8 when the file is well-formed
  // UTF-8 holding at least one multi-byte character (a register re-saved by
  // a spreadsheet), otherwise Windows-1252, which SIPRI writes.
  enum class Encoding { kAuto, kCp1252, kUtf8 };
  Encoding encoding = Encoding::kAuto;
  // Status given to every transfer, but STATUS_ALLEGED (when lower) for a
  // deal whose comment says its supplier, recipient or status is uncertain
  // ("Supplier uncertain", "status uncertain": 198 deals of the 2025-03-13
  // register), with the reason in its note.
  v1::Status status = v1::STATUS_CONFIRMED;
  // Id of the Source record; empty: "SIPRI-ATD-<date generated>" (or
  // "SIPRI-ATD" when the preamble gives no date).
  std::string source_id;
  // Largest file accepted, in bytes.
  int64_t max_file_bytes = int64_t{1} << 30;
};

// ImportSipriCsv reads a SIPRI trade register export.
[[nodiscard]] absl::StatusOr<ImportResult> ImportSipriCsv(
    const std::string& path, const SipriOptions& options = {});

// ParseSipriCsv imports a register held in memory; `name` stands for the
// file in the report and in errors.
[[nodiscard]] absl::StatusOr<ImportResult> ParseSipriCsv(
    absl::string_view bytes, std::string name,
    const SipriOptions& options = {});

// SipriItemCategory maps SIPRI's weapon description ("self-propelled gun",
// "anti-ship missile", "APC turret") to an item category. The export has no
// category column, so the description decides, in this order:
//   satellites; UAVs, drones, loitering munitions -> DRONES;
//   engines, turbofans, turbojets, turboprops, gas turbines, reactors ->
//   ENGINES; radars, sonars, EO, reconnaissance and signals-intelligence
//   systems -> SENSORS; turrets and chassis -> COMPONENTS; air refuel
//   systems -> OTHER (SIPRI's "other"); tank destroyers -> ARMOURED_VEHICLES;
//   SAM and ABM systems, air-defence systems, anti-aircraft guns ->
//   AIR_DEFENCE; coastal defence systems and missile launchers -> MISSILES;
//   guided shells -> ARTILLERY_AMMUNITION; rocket launchers -> ARTILLERY;
//   then the head noun (the last word): aircraft, helicopter, airship ->
//   AIRCRAFT; ship, boat, craft, submarine, frigate, corvette, destroyer,
//   cruiser, carrier, minesweeper, minehunter, minelayer, tug, tanker,
//   icebreaker -> SHIPS; missile, SAM, ASM, ABM, torpedo, guided bomb,
//   guided rocket -> MISSILES (SIPRI counts torpedoes and guided bombs as
//   missiles); APC, tank, vehicle, car, bridgelayer -> ARMOURED_VEHICLES;
//   gun, mortar, howitzer, launcher -> ARTILLERY. Anything else is
//   ITEM_OTHER. Matching ignores case.
v1::ItemCategory SipriItemCategory(absl::string_view description);

}  // namespace embargo

#endif  // EMBARGO_IMPORT_SIPRI_H_
