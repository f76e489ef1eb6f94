// The file system behind an interface (ninja's DiskInterface), so the loading
// and rendering stages can be tested on an in-memory tree.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"

namespace mb {

// A folder a listing could not read: its path relative to the listed
// folder, and why (e.g. "Permission denied").
struct Unreadable {
  std::string path;
  std::string error;
  bool operator==(const Unreadable&) const = default;
};

class FileSystem {
 public:
  virtual ~FileSystem() = default;

  // The bytes of a file, or nullopt with *error set (e.g. "No such file or directory").
  std::optional<std::string> read(const std::string& path, std::string* error) const {
    std::uintmax_t size = 0;
    return read_at_most(path, UINTMAX_MAX, size, error);
  }

  // The same, but a file of more than `limit` bytes is not read: nullopt,
  // with *error empty and `size` set to the file's size (symbolic links
  // followed). A caller refuses a huge file without holding it in memory,
  // and without a system call of its own to ask the size first.
  virtual std::optional<std::string> read_at_most(const std::string& path, std::uintmax_t limit, std::uintmax_t& size,
                                                  std::string* error) const = 0;

  // Every regular file below dir, as paths relative to dir with '/' separators,
  // sorted bytewise. Entries that are neither files nor directories are skipped;
  // symbolic links are reported in *links (relative too) and not followed.
  // A folder below dir (or dir itself, as "") that cannot be read is reported
  // in *unreadable and the rest is still listed: a caller must not take a
  // listing with a folder missing for the whole tree.
  virtual std::vector<std::string> list_files(const std::string& dir, std::vector<std::string>* links = nullptr,
                                              std::vector<Unreadable>* unreadable = nullptr) const = 0;

  virtual bool is_directory(const std::string& path) const = 0;
  virtual bool is_file(const std::string& path) const = 0;
  virtual bool is_link(const std::string& path) const = 0;  // a symbolic link, whatever it points to
};

class RealFileSystem final : public FileSystem {
 public:
  std::optional<std::string> read_at_most(const std::string& path, std::uintmax_t limit, std::uintmax_t& size,
                                          std::string* error) const override;
  std::vector<std::string> list_files(const std::string& dir, std::vector<std::string>* links = nullptr,
                                      std::vector<Unreadable>* unreadable = nullptr) const override;
  bool is_directory(const std::string& path) const override;
  bool is_file(const std::string& path) const override;
  bool is_link(const std::string& path) const override;
};

class MemoryFileSystem final : public FileSystem {
 public:
  void add(const std::string& path, std::string contents) { m_files[path] = std::move(contents); }

  std::optional<std::string> read_at_most(const std::string& path, std::uintmax_t limit, std::uintmax_t& size,
                                          std::string* error) const override;
  std::vector<std::string> list_files(const std::string& dir, std::vector<std::string>* links = nullptr,
                                      std::vector<Unreadable>* unreadable = nullptr) const override;
  bool is_directory(const std::string& path) const override;
  bool is_file(const std::string& path) const override;
  bool is_link(const std::string& path) const override;

 private:
  std::map<std::string, std::string> m_files;
};

// Reports each folder below `dir` (a path relative to the site root) that a
// listing could not read, as an error: the files in it would be missing from
// the site.
void report_unreadable(const std::string& dir, const std::vector<Unreadable>& folders, Diagnostics& diags);

// "a/b" + "c" → "a/b/c"; an empty side is dropped.
std::string join_path(const std::string& a, const std::string& b);

}  // namespace mb
