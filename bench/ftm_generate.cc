// ftm_generate N OUT [SEED]: writes N synthetic OpenSanctions-shaped FtM
// entities (tests/testing/ftm_generator.h) to OUT, one JSON line each, for
// the streaming import benchmark (bench/ftm_scale.sh).
//
// ftm_generate --next-day IN OUT: the next day's edition of IN, for the
// update benchmark (bench/ftm_update.sh), as a day of OpenSanctions changes
// it: every last_seen a day on, 0.2 % of the entities gone, 0.5 % renamed,
// 0.2 % new (copies under a new id). Which line changes how follows from its
// number alone.

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

#include "absl/strings/string_view.h"

#include "tests/testing/ftm_generator.h"

namespace {

// Lines is a buffered writer of lines.
class Lines {
 public:
  explicit Lines(std::ofstream& out) : out_(out) {}
  void Add(absl::string_view line) {
    buf_.append(line.data(), line.size());
    buf_ += '\n';
    if (buf_.size() > (size_t{1} << 22)) Flush();
  }
  // Close writes the rest; 0 when all was written.
  int Close() {
    Flush();
    out_.close();
    return out_ ? 0 : 1;
  }

 private:
  void Flush() {
    out_ << buf_;
    buf_.clear();
  }
  std::ofstream& out_;
  std::string buf_;
};

int NextDay(const char* in_path, const char* out_path) {
  std::ifstream in(in_path, std::ios::binary);
  std::ofstream out(out_path, std::ios::binary);
  if (!in || !out) {
    std::cerr << "ftm_generate: cannot read " << in_path << " or write " << out_path << "\n";
    return 2;
  }
  const std::string seen = "\"last_seen\":\"2024-03-10", next = "\"last_seen\":\"2024-03-11";
  Lines lines(out);
  std::string line;
  for (uint64_t i = 0; std::getline(in, line); ++i) {
    // A fixed scramble of the line number, in [0, 1000).
    const uint64_t r = ((i + 1) * 0x9E3779B97F4A7C15ull >> 32) % 1000;
    if (r < 2) continue;  // Gone.
    if (size_t at = line.find(seen); at != std::string::npos) {
      line.replace(at, seen.size(), next);
    }
    if (r < 7) {
      if (size_t at = line.find("\"name\":[\""); at != std::string::npos) {
        line.insert(at + 9, "Renamed ");
      }
    }
    lines.Add(line);
    if (r >= 998) {
      std::string copy = line;
      if (copy.rfind("{\"id\":\"", 0) == 0) copy.insert(7, "new-");
      lines.Add(copy);
    }
  }
  return lines.Close();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 4 && std::string(argv[1]) == "--next-day") {
    return NextDay(argv[2], argv[3]);
  }
  if (argc < 3) {
    std::cerr << "usage: ftm_generate N OUT [SEED]\n";
    return 2;
  }
  const int64_t n = std::atoll(argv[1]);
  const uint64_t seed = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 1;
  std::ofstream out(argv[2], std::ios::binary);
  if (n <= 0 || !out) {
    std::cerr << "ftm_generate: bad count or cannot write " << argv[2] << "\n";
    return 2;
  }
  Lines lines(out);
  for (int64_t i = 0; i < n; ++i) lines.Add(embargo::testing_ftm::EntityLine(i, n, seed));
  return lines.Close();
}
