#include "yaml/node.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <set>
#include <sstream>

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
    case Kind::null: return "nothing";
    case Kind::scalar: return "a single value";
    case Kind::sequence: return "a list";
    case Kind::map: return "a map";
  }
  return "?";
}

namespace {

constexpr std::size_t kMaxDepth = 64;

// Builds Nodes from parser events. Keys alternate with values inside a map:
// a map frame stores a pending key until its value arrives.
class TreeBuilder final : public YAML::EventHandler {
 public:
  TreeBuilder(const SourceFile& file, std::size_t base, std::size_t end, Diagnostics& diags)
      : m_file(file), m_base(base), m_end(end), m_diags(diags) {}

  Node take_root() { return std::move(m_root); }
  bool ok() const { return m_ok; }
  bool unclosed_quote() const { return m_unclosed_quote; }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Node n;
    n.offset = offset(mark);
    check_anchor(anchor, mark);
    push(std::move(n));
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    error(mark, "YAML aliases (*name) are not allowed in Minh Bạch files",
          "write the value out in full; aliases make content hard to review and can expand without bound");
    Node n;
    n.offset = offset(mark);
    push(std::move(n));
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    check_anchor(anchor, mark);
    Node n;
    n.kind = Node::Kind::scalar;
    n.value = value;
    n.quoted = tag == "!";  // yaml-cpp tags non-plain (quoted, block) scalars "!"
    n.offset = offset(mark);
    // Point at the text, not its opening quote, so carets and formula offsets line up.
    const std::string& text = m_file.text();
    if (n.quoted && n.offset < text.size() && (text[n.offset] == '"' || text[n.offset] == '\'')) {
      if (!closed_quote(n.offset)) {
        m_unclosed_quote = true;
        std::string q(1, text[n.offset]);
        error(mark, "this " + std::string(q == "\"" ? "double" : "single") + " quote is never closed",
              "end the value with a closing " + q + "; until then every line after it is read as part of this value");
      }
      ++n.offset;
    }
    push(std::move(n));
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    check_anchor(anchor, mark);
    open(Node::Kind::sequence, mark);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    check_anchor(anchor, mark);
    open(Node::Kind::map, mark);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Frame {
    Node node;
    bool has_key = false;
    Node key;
    std::set<std::string> seen;
  };

  // yaml-cpp accepts a quoted scalar that runs into the end of its input:
  // `title: "Báo cáo` in front matter silently swallows every following key.
  bool closed_quote(std::size_t open) const {
    const std::string& text = m_file.text();
    const char q = text[open];
    for (std::size_t i = open + 1; i < m_end && i < text.size(); ++i) {
      if (q == '"' && text[i] == '\\') {
        ++i;
      } else if (text[i] == q) {
        if (q == '\'' && i + 1 < m_end && text[i + 1] == '\'') {
          ++i;  // '' is a single quote inside a single-quoted value
          continue;
        }
        return true;
      }
    }
    return false;
  }

  std::size_t offset(const YAML::Mark& mark) const {
    return m_base + static_cast<std::size_t>(mark.pos < 0 ? 0 : mark.pos);
  }

  void error(const YAML::Mark& mark, std::string message, std::string hint = {}) {
    std::size_t at = offset(mark);
    m_diags.add(m_file.at(Severity::error, at, 1, std::move(message), std::move(hint)));
    m_ok = false;
  }

  void check_anchor(YAML::anchor_t anchor, const YAML::Mark& mark) {
    if (anchor != YAML::NullAnchor)
      error(mark, "YAML anchors (&name) are not allowed in Minh Bạch files",
            "write the value out in full where it is needed");
  }

  void open(Node::Kind kind, const YAML::Mark& mark) {
    if (m_stack.size() >= kMaxDepth) {
      if (m_too_deep++ == 0) error(mark, "YAML nesting is deeper than 64 levels");
      m_stack.emplace_back();  // keep the event structure balanced
      m_stack.back().node.kind = kind;
      return;
    }
    Frame f;
    f.node.kind = kind;
    f.node.offset = offset(mark);
    m_stack.push_back(std::move(f));
  }

  void close() {
    Node n = std::move(m_stack.back().node);
    m_stack.pop_back();
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
        m_diags.add(m_file.at(Severity::error, n.offset, 1, "a key must be a plain name, not " +
                                                                std::string(n.kind_name())));
        m_ok = false;
      } else if (!f.seen.insert(n.value).second) {
        m_diags.add(m_file.at(Severity::error, n.offset, n.value.size(),
                              "duplicate key '" + n.value + "'",
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
  std::size_t m_base;
  std::size_t m_end;
  Diagnostics& m_diags;
  std::vector<Frame> m_stack;
  Node m_root;
  bool m_ok = true;
  bool m_unclosed_quote = false;
  int m_too_deep = 0;
};

// yaml-cpp's messages are terse; the hint says what an editor can do about the common ones.
std::string hint_for_parser_error(const std::string& msg) {
  if (msg.find("illegal map value") != std::string::npos)
    return "a value that contains ': ' must be quoted, e.g. title: \"Báo cáo: 6 tháng\"";
  if (msg.find("end of map") != std::string::npos || msg.find("end of sequence") != std::string::npos)
    return "check the indentation and the closing bracket of this block";
  if (msg.find("tab") != std::string::npos)
    return "indent with spaces; YAML does not allow tabs for indentation";
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

}  // namespace

bool parse(const SourceFile& file, std::size_t begin, std::size_t end, Node& out,
           Diagnostics& diags) {
  std::string_view text = std::string_view(file.text()).substr(begin, end - begin);
  out = Node{};
  out.kind = Node::Kind::map;
  out.offset = begin;
  std::istringstream in{std::string(text)};
  TreeBuilder builder(file, begin, end, diags);
  try {
    YAML::Parser parser(in);
    parser.HandleNextDocument(builder);
    if (parser.HandleNextDocument(builder)) {
      diags.add(file.at(Severity::error, begin, 1, "more than one YAML document in front matter"));
      return false;
    }
  } catch (const YAML::Exception& e) {
    // An unclosed quote swallowed the closing brackets after it: that error
    // is the cause, already reported at the quote.
    if (builder.unclosed_quote()) return false;
    std::size_t at = begin + static_cast<std::size_t>(e.mark.pos < 0 ? 0 : e.mark.pos);
    // yaml-cpp's message for a tab in indentation ("illegal map value") hides
    // the cause: name the tab. Tabs inside block scalars parse fine and never get here.
    if (std::size_t tab = indentation_tab(text, at - begin); tab != std::string::npos) {
      diags.add(file.at(Severity::error, begin + tab, 1, "tab used for indentation",
                        "indent with spaces; YAML does not allow tabs for indentation"));
      return false;
    }
    diags.add(file.at(Severity::error, at, 1, "invalid YAML: " + e.msg, hint_for_parser_error(e.msg)));
    return false;
  }
  Node root = builder.take_root();
  if (root.kind == Node::Kind::map) {
    out = std::move(root);
  } else if (!root.is_null()) {
    diags.add(file.at(Severity::error, root.offset, 1,
                      "expected key: value pairs, found " + std::string(root.kind_name())));
    return false;
  }
  return builder.ok();
}

}  // namespace mb::yaml
