#pragma once
// Memory for a query's listing in huge pages. A 30-day `upcoming` on a million claims touches about
// 7 MB of fresh heap once; on the virtual machines dateline runs on, each 4 KB page of it costs a
// fault, a third of such a run's time. Asking the kernel for 2 MB pages on the heap (the
// transparent huge pages a `madvise` setting allows) makes that a handful of faults.

namespace dateline {

// Grows the heap by a block of huge pages the listing will fill, before a query reads it. Does
// nothing where the heap is not glibc's program break (a sanitizer's allocator) or the kernel
// refuses.
void heap_in_huge_pages();

}  // namespace dateline
