// Mustache templates, rendered the way kainjow's mustache.hpp renders them,
// byte for byte, for the subset a theme uses: variables ({{x}}, {{{x}}},
// {{&x}}), dotted names and {{.}}, sections, inverted sections, comments and
// set delimiters. Partials are expanded before parsing (templates.cpp).
//
// Why not kainjow itself: it kept every space of a template as a node, called
// a std::function per node and per line, and stored view models as hash maps
// of separately allocated strings; on a 10k-page site those costs were about
// a quarter of the build (docs/benchmarks.md). The tests check this engine
// against kainjow on generated templates and data, so pages keep their bytes.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace mb::theme {

// A view model: an object of named values, a string, a list or a bool.
class Value {
 public:
  enum class Type : std::uint8_t { object, string, list, yes, no };

  // Defined below Member: clang (16, with libstdc++ 12) checks that Member
  // is complete wherever a constructor is defined, and refuses this header
  // otherwise; the fuzz build needs clang.
  Value();  // an empty object
  explicit Value(Type type);
  Value(std::string text);
  Value(const char* text);
  Value(bool b);

  static Value list();

  Type type() const { return m_type; }
  bool is_string() const { return m_type == Type::string; }
  bool is_false() const { return m_type == Type::no; }
  bool is_empty_list() const { return m_type == Type::list && list_value().empty(); }

  // FNV-1a: names are short.
  static constexpr std::uint32_t hash_name(std::string_view name) {
    std::uint32_t h = 2166136261u;
    for (char c : name) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return h;
  }

  // A member's name and its hash, which is computed while compiling for the
  // literal names view models mostly set ("title"): a page sets a thousand.
  class Name {
   public:
    template <std::size_t N>
    consteval Name(const char (&literal)[N]) : m_text(literal, N - 1), m_hash(hash_name(m_text)) {}
    Name(std::string_view text) : m_text(text), m_hash(hash_name(text)) {}
    Name(const std::string& text) : Name(std::string_view(text)) {}

    std::string_view text() const { return m_text; }
    std::uint32_t hash() const { return m_hash; }

   private:
    std::string_view m_text;
    std::uint32_t m_hash;
  };

  // Objects: set() hides any value set before under the same name; get()
  // is null when there is none or this is not an object.
  void set(Name name, Value value);
  const Value* get(std::string_view name) const { return find(name, hash_name(name)); }
  const Value* find(std::string_view name, std::uint32_t hash) const;

  // Lists: push_back() does nothing on other types, like kainjow's.
  void push_back(Value item);
  const std::vector<Value>& list_value() const;
  const std::string& string_value() const;

 private:
  struct Member;
  // One of these at a time, by type: an object's members (in the order set;
  // the last of a name counts; none for yes and no), a string, a list. One
  // variant rather than three members makes a Value 48 bytes instead of 88:
  // a page's view model holds thousands, and find() strides over them.
  enum : std::size_t { kMembers, kText, kItems };
  std::variant<std::vector<Member>, std::string, std::vector<Value>> m_data;
  Type m_type = Type::object;
};

struct Value::Member {
  Member(std::uint32_t h, std::string_view n, Value&& v) : hash(h), name(n), value(std::move(v)) {}
  std::uint32_t hash;
  std::string name;
  Value value;
};

inline Value::Value() = default;
inline Value::Value(Type type) : m_type(type) {
  if (type == Type::string) m_data.emplace<kText>();
  if (type == Type::list) m_data.emplace<kItems>();
}
inline Value::Value(std::string text) : m_data(std::in_place_index<kText>, std::move(text)), m_type(Type::string) {}
inline Value::Value(const char* text) : m_data(std::in_place_index<kText>, text), m_type(Type::string) {}

inline const std::vector<Value>& Value::list_value() const {
  static const std::vector<Value> none;
  const auto* items = std::get_if<kItems>(&m_data);
  return items ? *items : none;
}
inline const std::string& Value::string_value() const {
  static const std::string none;
  const auto* text = std::get_if<kText>(&m_data);
  return text ? *text : none;
}
inline Value::Value(bool b) : m_type(b ? Type::yes : Type::no) {}
inline Value Value::list() { return Value(Type::list); }

// A parsed template; render() is const and may run on many threads at once.
class Template {
 public:
  using Escape = void (*)(std::string_view text, std::string& out);  // appends `text` escaped

  // `escape` is applied to {{x}} values; `source` is parsed once.
  Template(std::string_view source, Escape escape);
  ~Template();
  Template(Template&&) noexcept;
  Template& operator=(Template&&) noexcept;

  // kainjow's wording: "Unclosed section "x" at 120", with the byte offset.
  bool is_valid() const { return m_error.empty(); }
  const std::string& error_message() const { return m_error; }

  // Renders with `layers` as the context stack, the first at the bottom:
  // a name is looked up in the innermost layer that has it.
  void render(const std::vector<const Value*>& layers, std::string& out) const;

  struct Node;

 private:
  std::unique_ptr<Node> m_root;
  std::string m_error;
  Escape m_escape;
};

}  // namespace mb::theme
