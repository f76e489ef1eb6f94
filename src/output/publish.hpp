// Writing the site: everything goes into a staging folder beside public/,
// which replaces public/ in one atomic rename only when every file was
// written. A failed or killed build leaves public/ as it was. Files whose
// bytes did not change are hard-linked from the previous output, keeping
// their timestamps, so rsync-based deploys move only what changed. The
// previous output can be deleted in the background, as a 10,000-file tree
// takes seconds to delete.
#pragma once

#include <atomic>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/output_file.hpp"
#include "core/worker_pool.hpp"

namespace mb::output {

struct PublishResult {
  bool ok = false;
  std::string error;  // environment error with the path, when !ok
  std::size_t written = 0;
  std::size_t unchanged = 0;
  std::vector<std::string> changed;  // Mirror: the paths written or removed, sorted
};

// What becomes of the previous output once the new one is in place.
enum class Retire {
  now,         // deleted before publish returns
  background,  // deleted by a detached process, off the build's critical path
};

// One new output, written file by file into a staging folder beside
// out_dir, then swapped in by commit(). add() may be called from several
// threads at once, as pages are rendered, so no page needs to stay in
// memory until the end. Destroyed without a successful commit(), it removes
// the staging folder and out_dir stays as it was.
class Publisher {
 public:
  explicit Publisher(std::string out_dir);
  ~Publisher();
  Publisher(const Publisher&) = delete;
  Publisher& operator=(const Publisher&) = delete;

  // Writes one file, or hard-links the previous output's copy when its bytes
  // are the same. False after any error (the first one is kept for commit()).
  bool add(const OutputFile& file);
  bool ok() const;
  PublishResult commit(Retire retire = Retire::now);

 private:
  bool make_parents(const std::string& path);
  void fail(const std::string& error);

  std::string m_out_dir;
  std::string m_staging;
  mutable std::mutex m_mutex;
  std::unordered_set<std::string> m_dirs;  // folders made in the staging folder
  std::string m_error;
  std::atomic<std::size_t> m_written{0};
  std::atomic<std::size_t> m_unchanged{0};
  bool m_committed = false;
  // Whether out_dir existed when this output began: a first build (or one
  // into a new folder) has nothing to compare with, and skips a failing
  // stat() per file.
  bool m_has_previous = false;
};

// Writes the files (on all of the pool's workers) and swaps them in.
PublishResult publish(const std::vector<OutputFile>& files, const std::string& out_dir, WorkerPool& pool,
                      Retire retire = Retire::now);

// The preview server's output, which nobody deploys: brought up to date in
// place rather than rebuilt beside it, so one edit costs the files it
// changed, not a copy of the site. A file is written only when its bytes
// changed, through a temporary file and a rename so a browser never reads
// half a page; files the site no longer has are removed. The first update
// also removes whatever else the folder held.
class Mirror {
 public:
  explicit Mirror(std::string dir) : m_dir(std::move(dir)) {}
  PublishResult update(const std::vector<OutputFile>& files, WorkerPool& pool);
  // Writes these files only, leaving every other one as it is (serve's quick path).
  PublishResult write(const std::vector<OutputFile>& files);

 private:
  // Brings one file up to date; false with `error` set when it cannot.
  bool put(const OutputFile& f, std::size_t& hash, bool& wrote, std::string& error) const;

  std::string m_dir;
  std::unordered_map<std::string, std::size_t> m_hashes;  // path → hash of the bytes it holds
  bool m_first = true;
};

// Removes staging and retired folders left beside out_dir by interrupted builds.
void remove_leftovers(const std::string& out_dir);

}  // namespace mb::output
