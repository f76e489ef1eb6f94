// Invariant checks that stay on in release builds: a failure is a bug in
// Minh Bạch, never a user error (those are Diagnostics).
#pragma once

namespace mb {
[[noreturn]] void assert_failed(const char* expr, const char* file, int line);
}

#define MB_ASSERT(expr) ((expr) ? (void)0 : ::mb::assert_failed(#expr, __FILE__, __LINE__))
