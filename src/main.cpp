#include "cli/cli.hpp"
#include "core/allocator.hpp"

int main(int argc, char** argv) {
  mb::tune_allocator();
  return mb::cli::run(argc, argv);
}
