// The programs' allocator settings, applied first thing in main().
#pragma once

#ifdef MINHBACH_MIMALLOC
#include <mimalloc.h>
#endif

namespace mb {

/// With mimalloc (CMakeLists.txt says why it replaces glibc's malloc), backs
/// its memory with 2 MiB pages where the kernel offers them: a 10k-page build
/// touches ~450 MB once, and with 4 KiB pages a fifth of its time went to
/// 130,000 page faults (docs/benchmarks.md). The call also keeps the library
/// linked. Without mimalloc it does nothing.
inline void tune_allocator() {
#ifdef MINHBACH_MIMALLOC
  mi_option_enable(mi_option_large_os_pages);
#endif
}

/// For a batch job with a thread per core (`build`, `check`, the floor): commits
/// every thread's first segment at once, in 2 MiB pages. By default mimalloc
/// commits it piece by piece in 4 KiB pages, which cost a 10k-page build
/// 28,000 faults and a tenth of its time zeroing them. Not for `serve`: with
/// a thread per connection, a thousand connections would commit a segment
/// each.
inline void commit_thread_memory_at_once() {
#ifdef MINHBACH_MIMALLOC
  mi_option_set(mi_option_eager_commit_delay, 0);
#endif
}

}  // namespace mb
