#include "core/xml.hpp"

#include <cstdint>
#include <cstring>

namespace mb {

namespace {

// Whether any of the eight bytes is one of the five specials ("Bit
// Twiddling Hacks": hasvalue).
bool has_special(std::uint64_t w) {
  constexpr std::uint64_t ones = 0x0101010101010101, high = 0x8080808080808080;
  auto has = [&](unsigned char b) {
    std::uint64_t v = w ^ (ones * b);
    return (v - ones) & ~v & high;
  };
  return has('&') | has('<') | has('>') | has('"') | has('\'');
}

// Copies the runs between specials whole: most values have none at all, and
// are skipped eight bytes at a time.
void append_escaped(std::string_view s, std::string_view apostrophe, std::string& out) {
  std::size_t run = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i + 8 <= s.size()) {
      std::uint64_t w;
      std::memcpy(&w, s.data() + i, sizeof w);
      if (!has_special(w)) {
        i += 7;
        continue;
      }
    }
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
