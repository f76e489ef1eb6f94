// Watches folders (recursively) with inotify and reports, after a short quiet
// spell, which files changed: editors save several files at once, and one
// rebuild should follow, not five.
#pragma once

#include <atomic>
#include <chrono>
#include <map>
#include <string>
#include <vector>

namespace mb::server {

class Watcher {
 public:
  // `paths` are folders or files, relative to `root`; those that do not exist yet are skipped.
  Watcher(const std::string& root, const std::vector<std::string>& paths);
  ~Watcher();
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

  bool ok() const { return m_fd >= 0; }

  struct Changes {
    std::vector<std::string> paths;  // relative to the root, sorted; empty when none came
    std::chrono::steady_clock::time_point first;  // when the first of them was seen
  };

  // Blocks until something changed (then returns the changed paths once
  // `quiet` passed without another change), `stop` is set, or `idle` passed
  // without any change.
  Changes wait(std::chrono::milliseconds quiet, const std::atomic<bool>& stop,
               std::chrono::milliseconds idle = std::chrono::milliseconds::max());

 private:
  void add(const std::string& relative);
  void read_events(std::vector<std::string>& changed);

  std::string m_root;
  int m_fd = -1;
  std::map<int, std::string> m_dirs;  // watch descriptor → folder relative to the root
};

}  // namespace mb::server
