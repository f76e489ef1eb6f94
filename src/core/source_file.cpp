#include "core/source_file.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace mb {

namespace {

// Content is mostly plain ASCII: the checks below skip it eight bytes at a
// time (bit tricks from "Bit Twiddling Hacks": haszero, hasless) and decode
// only the rest.
constexpr std::uint64_t kOnes = 0x0101010101010101, kHighBits = 0x8080808080808080;

std::uint64_t load8(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, sizeof w);
  return w;
}

// How many of the eight bytes, in memory order, are printable ASCII (0x20 to
// 0x7E) before the first that is not: 0 to 8. Carries from a byte of 0xA0 or
// more only reach the bytes after it, so the first such byte is found right.
// Big-endian machines take the byte-at-a-time path.
std::size_t printable_ascii_run(std::uint64_t w) {
  const std::uint64_t other = (w | ~(w + kOnes * 0x60) | (w + kOnes)) & kHighBits;  // ≥ 0x80, < 0x20, 0x7F
  if (other == 0) return 8;
  if constexpr (std::endian::native != std::endian::little) return 0;
  return static_cast<std::size_t>(std::countr_zero(other)) / 8;
}

// No byte that can begin what find_control_character looks for: a C0
// control, DEL, 0xC2 (U+0080..U+00BF) or 0xEF (U+F000..U+FFFF). So most
// Vietnamese text is skipped too: its letters begin with 0xC3..0xC6, 0xCC,
// 0xCD or 0xE1, and continuation bytes are never one of these four.
bool no_control_lead(std::uint64_t w) {
  auto has_byte = [](std::uint64_t x, unsigned char b) {
    std::uint64_t v = x ^ (kOnes * b);
    return ((v - kOnes) & ~v & kHighBits) != 0;
  };
  bool below_space = ((w - kOnes * 0x20) & ~w & kHighBits) != 0;
  return !below_space && !has_byte(w, 0x7F) && !has_byte(w, 0xC2) && !has_byte(w, 0xEF);
}

}  // namespace

SourceFile::SourceFile(std::string path, std::string text) : m_path(std::move(path)), m_text(std::move(text)) {
  m_line_starts.push_back(0);
  const char* begin = m_text.data();
  const char* end = begin + m_text.size();
  for (const char* p = begin; (p = static_cast<const char*>(std::memchr(p, '\n', end - p))); ++p)
    m_line_starts.push_back(p + 1 - begin);
}

void SourceFile::release_text() {
  std::string().swap(m_text);
  std::vector<std::size_t>().swap(m_line_starts);
  m_released = true;
}

Position SourceFile::position(std::size_t offset) const {
  MB_ASSERT(!m_released);
  offset = std::min(offset, m_text.size());
  auto it = std::upper_bound(m_line_starts.begin(), m_line_starts.end(), offset);
  std::size_t line = static_cast<std::size_t>(it - m_line_starts.begin());  // 1-based
  std::size_t start = m_line_starts[line - 1];
  std::string_view before(m_text.data() + start, offset - start);
  return {static_cast<int>(line), static_cast<int>(utf8_length(before)) + 1};
}

std::size_t SourceFile::offset(int line, int column_bytes) const {
  MB_ASSERT(!m_released);
  if (line < 1) return 0;
  if (line > line_count()) return m_text.size();
  return std::min(m_line_starts[line - 1] + static_cast<std::size_t>(std::max(column_bytes, 0)), m_text.size());
}

std::string_view SourceFile::line_text(int line) const {
  MB_ASSERT(!m_released);
  if (line < 1 || line > line_count()) return {};
  std::size_t start = m_line_starts[line - 1];
  std::size_t end = m_text.find('\n', start);
  if (end == std::string::npos) end = m_text.size();
  return std::string_view(m_text).substr(start, end - start);
}

Diagnostic SourceFile::at(Severity severity, std::size_t offset, std::size_t length, std::string message,
                          std::string hint) const {
  Position pos = position(offset);
  std::string_view line = line_text(pos.line);
  // The caret never runs past the end of the line it points into.
  std::size_t line_start = static_cast<std::size_t>(line.data() - m_text.data());
  std::size_t end = std::min(offset + std::max<std::size_t>(length, 1), line_start + line.size());
  std::size_t span = end > offset ? utf8_length(std::string_view(m_text).substr(offset, end - offset)) : 1;
  Diagnostic d;
  d.severity = severity;
  d.path = m_path;
  d.line = pos.line;
  d.column = pos.column;
  d.message = std::move(message);
  d.source_line = std::string(line);
  d.span = static_cast<int>(std::max<std::size_t>(span, 1));
  d.hint = std::move(hint);
  return d;
}

std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::string normalize_line_endings(std::string text) {
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
  if (text.find('\r') == std::string::npos) return text;
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

Utf8Scan scan_utf8(std::string_view s) {
  // The well-formed byte sequences of the Unicode Standard, Table 3-7: the
  // second byte's range depends on the first, which rules out overlong
  // forms, surrogates and code points above U+10FFFF without decoding.
  auto byte = [&](std::size_t i) { return i < s.size() ? static_cast<unsigned char>(s[i]) : 0u; };
  auto in = [&](std::size_t i, unsigned lo, unsigned hi) { return byte(i) >= lo && byte(i) <= hi; };
  Utf8Scan out;
  std::size_t i = 0;
  while (i < s.size()) {
    if (i + 8 <= s.size()) {
      // The printable ASCII ahead, up to eight bytes: Vietnamese text rarely
      // has eight in a row, so runs between its letters are skipped too.
      if (std::size_t run = printable_ascii_run(load8(s.data() + i)); run > 0) {
        i += run;
        continue;
      }
    }
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (i + 3 <= s.size()) {
      // Vietnamese letters, the common case, without the general checks:
      // U+00C0..U+02FF (lead 0xC3..0xCB) and U+1E00..U+1EFF (0xE1 0xB8..0xBB).
      const unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
      if (c >= 0xC3 && c <= 0xCB && (c1 & 0xC0) == 0x80) {
        i += 2;
        continue;
      }
      if (c == 0xE1 && c1 >= 0xB8 && c1 <= 0xBB && (static_cast<unsigned char>(s[i + 2]) & 0xC0) == 0x80) {
        i += 3;
        continue;
      }
    }
    std::size_t len = 0;
    bool plain = true;
    if (c < 0x80) {
      len = 1;
      plain = (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') && c != 0x7F;
    } else if (c >= 0xC2 && c <= 0xDF) {
      len = in(i + 1, 0x80, 0xBF) ? 2 : 0;
      plain = c < 0xCC && !(c == 0xC2 && byte(i + 1) <= 0x9F);  // U+00A0..U+02FF
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = in(i + 1, c == 0xE0 ? 0xA0 : 0x80, c == 0xED ? 0x9F : 0xBF) && in(i + 2, 0x80, 0xBF) ? 3 : 0;
      plain = (c == 0xE1 && in(i + 1, 0xB8, 0xBB)) ||                     // U+1E00..U+1EFF
              (c == 0xE2 && byte(i + 1) == 0x80 && byte(i + 2) >= 0x90);  // U+2010..U+203F
    } else if (c >= 0xF0 && c <= 0xF4) {
      len =
          in(i + 1, c == 0xF0 ? 0x90 : 0x80, c == 0xF4 ? 0x8F : 0xBF) && in(i + 2, 0x80, 0xBF) && in(i + 3, 0x80, 0xBF)
              ? 4
              : 0;
      plain = false;
    }
    if (len == 0) return {false, i, false};
    out.plain = out.plain && plain;
    i += len;
  }
  return out;
}

bool is_valid_utf8(std::string_view s, std::size_t* bad) {
  Utf8Scan scan = scan_utf8(s);
  if (!scan.valid && bad) *bad = scan.bad;
  return scan.valid;
}

std::size_t find_control_character(std::string_view s, char32_t* code) {
  auto byte = [&](std::size_t i) { return i < s.size() ? static_cast<unsigned char>(s[i]) : 0u; };
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i + 8 <= s.size() && no_control_lead(load8(s.data() + i))) {
      i += 7;
      continue;
    }
    // One byte at a time from here, even inside a character: in
    // well-formed UTF-8 only a lead byte can match below.
    unsigned char c = byte(i);
    if (c < 0x80) {
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
        if (code) *code = c;
        return i;
      }
      continue;
    }
    char32_t cp = 0;
    if (c == 0xC2 && i + 1 < s.size() && byte(i + 1) <= 0x9F) {
      cp = byte(i + 1);  // U+0080..U+009F
    } else if (c == 0xEF && i + 2 < s.size() && byte(i + 1) == 0xBF && byte(i + 2) >= 0xBE) {
      cp = 0xFFFE + (byte(i + 2) - 0xBE);
    }
    if (cp != 0) {
      if (code) *code = cp;
      return i;
    }
  }
  return std::string_view::npos;
}

std::string code_point_name(char32_t code) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(code));
  return buf;
}

}  // namespace mb
