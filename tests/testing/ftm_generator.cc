// See ftm_generator.h.

#include "tests/testing/ftm_generator.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace embargo::testing_ftm {
namespace {

uint64_t Mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}
// R is the k-th random number of entity i.
uint64_t R(int64_t i, uint64_t seed, int k) {
  return Mix(Mix(static_cast<uint64_t>(i) * 131 + static_cast<uint64_t>(k)) ^ seed);
}

struct Share {
  const char* schema;
  int percent;
};
constexpr Share kMix[] = {
    {"Person", 38},      {"Company", 14},      {"Organization", 8},
    {"LegalEntity", 6},  {"Sanction", 14},     {"Ownership", 5},
    {"Directorship", 4}, {"Family", 3},        {"Associate", 2},
    {"Address", 6},
};

constexpr const char* kGiven[] = {"Ivan", "Kim", "Ali", "Maria", "Chen",
                                  "Olga", "Omar", "Jae", "Anna", "Li"};
constexpr const char* kFamily[] = {"Petrov", "Song", "Hassan", "Rossi", "Wang",
                                   "Ivanova", "Haddad", "Park", "Schmidt", "Zhou"};
constexpr const char* kCyrillic[] = {"Иван Петров", "Ольга Иванова",
                                     "ООО Восток", "АО Сириус"};
constexpr const char* kArabic[] = {"علي حسن", "عمر حداد", "شركة النور"};
constexpr const char* kHangul[] = {"김정수", "박재민", "조선무역회사"};
constexpr const char* kChinese[] = {"王伟", "周丽", "东方贸易有限公司"};
constexpr const char* kOrgWords[] = {"Trading", "Shipping", "Holdings", "Machine",
                                     "General", "Bank", "Logistics", "Energy"};
constexpr const char* kDatasets[] = {"us_ofac_sdn", "eu_fsf", "un_sc_sanctions",
                                     "gb_hmt_sanctions", "ch_seco_sanctions",
                                     "ca_dfatd_sema_sanctions", "wd_peps",
                                     "ru_rupep", "kp_rusi_reports"};
constexpr const char* kCountries[] = {"ru", "kp", "cn", "ir", "ae", "by",
                                      "tr", "sy", "us", "de"};
struct Authority {
  const char* name;
  const char* program;
  const char* program_id;
};
constexpr Authority kAuthorities[] = {
    {"Office of Foreign Assets Control", "DPRK3", "US-DPRK3"},
    {"Office of Foreign Assets Control", "RUSSIA-EO14024", "US-RUSHAR"},
    {"United Nations Security Council", "UNSCR 1718", "UN-SC1718"},
    {"Council of the European Union", "Regulation 269/2014", "EU-UKR"},
    {"HM Treasury", "The Russia (Sanctions) (EU Exit) Regulations 2019",
     "GB-RUS"},
    {"State Secretariat for Economic Affairs", "Ordinance of 4 March 2022",
     "SECO-UKRAINE"},
};
constexpr const char* kReasons[] = {
    "Involved in the supply of arms and related materiel from the DPRK to "
    "Russia.",
    "Owned or controlled by a designated entity.",
    "Provides financial services to the Government of the Russian "
    "Federation.",
    "Operates in the defence and related materiel sector of the Russian "
    "Federation economy.",
    "",
};

template <typename T, size_t N>
const T& Pick(const T (&a)[N], uint64_t r) {
  return a[r % N];
}

std::string Date(uint64_t r, int from_year, int years) {
  return absl::StrFormat("%04d-%02d-%02d", from_year + static_cast<int>(r % years),
                         1 + static_cast<int>((r >> 8) % 12),
                         1 + static_cast<int>((r >> 16) % 28));
}

// A random entity number whose schema is one of `want` (a few tries, then
// the nearest Person, which every file of more than a few lines has).
int64_t Find(int64_t n, uint64_t seed, uint64_t r,
             bool (*want)(const char* schema)) {
  for (int k = 0; k < 16; ++k) {
    int64_t j = static_cast<int64_t>(Mix(r + k) % static_cast<uint64_t>(n));
    if (want(SchemaOf(j, seed))) return j;
  }
  for (int64_t j = 0; j < n; ++j) {
    if (want(SchemaOf(j, seed))) return j;
  }
  return -1;
}
bool IsActor(const char* s) {
  const std::string v = s;
  return v == "Person" || v == "Company" || v == "Organization" ||
         v == "LegalEntity";
}
bool IsPerson(const char* s) { return std::string(s) == "Person"; }
bool IsOrg(const char* s) {
  const std::string v = s;
  return v == "Company" || v == "Organization" || v == "LegalEntity";
}
bool IsAddress(const char* s) { return std::string(s) == "Address"; }

void List(std::string& out, const char* key,
          const std::vector<std::string>& values, bool& first) {
  if (values.empty()) return;
  absl::StrAppend(&out, first ? "" : ",", "\"", key, "\":[");
  first = false;
  for (size_t i = 0; i < values.size(); ++i) {
    absl::StrAppend(&out, i ? "," : "", "\"", values[i], "\"");
  }
  out.push_back(']');
}

}  // namespace

const char* SchemaOf(int64_t i, uint64_t seed) {
  int p = static_cast<int>(R(i, seed, 0) % 100);
  for (const Share& s : kMix) {
    if (p < s.percent) return s.schema;
    p -= s.percent;
  }
  return "Person";
}

std::string IdOf(int64_t i, uint64_t seed) {
  return absl::StrCat("gen-", std::string(1, SchemaOf(i, seed)[0]), "-", i);
}

std::string EntityLine(int64_t i, int64_t n, uint64_t seed) {
  const std::string schema = SchemaOf(i, seed);
  std::vector<std::pair<const char*, std::vector<std::string>>> props;
  std::string caption;
  const auto r = [&](int k) { return R(i, seed, k); };
  if (schema == "Person" || IsOrg(schema.c_str())) {
    std::vector<std::string> names;
    if (schema == "Person") {
      names.push_back(absl::StrCat(Pick(kGiven, r(1)), " ", Pick(kFamily, r(2))));
    } else {
      names.push_back(absl::StrCat(Pick(kFamily, r(1)), " ", Pick(kOrgWords, r(2)),
                                   " ", i % 1000));
    }
    caption = names[0];
    const int more = static_cast<int>(r(3) % 4);
    for (int k = 0; k < more; ++k) {
      switch (r(4 + k) % 4) {
        case 0: names.push_back(Pick(kCyrillic, r(8 + k))); break;
        case 1: names.push_back(Pick(kArabic, r(8 + k))); break;
        case 2: names.push_back(Pick(kHangul, r(8 + k))); break;
        default: names.push_back(Pick(kChinese, r(8 + k)));
      }
    }
    props.push_back({"name", names});
    const std::string country = Pick(kCountries, r(12));
    if (schema == "Person") {
      props.push_back({"birthDate", {Date(r(13), 1940, 60)}});
      props.push_back({"nationality", {country}});
      props.push_back({"idNumber", {absl::StrCat("P", r(14) % 100000000)}});
    } else {
      props.push_back({"jurisdiction", {country}});
      props.push_back({"registrationNumber", {absl::StrCat(r(14) % 10000000000)}});
      props.push_back({"incorporationDate", {Date(r(13), 1990, 34)}});
    }
    if (r(15) % 4 == 0) {
      int64_t a = Find(n, seed, r(16), IsAddress);
      if (a >= 0) props.push_back({"addressEntity", {IdOf(a, seed)}});
    }
    props.push_back({"topics", {r(17) % 3 == 0 ? "sanction" : "role.pep"}});
  } else if (schema == "Sanction") {
    const Authority& a = Pick(kAuthorities, r(1));
    int64_t t = Find(n, seed, r(2), IsActor);
    caption = "Sanction";
    props.push_back({"entity", {IdOf(t, seed)}});
    props.push_back({"authority", {a.name}});
    props.push_back({"program", {a.program}});
    props.push_back({"programId", {a.program_id}});
    std::string reason = Pick(kReasons, r(3));
    if (!reason.empty()) props.push_back({"reason", {reason}});
    props.push_back({"listingDate", {Date(r(4), 2014, 11)}});
    if (r(5) % 10 == 0) props.push_back({"endDate", {Date(r(6), 2024, 2)}});
  } else if (schema == "Address") {
    caption = absl::StrCat(r(1) % 200, " ", Pick(kFamily, r(2)), " Street");
    props.push_back({"full", {absl::StrCat(caption, ", ", Pick(kCountries, r(3)))}});
    props.push_back({"country", {Pick(kCountries, r(3))}});
  } else {
    // Relations.
    bool (*from)(const char*) = IsActor;
    bool (*to)(const char*) = IsActor;
    const char *src = "", *dst = "";
    if (schema == "Ownership") {
      to = IsOrg, src = "owner", dst = "asset";
    } else if (schema == "Directorship") {
      from = IsPerson, to = IsOrg, src = "director", dst = "organization";
    } else if (schema == "Family") {
      from = IsPerson, to = IsPerson, src = "person", dst = "relative";
    } else {
      from = IsPerson, to = IsPerson, src = "person", dst = "associate";
    }
    int64_t a = Find(n, seed, r(1), from), b = Find(n, seed, r(2), to);
    if (a == b) b = Find(n, seed, r(3), to);
    caption = schema;
    props.push_back({src, {IdOf(a, seed)}});
    props.push_back({dst, {IdOf(b, seed)}});
    if (schema == "Ownership") {
      props.push_back({"percentage", {absl::StrCat(1 + r(4) % 10)}});
    } else if (schema == "Family") {
      props.push_back({"relationship", {r(4) % 2 ? "son" : "spouse"}});
    }
    props.push_back({"startDate", {Date(r(5), 2000, 24)}});
  }

  std::string out = absl::StrCat("{\"id\":\"", IdOf(i, seed), "\",\"caption\":\"",
                                 caption, "\",\"schema\":\"", schema,
                                 "\",\"properties\":{");
  bool first = true;
  for (const auto& [k, v] : props) List(out, k, v, first);
  out += "},";
  std::vector<std::string> refs;
  if (r(20) % 3 == 0) refs.push_back(absl::StrCat("ofac-", r(21) % 100000));
  first = true;
  out += "\"referents\":[";
  for (size_t k = 0; k < refs.size(); ++k) {
    absl::StrAppend(&out, k ? "," : "", "\"", refs[k], "\"");
  }
  out += "],";
  std::vector<std::string> ds;
  const int nds = 1 + static_cast<int>(r(22) % 5);
  for (int k = 0; k < nds; ++k) {
    std::string d = Pick(kDatasets, r(23 + k));
    bool dup = false;
    for (const std::string& x : ds) dup |= x == d;
    if (!dup) ds.push_back(d);
  }
  first = true;
  List(out, "datasets", ds, first);
  const std::string seen = Date(r(30), 2021, 3);
  absl::StrAppend(&out, ",\"first_seen\":\"", seen, "T00:00:00\",\"last_seen\":\"",
                  "2024-03-10T15:36:30\",\"last_change\":\"", seen,
                  "T00:00:00\",\"target\":", schema == "Sanction" ? "false" : "true",
                  "}");
  return out;
}

void WriteEntities(std::ostream& out, int64_t n, uint64_t seed) {
  for (int64_t i = 0; i < n; ++i) out << EntityLine(i, n, seed) << '\n';
}

}  // namespace embargo::testing_ftm
