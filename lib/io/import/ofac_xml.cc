// OFAC XML importer (sdn.xml schema). See embargo/import/ofac.h.
//
// The file is parsed whole with libxml2 (list_xml.h); elements are matched
// by local name, so the namespace OFAC changes between publications does
// not matter. Each sdnEntry becomes an OfacEntry and then records, exactly
// as the CSV's rows do (ofac_common.cc).

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "embargo/import/ofac.h"
#include "lib/internal/status_macros.h"
#include "lib/io/import/list_common.h"
#include "lib/io/import/list_xml.h"
#include "lib/io/import/ofac_common.h"
#include "lib/io/import/text_util.h"

namespace embargo {
namespace {

using import_internal::BaseName;
using import_internal::Child;
using import_internal::Children;
using import_internal::ChildText;
using import_internal::ListBuilder;
using import_internal::OfacEntry;

// "LAST, First" as the CSV writes it; entities have only lastName.
std::string FullName(const xmlNode* node) {
  std::string last = import_internal::CleanText(ChildText(node, "lastName"));
  std::string first = import_internal::CleanText(ChildText(node, "firstName"));
  if (first.empty()) return last;
  if (last.empty()) return first;
  return absl::StrCat(last, ", ", first);
}

}  // namespace

absl::StatusOr<ImportResult> ImportOfacXml(const std::string& path,
                                           const OfacXmlOptions& options) {
  EMBARGO_ASSIGN_OR_RETURN(import_internal::XmlDoc doc,
                           import_internal::ReadXmlFile(path, options.max_file_bytes));
  xmlNode* root = xmlDocGetRootElement(doc.get());
  if (xmlStrcmp(root->name, reinterpret_cast<const xmlChar*>("sdnList")) != 0) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ":", import_internal::Line(root),
                     ": root element is <", reinterpret_cast<const char*>(root->name),
                     ">, not <sdnList>: not an OFAC XML list"));
  }
  // OFAC spells it publshInformation; accept the correct spelling too.
  xmlNode* info = Child(root, "publshInformation");
  if (info == nullptr) info = Child(root, "publishInformation");
  const std::string publish_text = ChildText(info, "Publish_Date");
  v1::Date edition = options.edition_date;
  if (edition.year() == 0) {
    std::optional<v1::Date> d = import_internal::ParseListDate(publish_text);
    if (!d) d = import_internal::DateFromPath(path);
    if (!d) {
      return absl::InvalidArgumentError(absl::StrCat(
          path, ":", import_internal::Line(info),
          ": no readable publshInformation/Publish_Date (\"", publish_text,
          "\") and no date in the path; set OfacXmlOptions.edition_date"));
    }
    edition = *d;
  }
  const std::string edition_text = import_internal::DateString(edition);
  const std::string source_id = options.source_id.empty()
                                    ? absl::StrCat("ofac-xml-", edition_text)
                                    : options.source_id;
  ListBuilder builder(source_id, "ofac-xml");
  ImportReport& report = builder.report();
  report.files.push_back(path);
  const std::string base = BaseName(path);

  std::vector<OfacEntry> entries;
  std::map<std::string, std::string> seen;  // uid -> locator
  for (xmlNode* node : Children(root, "sdnEntry")) {
    ++report.rows_read;
    const int64_t line = import_internal::Line(node);
    const auto reject = [&](std::string reason) {
      report.rejected.push_back({path, line, 0, std::move(reason)});
    };
    OfacEntry e;
    const std::string uid_text = ChildText(node, "uid");
    std::optional<int64_t> uid = import_internal::ParseInt64(uid_text);
    if (!uid || *uid <= 0) {
      reject(absl::StrCat("sdnEntry uid \"", uid_text, "\" is not a positive integer"));
      continue;
    }
    e.uid = absl::StrCat(*uid);
    e.locator = absl::StrCat(base, ":", line);
    if (auto it = seen.find(e.uid); it != seen.end()) {
      reject(absl::StrCat("duplicate uid ", e.uid, "; first at ", it->second));
      continue;
    }
    e.name = FullName(node);
    if (e.name.empty()) {
      reject(absl::StrCat("sdnEntry ", e.uid, " has no name"));
      continue;
    }
    e.type = absl::AsciiStrToLower(ChildText(node, "sdnType"));
    for (xmlNode* p : Children(Child(node, "programList"), "program")) {
      std::string program = import_internal::Text(p);
      if (!program.empty()) e.programs.push_back(std::move(program));
    }
    if (e.programs.empty()) {
      reject(absl::StrCat("sdnEntry ", e.uid, " has no program"));
      continue;
    }
    e.title = ChildText(node, "title");
    for (xmlNode* aka : Children(Child(node, "akaList"), "aka")) {
      std::string alias = FullName(aka);
      if (alias.empty()) continue;
      if (ChildText(aka, "category") == "weak") {
        e.weak_aliases.push_back(std::move(alias));
      } else {
        e.aliases.push_back(std::move(alias));
      }
    }
    for (xmlNode* addr : Children(Child(node, "addressList"), "address")) {
      std::vector<std::string> parts;
      for (const char* f : {"address1", "address2", "address3", "city",
                            "stateOrProvince", "postalCode", "country"}) {
        std::string v = import_internal::CleanText(ChildText(addr, f));
        if (!v.empty()) parts.push_back(std::move(v));
      }
      if (!parts.empty()) e.addresses.push_back(absl::StrJoin(parts, ", "));
      std::string country = ChildText(addr, "country");
      if (!country.empty()) e.address_countries.push_back(std::move(country));
    }
    for (xmlNode* id : Children(Child(node, "idList"), "id")) {
      const std::string type = ChildText(id, "idType");
      std::string scheme = import_internal::IdSchemeForLabel(type);
      std::string value = import_internal::CleanText(ChildText(id, "idNumber"));
      if (scheme.empty() || value.empty()) continue;
      if (value.rfind("IMO ", 0) == 0) {
        value = value.substr(4);
        scheme = "IMO";
      } else if (scheme == "IMO") {
        scheme = "VESSEL_REGISTRATION";
      }
      e.ids.push_back({scheme, value, ChildText(id, "idCountry")});
    }
    for (xmlNode* n : Children(Child(node, "nationalityList"), "nationality")) {
      e.nationalities.push_back(ChildText(n, "country"));
    }
    for (xmlNode* n : Children(Child(node, "citizenshipList"), "citizenship")) {
      e.citizenships.push_back(ChildText(n, "country"));
    }
    for (xmlNode* d :
         Children(Child(node, "dateOfBirthList"), "dateOfBirthItem")) {
      e.births.push_back(ChildText(d, "dateOfBirth"));
    }
    for (xmlNode* pb :
         Children(Child(node, "placeOfBirthList"), "placeOfBirthItem")) {
      std::string place = import_internal::CleanText(ChildText(pb, "placeOfBirth"));
      if (!place.empty()) e.birth_places.push_back(std::move(place));
    }
    if (xmlNode* v = Child(node, "vesselInfo")) {
      e.call_sign = ChildText(v, "callSign");
      e.vessel_type = ChildText(v, "vesselType");
      e.vessel_flag = ChildText(v, "vesselFlag");
      e.vessel_owner = ChildText(v, "vesselOwner");
      e.tonnage = ChildText(v, "tonnage");
      e.grt = ChildText(v, "grossRegisteredTonnage");
    }
    e.remarks = import_internal::CleanText(ChildText(node, "remarks"));
    import_internal::ReadOfacRemarks(e.remarks, e);
    seen[e.uid] = e.locator;
    entries.push_back(std::move(e));
    ++report.rows_imported;
  }
  const std::string count_text = ChildText(info, "Record_Count");
  std::optional<int64_t> declared = import_internal::ParseInt64(count_text);
  if (declared && *declared != report.rows_read) {
    report.notes.push_back(absl::StrCat("publshInformation says ", *declared,
                                        " records; the file holds ",
                                        report.rows_read));
  }
  // OFAC publishes the non-SDN lists as consolidated.xml: by name, as the
  // CSV importer tells cons_prim.csv (both formats have the same root).
  const bool consolidated =
      absl::StartsWith(absl::AsciiStrToLower(base), "consolidated") ||
      absl::StartsWith(absl::AsciiStrToLower(base), "cons_");
  if (consolidated) {
    report.notes.push_back(
        "consolidated (non-SDN) list, by the file's name: its sanctions are "
        "sectoral, securities and other restrictions, not asset freezes");
  }
  import_internal::BuildOfacRecords(entries, edition, consolidated, builder);

  v1::Source source;
  source.set_id(source_id);
  source.set_publisher("US Treasury OFAC");
  source.set_title(absl::StrCat("OFAC sanctions list (XML, ", base,
                                "), published ", edition_text));
  source.set_url("https://sanctionslist.ofac.treas.gov/");
  *source.mutable_published() = edition;
  source.set_language("en");
  source.set_reliability(v1::RELIABILITY_OFFICIAL);
  source.set_note(absl::StrCat(
      "file: ", path,
      ". The list gives no designation dates: sanctions carry the "
      "publication date as listed_no_later_than, the listed date unknown."));
  return builder.Finish(std::move(source),
                        import_internal::OfacAuthority(source_id));
}

}  // namespace embargo
