#include "core/diagnostic.hpp"

#include <algorithm>
#include <tuple>

namespace mb {

void Diagnostics::add(Diagnostic d) {
  if (d.severity == Severity::error)
    ++m_errors;
  else
    ++m_warnings;
  m_list.push_back(std::move(d));
}

void Diagnostics::error(std::string path, std::string message, std::string hint) {
  add({Severity::error, std::move(path), 1, 1, std::move(message), {}, 1, std::move(hint), {}});
}

void Diagnostics::warning(std::string path, std::string message, std::string hint) {
  add({Severity::warning, std::move(path), 0, 0, std::move(message), {}, 1, std::move(hint), {}});
}

void Diagnostics::append(const Diagnostics& other) {
  for (const Diagnostic& d : other.all()) add(d);
}

static std::string caret_line(const std::string& source, int column, int span) {
  // Keep tabs as tabs so the caret lines up under the same character in a terminal.
  std::string out;
  int col = 1;
  for (std::size_t i = 0; i < source.size() && col < column;) {
    unsigned char c = static_cast<unsigned char>(source[i]);
    std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    out += c == '\t' ? '\t' : ' ';
    i += len;
    ++col;
  }
  out += '^';
  for (int i = 1; i < span; ++i) out += '~';
  return out;
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string out;
  if (!d.path.empty()) {
    out += d.path;
    if (d.line > 0) {
      out += ':' + std::to_string(d.line);
      out += ':' + std::to_string(d.column > 0 ? d.column : 1);
    }
    out += ": ";
  }
  out += d.severity == Severity::error ? "error: " : "warning: ";
  out += d.message;
  out += '\n';
  if (d.line > 0 && !d.source_line.empty()) {
    std::string number = std::to_string(d.line);
    std::string pad(number.size(), ' ');
    out += "  " + number + " | " + d.source_line + '\n';
    out += "  " + pad + " | " + caret_line(d.source_line, d.column, d.span) + '\n';
  }
  for (const std::string& note : d.notes) out += "  note: " + note + '\n';
  if (!d.hint.empty()) out += "  hint: " + d.hint + '\n';
  return out;
}

void sort_diagnostics(std::vector<Diagnostic>& list) {
  std::stable_sort(list.begin(), list.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.path, a.line, a.column) < std::tie(b.path, b.line, b.column);
  });
}

}  // namespace mb
