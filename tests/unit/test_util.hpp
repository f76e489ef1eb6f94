// Helpers shared by unit tests.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <functional>
#include <memory>
#include <string>

#include "core/diagnostic.hpp"
#include "core/source_file.hpp"

namespace mb::test {

inline std::shared_ptr<const SourceFile> source(std::string path, std::string text) {
  return std::make_shared<const SourceFile>(std::move(path), std::move(text));
}

// Every diagnostic formatted as the CLI prints it, concatenated.
inline std::string all_text(const Diagnostics& diags) {
  std::string out;
  for (const Diagnostic& d : diags.all()) out += format_diagnostic(d);
  return out;
}

// What `run` returns, run as an unprivileged user: root reads any folder, so
// as root (as in CI) it runs in a child process that has given up root. A
// child that fails says so in the text returned.
inline std::string unprivileged(const std::function<std::string()>& run) {
  if (::geteuid() != 0) return run();
  int out[2];
  if (::pipe(out) != 0) return "pipe failed";
  const pid_t child = ::fork();
  if (child < 0) return "fork failed";
  if (child == 0) {
    ::close(out[0]);
    if (::setgid(65534) != 0 || ::setuid(65534) != 0) ::_exit(2);
    const std::string text = run();
    const ssize_t written = ::write(out[1], text.data(), text.size());
    ::_exit(written == static_cast<ssize_t>(text.size()) ? 0 : 3);
  }
  ::close(out[1]);
  std::string text;
  char buf[4096];
  for (ssize_t n; (n = ::read(out[0], buf, sizeof buf)) > 0;) text.append(buf, static_cast<std::size_t>(n));
  ::close(out[0]);
  int status = 0;
  ::waitpid(child, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) text += "[child failed: status " + std::to_string(status) + "]";
  return text;
}

}  // namespace mb::test
