// Sanctions programmes by name: which state a programme concerns (a table
// for the programmes of the lists embargo imports, and the graph's own
// country sanctions), and the check that a regime names known ones.

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "embargo/import/countries.h"
#include "embargo/sanctions.h"
#include "lib/internal/status_macros.h"
#include "lib/query/traversal.h"

namespace embargo {
namespace {

struct Entry {
  const char* authority;
  const char* program;  // Upper case.
  const char* state;
};

// OFAC's programme tags that name the country whose government, weapons
// or conflict they target (the tag's own word: DPRK, RUSSIA, IRAN, ...),
// and the Iran-only statutes (IFCA: Iran
// Freedom and Counter-Proliferation Act; ISA: Iran Sanctions Act; IFSR:
// Iranian Financial Sanctions Regulations; IRGC; HRIT-IR / HRIT-SY: human
// rights abuses via information technology, Iran / Syria). The UN Security
// Council's country regimes by the resolution that set them up. Tags that
// concern no one state (SDGT, NPWMD, CYBER2, GLOMAG, MAGNIT, FTO, TCO,
// SDNTK, BALKANS, UNSCR 1267, UNSCR 1988) are left out on purpose, and so
// are the programmes named for the country harmed rather than the one
// whose actors they target: OFAC's Ukraine-related orders (UKRAINE-EO13660
// to 13685, mostly Russian officials, companies and sectors) and the EU's
// Regulation 269/2014 ("EU-UKR", actions against Ukraine's territorial
// integrity). Mapping them to UKR would read "links RUS UKR" as thousands
// of "UKR programme targets" in Russia.
constexpr Entry kTable[] = {
    {"OFAC", "DPRK", "PRK"},
    {"OFAC", "DPRK2", "PRK"},
    {"OFAC", "DPRK3", "PRK"},
    {"OFAC", "DPRK4", "PRK"},
    {"OFAC", "DPRK-NKSPEA", "PRK"},
    {"OFAC", "RUSSIA-EO14024", "RUS"},
    {"OFAC", "BPI-RUSSIA-EO14024", "RUS"},
    {"OFAC", "CAATSA - RUSSIA", "RUS"},
    {"OFAC", "IRAN", "IRN"},
    {"OFAC", "IRAN-CON-ARMS-EO", "IRN"},
    {"OFAC", "IRAN-EO13846", "IRN"},
    {"OFAC", "IRAN-EO13871", "IRN"},
    {"OFAC", "IRAN-EO13876", "IRN"},
    {"OFAC", "IRAN-EO13902", "IRN"},
    {"OFAC", "IRAN-HR", "IRN"},
    {"OFAC", "IRAN-TRA", "IRN"},
    {"OFAC", "CAATSA - IRAN", "IRN"},
    {"OFAC", "HRIT-IR", "IRN"},
    {"OFAC", "IFCA", "IRN"},
    {"OFAC", "IFSR", "IRN"},
    {"OFAC", "IRGC", "IRN"},
    {"OFAC", "ISA", "IRN"},
    {"OFAC", "SYRIA", "SYR"},
    {"OFAC", "SYRIA-CAESAR", "SYR"},
    {"OFAC", "SYRIA-EO13894", "SYR"},
    {"OFAC", "HRIT-SY", "SYR"},
    {"OFAC", "IRAQ2", "IRQ"},
    {"OFAC", "IRAQ3", "IRQ"},
    {"OFAC", "BELARUS", "BLR"},
    {"OFAC", "BELARUS-EO14038", "BLR"},
    {"OFAC", "BURMA-EO14014", "MMR"},
    {"OFAC", "CUBA", "CUB"},
    {"OFAC", "VENEZUELA", "VEN"},
    {"OFAC", "VENEZUELA-EO13850", "VEN"},
    {"OFAC", "VENEZUELA-EO13884", "VEN"},
    {"OFAC", "NICARAGUA", "NIC"},
    {"OFAC", "NICARAGUA-NHRAA", "NIC"},
    {"OFAC", "LIBYA2", "LBY"},
    {"OFAC", "LIBYA3", "LBY"},
    {"OFAC", "SOMALIA", "SOM"},
    {"OFAC", "DRCONGO", "COD"},
    {"OFAC", "CAR", "CAF"},
    {"OFAC", "SOUTH SUDAN", "SSD"},
    {"OFAC", "SUDAN-EO14098", "SDN"},
    {"OFAC", "DARFUR", "SDN"},
    {"OFAC", "LEBANON", "LBN"},
    {"OFAC", "YEMEN", "YEM"},
    {"OFAC", "MALI-EO13882", "MLI"},
    {"OFAC", "ETHIOPIA-EO14046", "ETH"},
    {"UNSC", "UNSCR 1718", "PRK"},
    {"UNSC", "UNSCR 1737", "IRN"},
    {"UNSC", "UNSCR 661", "IRQ"},
    {"UNSC", "UNSCR 1518", "IRQ"},
    {"UNSC", "UNSCR 1533", "COD"},
    {"UNSC", "UNSCR 1591", "SDN"},
    {"UNSC", "UNSCR 748", "LBY"},
    {"UNSC", "UNSCR 1970", "LBY"},
    {"UNSC", "UNSCR 733", "SOM"},
    {"UNSC", "UNSCR 751", "SOM"},
    {"UNSC", "UNSCR 1907", "ERI"},
    {"UNSC", "UNSCR 2048", "GNB"},
    {"UNSC", "UNSCR 2127", "CAF"},
    {"UNSC", "UNSCR 2140", "YEM"},
    {"UNSC", "UNSCR 2206", "SSD"},
    {"UNSC", "UNSCR 2653", "HTI"},
    {"UNSC", "UNSCR 918", "RWA"},
};

}  // namespace

std::string ProgrammeState(absl::string_view authority_id,
                           absl::string_view program) {
  const std::string authority = absl::AsciiStrToUpper(authority_id);
  const std::string upper =
      absl::AsciiStrToUpper(absl::StripAsciiWhitespace(program));
  for (const Entry& e : kTable) {
    if (authority == e.authority && upper == e.program) return e.state;
  }
  // The EU importer keeps the list's own programme key, "EU-" and the
  // country's alpha-3 code ("EU-PRK"); "EU-UKR" is left out (above).
  if (authority == "EU" && upper.size() == 6 && absl::StartsWith(upper, "EU-") &&
      upper != "EU-UKR") {
    const std::string code = upper.substr(3);
    if (!CountryName(code).empty()) return code;
  }
  return "";
}

absl::StatusOr<std::vector<StateProgramme>> ProgrammesConcerning(
    const Graph& graph, NodeId state) {
  EMBARGO_RETURN_IF_ERROR(internal::CheckNode(graph.data(), state, "state"));
  if (graph.node_kind(state) != NodeKind::kState) {
    return absl::InvalidArgumentError(
        absl::StrCat(graph.node_id(state), " is a ",
                     NodeKindName(graph.node_kind(state)),
                     ", not a state: only a state has sanctions programmes"));
  }
  const std::string code(graph.node_id(state));
  // (authority, upper-case programme) -> (programme as spelt, basis).
  std::map<std::pair<std::string, std::string>,
           std::pair<std::string, std::string>>
      found;
  for (uint32_t i = 0; i < graph.num_edges(); ++i) {
    const EdgeInfo edge = graph.edge(EdgeId(i));
    if (edge.kind != EdgeKind::kSanction) continue;
    const std::string authority(graph.node_id(edge.from));
    const std::string program = graph.EdgeRecord(EdgeId(i)).sanction().program();
    if (program.empty()) continue;
    auto key = std::make_pair(authority, absl::AsciiStrToUpper(program));
    if (edge.to == state) {
      found[key] = {program, "the authority sanctions the state under it"};
    } else if (!found.contains(key) && ProgrammeState(authority, program) == code) {
      found[key] = {program, "programme table"};
    }
  }
  std::vector<StateProgramme> out;
  for (auto& [key, value] : found) {
    out.push_back({key.first, value.first, value.second});
  }
  return out;
}

absl::Status CheckRegimeNames(const Graph& graph, const Regime& regime,
                              absl::string_view authority_label,
                              absl::string_view program_label) {
  if (regime.authority_ids.empty() && regime.programs.empty()) {
    return absl::OkStatus();
  }
  std::set<std::string> authorities, programs;
  for (uint32_t e = 0; e < graph.num_edges(); ++e) {
    const EdgeInfo edge = graph.edge(EdgeId(e));
    if (edge.kind != EdgeKind::kSanction) continue;
    authorities.insert(std::string(graph.node_id(edge.from)));
    if (!regime.programs.empty()) {
      programs.insert(
          absl::AsciiStrToUpper(graph.EdgeRecord(EdgeId(e)).sanction().program()));
    }
  }
  auto known = [](const std::set<std::string>& names) {
    return names.empty() ? std::string("(none)") : absl::StrJoin(names, ", ");
  };
  for (const std::string& a : regime.authority_ids) {
    if (!authorities.contains(a)) {
      return absl::InvalidArgumentError(absl::StrCat(
          authority_label, " \"", a, "\" is not the authority of any sanction "
          "loaded; known: ", known(authorities)));
    }
  }
  for (const std::string& p : regime.programs) {
    if (!programs.contains(absl::AsciiStrToUpper(p))) {
      return absl::InvalidArgumentError(absl::StrCat(
          program_label, " \"", p, "\" is not the programme of any sanction "
          "loaded; known: ", known(programs)));
    }
  }
  return absl::OkStatus();
}

}  // namespace embargo
