// Replays every fuzz seed and every input that once crashed a fuzz target
// (fuzz/seeds/TARGET/, fuzz/regressions/TARGET/) through the same entry
// points, in the normal and the sanitizer builds.

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "fuzz/targets.h"
#include "gtest/gtest.h"

namespace embargo {
namespace {

namespace fs = std::filesystem;

int Replay(const std::string& folder) {
  int n = 0;
  const fs::path root = fs::path(EMBARGO_SOURCE_DIR) / "fuzz" / folder;
  if (!fs::exists(root)) return 0;
  for (const fs::directory_entry& dir : fs::directory_iterator(root)) {
    if (!dir.is_directory()) continue;
    const std::string target = dir.path().filename().string();
    for (const fs::directory_entry& f : fs::directory_iterator(dir.path())) {
      std::ifstream in(f.path(), std::ios::binary);
      const std::string bytes((std::istreambuf_iterator<char>(in)),
                              std::istreambuf_iterator<char>());
      SCOPED_TRACE(f.path().string());
      EXPECT_TRUE(fuzz::Run(target, reinterpret_cast<const uint8_t*>(bytes.data()),
                            bytes.size()))
          << "no fuzz target named " << target;
      ++n;
    }
  }
  return n;
}

TEST(FuzzRegressionTest, SeedsRunCleanly) { EXPECT_GT(Replay("seeds"), 3); }

TEST(FuzzRegressionTest, PastCrashesRunCleanly) { Replay("regressions"); }

TEST(FuzzRegressionTest, EveryTargetRejectsGarbageQuietly) {
  const std::string garbage = "\xff\xfe\x00{<!--\x1a-0- \"\n\r;;**";
  for (const fuzz::Target& t : fuzz::Targets()) {
    SCOPED_TRACE(t.name);
    t.run(reinterpret_cast<const uint8_t*>(garbage.data()), garbage.size());
    t.run(nullptr, 0);
  }
}

}  // namespace
}  // namespace embargo
