#include <string_view>

#include "cli/cli.hpp"
#include "core/allocator.hpp"

int main(int argc, char** argv) {
  mb::tune_allocator();
  // Every command but `serve` is a batch job with a thread per core; serve
  // runs a thread per connection (allocator.hpp).
  if (argc < 2 || std::string_view(argv[1]) != "serve") mb::commit_thread_memory_at_once();
  return mb::cli::run(argc, argv);
}
