// Starting the tool again, once, with glibc's malloc on huge pages.
//
// Loading a record stream or importing a large export makes millions of
// small allocations (the records, their strings, the graph's columns): on
// 4 KB pages the kernel spends much of the time faulting them in, and the
// TLB misses on the way. glibc puts its heap on transparent huge pages when
// the environment asks (GLIBC_TUNABLES=glibc.malloc.hugetlb=1, read once at
// start-up, with no call to set it later), so the tool adds that and a
// larger top pad (fewer, larger heap extensions) to the environment and
// executes itself again. Measured side by side, off and on alternated
// twice (README "OpenSanctions-scale import"): loading the records of 1 M
// generated FtM entities 15.3-18.5 s -> 9.3-10.1 s, their graph image
// 3.2-4.0 s -> 1.4-1.5 s; the import about the same; peak memory the same.
// Where the kernel offers no transparent huge pages the setting does
// nothing.
//
// It also turns glibc's fastbins off (mxfast=0): a load frees millions of
// small blocks between large allocations, and each large one made glibc
// consolidate the fastbins again (malloc_consolidate and unlink_chunk were
// a fifth of a 1 M record load under perf). Alternated three times in one
// run on 1 M generated entities, user CPU: loading the records 5.3-5.4 s
// -> 4.0-4.1 s, building the graph image 5.4 s -> 4.1-4.2 s, the import
// 4.5-5.3 s -> 4.4-4.5 s; reading the image and peak memory the same.
//
// Left as it is: when GLIBC_TUNABLES already names hugetlb (the user chose),
// when EMBARGO_MALLOC_TUNING=0, under valgrind (whose tools would not
// follow the restart), and when the restart cannot be made (then the tool
// runs on as it was started).

#include <unistd.h>

#include <cstdlib>
#include <string>

#include "absl/strings/match.h"
#include "tools/embargo/cli.h"

namespace embargo::cli {
namespace {

constexpr char kTunables[] = "GLIBC_TUNABLES";
constexpr char kSetting[] =
    "glibc.malloc.hugetlb=1:glibc.malloc.top_pad=67108864:glibc.malloc.mxfast=0";

}  // namespace

void RestartWithMallocTuning(char** argv) {
  const char* tuning = std::getenv("EMBARGO_MALLOC_TUNING");
  if (tuning != nullptr && std::string(tuning) == "0") return;
  const char* preload = std::getenv("LD_PRELOAD");
  if (preload != nullptr && absl::StrContains(preload, "vgpreload")) return;
  const char* given = std::getenv(kTunables);
  const bool had = given != nullptr;
  const std::string before = had ? given : "";
  if (absl::StrContains(before, "glibc.malloc.hugetlb")) return;
  const std::string tunables = before.empty() ? kSetting : before + ":" + kSetting;
  if (setenv(kTunables, tunables.c_str(), 1) != 0) return;
  execv("/proc/self/exe", argv);
  // Not restarted: go on as started, with the environment as it was.
  if (!had) {
    unsetenv(kTunables);
  } else {
    setenv(kTunables, before.c_str(), 1);
  }
}

}  // namespace embargo::cli
