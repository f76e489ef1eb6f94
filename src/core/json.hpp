// JSON written straight into a string, byte for byte as nlohmann::json's
// dump() writes the same document, for the large files: building a
// nlohmann tree of every open-data row or search posting first cost more
// than writing them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mb {

// A JSON string as dump() writes it: quotes, backslashes and control
// characters escaped, UTF-8 kept as it is (ensure_ascii off).
void append_json_string(std::string& out, std::string_view s);

// A number as dump() writes a double ("3650.0", "14.29", null when not finite).
void append_json_number(std::string& out, double value);

// A document laid out as dump(1, '\t'): one member or item per line, a tab
// per level, empty objects and arrays as {} and []. The caller nests calls
// as the document nests; a member's value follows its key().
class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : m_out(out) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  void key(std::string_view name);
  void value(std::string_view s);
  void value(double number);

  // Shorthands for a member with a string value.
  void member(std::string_view name, std::string_view s) {
    key(name);
    value(s);
  }

 private:
  void open(char bracket);
  void close(char bracket);
  void item();  // a new member or array item: its comma, line and indent

  std::string& m_out;
  std::vector<std::size_t> m_counts;  // per open container: items so far
  bool m_after_key = false;
};

}  // namespace mb
