// ftm_generate N OUT [SEED]: writes N synthetic OpenSanctions-shaped FtM
// entities (tests/testing/ftm_generator.h) to OUT, one JSON line each, for
// the streaming import benchmark (bench/ftm_scale.sh).

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

#include "tests/testing/ftm_generator.h"

int main(int argc, char** argv) {
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
  std::string buf;
  for (int64_t i = 0; i < n; ++i) {
    buf += embargo::testing_ftm::EntityLine(i, n, seed);
    buf += '\n';
    if (buf.size() > (size_t{1} << 22)) {
      out << buf;
      buf.clear();
    }
  }
  out << buf;
  out.close();
  return out ? 0 : 1;
}
