#include "core/file_system.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace mb {

void report_unreadable(const std::string& dir, const std::vector<Unreadable>& folders, Diagnostics& diags) {
  for (const Unreadable& u : folders)
    diags.error(join_path(dir, u.path), "cannot read folder: " + u.error,
                "the files in it would be missing from the site; give the build read access to it "
                "(chmod -R a+rX), or move it out of " +
                    dir + "/");
}

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

namespace {

// The walk behind RealFileSystem::list_files: POSIX directory streams, each
// folder opened relative to its parent's descriptor and each entry typed by
// readdir() (a stat() only where the file system does not say), so a
// listing costs little more than the system calls that read the folders.
struct Walk {
  std::vector<std::string>& files;
  std::vector<std::string>* links;
  std::vector<Unreadable>* unreadable;

  void failed(const std::string& rel, int error) const {
    if (unreadable) unreadable->push_back({rel, std::strerror(error)});
  }

  // Lists the folder open as `fd` (and closes it); `rel` is its path below
  // the listing's root, "" for the root.
  void folder(int fd, const std::string& rel) const {
    DIR* stream = ::fdopendir(fd);
    if (!stream) {
      failed(rel, errno);
      ::close(fd);
      return;
    }
    for (;;) {
      errno = 0;
      const dirent* entry = ::readdir(stream);
      if (!entry) {
        if (errno != 0) failed(rel, errno);
        break;
      }
      const std::string_view name = entry->d_name;
      if (name == "." || name == "..") continue;
      std::string path = rel.empty() ? std::string(name) : rel + '/' + std::string(name);
      unsigned char type = entry->d_type;
      if (type == DT_UNKNOWN) {
        struct stat st;
        if (::fstatat(::dirfd(stream), entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
          failed(path, errno);
          continue;
        }
        type = S_ISLNK(st.st_mode) ? DT_LNK : S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG : DT_UNKNOWN;
      }
      if (type == DT_LNK) {
        if (links) links->push_back(std::move(path));
      } else if (type == DT_REG) {
        files.push_back(std::move(path));
      } else if (type == DT_DIR) {
        const int sub = ::openat(::dirfd(stream), entry->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (sub < 0)
          failed(path, errno);
        else
          folder(sub, path);
      }
    }
    ::closedir(stream);
  }
};

}  // namespace

std::vector<std::string> RealFileSystem::list_files(const std::string& dir, std::vector<std::string>* links,
                                                    std::vector<Unreadable>* unreadable) const {
  std::vector<std::string> out;
  // A missing folder, or a file, lists nothing; one that exists but cannot
  // be opened is unreadable.
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    if (errno != ENOENT && errno != ENOTDIR && unreadable) unreadable->push_back({"", std::strerror(errno)});
    return out;
  }
  Walk{out, links, unreadable}.folder(fd, "");
  std::sort(out.begin(), out.end());
  if (links) std::sort(links->begin(), links->end());
  if (unreadable)
    std::sort(unreadable->begin(), unreadable->end(),
              [](const Unreadable& a, const Unreadable& b) { return a.path < b.path; });
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

std::vector<std::string> MemoryFileSystem::list_files(const std::string& dir, std::vector<std::string>*,
                                                      std::vector<Unreadable>*) const {
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
