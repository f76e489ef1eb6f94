#include "yaml/node.hpp"

#include <yaml.h>

#include <set>

namespace mb::yaml {

Node::Node() = default;
Node::Node(const Node&) = default;
Node::Node(Node&&) noexcept = default;
Node& Node::operator=(const Node&) = default;
Node& Node::operator=(Node&&) noexcept = default;
Node::~Node() = default;

const Node* Node::find(std::string_view key) const {
  for (const auto& [k, v] : entries)
    if (k.value == key) return &v;
  return nullptr;
}

const char* Node::kind_name() const {
  switch (kind) {
    case Kind::null:
      return "nothing";
    case Kind::scalar:
      return "a single value";
    case Kind::sequence:
      return "a list";
    case Kind::map:
      return "a map";
  }
  return "?";
}

namespace {

constexpr std::size_t kMaxDepth = 64;

// libyaml's marks count characters from the start of its input; nodes keep
// byte offsets into the file. Marks come mostly in order, so a cursor walks
// forward from the last one.
class Offsets {
 public:
  Offsets(std::string_view text, std::size_t base) : m_text(text), m_base(base) {}

  std::size_t at(const yaml_mark_t& mark) {
    if (mark.index < m_chars) m_chars = m_bytes = 0;
    while (m_chars < mark.index && m_bytes < m_text.size()) {
      ++m_bytes;
      while (m_bytes < m_text.size() && (static_cast<unsigned char>(m_text[m_bytes]) & 0xC0) == 0x80) ++m_bytes;
      ++m_chars;
    }
    return m_base + m_bytes;
  }

 private:
  std::string_view m_text;
  std::size_t m_base;
  std::size_t m_chars = 0, m_bytes = 0;
};

// Builds Nodes from parser events. Keys alternate with values inside a map:
// a map frame stores a pending key until its value arrives.
class TreeBuilder {
 public:
  TreeBuilder(const SourceFile& file, Diagnostics& diags) : m_file(file), m_diags(diags) {}

  Node take_root() { return std::move(m_root); }
  bool ok() const { return m_ok; }

  // One event, its marks already turned into the byte offset `at`.
  void on(const yaml_event_t& e, std::size_t at) {
    switch (e.type) {
      case YAML_ALIAS_EVENT:
        error(at, "YAML aliases (*name) are not allowed in Minh Bạch files",
              "write the value out in full; aliases make content hard to review and can expand without bound");
        push(node(Node::Kind::null, at));
        break;
      case YAML_SCALAR_EVENT:
        scalar(e, at);
        break;
      case YAML_SEQUENCE_START_EVENT:
        check_anchor(e.data.sequence_start.anchor, at);
        open(Node::Kind::sequence, at);
        break;
      case YAML_MAPPING_START_EVENT:
        check_anchor(e.data.mapping_start.anchor, at);
        open(Node::Kind::map, at);
        break;
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT:
        close();
        break;
      default:
        break;
    }
  }

 private:
  struct Frame {
    Node node;
    bool has_key = false;
    Node key;
    std::set<std::string> seen;
  };

  static Node node(Node::Kind kind, std::size_t at) {
    Node n;
    n.kind = kind;
    n.offset = at;
    return n;
  }

  void scalar(const yaml_event_t& e, std::size_t at) {
    const auto& s = e.data.scalar;
    check_anchor(s.anchor, at);
    std::string_view value(reinterpret_cast<const char*>(s.value), s.length);
    const bool plain = s.style == YAML_PLAIN_SCALAR_STYLE;
    // A plain ~, null or nothing without a tag is YAML's null (yaml-cpp made these null events).
    if (plain && !s.tag && (value.empty() || value == "~" || value == "null" || value == "Null" || value == "NULL")) {
      push(node(Node::Kind::null, at));
      return;
    }
    Node n = node(Node::Kind::scalar, at);
    n.value = value;
    n.quoted = !plain;  // quoted and block scalars are always strings
    // Point at the text, not its opening quote, so carets and formula offsets line up.
    if (s.style == YAML_SINGLE_QUOTED_SCALAR_STYLE || s.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE) ++n.offset;
    push(std::move(n));
  }

  void error(std::size_t at, std::string message, std::string hint) {
    m_diags.add(m_file.at(Severity::error, at, 1, std::move(message), std::move(hint)));
    m_ok = false;
  }

  void check_anchor(const yaml_char_t* anchor, std::size_t at) {
    if (anchor)
      error(at, "YAML anchors (&name) are not allowed in Minh Bạch files",
            "write the value out in full where it is needed");
  }

  void open(Node::Kind kind, std::size_t at) {
    if (m_stack.size() >= kMaxDepth && m_too_deep++ == 0)
      error(at, "YAML nesting is deeper than 64 levels",
            "content and data files need a few levels at most: flatten the values");
    m_stack.emplace_back();  // past the limit too: keeps the event structure balanced
    m_stack.back().node = node(kind, at);
  }

  void close() {
    Node n = std::move(m_stack.back().node);
    m_stack.pop_back();
    if (m_stack.size() >= kMaxDepth) return;  // too deep: dropped, already reported
    push(std::move(n));
  }

  void push(Node n) {
    if (m_stack.empty()) {
      m_root = std::move(n);
      return;
    }
    Frame& f = m_stack.back();
    if (f.node.kind == Node::Kind::sequence) {
      f.node.items.push_back(std::move(n));
    } else if (!f.has_key) {
      if (!n.is_scalar()) {
        m_diags.add(m_file.at(Severity::error, n.offset, 1,
                              "a key must be a plain name, not " + std::string(n.kind_name()),
                              "write the key as a word followed by ':', e.g. title:"));
        m_ok = false;
      } else if (!f.seen.insert(n.value).second) {
        m_diags.add(m_file.at(Severity::error, n.offset, n.value.size(), "duplicate key '" + n.value + "'",
                              "each key may appear once; remove or merge the repeated one"));
        m_ok = false;
      }
      f.key = std::move(n);
      f.has_key = true;
    } else {
      f.node.entries.emplace_back(std::move(f.key), std::move(n));
      f.has_key = false;
    }
  }

  const SourceFile& m_file;
  Diagnostics& m_diags;
  std::vector<Frame> m_stack;
  Node m_root;
  bool m_ok = true;
  int m_too_deep = 0;
};

// libyaml's messages are terse; the hint says what an editor can do about the common ones.
std::string hint_for_parser_error(const std::string& msg) {
  if (msg.find("mapping values are not allowed") != std::string::npos)
    return "a value that contains ': ' must be quoted, e.g. title: \"Báo cáo: 6 tháng\"";
  if (msg.find("expected ','") != std::string::npos || msg.find("expected key") != std::string::npos ||
      msg.find("expected '-'") != std::string::npos)
    return "check the indentation and the closing bracket of this block";
  return "check the indentation and quote values that contain ':' or start with a special character";
}

// The offset of a tab in the indentation of a line before `limit`, or npos.
std::size_t indentation_tab(std::string_view text, std::size_t limit) {
  std::size_t line_end = text.find('\n', limit);
  limit = line_end == std::string::npos ? text.size() : line_end;
  for (std::size_t i = 0; i < limit; ++i) {
    if (i != 0 && text[i - 1] != '\n') continue;
    std::size_t j = i;
    while (j < limit && text[j] == ' ') ++j;
    if (j < limit && text[j] == '\t') return j;
  }
  return std::string::npos;
}

// libyaml's parser, freed on every path.
struct Parser {
  yaml_parser_t p;
  Parser(std::string_view text) {
    yaml_parser_initialize(&p);
    yaml_parser_set_input_string(&p, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
  }
  ~Parser() { yaml_parser_delete(&p); }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;
};

// A syntax error, reported where libyaml found it, with what it was reading.
void report_parser_error(const SourceFile& file, std::size_t begin, std::string_view text, const yaml_parser_t& p,
                         Offsets& offsets, Diagnostics& diags) {
  const std::string context = p.context ? p.context : "";
  // A quote that runs to the end of the input: the quote is the cause.
  if (context.find("quoted scalar") != std::string::npos && p.problem &&
      std::string_view(p.problem).find("end of stream") != std::string_view::npos) {
    std::size_t at = offsets.at(p.context_mark);
    const std::string q(1, at < file.text().size() ? file.text()[at] : '"');
    diags.add(file.at(
        Severity::error, at, 1, "this " + std::string(q == "'" ? "single" : "double") + " quote is never closed",
        "end the value with a closing " + q + "; until then every line after it is read as part of this value"));
    return;
  }
  // A flow list or map left open: libyaml stumbles on the next line, but
  // the cause is the bracket that has no partner on its own line.
  if (context.find("flow sequence") != std::string::npos || context.find("flow mapping") != std::string::npos) {
    std::size_t open = offsets.at(p.context_mark);
    const std::string& all = file.text();
    const char bracket = open < all.size() ? all[open] : ' ';
    const char closing = bracket == '[' ? ']' : '}';
    std::size_t line_end = all.find('\n', open);
    if ((bracket == '[' || bracket == '{') &&
        all.find(closing, open) >= (line_end == std::string::npos ? all.size() : line_end)) {
      diags.add(file.at(Severity::error, open, 1, std::string("invalid YAML: this '") + bracket + "' is never closed",
                        std::string("end the ") + (bracket == '[' ? "list" : "map") + " with '" + closing +
                            "' on the same line, and separate its items with ','"));
      return;
    }
  }
  std::size_t at = offsets.at(p.problem_mark);
  // A tab in indentation hides behind other messages: name the tab.
  if (std::size_t tab = indentation_tab(text, at - begin); tab != std::string::npos) {
    diags.add(file.at(Severity::error, begin + tab, 1, "tab used for indentation",
                      "indent with spaces; YAML does not allow tabs for indentation"));
    return;
  }
  std::string message = p.problem ? p.problem : "cannot be read";
  if (!context.empty()) message += " " + context;
  diags.add(file.at(Severity::error, at, 1, "invalid YAML: " + message, hint_for_parser_error(message)));
}

}  // namespace

bool parse(const SourceFile& file, std::size_t begin, std::size_t end, Node& out, Diagnostics& diags) {
  std::string_view text = std::string_view(file.text()).substr(begin, end - begin);
  out = Node{};
  out.kind = Node::Kind::map;
  out.offset = begin;
  Parser parser(text);
  Offsets offsets(text, begin);
  TreeBuilder builder(file, diags);
  int documents = 0;
  for (bool done = false; !done;) {
    yaml_event_t event;
    if (!yaml_parser_parse(&parser.p, &event)) {
      report_parser_error(file, begin, text, parser.p, offsets, diags);
      return false;
    }
    std::size_t at = offsets.at(event.start_mark);
    if (event.type == YAML_DOCUMENT_START_EVENT && ++documents > 1) {
      yaml_event_delete(&event);
      diags.add(file.at(Severity::error, at, 3, "a second YAML document starts here",
                        "a file holds one document: remove this '---' line, or the '...' line before it"));
      return false;
    }
    done = event.type == YAML_STREAM_END_EVENT;
    builder.on(event, at);
    yaml_event_delete(&event);
  }
  Node root = builder.take_root();
  if (root.kind == Node::Kind::map) {
    out = std::move(root);
  } else if (!root.is_null()) {
    diags.add(file.at(Severity::error, root.offset, 1,
                      "expected key: value pairs, found " + std::string(root.kind_name()),
                      "write one 'key: value' per line between the '---' lines, e.g. title: Báo cáo năm 2024"));
    return false;
  }
  return builder.ok();
}

}  // namespace mb::yaml
