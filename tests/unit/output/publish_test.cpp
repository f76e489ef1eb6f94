#include "output/publish.hpp"

#include <doctest/doctest.h>

#include <stdlib.h>
#include <unistd.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

using namespace mb;
namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "mb-publish-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

ino_t inode(const fs::path& p) {
  struct stat st {};
  REQUIRE(::stat(p.c_str(), &st) == 0);
  return st.st_ino;
}

// Every regular file under dir: relative path → contents.
std::map<std::string, std::string> tree(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) out[fs::relative(e.path(), dir).generic_string()] = read(e.path());
  return out;
}

// Names in `dir` that start with `prefix`.
std::vector<std::string> entries_with(const fs::path& dir, const std::string& prefix) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    std::string name = e.path().filename().string();
    if (name.rfind(prefix, 0) == 0) out.push_back(name);
  }
  return out;
}

WorkerPool pool(2);

std::vector<OutputFile> site_files(const std::string& about) {
  return {{"index.html", "<h1>Trang chủ</h1>", {}},
          {"about/index.html", about, {}},
          {"css/main.css", "body{margin:0}", {}},
          {"en/index.html", "<h1>Home</h1>", {}}};
}

}  // namespace

TEST_CASE("output: publish writes every file into a fresh folder") {
  TempDir tmp;
  fs::path src = tmp.path / "attachment.pdf";
  std::ofstream(src, std::ios::binary) << "%PDF-1.4 \xFF";
  std::vector<OutputFile> files = site_files("about v1");
  files.push_back({"files/truong-thi/a.pdf", {}, src.string()});
  const std::string out = (tmp.path / "public").string();
  output::PublishResult r = output::publish(files, out, pool);
  CHECK(r.ok);
  CHECK(r.error == "");
  CHECK(r.written == 5);
  CHECK(r.unchanged == 0);
  CHECK(tree(out) == std::map<std::string, std::string>{{"about/index.html", "about v1"},
                                                         {"css/main.css", "body{margin:0}"},
                                                         {"en/index.html", "<h1>Home</h1>"},
                                                         {"files/truong-thi/a.pdf", "%PDF-1.4 \xFF"},
                                                         {"index.html", "<h1>Trang chủ</h1>"}});
  CHECK(entries_with(tmp.path, ".public").empty());
}

TEST_CASE("output: publishing again keeps unchanged files (same inode) and rewrites changed ones") {
  TempDir tmp;
  const fs::path out = tmp.path / "public";
  REQUIRE(output::publish(site_files("about v1"), out.string(), pool).ok);
  ino_t home_before = inode(out / "index.html");
  ino_t css_before = inode(out / "css/main.css");
  ino_t about_before = inode(out / "about/index.html");

  std::vector<OutputFile> next = site_files("about v2");
  next.pop_back();  // en/index.html is gone from the new build
  output::PublishResult r = output::publish(next, out.string(), pool);
  CHECK(r.ok);
  CHECK(r.unchanged == 2);
  CHECK(r.written == 1);
  CHECK(inode(out / "index.html") == home_before);
  CHECK(inode(out / "css/main.css") == css_before);
  CHECK(inode(out / "about/index.html") != about_before);
  CHECK(tree(out) == std::map<std::string, std::string>{{"about/index.html", "about v2"},
                                                         {"css/main.css", "body{margin:0}"},
                                                         {"index.html", "<h1>Trang chủ</h1>"}});
  CHECK(entries_with(tmp.path, ".public").empty());
}

TEST_CASE("output: a failed publish leaves the previous output byte-identical and no staging folder") {
  TempDir tmp;
  const fs::path out = tmp.path / "public";
  REQUIRE(output::publish(site_files("about v1"), out.string(), pool).ok);
  const auto before = tree(out);
  ino_t home_before = inode(out / "index.html");

  std::vector<OutputFile> next = site_files("about v2");
  const std::string missing = (tmp.path / "content/localities/x/files/missing.pdf").string();
  next.push_back({"files/x/missing.pdf", {}, missing});
  next.push_back({"z/index.html", "never written", {}});
  output::PublishResult r = output::publish(next, out.string(), pool);
  CHECK_FALSE(r.ok);
  CHECK(r.error == missing + ": cannot read: No such file or directory");
  CHECK(tree(out) == before);
  CHECK(inode(out / "index.html") == home_before);
  CHECK(entries_with(tmp.path, ".public").empty());
}

TEST_CASE("output: a failed first publish creates no output folder") {
  TempDir tmp;
  const fs::path out = tmp.path / "public";
  std::vector<OutputFile> files = site_files("about");
  files.push_back({"a.pdf", {}, (tmp.path / "nope.pdf").string()});
  output::PublishResult r = output::publish(files, out.string(), pool);
  CHECK_FALSE(r.ok);
  CHECK_FALSE(fs::exists(out));
  CHECK(entries_with(tmp.path, ".public").empty());
}

TEST_CASE("output: remove_leftovers removes stale staging and retired folders, and nothing else") {
  TempDir tmp;
  const fs::path out = tmp.path / "public";
  fs::create_directories(out);
  std::ofstream(out / "index.html") << "keep";
  fs::create_directories(tmp.path / ".public.staging-12345/en");
  std::ofstream(tmp.path / ".public.staging-12345/en/index.html") << "half";
  fs::create_directories(tmp.path / ".public.retired-777");
  fs::create_directories(tmp.path / ".other.staging-1");
  fs::create_directories(tmp.path / "public.staging-2");
  output::remove_leftovers(out.string());
  CHECK_FALSE(fs::exists(tmp.path / ".public.staging-12345"));
  CHECK_FALSE(fs::exists(tmp.path / ".public.retired-777"));
  CHECK(fs::exists(tmp.path / ".other.staging-1"));
  CHECK(fs::exists(tmp.path / "public.staging-2"));
  CHECK(read(out / "index.html") == "keep");

  // publish clears them too, and a trailing slash names the same folder.
  fs::create_directories(tmp.path / ".public.staging-99/x");
  REQUIRE(output::publish(site_files("v"), out.string() + "/", pool).ok);
  CHECK(entries_with(tmp.path, ".public").empty());
  CHECK(read(out / "about/index.html") == "v");
  CHECK(read(out / "index.html") == "<h1>Trang chủ</h1>");
}

TEST_CASE("output: Retire::background swaps in the new output at once and deletes the old one later") {
  TempDir tmp;
  const fs::path out = tmp.path / "public";
  std::vector<OutputFile> many;
  for (int i = 0; i < 300; ++i) many.push_back({"p" + std::to_string(i) + "/index.html", "v1", {}});
  REQUIRE(output::publish(many, out.string(), pool).ok);
  std::vector<OutputFile> next = site_files("about v2");
  output::PublishResult r = output::publish(next, out.string(), pool, output::Retire::background);
  REQUIRE(r.ok);
  CHECK(tree(out) == std::map<std::string, std::string>{{"about/index.html", "about v2"},
                                                         {"css/main.css", "body{margin:0}"},
                                                         {"en/index.html", "<h1>Home</h1>"},
                                                         {"index.html", "<h1>Trang chủ</h1>"}});
  // The detached rm finishes on its own; wait for it (at most 20 s).
  for (int i = 0; i < 200 && !entries_with(tmp.path, ".public").empty(); ++i) ::usleep(100 * 1000);
  CHECK(entries_with(tmp.path, ".public").empty());
}

TEST_CASE("output: Mirror writes only changed files in place and removes what the site no longer has") {
  TempDir tmp;
  const fs::path out = tmp.path / "preview";
  fs::create_directories(out / "old");
  std::ofstream(out / "old/stale.html") << "from an earlier session";
  output::Mirror mirror(out.string());

  output::PublishResult first = mirror.update(site_files("about v1"), pool);
  REQUIRE(first.ok);
  CHECK(first.written == 4);
  CHECK(tree(out) == std::map<std::string, std::string>{{"about/index.html", "about v1"},
                                                         {"css/main.css", "body{margin:0}"},
                                                         {"en/index.html", "<h1>Home</h1>"},
                                                         {"index.html", "<h1>Trang chủ</h1>"}});
  CHECK_FALSE(fs::exists(out / "old"));  // the stale file and its emptied folder
  ino_t home = inode(out / "index.html");

  std::vector<OutputFile> next = site_files("about v2");
  next.pop_back();  // en/index.html is gone
  output::PublishResult second = mirror.update(next, pool);
  REQUIRE(second.ok);
  CHECK(second.written == 1);
  CHECK(second.unchanged == 2);
  CHECK(inode(out / "index.html") == home);
  CHECK(tree(out) == std::map<std::string, std::string>{{"about/index.html", "about v2"},
                                                         {"css/main.css", "body{margin:0}"},
                                                         {"index.html", "<h1>Trang chủ</h1>"}});
  CHECK_FALSE(fs::exists(out / "en"));
}

TEST_CASE("output: a failed Mirror update reports the file and rewrites everything next time") {
  TempDir tmp;
  const fs::path out = tmp.path / "preview";
  output::Mirror mirror(out.string());
  REQUIRE(mirror.update(site_files("v1"), pool).ok);
  std::vector<OutputFile> bad = site_files("v1");
  const std::string missing = (tmp.path / "nope.pdf").string();
  bad.push_back({"files/x/nope.pdf", {}, missing});
  output::PublishResult r = mirror.update(bad, pool);
  CHECK_FALSE(r.ok);
  CHECK(r.error == missing + ": cannot read: No such file or directory");
  output::PublishResult again = mirror.update(site_files("v1"), pool);
  REQUIRE(again.ok);
  CHECK(again.written == 4);
}

TEST_CASE("output: Mirror::write brings the given files up to date and leaves the others alone") {
  TempDir tmp;
  const fs::path out = tmp.path / "preview";
  output::Mirror mirror(out.string());
  REQUIRE(mirror.update(site_files("about v1"), pool).ok);
  ino_t home = inode(out / "index.html");

  output::PublishResult r = mirror.write({{"about/index.html", "about v2", {}}, {"index.html", "<h1>Trang chủ</h1>", {}}});
  REQUIRE(r.ok);
  CHECK(r.changed == std::vector<std::string>{"about/index.html"});
  CHECK(r.unchanged == 1);
  CHECK(inode(out / "index.html") == home);
  CHECK(read(out / "about/index.html") == "about v2");
  CHECK(read(out / "en/index.html") == "<h1>Home</h1>");

  // The next update knows what write() wrote: nothing is written again, and changes are listed.
  std::vector<OutputFile> next = site_files("about v2");
  next.pop_back();
  output::PublishResult u = mirror.update(next, pool);
  REQUIRE(u.ok);
  CHECK(u.written == 0);
  CHECK(u.changed == std::vector<std::string>{"en/index.html"});
}
