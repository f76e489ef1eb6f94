#include "theme/mustache.hpp"

#include <algorithm>

namespace mb::theme {

// ---- Values ---------------------------------------------------------------

const Value* Value::find(std::string_view name, std::uint32_t hash) const {
  const auto* members = std::get_if<kMembers>(&m_data);
  if (!members) return nullptr;
  for (auto m = members->rbegin(); m != members->rend(); ++m)
    if (m->hash == hash && m->name == name) return &m->value;
  return nullptr;
}

void Value::set(Name name, Value value) {
  // Appended without looking for the name: view models set each name once
  // but for rare overrides, and find() takes the last. Saves a scan per set.
  if (m_type != Type::object) return;
  auto& members = std::get<kMembers>(m_data);
  if (members.empty()) members.reserve(8);
  members.emplace_back(name.hash(), name.text(), std::move(value));
}

void Value::push_back(Value item) {
  if (m_type == Type::list) std::get<kItems>(m_data).push_back(std::move(item));
}

// ---- Parsing --------------------------------------------------------------

namespace {

enum class Kind : std::uint8_t { text, newline, variable, unescaped, section, inverted, section_end, ignored };

// A name's parts, split as kainjow splits them (std::getline on '.'), each
// with its hash; "." alone is the current item.
struct Name {
  std::string text;
  bool current = false;
  std::vector<std::pair<std::string, std::uint32_t>> parts;
};

Name make_name(std::string text) {
  Name n;
  n.current = text == ".";
  std::vector<std::string> parts;
  if (text.find('.') == std::string::npos) {
    parts.push_back(text);
  } else {
    for (std::size_t start = 0; start < text.size();) {
      std::size_t dot = text.find('.', start);
      if (dot == std::string::npos) dot = text.size();
      parts.push_back(text.substr(start, dot - start));
      start = dot + 1;
    }
  }
  for (std::string& p : parts) {
    std::uint32_t h = Value::hash_name(p);
    n.parts.emplace_back(std::move(p), h);
  }
  n.text = std::move(text);
  return n;
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

struct Template::Node {
  Kind kind = Kind::text;
  std::string text;  // text, or the newline's bytes
  Name name;         // tags
  std::size_t position = 0;
  std::vector<Node> children;
};

namespace {

using Node = Template::Node;

// kainjow's parser, step for step, so that a template it rejects is rejected
// here with the same message, and one it accepts has the same tree.
class Parser {
 public:
  explicit Parser(std::string_view in) : m_in(in) {}

  std::string parse(Node& root) {
    std::vector<Node*> open{&root};
    std::string text;
    auto flush_text = [&] {
      if (!text.empty()) open.back()->children.push_back({Kind::text, std::move(text), {}, 0, {}});
      text.clear();
    };
    bool brace = true;  // default delimiters: {{{x}}} is an unescaped variable
    for (std::size_t pos = 0; pos != m_in.size();) {
      if (m_in.compare(pos, m_begin.size(), m_begin) != 0) {
        std::size_t nl = m_in.compare(pos, 2, "\r\n") == 0 ? 2 : m_in[pos] == '\n' || m_in[pos] == '\r' ? 1 : 0;
        if (nl) {
          flush_text();
          open.back()->children.push_back({Kind::newline, std::string(m_in.substr(pos, nl)), {}, pos, {}});
          pos += nl;
        } else {
          text += m_in[pos++];
        }
        continue;
      }
      flush_text();
      const std::size_t start = pos;
      std::size_t contents_at = start + m_begin.size();
      const bool triple = brace && start != m_in.size() - 2 && m_in[contents_at] == m_begin[0];
      if (triple) ++contents_at;
      const std::string close = triple ? "}}}" : m_end;
      const std::size_t end = m_in.find(close, contents_at);
      if (end == std::string_view::npos) return "Unclosed tag at " + std::to_string(start);
      std::string_view contents = trim(m_in.substr(contents_at, end - contents_at));
      Node tag;
      tag.position = start;
      if (!contents.empty() && contents[0] == '=') {
        if (!set_delimiters(contents)) return "Invalid set delimiter tag at " + std::to_string(start);
        brace = m_begin == "{{" && m_end == "}}";
        tag.kind = Kind::ignored;
      } else {
        read_tag(triple, contents, tag);
      }
      pos = end + close.size();
      Node& added = open.back()->children.emplace_back(std::move(tag));
      if (added.kind == Kind::section || added.kind == Kind::inverted) {
        open.push_back(&added);
      } else if (added.kind == Kind::section_end) {
        if (open.size() == 1) return "Unopened section \"" + added.name.text + "\" at " + std::to_string(start);
        open.pop_back();
      }
    }
    flush_text();
    return check_sections(root);
  }

 private:
  // "{{=<% %>=}}": two delimiters without whitespace or '=', one space apart.
  bool set_delimiters(std::string_view contents) {
    if (contents.size() < 5 || contents.back() != '=') return false;
    std::string_view inner = trim(contents.substr(1, contents.size() - 2));
    std::size_t space = inner.find(' ');
    if (space == std::string_view::npos) return false;
    std::size_t next = inner.find_first_not_of(' ', space + 1);
    if (next == std::string_view::npos) return false;
    std::string_view begin = inner.substr(0, space), end = inner.substr(next);
    auto valid = [](std::string_view d) {
      return std::none_of(d.begin(), d.end(), [](char c) { return c == '=' || is_space(c); });
    };
    if (!valid(begin) || !valid(end)) return false;
    m_begin = begin;
    m_end = end;
    return true;
  }

  static void read_tag(bool triple, std::string_view contents, Node& tag) {
    if (triple || contents.empty()) {
      tag.kind = triple ? Kind::unescaped : Kind::variable;
      tag.name = make_name(std::string(contents));
      return;
    }
    switch (contents[0]) {
      case '#':
        tag.kind = Kind::section;
        break;
      case '^':
        tag.kind = Kind::inverted;
        break;
      case '/':
        tag.kind = Kind::section_end;
        break;
      case '&':
        tag.kind = Kind::unescaped;
        break;
      case '>':  // partials are expanded before parsing: one left here shows nothing
      case '!':
        tag.kind = Kind::ignored;
        break;
      default:
        tag.kind = Kind::variable;
        tag.name = make_name(std::string(contents));
        return;
    }
    tag.name = make_name(std::string(trim(contents.substr(1))));
  }

  // Each section must end with its own closing tag, checked in document
  // order; the closing tags are then dropped.
  static std::string check_sections(Node& node) {
    for (Node& child : node.children) {
      if (child.kind != Kind::section && child.kind != Kind::inverted) continue;
      if (child.children.empty() || child.children.back().kind != Kind::section_end ||
          child.children.back().name.text != child.name.text)
        return "Unclosed section \"" + child.name.text + "\" at " + std::to_string(child.position);
      child.children.pop_back();
      if (std::string error = check_sections(child); !error.empty()) return error;
    }
    return {};
  }

  std::string_view m_in;
  std::string m_begin = "{{", m_end = "}}";
};

// Drops what renders nothing and joins the text between newlines into one
// node: only newlines end a line.
void simplify(std::vector<Node>& nodes) {
  std::vector<Node> out;
  for (Node& n : nodes) {
    if (n.kind == Kind::ignored) continue;
    simplify(n.children);
    if (n.kind == Kind::text && !out.empty() && out.back().kind == Kind::text)
      out.back().text += n.text;
    else
      out.push_back(std::move(n));
  }
  nodes = std::move(out);
}

// ---- Rendering ------------------------------------------------------------

// kainjow keeps the current line in a buffer and drops it, newline included,
// when a section tag was on it and it holds only spaces and tabs: a
// "standalone" section line. Here the line is written in place and cut back.
class Renderer {
 public:
  Renderer(const std::vector<const Value*>& layers, Template::Escape escape, std::string& out)
      : m_stack(layers), m_escape(escape), m_out(out), m_line_start(out.size()) {}

  void render(const std::vector<Node>& nodes) {
    for (const Node& n : nodes) {
      switch (n.kind) {
        case Kind::text:
          m_out += n.text;
          break;
        case Kind::newline:
          end_line(&n.text);
          break;
        case Kind::variable:
        case Kind::unescaped:
          if (const Value* v = lookup(n.name); v && v->is_string()) {
            if (n.kind == Kind::variable)
              m_escape(v->string_value(), m_out);
            else
              m_out += v->string_value();
          }
          break;
        case Kind::section:
          if (const Value* v = lookup(n.name); v && !v->is_false() && !v->is_empty_list()) section(n, v);
          break;
        case Kind::inverted:
          // kainjow pushes the false or the empty list: {{.}} inside shows nothing
          if (const Value* v = lookup(n.name); !v || v->is_false() || v->is_empty_list()) section(n, v);
          break;
        case Kind::section_end:
        case Kind::ignored:
          break;
      }
    }
  }

  void finish() { end_line(nullptr); }

 private:
  // kainjow's context: the innermost layer first; a dotted name must resolve
  // whole within one layer, else the next layer out is tried.
  const Value* lookup(const Name& name) const {
    if (name.current) return m_stack.back();
    for (auto layer = m_stack.rbegin(); layer != m_stack.rend(); ++layer) {
      const Value* v = *layer;
      for (const auto& [part, hash] : name.parts)
        if (!(v = v->find(part, hash))) break;
      if (v) return v;
    }
    return nullptr;
  }

  void section(const Node& n, const Value* v) {
    if (v && v->type() == Value::Type::list && !v->is_empty_list()) {
      for (const Value& item : v->list_value()) in_section(n, &item);
    } else {
      in_section(n, v);
    }
  }

  void in_section(const Node& n, const Value* v) {
    m_section_line = true;  // the opening tag
    if (v) m_stack.push_back(v);
    render(n.children);
    if (v) m_stack.pop_back();
    m_section_line = true;  // the closing tag
  }

  void end_line(const std::string* newline) {
    auto blank = [&] {
      return std::all_of(m_out.begin() + static_cast<std::ptrdiff_t>(m_line_start), m_out.end(),
                         [](char c) { return c == ' ' || c == '\t'; });
    };
    if (m_section_line && blank())
      m_out.resize(m_line_start);
    else if (newline)
      m_out += *newline;
    m_line_start = m_out.size();
    m_section_line = false;
  }

  std::vector<const Value*> m_stack;
  Template::Escape m_escape;
  std::string& m_out;
  std::size_t m_line_start;
  bool m_section_line = false;
};

}  // namespace

Template::Template(std::string_view source, Escape escape) : m_root(std::make_unique<Node>()), m_escape(escape) {
  m_error = Parser(source).parse(*m_root);
  if (m_error.empty())
    simplify(m_root->children);
  else
    m_root->children.clear();
}

Template::~Template() = default;
Template::Template(Template&&) noexcept = default;
Template& Template::operator=(Template&&) noexcept = default;

void Template::render(const std::vector<const Value*>& layers, std::string& out) const {
  if (layers.empty()) return;
  Renderer r(layers, m_escape, out);
  r.render(m_root->children);
  r.finish();
}

}  // namespace mb::theme
