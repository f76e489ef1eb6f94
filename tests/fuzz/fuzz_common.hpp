// Shared by the fuzz targets: how an input names a file, and the checks every
// target applies to what the code under test produced.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <string>
#include <string_view>

#include "core/diagnostic.hpp"
#include "markdown/render.hpp"

namespace mb::fuzz {

// An input is a file: its first line is the path relative to the site root
// ("content/pages/a.vi.md", "data/indicators.yaml", "site.yaml"), the rest is
// its bytes. Corpus files are therefore readable and easy to write by hand.
struct File {
  std::string path;
  std::string text;
};

inline File split_input(const std::uint8_t* data, std::size_t size) {
  std::string_view all(reinterpret_cast<const char*>(data), size);
  std::size_t eol = all.find('\n');
  if (eol == std::string_view::npos) return {std::string(all), {}};
  return {std::string(all.substr(0, eol)), std::string(all.substr(eol + 1))};
}

[[noreturn]] inline void fail(const std::string& what, std::string_view detail = {}) {
  std::fprintf(stderr, "fuzz check failed: %s\n%.*s\n", what.c_str(), static_cast<int>(detail.size()), detail.data());
  std::abort();
}

// Every diagnostic can be printed, and points at a plausible place.
inline void check_diagnostics(const Diagnostics& diags) {
  for (const Diagnostic& d : diags.all()) {
    if (d.line < 0 || d.column < 0 || d.span < 0) fail("diagnostic with a negative position", format_diagnostic(d));
    if (d.message.empty()) fail("diagnostic without a message", format_diagnostic(d));
    (void)format_diagnostic(d);
  }
}

// HTML attribute value → the URL a browser would follow: character references decoded
// (numeric ones and the named ones that can spell a scheme).
inline std::string decode_attribute(std::string_view v) {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (v[i] != '&') {
      out += v[i];
      continue;
    }
    std::size_t semi = v.find(';', i);
    std::string_view ref = semi == std::string_view::npos ? std::string_view() : v.substr(i + 1, semi - i - 1);
    long code = -1;
    if (ref.size() > 1 && ref[0] == '#') {
      bool hex = ref[1] == 'x' || ref[1] == 'X';
      std::string digits(ref.substr(hex ? 2 : 1));
      char* end = nullptr;
      if (!digits.empty() && digits.size() < 8) code = std::strtol(digits.c_str(), &end, hex ? 16 : 10);
      if (!end || *end) code = -1;
    } else if (ref == "amp") code = '&';
    else if (ref == "colon") code = ':';
    else if (ref == "Tab") code = '\t';
    else if (ref == "NewLine") code = '\n';
    if (code < 0 || code > 0x7f) {
      out += v[i];  // not decoded: a non-ASCII character cannot make a scheme name anyway
      continue;
    }
    out += static_cast<char>(code);
    i = semi;
  }
  return out;
}

// No href or src in the HTML leads to a scheme other than http(s), mailto or tel.
inline void check_link_schemes(std::string_view html, std::string_view where) {
  // Tag by tag, attribute by attribute, so that an attribute's value is never
  // read as markup: a link's title may well say ` href="` (a fuzz finding).
  constexpr auto npos = std::string_view::npos;
  auto is_space = [](char c) { return c == ' ' || c == '\n' || c == '\t'; };
  for (std::size_t i = html.find('<'); i != npos; i = html.find('<', i)) {
    ++i;
    while (i < html.size() && !is_space(html[i]) && html[i] != '>') ++i;  // the tag's name
    while (i < html.size() && html[i] != '>') {
      if (is_space(html[i]) || html[i] == '/') {
        ++i;
        continue;
      }
      std::size_t name_begin = i;
      while (i < html.size() && !is_space(html[i]) && html[i] != '=' && html[i] != '>') ++i;
      std::string_view name = html.substr(name_begin, i - name_begin);
      if (i >= html.size() || html[i] != '=') continue;  // an attribute without a value
      ++i;
      std::string_view value;
      if (i < html.size() && (html[i] == '"' || html[i] == '\'')) {
        std::size_t end = html.find(html[i], i + 1);
        if (end == npos) fail("unterminated attribute in " + std::string(where), html.substr(name_begin, 80));
        value = html.substr(i + 1, end - i - 1);
        i = end + 1;
      } else {
        std::size_t begin = i;
        while (i < html.size() && !is_space(html[i]) && html[i] != '>') ++i;
        value = html.substr(begin, i - begin);
      }
      if (name != "href" && name != "src") continue;
      std::string url = decode_attribute(value);
      std::string scheme = markdown::url_scheme(url);
      if (!scheme.empty() && scheme != "http" && scheme != "https" && scheme != "mailto" && scheme != "tel")
        fail("link with the '" + scheme + ":' scheme in " + std::string(where), url);
    }
  }
}

}  // namespace mb::fuzz
