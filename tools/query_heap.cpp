#include "query_heap.h"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>

namespace dateline {

void heap_in_huge_pages() {
#if defined(__SANITIZE_ADDRESS__) || !defined(__GLIBC__)
  return;
#else
  constexpr std::uintptr_t kHugePage = std::uintptr_t{2} << 20;
  constexpr std::size_t kBlock = std::size_t{16} << 20;  // more than a month's listing needs
  // The block must come from the program break (below the mmap threshold) and stay there when
  // freed (above the trim threshold), for the listing's allocations to reuse.
  mallopt(M_MMAP_THRESHOLD, static_cast<int>(2 * kBlock));
  mallopt(M_TRIM_THRESHOLD, static_cast<int>(4 * kBlock));
  void* block = std::malloc(kBlock);
  if (!block) return;
  const auto begin = (reinterpret_cast<std::uintptr_t>(block) + kHugePage - 1) & ~(kHugePage - 1);
  const auto end = reinterpret_cast<std::uintptr_t>(sbrk(0)) & ~(kHugePage - 1);
  if (end > begin && end - begin <= 2 * kBlock) {
    madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
  }
  std::free(block);
#endif
}

}  // namespace dateline
