#include "core/json.hpp"

#include <nlohmann/json.hpp>

#include "core/assert.hpp"

namespace mb {

void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  std::size_t run = 0;  // the start of the bytes copied as they are
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s, run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default: {
        static const char hex[] = "0123456789abcdef";
        out += "\\u00";
        out += hex[c >> 4];
        out += hex[c & 0xf];
      }
    }
  }
  out.append(s, run);
  out += '"';
}

void append_json_number(std::string& out, double value) {
  // nlohmann's shortest round-trip digits and its layout of them ("3650.0"),
  // which std::to_chars does not share: asked of the library itself.
  out += nlohmann::json(value).dump();
}

void JsonWriter::item() {
  if (m_after_key) {
    m_after_key = false;
    return;
  }
  if (m_counts.empty()) return;  // the document's top value
  if (m_counts.back()++) m_out += ',';
  m_out += '\n';
  m_out.append(m_counts.size(), '\t');
}

void JsonWriter::open(char bracket) {
  item();
  m_out += bracket;
  m_counts.push_back(0);
}

void JsonWriter::close(char bracket) {
  MB_ASSERT(!m_counts.empty() && !m_after_key);
  const bool empty = m_counts.back() == 0;
  m_counts.pop_back();
  if (!empty) {
    m_out += '\n';
    m_out.append(m_counts.size(), '\t');
  }
  m_out += bracket;
}

void JsonWriter::key(std::string_view name) {
  MB_ASSERT(!m_after_key);
  item();
  append_json_string(m_out, name);
  m_out += ": ";
  m_after_key = true;
}

void JsonWriter::value(std::string_view s) {
  item();
  append_json_string(m_out, s);
}

void JsonWriter::value(double number) {
  item();
  append_json_number(m_out, number);
}

}  // namespace mb
