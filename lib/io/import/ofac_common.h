// The part of the OFAC importers that both formats share: an entry as read
// from the CSV or the XML (OfacEntry), the reading of the free-text remarks,
// and the mapping of entries to records. See embargo/import/ofac.h for the
// mapping itself.
//
//   std::vector<OfacEntry> entries = ...;  // from ofac_csv.cc / ofac_xml.cc
//   ListBuilder builder(source_id, "ofac-csv");
//   BuildOfacRecords(entries, edition, "sdn.csv", builder);
//
// Thread safety: pure functions over their arguments.

#ifndef EMBARGO_LIB_IO_IMPORT_OFAC_COMMON_H_
#define EMBARGO_LIB_IO_IMPORT_OFAC_COMMON_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"
#include "embargo/v1/records.pb.h"
#include "lib/io/import/list_common.h"

namespace embargo::import_internal {

// OfacEntry is one SDN entry, format-neutral, with text as the list gives it.
struct OfacEntry {
  struct Id {
    std::string scheme;   // "IMO", "PASSPORT", ...
    std::string value;
    std::string country;  // Country text ("Russia"), may be empty.
  };
  std::string uid;       // ent_num / uid.
  std::string locator;   // "sdn.csv:123" or "consolidated.xml:45".
  std::string name;
  std::string type;      // "individual", "vessel", "aircraft", "entity".
  std::vector<std::string> programs;
  std::string title;
  std::string call_sign, vessel_type, tonnage, grt, vessel_flag, vessel_owner;
  std::string remarks;
  std::vector<std::string> aliases;
  // Weak a.k.a.'s: OFAC marks them "weak" in XML (<category>weak</category>)
  // and writes them, single-quoted, in the remarks of its CSV files.
  std::vector<std::string> weak_aliases;
  std::vector<std::string> addresses;
  std::vector<std::string> address_countries;  // Country text per address.
  std::vector<Id> ids;
  std::vector<std::string> nationalities;  // Country texts.
  std::vector<std::string> citizenships;   // Country texts.
  std::vector<std::string> births;         // Date texts.
  std::vector<std::string> birth_places;   // Place texts (XML only; the
                                           // CSV gives them in the remarks).
  std::vector<std::string> linked_to;      // Names.
};

// IdSchemeForLabel maps an OFAC identifier label ("Passport", "alt. Tax ID
// No.", "Vessel Registration Identification") to an Identifier scheme, or
// "" when the label is not an identifier embargo keeps.
std::string IdSchemeForLabel(absl::string_view label);

// ReadOfacRemarks adds to `entry` what the remarks say in OFAC's
// semicolon-separated vocabulary: a.k.a. / f.k.a. / n.k.a. names, "DOB",
// "nationality", "citizen", identifiers ("Passport X (Country)", "IMO
// 1234567"), "Linked To: NAME".
void ReadOfacRemarks(absl::string_view remarks, OfacEntry& entry);

// OfacLegalBasis names the instrument behind a programme tag where it is
// plain ("RUSSIA-EO14024" -> "E.O. 14024", "NPWMD" -> "E.O. 13382"), or "".
std::string OfacLegalBasis(absl::string_view program);

// OfacAuthority is the OFAC actor (id "OFAC", GOVERNMENT_BODY, country USA).
v1::Actor OfacAuthority(const std::string& source_id);

// NonSdnProgramme is what a programme tag imposes on OFAC's non-SDN lists.
struct NonSdnProgramme {
  v1::Measure measure;
  std::string remark;  // What it restricts, and that it does not block.
  // The tag names a non-SDN list only (NS-PLC, NS-MBS, FSE-*, CMIC-EO13959,
  // 561-Related): on the SDN list too it restricts and does not block.
  bool non_sdn_only;
};

// NonSdnMeasure is what a programme of OFAC's consolidated (non-SDN) list
// imposes, and a remark saying so: none of those lists blocks property.
// UKRAINE-EO13662 (the SSI list's directives) and RUSSIA-EO14024 (menu-based
// directives) are SECTORAL, 561-Related (CAPTA: correspondent accounts)
// FINANCIAL_SERVICES, the rest (CMIC securities ban, FSE, NS-PLC, ...)
// OTHER. A tag the table does not know is OTHER with a remark that says
// whether it blocks is not known from the consolidated list: that list
// repeats the SDN programmes of entries on both lists (SDGT for ZAHHAR
// beside NS-PLC).
NonSdnProgramme NonSdnMeasure(absl::string_view program);

// BuildOfacRecords turns entries into actors, sanctions and relations in
// `builder` (see embargo/import/ofac.h), resolving "Linked To" names within
// `entries`; `edition` is the list's date, each sanction's
// listed_no_later_than. `non_sdn`: the entries are of the consolidated
// (non-SDN) list, whose sanctions are no asset freezes (NonSdnMeasure).
void BuildOfacRecords(std::vector<OfacEntry>& entries, const v1::Date& edition,
                      bool non_sdn, ListBuilder& builder);

}  // namespace embargo::import_internal

#endif  // EMBARGO_LIB_IO_IMPORT_OFAC_COMMON_H_
