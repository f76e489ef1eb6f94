// `minhbach new`: both language files of a new locality, report or initiative,
// every required key prefilled and explained, ready to build.
#pragma once

#include <iosfwd>
#include <string>

namespace mb::cli {

struct NewOptions {
  std::string source = ".";
  std::string what;      // locality | report | initiative
  std::string locality;  // for report and initiative
  std::string slug;
  std::string kind = "annual";  // report kind
  std::string period;           // "2025" or "2021-2025"; empty: the current year
};

int scaffold(const NewOptions& options, std::ostream& out, std::ostream& err);

}  // namespace mb::cli
