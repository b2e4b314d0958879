// libFuzzer entry point. Each fuzz target is this file compiled with
// EMBARGO_FUZZ_TARGET set to the target's name (see fuzz/CMakeLists.txt).

#include <cstddef>
#include <cstdint>

#include "fuzz/targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  embargo::fuzz::Run(EMBARGO_FUZZ_TARGET, data, size);
  return 0;
}
