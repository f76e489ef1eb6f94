#include "server/watcher.hpp"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "core/file_system.hpp"

namespace mb::server {

namespace fs = std::filesystem;

constexpr uint32_t kMask = IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_MODIFY |
                           IN_DELETE_SELF | IN_ATTRIB;

Watcher::Watcher(const std::string& root, const std::vector<std::string>& paths) : m_root(root) {
  m_fd = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (m_fd < 0) return;
  for (const std::string& p : paths) add(p);
}

Watcher::~Watcher() {
  if (m_fd >= 0) ::close(m_fd);
}

void Watcher::add(const std::string& relative) {
  std::string full = join_path(m_root, relative);
  std::error_code ec;
  if (!fs::exists(full, ec)) return;
  int wd = ::inotify_add_watch(m_fd, full.c_str(), kMask);
  if (wd >= 0) m_dirs[wd] = relative;
  if (!fs::is_directory(full, ec)) return;
  for (const auto& entry : fs::directory_iterator(full, ec))
    if (entry.is_directory(ec) && !entry.is_symlink(ec) && entry.path().filename().string()[0] != '.')
      add(join_path(relative, entry.path().filename().string()));
}

void Watcher::read_events(std::vector<std::string>& changed) {
  alignas(inotify_event) char buf[16384];
  for (;;) {
    ssize_t n = ::read(m_fd, buf, sizeof buf);
    if (n <= 0) return;
    for (char* p = buf; p < buf + n;) {
      auto* e = reinterpret_cast<inotify_event*>(p);
      p += sizeof(inotify_event) + e->len;
      auto dir = m_dirs.find(e->wd);
      if (dir == m_dirs.end()) continue;
      std::string name = e->len ? std::string(e->name) : std::string();
      if (!name.empty() && (name[0] == '.' || name.back() == '~')) continue;  // editors' swap and backup files
      std::string path = name.empty() ? dir->second : join_path(dir->second, name);
      if ((e->mask & IN_ISDIR) && (e->mask & (IN_CREATE | IN_MOVED_TO))) add(path);
      changed.push_back(path);
    }
  }
}

Watcher::Changes Watcher::wait(std::chrono::milliseconds quiet, const std::atomic<bool>& stop,
                               std::chrono::milliseconds idle) {
  using Clock = std::chrono::steady_clock;
  Changes out;
  const Clock::time_point started = Clock::now();
  pollfd pfd{m_fd, POLLIN, 0};
  while (!stop) {
    int timeout = out.paths.empty() ? 200 : static_cast<int>(quiet.count());
    if (out.paths.empty() && idle != std::chrono::milliseconds::max()) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(started + idle - Clock::now()).count();
      if (left <= 0) break;
      timeout = static_cast<int>(std::min<long long>(timeout, left));
    }
    int r = ::poll(&pfd, 1, timeout);
    if (r > 0) {
      if (out.paths.empty()) out.first = Clock::now();
      read_events(out.paths);
    } else if (r == 0 && !out.paths.empty()) {
      break;  // quiet long enough after the last change
    }
  }
  std::sort(out.paths.begin(), out.paths.end());
  out.paths.erase(std::unique(out.paths.begin(), out.paths.end()), out.paths.end());
  return out;
}

}  // namespace mb::server
