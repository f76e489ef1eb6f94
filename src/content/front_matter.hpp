// Splits a content file into its YAML front matter and Markdown body.
#pragma once

#include <cstddef>
#include <optional>

#include "core/diagnostic.hpp"
#include "core/source_file.hpp"

namespace mb::content {

struct Split {
  std::size_t yaml_begin = 0;  // byte range of the YAML between the '---' lines
  std::size_t yaml_end = 0;
  std::size_t body_begin = 0;  // the Markdown starts here and runs to the end
};

// nullopt (with a diagnostic) when the file does not open with a closed '---' block.
std::optional<Split> split_front_matter(const SourceFile& file, Diagnostics& diags);

}  // namespace mb::content
