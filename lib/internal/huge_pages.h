// Memory for large buffers that live through a whole import (the id index,
// a block's arena, the read buffers), backed by transparent huge pages
// where the system offers them on request (Linux, THP "madvise" mode):
// one page fault and one TLB entry per 2 MiB instead of per 4 KiB. On 1 M
// generated FtM entities this took the streaming import's page faults from
// 59,000 to 25,000 (the rest is the records' heap). Smaller requests, and
// systems without THP, get ordinary memory.
//
//   std::vector<char, HugePageAllocator<char>> buffer(size_t{8} << 20);
//
// Thread safety: the functions are thread-safe, as malloc is.

#ifndef EMBARGO_LIB_INTERNAL_HUGE_PAGES_H_
#define EMBARGO_LIB_INTERNAL_HUGE_PAGES_H_

#include <cstddef>
#include <cstdint>
#include <new>

namespace embargo::internal {

// AllocateHuge returns `bytes` of memory (aligned to 2 MiB and advised
// for huge pages when `bytes` is 2 MiB or more); throws std::bad_alloc
// like operator new. FreeHuge releases it.
void* AllocateHuge(size_t bytes);
void FreeHuge(void* p) noexcept;

template <typename T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) noexcept {}  // NOLINT
  T* allocate(size_t n) {
    if (n > SIZE_MAX / sizeof(T)) throw std::bad_alloc();
    return static_cast<T*>(AllocateHuge(n * sizeof(T)));
  }
  void deallocate(T* p, size_t) noexcept { FreeHuge(p); }
  template <typename U>
  bool operator==(const HugePageAllocator<U>&) const noexcept {
    return true;
  }
};

}  // namespace embargo::internal

#endif  // EMBARGO_LIB_INTERNAL_HUGE_PAGES_H_
