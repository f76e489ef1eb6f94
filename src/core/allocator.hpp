// The programs' allocator settings, applied first thing in main().
#pragma once

#ifdef MINHBACH_MIMALLOC
#include <mimalloc.h>
#endif

namespace mb {

/// With mimalloc (CMakeLists.txt says why it replaces glibc's malloc), backs
/// its memory with 2 MiB pages where the kernel offers them: a 10k-page build
/// touches ~450 MB once, and with 4 KiB pages a fifth of its time went to
/// 130,000 page faults (docs/benchmarks.md). Every thread's first segment
/// too: by default mimalloc commits it piece by piece, in 4 KiB pages, which
/// left 28,000 faults and a tenth of the build's time zeroing them. The call
/// also keeps the library linked. Without mimalloc it does nothing.
inline void tune_allocator() {
#ifdef MINHBACH_MIMALLOC
  mi_option_enable(mi_option_large_os_pages);
  mi_option_set(mi_option_eager_commit_delay, 0);
#endif
}

}  // namespace mb
