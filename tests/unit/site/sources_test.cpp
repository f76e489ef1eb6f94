#include "site/sources.hpp"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/worker_pool.hpp"
#include "test_util.hpp"

using namespace mb;

namespace {

std::shared_ptr<const SourceFile> read(const std::string& bytes, Diagnostics& diags) {
  MemoryFileSystem fs;
  fs.add("site/content/pages/a.vi.md", bytes);
  return site::read_text(fs, "site", "content/pages/a.vi.md", diags);
}

}  // namespace

TEST_CASE("site: read_text rejects invalid UTF-8 with its line and column") {
  Diagnostics diags;
  auto file = read("---\ntitle: x\n---\nTrường\xFFThi\n", diags);
  CHECK(file == nullptr);
  CHECK(test::all_text(diags) ==
        "content/pages/a.vi.md:4:7: error: file is not valid UTF-8\n"
        "  4 | Trường\xEF\xBF\xBDThi\n"
        "    |       ^\n"
        "  hint: save the file as UTF-8 (in most editors: Save with Encoding → UTF-8)\n");
}

TEST_CASE("site: read_text rejects overlong, surrogate and truncated sequences") {
  struct Case {
    std::string bytes;
    int line, column;
  };
  for (const Case& c : {Case{"a\xC0\xAF", 1, 2}, Case{"x\ny\xED\xA0\x80z", 2, 2}, Case{"ab\nc\n\xE1\xBB", 3, 1},
                        Case{"\x80", 1, 1}}) {
    CAPTURE(c.bytes);
    Diagnostics diags;
    CHECK(read(c.bytes, diags) == nullptr);
    REQUIRE(diags.all().size() == 1);
    CHECK(diags.all()[0].message == "file is not valid UTF-8");
    CHECK(diags.all()[0].line == c.line);
    CHECK(diags.all()[0].column == c.column);
  }
}

TEST_CASE("site: read_text strips a BOM, turns CRLF into LF and normalizes to NFC") {
  Diagnostics diags;
  auto file = read("\xEF\xBB\xBF---\r\ntitle: Tie\xCC\x82\xCC\x81ng Vie\xCC\xA3\xCC\x82t\r\n---\r\nA\rB\r\n", diags);
  CHECK(diags.empty());
  REQUIRE(file);
  CHECK(file->path() == "content/pages/a.vi.md");
  CHECK(file->text() == "---\ntitle: Tiếng Việt\n---\nA\nB\n");
}

TEST_CASE("site: read_text reports a missing file and a file that is too large") {
  MemoryFileSystem fs;
  fs.add("site/content/big.vi.md", std::string(9 * 1024 * 1024, 'a'));
  Diagnostics diags;
  CHECK(site::read_text(fs, "site", "content/missing.vi.md", diags) == nullptr);
  CHECK(site::read_text(fs, "site", "content/big.vi.md", diags) == nullptr);
  CHECK(test::all_text(diags) ==
        "content/missing.vi.md:1:1: error: cannot read file: No such file or directory\n"
        "  hint: make the file readable by the user who runs minhbach (chmod a+r)\n"
        "content/big.vi.md:1:1: error: file is too large (9 MB; the limit is 8 MB)\n"
        "  hint: split the text into several pages, or attach the document as a file\n");
}

TEST_CASE("site: load_config reads site.yaml and reports a missing one") {
  MemoryFileSystem fs;
  Diagnostics diags;
  CHECK_FALSE(site::load_config(fs, "site", diags));
  REQUIRE(diags.all().size() == 1);
  CHECK(diags.has_errors());
  CHECK(diags.all()[0].path == "site.yaml");

  fs.add("site/site.yaml",
         "title: {vi: Minh Bạch, en: Minh Bach}\nbase_url: https://example.gov.vn/bao-cao/\n"
         "languages: [vi, en]\ntheme: default\n");
  Diagnostics ok;
  auto config = site::load_config(fs, "site", ok);
  CHECK_MESSAGE(ok.empty(), test::all_text(ok));
  REQUIRE(config);
  CHECK(config->base_path == "/bao-cao/");
  CHECK(config->origin == "https://example.gov.vn");
  CHECK(config->title.en == "Minh Bach");
}

TEST_CASE("site: scan_sources classifies content files, attachments and data files; parse_sources parses them") {
  MemoryFileSystem fs;
  fs.add("site/content/_index.vi.md", "---\ntitle: Trang chủ\n---\n");
  fs.add("site/content/_index.en.md", "---\ntitle: Home\n---\n");
  fs.add("site/content/.gitkeep", "");
  fs.add("site/content/localities/truong-thi/_index.vi.md",
         "---\ntitle: Trường Thi\nkind: ward\nprovince: Thanh Hóa\n---\n");
  fs.add("site/content/localities/truong-thi/files/bao-cao-goc.pdf", "%PDF-\xFF\xFE");
  fs.add("site/content/notes.txt", "x");
  fs.add("site/content/pages/bad.vi.md", "---\ntitle: \xFF\n---\n");
  fs.add("site/data/fields.yaml", "urban: {vi: Đô thị, en: Urban}\n");
  Diagnostics diags;
  site::Sources sources = site::scan_sources(fs, "site", diags);
  CHECK(test::all_text(diags) ==
        "content/notes.txt:1:1: error: 'notes.txt' is not a Markdown file (.vi.md or .en.md)\n"
        "  hint: content/ holds only Markdown pages; put attachments in the locality's files/ folder\n"
        "content/pages/bad.vi.md:2:8: error: file is not valid UTF-8\n"
        "  2 | title: \xEF\xBF\xBD\n"
        "    |        ^\n"
        "  hint: save the file as UTF-8 (in most editors: Save with Encoding → UTF-8)\n");
  REQUIRE(sources.documents.size() == 3);
  CHECK(sources.documents[0]->path() == "content/_index.en.md");
  CHECK(sources.documents[1]->path() == "content/_index.vi.md");
  CHECK(sources.documents[2]->path() == "content/localities/truong-thi/_index.vi.md");
  CHECK(sources.placements[2].kind == content::Kind::locality);
  CHECK(sources.placements[0].lang == Lang::en);
  CHECK(sources.attachments == std::vector<std::string>{"localities/truong-thi/files/bao-cao-goc.pdf"});
  CHECK(sources.unreadable == std::vector<std::string>{"content/pages/bad.vi.md"});
  CHECK(sources.indicators == nullptr);
  REQUIRE(sources.fields);
  CHECK(sources.fields->path() == "data/fields.yaml");

  WorkerPool pool(2);
  Diagnostics parse_diags;
  model::Inputs inputs = site::parse_sources(pool, sources, parse_diags);
  CHECK_MESSAGE(parse_diags.empty(), test::all_text(parse_diags));
  REQUIRE(inputs.documents.size() == 3);
  CHECK(inputs.documents[2].title == "Trường Thi");
  REQUIRE(inputs.catalogue.fields.size() == 1);
  CHECK(inputs.catalogue.fields[0].name.vi == "Đô thị");
  CHECK(inputs.attachments == sources.attachments);
  CHECK(inputs.unreadable == std::set<std::string>{"content/pages/bad.vi.md"});
}

TEST_CASE("site: a data file that is not YAML is unreadable for the checks that would use it") {
  MemoryFileSystem fs;
  fs.add("site/data/indicators.yaml", "indicators:\n  a: {name: [x\n");
  fs.add("site/data/fields.yaml", "urban: {vi: Đô thị, en: Urban}\n");
  fs.add("site/data/measures.yaml", "length_m: {name: {vi: \"Chiều dài, en: Length}, unit: {vi: m, en: m}}\n");
  fs.add("site/data/documents.yaml", "\xff\n");
  Diagnostics diags;
  site::Sources sources = site::scan_sources(fs, "site", diags);
  CHECK(diags.error_count() == 1);  // documents.yaml is not UTF-8
  CHECK(sources.unreadable == std::vector<std::string>{"data/documents.yaml"});
  WorkerPool pool(1);
  model::Inputs inputs = site::parse_sources(pool, sources, diags);
  CHECK_MESSAGE(diags.error_count() == 3, test::all_text(diags));
  CHECK(inputs.unreadable ==
        std::set<std::string>{"data/documents.yaml", "data/indicators.yaml", "data/measures.yaml"});
  REQUIRE(inputs.catalogue.fields.size() == 1);
}

TEST_CASE("site: a symbolic link in data/ is an error and is not read") {
  namespace fs = std::filesystem;
  std::string templ = (fs::temp_directory_path() / "mb-sources-test-XXXXXX").string();
  REQUIRE(::mkdtemp(templ.data()) != nullptr);
  fs::path root = templ;
  fs::create_directories(root / "data");
  fs::create_directories(root / "elsewhere");
  std::ofstream(root / "elsewhere/fields.yaml") << "urban: {vi: Đô thị, en: Urban}\n";
  std::ofstream(root / "data/measures.yaml") << "length_m: {name: {vi: Chiều dài, en: Length}, unit: {vi: m, en: m}}\n";
  fs::create_symlink(root / "elsewhere/fields.yaml", root / "data/fields.yaml");
  RealFileSystem real;
  Diagnostics diags;
  site::Sources sources = site::scan_sources(real, root.string(), diags);
  fs::remove_all(root);
  CHECK(test::all_text(diags) ==
        "data/fields.yaml:1:1: error: symbolic links are not followed in data/\n"
        "  hint: copy the file into the site instead of linking to it\n");
  CHECK(sources.fields == nullptr);
  CHECK(sources.measures != nullptr);
  CHECK(sources.unreadable == std::vector<std::string>{"data/fields.yaml"});
}

TEST_CASE("site: a content folder that cannot be read is an error, and the rest is still read") {
  namespace fs = std::filesystem;
  std::string templ = (fs::temp_directory_path() / "mb-sources-test-XXXXXX").string();
  REQUIRE(::mkdtemp(templ.data()) != nullptr);
  fs::path root = templ;
  fs::permissions(root, fs::perms::owner_all | fs::perms::others_read | fs::perms::others_exec);
  fs::create_directories(root / "content/localities/an-phu");
  fs::create_directories(root / "content/pages");
  std::ofstream(root / "content/localities/an-phu/_index.vi.md") << "---\ntitle: Phường An Phú\n---\n";
  std::ofstream(root / "content/pages/gioi-thieu.vi.md") << "---\ntitle: Giới thiệu\n---\n";
  fs::permissions(root / "content/localities", fs::perms::none);
  const std::string text = test::unprivileged([&] {
    Diagnostics diags;
    site::Sources sources = site::scan_sources(RealFileSystem(), root.string(), diags);
    std::string out = test::all_text(diags);
    for (const auto& file : sources.documents) out += "read " + file->path() + "\n";
    return out;
  });
  fs::permissions(root / "content/localities", fs::perms::owner_all);
  fs::remove_all(root);
  CHECK(text ==
        "content/localities:1:1: error: cannot read folder: Permission denied\n"
        "  hint: the files in it would be missing from the site; give the build read access to it (chmod -R a+rX), or "
        "move it out of content/\n"
        "read content/pages/gioi-thieu.vi.md\n");
}

TEST_CASE("site: normalize_theme puts templates and UI strings in NFC") {
  theme::Theme t;
  const std::string nfd = "Trang chu\xCC\x89";  // "Trang chủ" with a combining hook above
  const std::string nfc = "Trang ch\xE1\xBB\xA7";
  t.templates["page"] = "<p>" + nfd + "</p>";
  t.tables[0].strings["home"] = nfd;
  t.tables[0].paths["localities"] = "dia-phuong";
  t.tables[1].qualifiers["ho\xCC\x9Bn"] = "more than " + nfd;  // "hơn", decomposed
  site::normalize_theme(t);
  CHECK(t.tables[1].qualifiers.count("h\xC6\xA1n") == 1);
  CHECK(t.templates.at("page") == "<p>" + nfc + "</p>");
  CHECK(t.tables[0].strings.at("home") == nfc);
  CHECK(t.tables[0].paths.at("localities") == "dia-phuong");
  CHECK(t.tables[1].qualifiers.begin()->second == "more than " + nfc);
}

TEST_CASE("site: read_text refuses a huge file from its size, before reading it") {
  namespace fs = std::filesystem;
  std::string templ = (fs::temp_directory_path() / "mb-sources-test-XXXXXX").string();
  REQUIRE(::mkdtemp(templ.data()) != nullptr);
  fs::path root = templ;
  fs::create_directories(root / "content/pages");
  { std::ofstream(root / "content/pages/a.vi.md"); }
  // Sparse: 64 GiB on no disk; reading it would exhaust memory long before.
  fs::resize_file(root / "content/pages/a.vi.md", std::uintmax_t{64} << 30);
  RealFileSystem real;
  Diagnostics diags;
  CHECK(site::read_text(real, root.string(), "content/pages/a.vi.md", diags) == nullptr);
  fs::remove_all(root);
  CHECK(test::all_text(diags) ==
        "content/pages/a.vi.md:1:1: error: file is too large (65536 MB; the limit is 8 MB)\n"
        "  hint: split the text into several pages, or attach the document as a file\n");
}

TEST_CASE("site: read_text refuses an invisible control character at its line and column") {
  Diagnostics diags;
  CHECK(read("---\ntitle: Giới thiệu\n---\n\nTrang\x0c một, trang\x0b hai.\n", diags) == nullptr);
  CHECK(test::all_text(diags) ==
        "content/pages/a.vi.md:5:6: error: control character U+000C in the text\n"
        "  5 | Trang\xEF\xBF\xBD một, trang\xEF\xBF\xBD hai.\n"
        "    |      ^\n"
        "  hint: delete it: it is invisible, and pages and feeds cannot carry it (it often comes with text "
        "copied out of a PDF or a word processor)\n");
  Diagnostics crlf;
  CHECK(read("---\r\ntitle: x\r\n---\r\n\r\nTrang\x7f\r\n", crlf) == nullptr);
  REQUIRE(crlf.all().size() == 1);
  CHECK(crlf.all()[0].line == 5);
}
