// Writing the site: everything goes into a staging folder beside public/,
// which replaces public/ in one atomic rename only when every file was
// written. A failed or killed build leaves public/ as it was. Files whose
// bytes did not change are hard-linked from the previous output, keeping
// their timestamps, so rsync-based deploys move only what changed. The
// previous output can be deleted in the background, as a 10,000-file tree
// takes seconds to delete.
#pragma once

#include <string>
#include <vector>

#include "core/output_file.hpp"
#include "core/worker_pool.hpp"

namespace mb::output {

struct PublishResult {
  bool ok = false;
  std::string error;  // environment error with the path, when !ok
  std::size_t written = 0;
  std::size_t unchanged = 0;
};

// What becomes of the previous output once the new one is in place.
enum class Retire {
  now,         // deleted before publish returns
  background,  // deleted by a detached process, off the build's critical path
};

// Writes the files (on all of the pool's workers) and swaps them in.
PublishResult publish(const std::vector<OutputFile>& files, const std::string& out_dir, WorkerPool& pool,
                      Retire retire = Retire::now);

// Removes staging and retired folders left beside out_dir by interrupted builds.
void remove_leftovers(const std::string& out_dir);

}  // namespace mb::output
