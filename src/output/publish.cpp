#include "output/publish.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <signal.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>

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
bool unchanged(const std::string& previous, const std::string& data) {
  struct stat st;
  if (::stat(previous.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || static_cast<std::size_t>(st.st_size) != data.size())
    return false;
  std::string old;
  return read_all(previous, old) && old == data;
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

// Every folder the files need, parents included, grouped by depth so each
// level can be made in parallel once the one above exists.
std::vector<std::vector<std::string>> folders_by_depth(const std::vector<OutputFile>& files) {
  std::set<std::string> dirs;
  for (const OutputFile& f : files)
    for (std::size_t slash = f.path.find('/'); slash != std::string::npos; slash = f.path.find('/', slash + 1))
      dirs.insert(f.path.substr(0, slash));
  std::vector<std::vector<std::string>> levels;
  for (const std::string& d : dirs) {
    std::size_t depth = static_cast<std::size_t>(std::count(d.begin(), d.end(), '/'));
    if (levels.size() <= depth) levels.resize(depth + 1);
    levels[depth].push_back(d);
  }
  return levels;
}

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

PublishResult publish(const std::vector<OutputFile>& files, const std::string& out_dir, WorkerPool& pool,
                      Retire retire) {
  PublishResult result;
  remove_leftovers(out_dir);
  const std::string staging = sibling(out_dir, kStaging);
  std::error_code ec;
  fs::create_directories(staging, ec);
  if (ec) {
    result.error = staging + ": " + ec.message();
    return result;
  }
  // On any failure the half-written staging folder goes; public/ was never touched.
  struct Cleanup {
    const std::string& dir;
    bool armed = true;
    ~Cleanup() {
      std::error_code ignored;
      if (armed) fs::remove_all(dir, ignored);
    }
  } cleanup{staging};
  for (const std::vector<std::string>& level : folders_by_depth(files)) {
    std::vector<std::string> errors(level.size());
    pool.parallel_for(level.size(), [&](std::size_t i, unsigned) {
      std::string dir = staging + "/" + level[i];
      if (::mkdir(dir.c_str(), 0755) != 0 && errno != EEXIST) errors[i] = dir + ": " + std::strerror(errno);
    });
    for (const std::string& e : errors)
      if (!e.empty()) {
        result.error = e;
        return result;
      }
  }
  // Each file is written by one worker; the first error in file order is reported.
  std::vector<std::string> errors(files.size());
  std::atomic<std::size_t> written{0}, unchanged_count{0};
  pool.parallel_for(files.size(), [&](std::size_t i, unsigned) {
    const OutputFile& f = files[i];
    std::string target = staging + "/" + f.path;
    std::string data;
    if (!f.copy_from.empty() && !read_all(f.copy_from, data)) {
      errors[i] = f.copy_from + ": cannot read: " + std::strerror(errno);
      return;
    }
    const std::string& bytes = f.copy_from.empty() ? f.data : data;
    std::string previous = out_dir + "/" + f.path;
    if (unchanged(previous, bytes) && ::link(previous.c_str(), target.c_str()) == 0) {
      ++unchanged_count;
      return;
    }
    if (write_all(target, bytes, errors[i])) ++written;
  });
  for (const std::string& e : errors)
    if (!e.empty()) {
      result.error = e;
      return result;
    }
  result.written = written;
  result.unchanged = unchanged_count;
  // Swap in one step: renameat2(RENAME_EXCHANGE) when public/ exists, so there
  // is no moment without a complete public/.
  if (fs::exists(out_dir)) {
    if (::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, out_dir.c_str(), RENAME_EXCHANGE) != 0) {
      result.error = out_dir + ": cannot replace: " + std::strerror(errno);
      return result;
    }
    const std::string retired = sibling(out_dir, kRetired);
    if (::rename(staging.c_str(), retired.c_str()) == 0) {
      if (retire == Retire::background)
        remove_in_background(retired);
      else
        fs::remove_all(retired, ec);
    }
  } else {
    fs::create_directories(fs::absolute(out_dir).parent_path(), ec);
    if (::rename(staging.c_str(), out_dir.c_str()) != 0) {
      result.error = out_dir + ": cannot create: " + std::strerror(errno);
      return result;
    }
  }
  cleanup.armed = false;
  result.ok = true;
  return result;
}

}  // namespace mb::output
