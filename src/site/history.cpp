#include "site/history.hpp"

#include <sys/wait.h>

#include <array>
#include <cstdio>

namespace mb::site {

std::optional<Date> History::of(const std::string& path) const {
  auto it = dates.find(path);
  return it == dates.end() ? std::nullopt : std::optional<Date>(it->second);
}

static std::string quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

History read_history(const std::string& root) {
  History h;
  // Newest commit first: a file's first appearance is its last change.
  std::string command = "git -C " + quote(root.empty() ? "." : root) +
                        " log --relative --no-renames --format=%x01%cs --name-only -- content 2>/dev/null";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return h;
  std::string output;
  std::array<char, 65536> buf;
  for (std::size_t n; (n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0;) output.append(buf.data(), n);
  int status = ::pclose(pipe);
  if (status != 0) return h;
  h.available = true;
  Date current;
  std::size_t start = 0;
  while (start < output.size()) {
    std::size_t end = output.find('\n', start);
    if (end == std::string::npos) end = output.size();
    std::string line = output.substr(start, end - start);
    start = end + 1;
    if (line.empty()) continue;
    if (line[0] == '\x01') {
      if (auto d = parse_iso_date(line.substr(1))) current = *d;
      continue;
    }
    if (current.year) h.dates.emplace(line, current);  // emplace keeps the newest
  }
  return h;
}

}  // namespace mb::site
