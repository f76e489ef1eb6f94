// Diagnostics: what every user-caused failure becomes. Collected, never thrown,
// so one run reports every problem it can find (STYLE.md, "three kinds of failure").
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace mb {

enum class Severity { error, warning };

struct Diagnostic {
  Severity severity = Severity::error;
  std::string path;         // relative to the site root; empty when no file is at fault
  int line = 0;             // 1-based; 0 when unknown
  int column = 0;           // 1-based, in characters
  std::string message;
  std::string source_line;  // the offending line, for the caret
  int span = 1;             // caret width, in characters
  std::string hint;
  std::vector<std::string> notes;  // context frames, innermost first
};

class Diagnostics {
 public:
  void add(Diagnostic d);
  void error(std::string path, std::string message, std::string hint);
  void warning(std::string path, std::string message, std::string hint = {});
  void append(const Diagnostics& other);

  bool has_errors() const { return m_errors > 0; }
  std::size_t error_count() const { return m_errors; }
  std::size_t warning_count() const { return m_warnings; }
  const std::vector<Diagnostic>& all() const { return m_list; }
  bool empty() const { return m_list.empty(); }

 private:
  std::vector<Diagnostic> m_list;
  std::size_t m_errors = 0;
  std::size_t m_warnings = 0;
};

// `path:line:col: error: message`, then the source line with a caret, notes and hint.
std::string format_diagnostic(const Diagnostic& d);

// Orders diagnostics by path, line and column so output never depends on thread timing.
void sort_diagnostics(std::vector<Diagnostic>& list);

}  // namespace mb
