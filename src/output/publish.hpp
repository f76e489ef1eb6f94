// Writing the site: everything goes into a staging folder beside public/,
// which replaces public/ in one atomic rename only when every file was
// written. A failed or killed build leaves public/ as it was. Files whose
// bytes did not change are hard-linked from the previous output, keeping
// their timestamps, so rsync-based deploys move only what changed.
#pragma once

#include <string>
#include <vector>

#include "core/output_file.hpp"

namespace mb::output {

struct PublishResult {
  bool ok = false;
  std::string error;  // environment error with the path, when !ok
  std::size_t written = 0;
  std::size_t unchanged = 0;
};

PublishResult publish(const std::vector<OutputFile>& files, const std::string& out_dir);

// Removes staging and retired folders left beside out_dir by interrupted builds.
void remove_leftovers(const std::string& out_dir);

}  // namespace mb::output
