// The command line: `minhbach build | check`, options and exit codes
// (0 ok, 1 content errors, 2 usage or environment).
#pragma once

#include <iosfwd>
#include <string>

namespace mb::cli {

enum ExitCode { kOk = 0, kContentError = 1, kUsageError = 2 };

int run(int argc, char** argv);

struct BuildOptions {
  std::string source = ".";
  std::string output;    // default: <source>/public
  std::string base_url;  // overrides site.yaml
  unsigned jobs = 0;     // 0: one per core
  bool quiet = false;
  bool verbose = false;
  bool write = true;     // false for `check`
  bool json = false;     // diagnostics as JSON lines
};

// The whole pipeline, top-down. Diagnostics go to `err`, the summary to `out`.
int build(const BuildOptions& options, std::ostream& out, std::ostream& err);

}  // namespace mb::cli
