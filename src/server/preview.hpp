// `minhbach serve`: builds the site into a private folder, serves it on
// 127.0.0.1, watches the sources, rebuilds on every change and reloads open
// pages through server-sent events. The reload script and the error overlay
// are added to pages as they are served, never to `build` output. A build
// with errors leaves the last good site in place, shows the diagnostics in
// the terminal and over the page, and clears them once the files are fixed.
#pragma once

#include <iosfwd>
#include <string>

namespace mb::server {

struct ServeOptions {
  std::string root = ".";
  std::string host = "127.0.0.1";  // a non-loopback address only when given explicitly
  int port = 1313;
  unsigned jobs = 0;
  bool quiet = false;
  std::string output;  // where the preview is built; default: a private folder in /tmp, removed on exit
};

int serve(const ServeOptions& options, std::ostream& out, std::ostream& err);

// The file under `dir` that serves the URL path `path` (already percent-decoded),
// or "" when the path is malformed or leaves `dir` (.., absolute, symlink out).
std::string resolve(const std::string& dir, const std::string& path);

// Adds the reload script, and the overlay when `errors` is not empty, to an HTML page.
std::string inject(const std::string& html, const std::string& errors);

}  // namespace mb::server
