// The sanctions_report example on the bundled article dataset: which
// transfers breach the UN arms embargo on the DPRK, under which
// resolutions, and with which certainty.

#include <array>
#include <cstdio>
#include <memory>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace {

using ::testing::HasSubstr;
using ::testing::Not;

struct Output {
  std::string out;
  int status = -1;
};

Output RunReport(const std::string& args) {
  Output r;
  const std::string cmd = std::string(SANCTIONS_REPORT_BINARY) + " " + args;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (pipe == nullptr) return r;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
  const int rc = pclose(pipe);
  r.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  return r;
}

TEST(SanctionsReportTest, ArticleBreachesAndLegalBasis) {
  Output r = RunReport("");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_THAT(r.out, HasSubstr("Arms embargo breaches: 4 breach(es) in 3 transfer(s)"));
  // Every alleged DPRK -> Russia transfer breaks the 1874 export ban.
  for (const char* t : {"tr-prk-rus-2023-arms-considered",
                        "tr-prk-rus-2023-artillery-ammunition",
                        "tr-prk-rus-2023-rockets-ship"}) {
    EXPECT_THAT(r.out, HasSubstr(std::string("(alleged) ") + t + "\n"));
  }
  EXPECT_THAT(r.out,
              HasSubstr("BREACH (certain): supplier PRK (North Korea) under "
                        "san-unsc-1874-prk-arms-exports (UNSC, UNSCR 1718, "
                        "arms_embargo_exports, listed 2009-06-12)"));
  EXPECT_THAT(r.out, HasSubstr("legal basis: UNSCR 1718 (2006); UNSCR 1874 (2009)"));
  // The undated rockets and the arms of unstated kind are only possible.
  EXPECT_THAT(r.out, HasSubstr("BREACH (possible): supplier PRK (North Korea) "
                               "under san-unsc-1718-prk-arms-exports"));
  EXPECT_THAT(r.out, HasSubstr("the items are arms of unstated kind"));
  EXPECT_THAT(r.out, HasSubstr("possible because: the transfer is undated"));
  // No import ban applies: Russia is not under one.
  EXPECT_THAT(r.out, Not(HasSubstr("recipient RUS")));
}

TEST(SanctionsReportTest, ExposureOfTheParties) {
  Output r = RunReport("--as-of 2023-08-03");
  EXPECT_EQ(r.status, 0);
  EXPECT_THAT(r.out, HasSubstr("as of 2023-08-03"));
  EXPECT_THAT(r.out, HasSubstr("PRK (North Korea): 5 sanction(s) in force"));
  EXPECT_THAT(r.out, HasSubstr("san-unsc-2270-prk-arms-imports (UNSC, UNSCR 1718): "
                               "arms_embargo_imports; listed 2016-03-02 [certain]"));
  EXPECT_THAT(r.out, HasSubstr("RUS (Russia): 0 sanction(s) in force"));
  EXPECT_THAT(r.out, HasSubstr("KOMID (Korea Mining Development Trading "
                               "Corporation): 1 sanction(s) in force"));
  EXPECT_THAT(r.out, HasSubstr("blocked: under an asset freeze"));
  // Before the 1874 resolution only the 1718 measures were in force.
  Output early = RunReport("--as-of 2008");
  EXPECT_THAT(early.out, HasSubstr("PRK (North Korea): 2 sanction(s) in force"));
}

TEST(SanctionsReportTest, BadInput) {
  Output r = RunReport("--as-of 2023-13 2>/dev/null");
  EXPECT_EQ(r.status, 2);
  Output missing = RunReport("/nonexistent.textproto 2>/dev/null");
  EXPECT_EQ(missing.status, 2);
}

}  // namespace
