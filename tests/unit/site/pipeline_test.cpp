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

// Some macOS tools and archives write file names in NFD; links and front
// matter are read in NFC. The attachment is known by its NFC name, read
// under its name on disk and published under the NFC one.
TEST_CASE("site: an attachment named in NFD is found by an NFC link and published under its NFC name") {
  MemoryFileSystem fs = base_site();
  const std::string nfd = "Ba\xCC\x81o-ca\xCC\x81o.pdf";  // "Báo-cáo.pdf", each accent a combining mark
  const std::string nfc = "B\xC3\xA1o-c\xC3\xA1o.pdf";
  fs.add("site/content/localities/an-binh/files/" + nfd, "%PDF-");
  fs.add("site/" + kLocality,
         with_body(fs, kLocality, "Phường An Bình là phường thử nghiệm.", "Xem [báo cáo](files/" + nfc + ")."));
  site::PipelineResult r = build(fs, false);  // fails the test on any error, a broken link among them
  REQUIRE(r.ok);
  const OutputFile* file = find(r.files, "files/an-binh/" + nfc);
  REQUIRE(file);
  CHECK(file->copy_from == "site/content/localities/an-binh/files/" + nfd);
  CHECK_FALSE(find(r.files, "files/an-binh/" + nfd));
  const OutputFile* page = find(r.files, "dia-phuong/an-binh/index.html");
  REQUIRE(page);
  CHECK(page->data.find("href=\"/files/an-binh/B%C3%A1o-c%C3%A1o.pdf\"") != std::string::npos);
}

TEST_CASE("site: two attachments whose names differ only in Unicode normalization are an error") {
  MemoryFileSystem fs = base_site();
  fs.add("site/content/localities/an-binh/files/Ba\xCC\x81o.pdf", "%PDF-1");
  fs.add("site/content/localities/an-binh/files/B\xC3\xA1o.pdf", "%PDF-2");
  WorkerPool pool(2);
  Diagnostics diags;
  site::PipelineOptions options;
  options.root = "site";
  site::PipelineResult r = site::run_pipeline(pool, fs, options, diags);
  CHECK_FALSE(r.ok);
  std::vector<std::string> errors;
  for (const Diagnostic& d : diags.all())
    if (d.severity == Severity::error) errors.push_back(format_diagnostic(d));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] ==
        "content/localities/an-binh/files/B\xC3\xA1o.pdf:1:1: error: attachment has the same name as "
        "content/localities/an-binh/files/Ba\xCC\x81o.pdf once both are written in Unicode NFC (they differ only "
        "in how accents are encoded)\n  hint: delete one of the two files\n");
}
