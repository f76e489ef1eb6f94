#include "content/front_matter.hpp"

#include <string_view>

namespace mb::content {

static bool is_fence(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == "---";
}

std::optional<Split> split_front_matter(const SourceFile& file, Diagnostics& diags) {
  const std::string& text = file.text();
  if (!is_fence(file.line_text(1)) || text.empty()) {
    diags.add(file.at(Severity::error, 0, 1, "missing front matter",
                      "start the file with a '---' line, the YAML keys, then another '---' line"));
    return std::nullopt;
  }
  for (int line = 2; line <= file.line_count(); ++line) {
    std::string_view l = file.line_text(line);
    if (is_fence(l) || l == "...") {
      Split s;
      s.yaml_begin = file.offset(2, 0);
      s.yaml_end = file.offset(line, 0);
      std::size_t after = file.offset(line, 0) + l.size();
      s.body_begin = after < text.size() ? after + 1 : text.size();
      return s;
    }
  }
  diags.add(file.at(Severity::error, 0, 3, "front matter is not closed",
                    "end the front matter with a line containing only '---'"));
  return std::nullopt;
}

}  // namespace mb::content
