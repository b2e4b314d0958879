// Huge-page backed buffers. See huge_pages.h.

#include "lib/internal/huge_pages.h"

#include <cstdint>
#include <cstdlib>
#include <new>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace embargo::internal {

namespace {
constexpr size_t kHugePage = size_t{2} << 20;
}  // namespace

void* AllocateHuge(size_t bytes) {
  if (bytes < kHugePage) {
    void* p = std::malloc(bytes == 0 ? 1 : bytes);
    if (p == nullptr) throw std::bad_alloc();
    return p;
  }
  if (bytes > SIZE_MAX - kHugePage) throw std::bad_alloc();
  const size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
  void* p = std::aligned_alloc(kHugePage, rounded);
  if (p == nullptr) throw std::bad_alloc();
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  // Advice only: where the kernel declines, the memory is ordinary.
  madvise(p, rounded, MADV_HUGEPAGE);
#endif
  return p;
}

void FreeHuge(void* p) noexcept { std::free(p); }

}  // namespace embargo::internal
