#include "core/assert.hpp"

#include <cstdio>
#include <cstdlib>

namespace mb {

void assert_failed(const char* expr, const char* file, int line) {
  std::fprintf(stderr, "minhbach: internal error: %s:%d: assertion failed: %s\n"
                       "  this is a bug in Minh Bạch, not in your content\n",
               file, line, expr);
  std::abort();
}

}  // namespace mb
