#include "content/document_number.hpp"

namespace mb::content {

static bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

DocumentNumber parse_document_number(std::string_view text) {
  DocumentNumber d;
  d.number = std::string(text);
  std::size_t slash = text.find('/');
  std::size_t dash = text.find('-');
  if (slash == std::string_view::npos) return d;
  if (dash != std::string_view::npos && dash < slash) {
    // Party style: serial-TYPE/ISSUER
    if (!all_digits(text.substr(0, dash))) return d;
    d.serial = std::string(text.substr(0, dash));
    d.type = std::string(text.substr(dash + 1, slash - dash - 1));
    d.issuer = std::string(text.substr(slash + 1));
  } else {
    // State style: serial[/year]/TYPE-ISSUER
    if (!all_digits(text.substr(0, slash))) return d;
    d.serial = std::string(text.substr(0, slash));
    std::string_view rest = text.substr(slash + 1);
    std::size_t next = rest.find('/');
    if (next != std::string_view::npos && all_digits(rest.substr(0, next))) {
      d.year = std::stoi(std::string(rest.substr(0, next)));
      rest = rest.substr(next + 1);
    }
    std::size_t split = rest.find('-');
    if (split == std::string_view::npos) return d;
    d.type = std::string(rest.substr(0, split));
    d.issuer = std::string(rest.substr(split + 1));
  }
  d.parsed = !d.type.empty() && !d.issuer.empty();
  return d;
}

}  // namespace mb::content
