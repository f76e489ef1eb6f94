// A text file held in memory with a line index, so any byte offset can be
// reported as line:column with the source line under it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/assert.hpp"
#include "core/diagnostic.hpp"

namespace mb {

struct Position {
  int line = 0;    // 1-based
  int column = 0;  // 1-based, in characters (UTF-8 code points)
};

class SourceFile {
 public:
  SourceFile() = default;
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return m_path; }
  const std::string& text() const {
    MB_ASSERT(!m_released);
    return m_text;
  }

  // Frees the text and its line index when nothing will read them again (a
  // build frees each body once its pages are rendered); the path stays.
  // Reading the text, or a position in it, afterwards is a bug and aborts.
  void release_text();

  Position position(std::size_t offset) const;
  std::size_t offset(int line, int column_bytes) const;  // line 1-based, column 0-based bytes
  std::string_view line_text(int line) const;
  int line_count() const { return static_cast<int>(m_line_starts.size()); }

  // A diagnostic pointing at [offset, offset + length) of this file.
  Diagnostic at(Severity severity, std::size_t offset, std::size_t length, std::string message,
                std::string hint = {}) const;

 private:
  std::string m_path;
  std::string m_text;
  std::vector<std::size_t> m_line_starts;
  bool m_released = false;
};

// Counts UTF-8 code points in s.
std::size_t utf8_length(std::string_view s);

// Strips a UTF-8 byte-order mark and turns CRLF and lone CR into LF.
std::string normalize_line_endings(std::string text);

// True if s is well-formed UTF-8; otherwise *bad is the offset of the first bad byte.
bool is_valid_utf8(std::string_view s, std::size_t* bad = nullptr);

// What one pass over a file's bytes tells. `valid` and `bad` as for
// is_valid_utf8. `plain`: the text holds no character find_control_character
// looks for, and only characters that NFC leaves as they are whatever their
// neighbours (below U+0300, U+1E00..U+1EFF and U+2010..U+203F: Vietnamese
// letters and its punctuation), so it is already in NFC. When false, either
// may still hold: check with ICU.
struct Utf8Scan {
  bool valid = true;
  std::size_t bad = 0;
  bool plain = true;
};
Utf8Scan scan_utf8(std::string_view s);

// In well-formed UTF-8, the offset of the first character no page or feed can
// carry: a C0 control other than tab, LF and CR (XML 1.0 cannot hold one even
// as a reference), DEL or a C1 control (parse errors in HTML), U+FFFE or
// U+FFFF. npos when there is none; *code is its code point.
std::size_t find_control_character(std::string_view s, char32_t* code = nullptr);

// "U+000C": how a diagnostic names a code point.
std::string code_point_name(char32_t code);

}  // namespace mb
