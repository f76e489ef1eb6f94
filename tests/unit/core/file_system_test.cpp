#include "core/file_system.hpp"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>
#include <tuple>

#include "test_util.hpp"

using namespace mb;
namespace fs = std::filesystem;

TEST_CASE("core: join_path") {
  CHECK(join_path("a/b", "c") == "a/b/c");
  CHECK(join_path("a/b/", "c") == "a/b/c");
  CHECK(join_path("", "c") == "c");
  CHECK(join_path(".", "c") == "c");
  CHECK(join_path("a", "") == "a");
}

TEST_CASE("core: MemoryFileSystem reads what was added and reports a missing file") {
  MemoryFileSystem mfs;
  mfs.add("site.yaml", "title: x\n");
  std::string error;
  auto text = mfs.read("site.yaml", &error);
  REQUIRE(text);
  CHECK(*text == "title: x\n");
  CHECK_FALSE(mfs.read("nope.yaml", &error));
  CHECK(error == "No such file or directory");
  CHECK_FALSE(mfs.read("nope.yaml", nullptr));
}

TEST_CASE("core: MemoryFileSystem lists files under a folder, relative and sorted") {
  MemoryFileSystem mfs;
  mfs.add("content/pages/b.vi.md", "");
  mfs.add("content/_index.vi.md", "");
  mfs.add("content-extra/x.md", "");
  mfs.add("data/fields.yaml", "");
  mfs.add("content/localities/a/_index.vi.md", "");
  CHECK(mfs.list_files("content", nullptr) ==
        std::vector<std::string>{"_index.vi.md", "localities/a/_index.vi.md", "pages/b.vi.md"});
  CHECK(mfs.list_files("content/", nullptr).size() == 3);
  CHECK(mfs.list_files("missing", nullptr).empty());
  CHECK(mfs.list_files(".", nullptr).size() == 5);
}

TEST_CASE("core: MemoryFileSystem tells folders from files") {
  MemoryFileSystem mfs;
  mfs.add("content/pages/b.vi.md", "");
  CHECK(mfs.is_directory("content"));
  CHECK(mfs.is_directory("content/pages"));
  CHECK_FALSE(mfs.is_directory("content/pag"));
  CHECK_FALSE(mfs.is_directory("content/pages/b.vi.md"));
  CHECK(mfs.is_file("content/pages/b.vi.md"));
  CHECK_FALSE(mfs.is_file("content/pages"));
}

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    std::string templ = (fs::temp_directory_path() / "mb-fs-test-XXXXXX").string();
    REQUIRE(::mkdtemp(templ.data()) != nullptr);
    path = templ;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  void write(const std::string& rel, const std::string& data) const {
    fs::create_directories((path / rel).parent_path());
    std::ofstream(path / rel, std::ios::binary) << data;
  }
};

}  // namespace

TEST_CASE("core: RealFileSystem reads bytes exactly and reports errors") {
  TempDir dir;
  std::string big(200000, 'x');
  big[100000] = '\0';
  dir.write("big.bin", big);
  RealFileSystem rfs;
  std::string error;
  auto data = rfs.read((dir.path / "big.bin").string(), &error);
  REQUIRE(data);
  CHECK(*data == big);
  dir.write("empty.txt", "");
  CHECK(rfs.read((dir.path / "empty.txt").string(), &error) == std::string());
  // A file whose size stat() does not tell is read to its end all the same.
  auto status = rfs.read("/proc/self/status", &error);
  REQUIRE(status);
  CHECK(status->starts_with("Name:"));
  CHECK(status->find("\nPid:") != std::string::npos);
  CHECK_FALSE(rfs.read((dir.path / "missing").string(), &error));
  CHECK(error == "No such file or directory");
}

TEST_CASE("core: RealFileSystem lists files recursively, sorted, with symlinks apart") {
  TempDir dir;
  dir.write("b.md", "b");
  dir.write("a/z.md", "z");
  dir.write("a/b/c.md", "c");
  dir.write("outside/secret.txt", "s");
  fs::create_directories(dir.path / "empty");
  fs::create_symlink(dir.path / "b.md", dir.path / "a/link.md");
  fs::create_directory_symlink(dir.path / "outside", dir.path / "a/dirlink");
  RealFileSystem rfs;
  std::vector<std::string> links;
  std::vector<std::string> files = rfs.list_files((dir.path / "a").string(), &links);
  CHECK(files == std::vector<std::string>{"b/c.md", "z.md"});
  CHECK(links.size() == 2);  // the symlinked folder is not entered
  CHECK(rfs.list_files((dir.path / "nothing").string(), nullptr).empty());
  CHECK(rfs.list_files(dir.path.string(), nullptr) ==
        std::vector<std::string>{"a/b/c.md", "a/z.md", "b.md", "outside/secret.txt"});
}

namespace {

std::string listing(const std::string& dir) {
  std::vector<Unreadable> unreadable;
  std::string text;
  for (const std::string& f : RealFileSystem().list_files(dir, nullptr, &unreadable)) text += f + "\n";
  for (const Unreadable& u : unreadable) text += "unreadable '" + u.path + "': " + u.error + "\n";
  return text;
}

}  // namespace

// A folder the build cannot read must not hide the folders after it, nor
// go unnoticed: its pages would vanish from the published site.
TEST_CASE("core: RealFileSystem lists around a folder it cannot read, and reports it") {
  TempDir dir;
  fs::permissions(dir.path, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                fs::perms::others_read | fs::perms::others_exec);
  dir.write("a/first.md", "1");
  dir.write("a/locked/hidden.md", "2");
  dir.write("a/z/after.md", "3");
  fs::permissions(dir.path / "a/locked", fs::perms::none);
  const std::string a = (dir.path / "a").string();
  const std::string locked = (dir.path / "a/locked").string();
  CHECK(test::unprivileged([&] { return listing(a); }) ==
        "first.md\n"
        "z/after.md\n"
        "unreadable 'locked': Permission denied\n");
  CHECK(test::unprivileged([&] { return listing(locked); }) == "unreadable '': Permission denied\n");
  fs::permissions(dir.path / "a/locked", fs::perms::owner_all);
}

// Paths are relative to the folder however it is written: with a trailing
// slash, as ".", or through "..".
TEST_CASE("core: RealFileSystem lists paths relative to the folder as given") {
  TempDir dir;
  dir.write("a/z.md", "z");
  dir.write("a/b/c.md", "c");
  RealFileSystem rfs;
  const std::vector<std::string> expected{"b/c.md", "z.md"};
  CHECK(rfs.list_files((dir.path / "a").string() + "/", nullptr) == expected);
  CHECK(rfs.list_files((dir.path / "a/b/..").string(), nullptr) == expected);
  struct Cwd {  // back where it was however the checks end
    fs::path before = fs::current_path();
    ~Cwd() { fs::current_path(before); }
  } cwd;
  fs::current_path(dir.path / "a");
  CHECK(rfs.list_files(".", nullptr) == expected);
  CHECK(rfs.list_files("./", nullptr) == expected);
  CHECK(rfs.list_files("b", nullptr) == std::vector<std::string>{"c.md"});
}

TEST_CASE("core: RealFileSystem tells folders from files") {
  TempDir dir;
  dir.write("a/f.txt", "");
  RealFileSystem rfs;
  CHECK(rfs.is_directory((dir.path / "a").string()));
  CHECK_FALSE(rfs.is_directory((dir.path / "a/f.txt").string()));
  CHECK(rfs.is_file((dir.path / "a/f.txt").string()));
  CHECK_FALSE(rfs.is_file((dir.path / "a").string()));
  CHECK_FALSE(rfs.is_file((dir.path / "none").string()));
}

TEST_CASE("core: read_at_most stops reading a file that grows past the limit") {
  // A pipe has no size to tell in advance, like a file that grows while it
  // is read: the limit is kept by the bytes read.
  TempDir dir;
  const std::string fifo = (dir.path / "pipe.md").string();
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  auto feed = [&](std::string text) {
    return std::thread([fifo, text] {
      int fd = ::open(fifo.c_str(), O_WRONLY);
      if (fd < 0) return;
      ssize_t ignored = ::write(fd, text.data(), text.size());
      (void)ignored;
      ::close(fd);
    });
  };
  RealFileSystem rfs;
  std::uintmax_t size = 0;
  std::string error = "unset";
  std::thread writer = feed("0123456789");
  CHECK(rfs.read_at_most(fifo, 100, size, &error) == "0123456789");
  writer.join();
  // One write below PIPE_BUF is atomic: it is all in the pipe before the
  // first read returns, so the reader closing early cannot break it.
  writer = feed(std::string(1000, 'x'));
  CHECK_FALSE(rfs.read_at_most(fifo, 4, size, &error));
  writer.join();
  CHECK(error.empty());
  CHECK(size > 4);
  CHECK(size <= 8);  // read no further than the first doubling past the limit
}

TEST_CASE("core: read_at_most refuses a file over the limit from its size, before reading it") {
  TempDir dir;
  dir.write("a.md", "abc");
  fs::create_directories(dir.path / "folder");
  {
    // A sparse 64 GiB file: its size is known at once; reading it would
    // exhaust memory long before the end.
    std::ofstream big(dir.path / "big.md", std::ios::binary);
  }
  fs::resize_file(dir.path / "big.md", std::uintmax_t{64} << 30);
  fs::create_symlink(dir.path / "a.md", dir.path / "link.md");
  RealFileSystem rfs;
  auto read = [&](const FileSystem& fs, const std::string& path, std::uintmax_t limit) {
    std::uintmax_t size = 0;
    std::string error = "unset";
    std::optional<std::string> data = fs.read_at_most(path, limit, size, &error);
    return std::tuple(data, size, error);
  };
  auto real = [&](const char* name) { return (dir.path / name).string(); };
  CHECK(read(rfs, real("a.md"), 3) == std::tuple(std::optional<std::string>("abc"), std::uintmax_t{3}, "unset"));
  CHECK(read(rfs, real("a.md"), 2) == std::tuple(std::optional<std::string>(), std::uintmax_t{3}, ""));
  CHECK(read(rfs, real("big.md"), 8 << 20) == std::tuple(std::optional<std::string>(), std::uintmax_t{64} << 30, ""));
  CHECK(read(rfs, real("link.md"), 2) == std::tuple(std::optional<std::string>(), std::uintmax_t{3}, ""));
  CHECK(std::get<2>(read(rfs, real("folder"), 2)) == "Is a directory");
  CHECK(std::get<2>(read(rfs, real("none"), 2)) == "No such file or directory");
  CHECK(rfs.read(real("a.md"), nullptr) == "abc");

  MemoryFileSystem mfs;
  mfs.add("a.md", "abcd");
  CHECK(read(mfs, "a.md", 4) == std::tuple(std::optional<std::string>("abcd"), std::uintmax_t{4}, "unset"));
  CHECK(read(mfs, "a.md", 3) == std::tuple(std::optional<std::string>(), std::uintmax_t{4}, ""));
  CHECK(std::get<2>(read(mfs, "b.md", 3)) == "No such file or directory");
}
