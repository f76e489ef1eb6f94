// Last-modified dates of content files from git history, read with one
// `git log` for the whole site rather than one process per file.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "core/date.hpp"

namespace mb::site {

struct History {
  bool available = false;             // false when the site is not in a git repository (or git is missing)
  std::map<std::string, Date> dates;  // path relative to the site root → date of its last commit

  std::optional<Date> of(const std::string& path) const;
};

History read_history(const std::string& root);

}  // namespace mb::site
