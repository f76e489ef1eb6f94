// Where a file under content/ belongs: which kind of page, language and slugs,
// decided from its path alone (ARCHITECTURE.md §1).
#pragma once

#include <optional>
#include <string>

#include "content/document.hpp"
#include "core/diagnostic.hpp"

namespace mb::content {

struct Placement {
  enum class Role { document, attachment, ignored } role = Role::ignored;
  Kind kind = Kind::page;
  Lang lang = Lang::vi;
  std::string locality;
  std::string slug;
};

// `path` is relative to the site root and starts with "content/". Reports a
// diagnostic and returns nullopt for a file that has no place in the layout.
std::optional<Placement> classify(const std::string& path, Diagnostics& diags);

}  // namespace mb::content
