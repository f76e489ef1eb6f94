#include "cli/cli.hpp"

#ifdef MINHBACH_MIMALLOC
#include <mimalloc.h>
#endif

int main(int argc, char** argv) {
#ifdef MINHBACH_MIMALLOC
  // A use of the library, so no linker drops it as unneeded: its malloc and
  // free then replace glibc's for the whole process (CMakeLists.txt says why).
  static_cast<void>(mi_version());
#endif
  return mb::cli::run(argc, argv);
}
