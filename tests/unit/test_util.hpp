// Helpers shared by unit tests.
#pragma once

#include <memory>
#include <string>

#include "core/diagnostic.hpp"
#include "core/source_file.hpp"

namespace mb::test {

inline std::shared_ptr<const SourceFile> source(std::string path, std::string text) {
  return std::make_shared<const SourceFile>(std::move(path), std::move(text));
}

// Every diagnostic formatted as the CLI prints it, concatenated.
inline std::string all_text(const Diagnostics& diags) {
  std::string out;
  for (const Diagnostic& d : diags.all()) out += format_diagnostic(d);
  return out;
}

}  // namespace mb::test
