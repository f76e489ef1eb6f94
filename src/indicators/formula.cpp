#include "indicators/formula.hpp"

#include <algorithm>
#include <cstdlib>

namespace mb::indicators {

struct Formula::Node {
  char op = 0;  // '+', '-', '*', '/', or 0 for a leaf
  std::string id;  // leaf: an indicator id, or empty for a number
  double number = 0;
  std::shared_ptr<const Node> left, right;
};

namespace {

// Recursive descent: expr := term (('+'|'-') term)*; term := factor (('*'|'/') factor)*;
// factor := number | id | '(' expr ')'.
class Parser {
 public:
  explicit Parser(const std::string& text) : m_text(text) {}

  std::shared_ptr<const Formula::Node> run(std::string& error, std::size_t& at, std::vector<std::string>& inputs) {
    auto node = expr();
    skip();
    if (!m_error.empty() || m_pos != m_text.size()) {
      error = m_error.empty() ? "unexpected '" + std::string(1, m_text[m_pos]) + "'" : m_error;
      at = m_error.empty() ? m_pos : m_error_at;
      return nullptr;
    }
    inputs = m_inputs;
    return node;
  }

 private:
  using Ptr = std::shared_ptr<const Formula::Node>;

  void skip() {
    while (m_pos < m_text.size() && m_text[m_pos] == ' ') ++m_pos;
  }
  void fail(const std::string& message) {
    if (m_error.empty()) m_error = message, m_error_at = m_pos;
  }
  Ptr binary(char op, Ptr left, Ptr right) {
    auto n = std::make_shared<Formula::Node>();
    n->op = op;
    n->left = std::move(left);
    n->right = std::move(right);
    return n;
  }
  Ptr expr() {
    Ptr left = term();
    for (skip(); m_pos < m_text.size() && (m_text[m_pos] == '+' || m_text[m_pos] == '-'); skip()) {
      char op = m_text[m_pos++];
      left = binary(op, left, term());
    }
    return left;
  }
  Ptr term() {
    Ptr left = factor();
    for (skip(); m_pos < m_text.size() && (m_text[m_pos] == '*' || m_text[m_pos] == '/'); skip()) {
      char op = m_text[m_pos++];
      left = binary(op, left, factor());
    }
    return left;
  }
  Ptr factor() {
    skip();
    auto leaf = std::make_shared<Formula::Node>();
    if (m_pos >= m_text.size()) {
      fail("the formula ends where a value was expected");
      return leaf;
    }
    char c = m_text[m_pos];
    if (c == '(') {
      ++m_pos;
      Ptr inner = expr();
      skip();
      if (m_pos >= m_text.size() || m_text[m_pos] != ')') fail("missing ')'");
      else ++m_pos;
      return inner;
    }
    if ((c >= '0' && c <= '9') || c == '.') {
      char* end = nullptr;
      leaf->number = std::strtod(m_text.c_str() + m_pos, &end);
      m_pos = static_cast<std::size_t>(end - m_text.c_str());
      return leaf;
    }
    if (c >= 'a' && c <= 'z') {
      std::size_t start = m_pos;
      while (m_pos < m_text.size() && ((m_text[m_pos] >= 'a' && m_text[m_pos] <= 'z') ||
                                       (m_text[m_pos] >= '0' && m_text[m_pos] <= '9') || m_text[m_pos] == '_'))
        ++m_pos;
      leaf->id = m_text.substr(start, m_pos - start);
      if (std::find(m_inputs.begin(), m_inputs.end(), leaf->id) == m_inputs.end()) m_inputs.push_back(leaf->id);
      return leaf;
    }
    fail("unexpected '" + std::string(1, c) + "'");
    return leaf;
  }

  const std::string& m_text;
  std::size_t m_pos = 0;
  std::string m_error;
  std::size_t m_error_at = 0;
  std::vector<std::string> m_inputs;
};

std::optional<double> eval(const Formula::Node& n, const std::function<std::optional<double>(const std::string&)>& lookup) {
  if (!n.op) return n.id.empty() ? std::optional<double>(n.number) : lookup(n.id);
  auto a = eval(*n.left, lookup);
  auto b = eval(*n.right, lookup);
  if (!a || !b) return std::nullopt;
  switch (n.op) {
    case '+': return *a + *b;
    case '-': return *a - *b;
    case '*': return *a * *b;
    case '/': return *b == 0 ? std::nullopt : std::optional<double>(*a / *b);
  }
  return std::nullopt;
}

}  // namespace

std::optional<Formula> Formula::parse(const std::string& text, std::string* error, std::size_t* error_at) {
  Parser parser(text);
  Formula f;
  std::string message;
  std::size_t at = 0;
  f.m_root = parser.run(message, at, f.m_inputs);
  if (!f.m_root) {
    if (error) *error = message;
    if (error_at) *error_at = at;
    return std::nullopt;
  }
  return f;
}

std::optional<double> Formula::evaluate(const std::function<std::optional<double>(const std::string&)>& lookup) const {
  return eval(*m_root, lookup);
}

}  // namespace mb::indicators
