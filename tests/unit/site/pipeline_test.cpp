#include "site/pipeline.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace mb;

namespace {

const std::string kLocality = "content/localities/an-binh/_index.vi.md";

// tests/errors/base with the default theme, in memory.
MemoryFileSystem base_site() {
  RealFileSystem disk;
  MemoryFileSystem fs;
  const std::string base = std::string(MB_SOURCE_DIR) + "/tests/errors/base";
  for (const std::string& rel : disk.list_files(base, nullptr)) fs.add("site/" + rel, *disk.read(join_path(base, rel), nullptr));
  const std::string theme = std::string(MB_SOURCE_DIR) + "/themes/default";
  for (const std::string& rel : disk.list_files(theme, nullptr))
    fs.add("site/themes/default/" + rel, *disk.read(join_path(theme, rel), nullptr));
  return fs;
}

site::PipelineResult build(const FileSystem& fs, bool retain) {
  static WorkerPool pool(2);
  Diagnostics diags;
  site::PipelineOptions options;
  options.root = "site";
  options.retain = retain;
  site::PipelineResult result = site::run_pipeline(pool, fs, options, diags);
  for (const Diagnostic& d : diags.all())
    if (d.severity == Severity::error) FAIL(format_diagnostic(d));
  return result;
}

const OutputFile* find(const std::vector<OutputFile>& files, const std::string& path) {
  auto it = std::find_if(files.begin(), files.end(), [&](const OutputFile& f) { return f.path == path; });
  return it == files.end() ? nullptr : &*it;
}

std::string with_body(const MemoryFileSystem& fs, const std::string& path, const std::string& from, const std::string& to) {
  std::string text = *fs.read("site/" + path, nullptr);
  std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("site: quick_render renders an edited body's pages as a full build would") {
  MemoryFileSystem fs = base_site();
  site::PipelineResult first = build(fs, true);
  REQUIRE(first.ok);
  REQUIRE(first.retained);

  fs.add("site/" + kLocality, with_body(fs, kLocality, "Phường An Bình là phường thử nghiệm.", "Đoạn mới, có **chữ đậm**."));
  std::optional<std::vector<OutputFile>> quick = site::quick_render(*first.retained, fs, {kLocality});
  REQUIRE(quick);
  std::vector<std::string> paths;
  for (const OutputFile& f : *quick) paths.push_back(f.path);
  CHECK(paths == std::vector<std::string>{"dia-phuong/an-binh/index.html", "en/localities/an-binh/index.html"});

  site::PipelineResult full = build(fs, false);
  REQUIRE(full.ok);
  for (const OutputFile& f : *quick) {
    const OutputFile* same = find(full.files, f.path);
    REQUIRE(same);
    CHECK(f.data == same->data);
  }
  CHECK(quick->front().data.find("Đoạn mới, có <strong>chữ đậm</strong>.") != std::string::npos);

  // The model holds the new text: a second edit compares with it.
  fs.add("site/" + kLocality, with_body(fs, kLocality, "Đoạn mới", "Đoạn sau"));
  std::optional<std::vector<OutputFile>> again = site::quick_render(*first.retained, fs, {kLocality});
  REQUIRE(again);
  CHECK(again->front().data.find("Đoạn sau, có") != std::string::npos);
}

TEST_CASE("site: a build that keeps nothing frees each body once rendered, and writes the same files") {
  MemoryFileSystem fs = base_site();
  // An untranslated page: its Vietnamese body is rendered again under /en/,
  // so it must outlive the first of its two pages.
  fs.add("site/content/pages/moi.vi.md", "---\ntitle: Trang mới\n---\nMột trang **chưa dịch**.\n");
  site::PipelineResult kept = build(fs, true);
  site::PipelineResult freed = build(fs, false);
  REQUIRE(kept.ok);
  REQUIRE(freed.ok);
  CHECK(kept.released == 0);
  CHECK(freed.released == 11);  // every content file of the site
  REQUIRE(kept.files.size() == freed.files.size());
  for (std::size_t i = 0; i < kept.files.size(); ++i) {
    CHECK(kept.files[i].path == freed.files[i].path);
    CHECK(kept.files[i].data == freed.files[i].data);
  }
  const OutputFile* untranslated = find(freed.files, "en/moi/index.html");
  REQUIRE(untranslated);
  CHECK(untranslated->data.find("Một trang <strong>chưa dịch</strong>.") != std::string::npos);
}

TEST_CASE("site: quick_render leaves to a full build what it cannot do soundly") {
  MemoryFileSystem fs = base_site();
  site::PipelineResult first = build(fs, true);
  REQUIRE(first.retained);
  site::Retained& retained = *first.retained;

  SUBCASE("changed front matter") {
    fs.add("site/" + kLocality, with_body(fs, kLocality, "households: 4075", "households: 4076"));
    CHECK_FALSE(site::quick_render(retained, fs, {kLocality}));
  }
  SUBCASE("a data file") {
    CHECK_FALSE(site::quick_render(retained, fs, {"data/indicators.yaml"}));
  }
  SUBCASE("a new content file") {
    fs.add("site/content/pages/moi.vi.md", "---\ntitle: Mới\n---\nMới.\n");
    CHECK_FALSE(site::quick_render(retained, fs, {"content/pages/moi.vi.md"}));
  }
  SUBCASE("a body with an error, which the full build reports") {
    fs.add("site/" + kLocality, with_body(fs, kLocality, "thử nghiệm.", "[xem](javascript:alert(1))"));
    CHECK_FALSE(site::quick_render(retained, fs, {kLocality}));
  }
  SUBCASE("invalid UTF-8") {
    fs.add("site/" + kLocality, with_body(fs, kLocality, "thử nghiệm.", "\xff"));
    CHECK_FALSE(site::quick_render(retained, fs, {kLocality}));
  }
  SUBCASE("one good and one refused file: nothing is rendered") {
    const std::string page = "content/pages/about.vi.md";
    REQUIRE(fs.read("site/" + page, nullptr));
    fs.add("site/" + page, *fs.read("site/" + page, nullptr) + "\nThêm.\n");
    fs.add("site/" + kLocality, with_body(fs, kLocality, "households: 4075", "households: 1"));
    CHECK_FALSE(site::quick_render(retained, fs, {page, kLocality}));
  }
}
