#include "output/publish.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string_view>

namespace mb::output {

namespace fs = std::filesystem;

namespace {

const char* kStaging = ".staging-";
const char* kRetired = ".retired-";

std::string sibling(const std::string& out_dir, const char* tag) {
  fs::path out = fs::absolute(out_dir).lexically_normal();
  if (!out.has_filename()) out = out.parent_path();
  return (out.parent_path() / ("." + out.filename().string() + tag + std::to_string(::getpid()))).string();
}

bool write_all(const std::string& path, const std::string& data, std::string& error) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    error = path + ": " + std::strerror(errno);
    return false;
  }
  std::size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      error = path + ": " + std::strerror(errno);
      ::close(fd);
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0) {
    error = path + ": " + std::strerror(errno);
    return false;
  }
  return true;
}

bool read_all(const std::string& path, std::string& out) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ::close(fd);
      return n == 0;
    }
    out.append(buf, static_cast<std::size_t>(n));
  }
}

// True when the previous output holds exactly `data` at `path`.
// True when the previous output holds exactly `data` at `previous`; `inode`
// is then the file that was compared.
bool unchanged(const std::string& previous, const std::string& data, ino_t& inode) {
  struct stat st;
  if (::stat(previous.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || static_cast<std::size_t>(st.st_size) != data.size())
    return false;
  inode = st.st_ino;
  std::string old;
  return read_all(previous, old) && old == data;
}

// Hard-links the previous output's copy to `target`, unless another build
// swapped the output folder since it was compared: then the link would be
// that build's file, and the caller writes the bytes instead.
bool link_unchanged(const std::string& previous, const std::string& target, ino_t compared) {
  if (::link(previous.c_str(), target.c_str()) != 0) return false;
  struct stat st;
  if (::stat(target.c_str(), &st) == 0 && st.st_ino == compared) return true;
  ::unlink(target.c_str());
  return false;
}

}  // namespace

void remove_leftovers(const std::string& out_dir) {
  fs::path out = fs::absolute(out_dir).lexically_normal();
  if (!out.has_filename()) out = out.parent_path();
  std::error_code ec;
  std::string prefix = "." + out.filename().string();
  for (const auto& entry : fs::directory_iterator(out.parent_path(), ec)) {
    std::string name = entry.path().filename().string();
    for (const std::string& tag : {prefix + kStaging, prefix + kRetired}) {
      if (name.rfind(tag, 0) != 0) continue;
      // A folder of another build still running (its pid is alive) is not a leftover.
      pid_t owner = static_cast<pid_t>(std::strtol(name.c_str() + tag.size(), nullptr, 10));
      bool alive = owner > 0 && owner != ::getpid() && (::kill(owner, 0) == 0 || errno == EPERM);
      if (!alive) fs::remove_all(entry.path(), ec);
    }
  }
}

namespace {

// Deletes the previous output without making the build wait for it: a
// detached `rm -rf` that outlives us. If it is killed, the folder is a
// leftover that the next build's remove_leftovers() clears.
void remove_in_background(const std::string& dir) {
  pid_t pid = 0;
  const char* argv[] = {"rm", "-rf", "--", dir.c_str(), nullptr};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  int spawned = ::posix_spawnp(&pid, "rm", &actions, nullptr, const_cast<char* const*>(argv), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  }
}

}  // namespace

Publisher::Publisher(std::string out_dir) : m_out_dir(std::move(out_dir)) {
  remove_leftovers(m_out_dir);
  m_staging = sibling(m_out_dir, kStaging);
  std::error_code ec;
  m_has_previous = fs::is_directory(m_out_dir, ec);
  fs::create_directories(m_staging, ec);
  if (ec) fail(m_staging + ": " + ec.message());
}

Publisher::~Publisher() {
  // Not committed: the half-written staging folder goes; the output was never touched.
  std::error_code ignored;
  if (!m_committed && !m_staging.empty()) fs::remove_all(m_staging, ignored);
}

void Publisher::fail(const std::string& error) {
  std::lock_guard lock(m_mutex);
  if (m_error.empty()) m_error = error;
}

bool Publisher::make_parents(const std::string& path) {
  // Folders are made once, parents first; a folder another worker is making
  // at the same moment is not an error (EEXIST). A folder is recorded after
  // its parents, so most files need one look-up: their own folder's.
  const std::size_t last = path.rfind('/');
  if (last == std::string::npos) return true;
  {
    std::lock_guard lock(m_mutex);
    if (m_dirs.count(path.substr(0, last))) return true;
  }
  for (std::size_t at = path.find('/'); at != std::string::npos; at = path.find('/', at + 1)) {
    std::string dir = path.substr(0, at);
    {
      std::lock_guard lock(m_mutex);
      if (m_dirs.count(dir)) continue;
    }
    std::string full = m_staging + "/" + dir;
    if (::mkdir(full.c_str(), 0755) != 0 && errno != EEXIST) {
      fail(full + ": " + std::strerror(errno));
      return false;
    }
    std::lock_guard lock(m_mutex);
    m_dirs.insert(dir);
  }
  return true;
}

bool Publisher::add(const OutputFile& f) {
  if (!ok() || !make_parents(f.path)) return false;
  std::string target = m_staging + "/" + f.path;
  std::string data;
  if (!f.copy_from.empty() && !read_all(f.copy_from, data)) {
    fail(f.copy_from + ": cannot read: " + std::strerror(errno));
    return false;
  }
  const std::string& bytes = f.copy_from.empty() ? f.data : data;
  if (m_has_previous) {
    std::string previous = m_out_dir + "/" + f.path;
    ino_t compared = 0;
    if (unchanged(previous, bytes, compared) && link_unchanged(previous, target, compared)) {
      ++m_unchanged;
      return true;
    }
  }
  std::string error;
  if (!write_all(target, bytes, error)) {
    fail(error);
    return false;
  }
  ++m_written;
  return true;
}

bool Publisher::ok() const {
  std::lock_guard lock(m_mutex);
  return m_error.empty();
}

PublishResult Publisher::commit(Retire retire) {
  PublishResult result;
  result.written = m_written;
  result.unchanged = m_unchanged;
  {
    std::lock_guard lock(m_mutex);
    result.error = m_error;
  }
  if (!result.error.empty()) return result;
  // Swap in one step: renameat2(RENAME_EXCHANGE) when the output exists, so
  // there is no moment without a complete output.
  std::error_code ec;
  if (fs::exists(m_out_dir)) {
    if (::renameat2(AT_FDCWD, m_staging.c_str(), AT_FDCWD, m_out_dir.c_str(), RENAME_EXCHANGE) != 0) {
      result.error = m_out_dir + ": cannot replace: " + std::strerror(errno);
      return result;
    }
    m_committed = true;
    const std::string retired = sibling(m_out_dir, kRetired);
    if (::rename(m_staging.c_str(), retired.c_str()) == 0) {
      if (retire == Retire::background)
        remove_in_background(retired);
      else
        fs::remove_all(retired, ec);
    }
  } else {
    fs::create_directories(fs::absolute(m_out_dir).parent_path(), ec);
    if (::rename(m_staging.c_str(), m_out_dir.c_str()) != 0) {
      // Another build created the folder between the check and the rename:
      // exchange with it, as when it existed, and retire what it wrote.
      bool raced = (errno == ENOTEMPTY || errno == EEXIST) &&
                   ::renameat2(AT_FDCWD, m_staging.c_str(), AT_FDCWD, m_out_dir.c_str(), RENAME_EXCHANGE) == 0;
      if (!raced) {
        result.error = m_out_dir + ": cannot create: " + std::strerror(errno);
        return result;
      }
      const std::string retired = sibling(m_out_dir, kRetired);
      if (::rename(m_staging.c_str(), retired.c_str()) == 0) fs::remove_all(retired, ec);
    }
    m_committed = true;
  }
  result.ok = true;
  return result;
}

PublishResult publish(const std::vector<OutputFile>& files, const std::string& out_dir, WorkerPool& pool,
                      Retire retire) {
  Publisher publisher(out_dir);
  if (publisher.ok()) pool.parallel_for(files.size(), [&](std::size_t i, unsigned) { publisher.add(files[i]); });
  return publisher.commit(retire);
}

namespace {

// mkdir -p for the folders above `path` (relative to `root`); EEXIST is fine,
// another worker may have made it.
bool make_parents_of(const std::string& root, const std::string& path, std::string& error) {
  for (std::size_t at = path.find('/'); at != std::string::npos; at = path.find('/', at + 1)) {
    std::string dir = root + "/" + path.substr(0, at);
    if (::mkdir(dir.c_str(), 0755) != 0 && errno != EEXIST) {
      error = dir + ": " + std::strerror(errno);
      return false;
    }
  }
  return true;
}

}  // namespace

bool Mirror::put(const OutputFile& f, std::size_t& hash, bool& wrote, std::string& error) const {
  std::string copied;
  if (!f.copy_from.empty() && !read_all(f.copy_from, copied)) {
    error = f.copy_from + ": cannot read: " + std::strerror(errno);
    return false;
  }
  const std::string& bytes = f.copy_from.empty() ? f.data : copied;
  // Hashes live in this process only, so std::hash (fast) is enough.
  hash = std::hash<std::string_view>()(bytes);
  auto old = m_hashes.find(f.path);  // read-only while workers run
  if (old != m_hashes.end() && old->second == hash) return true;
  const std::string target = m_dir + "/" + f.path;
  const std::string temporary = target + ".minhbach-tmp";
  if (!make_parents_of(m_dir, f.path, error) || !write_all(temporary, bytes, error)) return false;
  if (::rename(temporary.c_str(), target.c_str()) != 0) {
    error = target + ": " + std::strerror(errno);
    return false;
  }
  wrote = true;
  return true;
}

PublishResult Mirror::write(const std::vector<OutputFile>& files) {
  PublishResult result;
  for (const OutputFile& f : files) {
    std::size_t hash = 0;
    bool wrote = false;
    if (!put(f, hash, wrote, result.error)) {
      m_hashes.clear();  // unknown state: the next update rewrites everything
      m_first = true;
      return result;
    }
    m_hashes[f.path] = hash;
    if (wrote) result.changed.push_back(f.path);
  }
  std::sort(result.changed.begin(), result.changed.end());
  result.written = result.changed.size();
  result.unchanged = files.size() - result.written;
  result.ok = true;
  return result;
}

PublishResult Mirror::update(const std::vector<OutputFile>& files, WorkerPool& pool) {
  PublishResult result;
  std::error_code ec;
  fs::create_directories(m_dir, ec);
  if (ec) {
    result.error = m_dir + ": " + ec.message();
    return result;
  }
  std::vector<std::size_t> hashes(files.size());
  std::vector<std::string> errors(files.size());
  std::vector<char> wrote(files.size(), 0);
  pool.parallel_for(files.size(), [&](std::size_t i, unsigned) {
    bool w = false;
    put(files[i], hashes[i], w, errors[i]);
    wrote[i] = w;
  });
  for (const std::string& e : errors)
    if (!e.empty()) {
      result.error = e;
      m_hashes.clear();  // unknown state: the next update rewrites everything
      m_first = true;
      return result;
    }
  std::unordered_map<std::string, std::size_t> next;
  for (std::size_t i = 0; i < files.size(); ++i) next[files[i].path] = hashes[i];
  std::vector<std::string> gone;
  if (m_first) {
    for (auto it = fs::recursive_directory_iterator(m_dir, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec))
      if (!it->is_directory(ec)) {
        std::string rel = it->path().lexically_relative(m_dir).generic_string();
        if (!next.count(rel)) gone.push_back(rel);
      }
  } else {
    for (const auto& [path, hash] : m_hashes)
      if (!next.count(path)) gone.push_back(path);
  }
  for (std::size_t i = 0; i < files.size(); ++i)
    if (wrote[i]) result.changed.push_back(files[i].path);
  for (const std::string& rel : gone) {
    result.changed.push_back(rel);
    fs::path p = fs::path(m_dir) / rel;
    fs::remove(p, ec);
    // Folders left empty go too, up to the output folder itself.
    for (p = p.parent_path(); p != fs::path(m_dir) && fs::is_empty(p, ec) && !ec; p = p.parent_path())
      fs::remove(p, ec);
  }
  m_hashes = std::move(next);
  m_first = false;
  std::sort(result.changed.begin(), result.changed.end());
  result.written = result.changed.size() - gone.size();
  result.unchanged = files.size() - result.written;
  result.ok = true;
  return result;
}

}  // namespace mb::output
