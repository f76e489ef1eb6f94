#include "core/xml.hpp"

namespace mb {

namespace {

// Copies the runs between specials whole: most values have none at all.
void append_escaped(std::string_view s, std::string_view apostrophe, std::string& out) {
  std::size_t run = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    std::string_view entity;
    switch (s[i]) {
      case '&':
        entity = "&amp;";
        break;
      case '<':
        entity = "&lt;";
        break;
      case '>':
        entity = "&gt;";
        break;
      case '"':
        entity = "&quot;";
        break;
      case '\'':
        entity = apostrophe;
        break;
      default:
        continue;
    }
    out.append(s, run, i - run);
    out.append(entity);
    run = i + 1;
  }
  out.append(s, run);
}

std::string escape(std::string_view s, std::string_view apostrophe) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  append_escaped(s, apostrophe, out);
  return out;
}

}  // namespace

std::string escape_xml(const std::string& s) {
  return escape(s, "&#39;");
}

std::string escape_html(const std::string& s) {
  return escape(s, "&apos;");
}

void append_escaped_html(std::string_view s, std::string& out) {
  append_escaped(s, "&apos;", out);
}

}  // namespace mb
