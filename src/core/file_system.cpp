#include "core/file_system.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace mb {

std::string join_path(const std::string& a, const std::string& b) {
  if (a.empty() || a == ".") return b;
  if (b.empty()) return a;
  return a.back() == '/' ? a + b : a + '/' + b;
}

std::optional<std::string> RealFileSystem::read_at_most(const std::string& path, std::uintmax_t limit,
                                                        std::uintmax_t& size, std::string* error) const {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (error) *error = std::strerror(errno);
    return std::nullopt;
  }
  auto too_large = [&](std::uintmax_t seen) -> std::optional<std::string> {
    ::close(fd);
    size = seen;
    if (error) error->clear();
    return std::nullopt;
  };
  // Read straight into the string, sized from fstat with a byte to spare so
  // that one read() usually both fills it and meets the end of the file; it
  // grows if the file did, but not past the limit. Only a regular file's
  // size counts: a folder's is not its contents, and read() refuses it.
  struct stat st;
  const bool regular = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  size = regular && st.st_size > 0 ? static_cast<std::uintmax_t>(st.st_size) : 0;
  if (size > limit) return too_large(size);
  std::string data(static_cast<std::size_t>(size) + 1, '\0');
  std::size_t used = 0;
  for (;;) {
    if (used == data.size()) {
      if (used > limit) return too_large(used);
      data.resize(data.size() * 2);
    }
    ssize_t n = ::read(fd, data.data() + used, data.size() - used);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (error) *error = std::strerror(errno);
      ::close(fd);
      return std::nullopt;
    }
    if (n == 0) break;
    used += static_cast<std::size_t>(n);
  }
  if (used > limit) return too_large(used);
  ::close(fd);
  data.resize(used);
  return data;
}

std::vector<std::string> RealFileSystem::list_files(const std::string& dir,
                                                    std::vector<std::string>* links) const {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  fs::recursive_directory_iterator it(dir, fs::directory_options::none, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const fs::directory_entry& entry = *it;
    // The iterator's paths are `dir` joined with the names below it: the
    // rest after `dir` and its slash is the relative path (path's
    // lexically_relative, which took most of the listing's time, only for
    // the unexpected). Lexically: fs::relative would follow a symlink and
    // name its target instead.
    const std::string& full = entry.path().native();
    std::string rel;
    if (full.size() > dir.size() && full.compare(0, dir.size(), dir) == 0 &&
        (dir.ends_with('/') || full[dir.size()] == '/'))
      rel = full.substr(dir.size() + (dir.ends_with('/') ? 0 : 1));
    else
      rel = entry.path().lexically_relative(dir).generic_string();
    if (entry.is_symlink(ec)) {
      if (links) links->push_back(rel);
      if (entry.is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (entry.is_regular_file(ec)) out.push_back(rel);
  }
  std::sort(out.begin(), out.end());
  if (links) std::sort(links->begin(), links->end());
  return out;
}

bool RealFileSystem::is_directory(const std::string& path) const {
  std::error_code ec;
  return std::filesystem::is_directory(path, ec);
}

bool RealFileSystem::is_file(const std::string& path) const {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec);
}

bool RealFileSystem::is_link(const std::string& path) const {
  struct stat st;
  return ::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode);
}

std::optional<std::string> MemoryFileSystem::read_at_most(const std::string& path, std::uintmax_t limit,
                                                          std::uintmax_t& size, std::string* error) const {
  auto it = m_files.find(path);
  if (it == m_files.end()) {
    if (error) *error = "No such file or directory";
    return std::nullopt;
  }
  size = it->second.size();
  if (size > limit) {
    if (error) error->clear();
    return std::nullopt;
  }
  return it->second;
}

std::vector<std::string> MemoryFileSystem::list_files(const std::string& dir,
                                                      std::vector<std::string>*) const {
  std::string prefix = dir.empty() || dir == "." ? "" : (dir.back() == '/' ? dir : dir + '/');
  std::vector<std::string> out;
  for (auto it = m_files.lower_bound(prefix); it != m_files.end(); ++it) {
    if (it->first.compare(0, prefix.size(), prefix) != 0) break;
    out.push_back(it->first.substr(prefix.size()));
  }
  return out;  // std::map keeps them sorted bytewise
}

bool MemoryFileSystem::is_directory(const std::string& path) const {
  std::string prefix = path.empty() || path == "." ? "" : path + '/';
  auto it = m_files.lower_bound(prefix);
  return it != m_files.end() && it->first.compare(0, prefix.size(), prefix) == 0;
}

bool MemoryFileSystem::is_file(const std::string& path) const {
  return m_files.count(path) > 0;
}

bool MemoryFileSystem::is_link(const std::string&) const { return false; }

}  // namespace mb
