// Formulas of derived indicators: "petitions_resolved / petitions_received * 100".
// Numbers, indicator ids, + - * / and parentheses; nothing else.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mb::indicators {

class Formula {
 public:
  // nullopt with *error (and *error_at, a byte offset into text) when malformed.
  static std::optional<Formula> parse(const std::string& text, std::string* error, std::size_t* error_at);

  // The ids it reads, in order of appearance, each once.
  const std::vector<std::string>& inputs() const { return m_inputs; }

  // nullopt when an input is missing or a division by zero occurs.
  std::optional<double> evaluate(const std::function<std::optional<double>(const std::string&)>& lookup) const;

  struct Node;

 private:
  std::shared_ptr<const Node> m_root;
  std::vector<std::string> m_inputs;
};

}  // namespace mb::indicators
