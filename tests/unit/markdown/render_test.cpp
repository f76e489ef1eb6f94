#include "markdown/render.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/worker_pool.hpp"
#include "test_util.hpp"

using namespace mb;

namespace {

std::string lower_kebab(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
      out += c;
    else if (!out.empty() && out.back() != '-')
      out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

markdown::Options plain_options() {
  markdown::Options o;
  o.make_id = lower_kebab;
  return o;
}

struct Rendered {
  markdown::Output out;
  Diagnostics diags;
};

// Renders a whole file whose Markdown starts at `body_offset`.
Rendered render_text(const std::string& text, std::size_t body_offset = 0,
                     const markdown::Options& options = plain_options()) {
  SourceFile file("content/pages/a.vi.md", text);
  Rendered r;
  r.out = markdown::render(file, body_offset, options, r.diags);
  return r;
}

const std::string kFrontMatter = "---\ntitle: Giới thiệu\nweight: 1\n---\n";

}  // namespace

TEST_CASE("markdown: GFM tables, strikethrough, autolinks, task lists and footnotes render") {
  Rendered r = render_text(
      "| Chỉ tiêu | Số |\n|---|---:|\n| Hộ | 4075 |\n\n"
      "~~cũ~~ mới\n\n"
      "Xem www.example.com và https://x.vn nhé.\n\n"
      "- [x] xong\n- [ ] chưa\n\n"
      "Có chú thích[^1].\n\n[^1]: Theo báo cáo năm 2023.\n");
  CHECK(r.diags.empty());
  const std::string& html = r.out.html;
  CHECK(html.find("<table>") != std::string::npos);
  CHECK(html.find("<th>Chỉ tiêu</th>") != std::string::npos);
  CHECK(html.find("<td class=\"align-right\">4075</td>") != std::string::npos);
  CHECK(html.find(" align=") == std::string::npos);  // obsolete in HTML5
  CHECK(html.find("<del>cũ</del> mới") != std::string::npos);
  CHECK(html.find("<a href=\"http://www.example.com\">www.example.com</a>") != std::string::npos);
  CHECK(html.find("<a href=\"https://x.vn\">https://x.vn</a>") != std::string::npos);
  CHECK(html.find("<input type=\"checkbox\" checked=\"\" disabled=\"\" /> xong") != std::string::npos);
  CHECK(html.find("<input type=\"checkbox\" disabled=\"\" /> chưa") != std::string::npos);
  CHECK(html.find("<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\"") != std::string::npos);
  CHECK(html.find("class=\"footnotes\"") != std::string::npos);
  CHECK(html.find("Theo báo cáo năm 2023.") != std::string::npos);
}

TEST_CASE("markdown: a raw HTML block is removed with a warning at its line, after front matter") {
  std::string text = kFrontMatter + "\nĐoạn mở đầu.\n\n<script>alert(1)</script>\n\nĐoạn sau.\n";
  Rendered r = render_text(text, kFrontMatter.size());
  CHECK(r.out.html.find("script") == std::string::npos);
  CHECK(r.out.html.find("alert") == std::string::npos);
  CHECK(r.out.html.find("<p>Đoạn sau.</p>") != std::string::npos);
  REQUIRE(r.diags.all().size() == 1);
  CHECK(r.diags.warning_count() == 1);
  CHECK(test::all_text(r.diags) ==
        "content/pages/a.vi.md:8:1: warning: raw HTML is not allowed in content; it was removed\n"
        "  8 | <script>alert(1)</script>\n"
        "    | ^~~~~~~~~~~~~~~~~~~~~~~~~\n"
        "  hint: use Markdown instead: **bold**, [link](https://…), | tables |\n");
}

TEST_CASE("markdown: inline raw HTML is removed with a warning at its column in characters") {
  std::string text = kFrontMatter + "Xin chào <img src=x onerror=alert(1)> bạn.\n";
  Rendered r = render_text(text, kFrontMatter.size());
  CHECK(r.out.html == "<p>Xin chào  bạn.</p>\n");
  REQUIRE(r.diags.all().size() == 1);
  const Diagnostic& d = r.diags.all()[0];
  CHECK(d.severity == Severity::warning);
  CHECK(d.line == 5);
  CHECK(d.column == 10);  // "Xin chào " is 9 characters (but 10 bytes)
  CHECK(d.span == static_cast<int>(std::string("<img src=x onerror=alert(1)>").size()));
}

TEST_CASE("markdown: javascript:, data: and vbscript: link targets are errors and never reach the HTML") {
  struct Case {
    std::string markdown;
    std::string scheme;
    std::string forbidden;  // must not appear in the HTML
  };
  const std::vector<Case> cases = {
      {"[x](javascript:alert(1))", "javascript", "alert"},
      {"[x](JAVASCRIPT:alert(1))", "javascript", "alert"},
      {"[x](java&#09;script:alert(1))", "javascript", "alert"},
      {"[x](  javascript:alert(1))", "javascript", "alert"},
      {"[x](javascript&colon;alert(1))", "javascript", "alert"},
      {"[x](jav&#x0A;ascript:alert(1))", "javascript", "alert"},
      {"<javascript:alert(1)>", "javascript", "href=\"javascript"},
      {"[x](data:text/html;base64,PHNjcmlwdD4=)", "data", "base64"},
      {"![logo](data:image/svg+xml;base64,PHN2Zz4=)", "data", "base64"},
      {"[x](vbscript:msgbox(1))", "vbscript", "msgbox"},
      {"[x](file:///etc/passwd)", "file", "passwd"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.markdown);
    std::string text = kFrontMatter + "Xem " + c.markdown + " ngay.\n";
    Rendered r = render_text(text, kFrontMatter.size());
    REQUIRE(r.diags.all().size() == 1);
    const Diagnostic& d = r.diags.all()[0];
    CHECK(d.severity == Severity::error);
    CHECK(d.message == "link target uses the '" + c.scheme + ":' scheme, which is not allowed");
    CHECK(d.hint == "link to an https:// address or to a page of the site");
    CHECK(d.line == 5);
    CHECK(r.out.html.find(c.forbidden) == std::string::npos);
    CHECK(r.out.html.find("=\"" + c.scheme) == std::string::npos);
    CHECK(r.out.html.find("=\"" + std::string(c.scheme == "javascript" ? "JAVASCRIPT" : c.scheme)) ==
          std::string::npos);
  }
}

TEST_CASE("markdown: an unsafe link is reported at the column of its target") {
  Rendered r = render_text(kFrontMatter + "Bấm [vào đây](javascript:alert(1)).\n", kFrontMatter.size());
  REQUIRE(r.diags.all().size() == 1);
  CHECK(test::all_text(r.diags) ==
        "content/pages/a.vi.md:5:15: error: link target uses the 'javascript:' scheme, which is not allowed\n"
        "  5 | Bấm [vào đây](javascript:alert(1)).\n"
        "    |               ^~~~~~~~~~~~~~~~~~~\n"
        "  hint: link to an https:// address or to a page of the site\n");
}

TEST_CASE("markdown: positions point at the offending occurrence, not an earlier look-alike") {
  Rendered r = render_text("Dùng `<b>` hoặc <b>đậm</b>.\n\n[x](javascript:a) và [y](javascript:a).\n");
  CHECK(r.out.html.find("<code>&lt;b&gt;</code> hoặc đậm.") != std::string::npos);
  REQUIRE(r.diags.all().size() == 4);
  CHECK(r.diags.all()[0].line == 1);
  CHECK(r.diags.all()[0].column == 17);
  CHECK(r.diags.all()[1].column == 23);  // </b>
  CHECK(r.diags.all()[2].line == 3);
  CHECK(r.diags.all()[2].column == 5);
  CHECK(r.diags.all()[3].line == 3);
  CHECK(r.diags.all()[3].column == 26);
}

TEST_CASE("markdown: http, https, mailto and tel links are kept; protocol-relative ones are errors") {
  markdown::Options options = plain_options();
  int resolver_calls = 0;
  options.resolve_link = [&](std::string_view) {
    ++resolver_calls;
    return markdown::LinkResult{};
  };
  Rendered r = render_text(
      "[a](http://a.vn/x) [b](https://b.gov.vn/?q=1) [c](mailto:ubnd@x.vn) [d](tel:+842383) [e](#muc-1)\n",
      0, options);
  CHECK(r.diags.empty());
  CHECK(resolver_calls == 0);
  CHECK(r.out.html ==
        "<p><a href=\"http://a.vn/x\">a</a> <a href=\"https://b.gov.vn/?q=1\">b</a> "
        "<a href=\"mailto:ubnd@x.vn\">c</a> <a href=\"tel:+842383\">d</a> <a href=\"#muc-1\">e</a></p>\n");

  Rendered bad = render_text("[a](//evil.example/x)\n", 0, options);
  REQUIRE(bad.diags.all().size() == 1);
  CHECK(bad.diags.all()[0].message == "protocol-relative link '//evil.example/x'");
  CHECK(bad.out.html.find("evil") == std::string::npos);
}

TEST_CASE("markdown: relative links go through resolve_link; its errors are reported at the link") {
  markdown::Options options = plain_options();
  std::vector<std::string> asked;
  options.resolve_link = [&](std::string_view target) {
    asked.emplace_back(target);
    if (target == "../pages/about.md") return markdown::LinkResult{true, "/bao-cao/gioi-thieu/", {}, {}};
    return markdown::LinkResult{false, {}, "broken link '" + std::string(target) + "'", "check the path"};
  };
  std::string text = kFrontMatter + "Xem [giới thiệu](../pages/about.md).\n\nVà [mất](../pages/missing.md) nữa.\n";
  Rendered r = render_text(text, kFrontMatter.size(), options);
  CHECK(asked == std::vector<std::string>{"../pages/about.md", "../pages/missing.md"});
  CHECK(r.out.html.find("<a href=\"/bao-cao/gioi-thieu/\">giới thiệu</a>") != std::string::npos);
  CHECK(r.out.html.find("missing") == std::string::npos);
  CHECK(test::all_text(r.diags) ==
        "content/pages/a.vi.md:7:10: error: broken link '../pages/missing.md'\n"
        "  7 | Và [mất](../pages/missing.md) nữa.\n"
        "    |          ^~~~~~~~~~~~~~~~~~~\n"
        "  hint: check the path\n");
}

TEST_CASE("markdown: heading ids come from make_id and are deduplicated") {
  Rendered r = render_text("## Kết quả\n\ntext\n\n## Kết quả\n\n### Kết quả\n\n## Tồn tại `hạn chế`\n\n## !!!\n");
  markdown::Options viet;
  viet.make_id = [](std::string_view t) { return t == "Kết quả" ? std::string("ket-qua") : std::string(); };
  Rendered v = render_text("## Kết quả\n\n## Kết quả\n\n### Kết quả\n\n## Khác\n", 0, viet);
  REQUIRE(v.out.headings.size() == 4);
  CHECK(v.out.headings[0].id == "ket-qua");
  CHECK(v.out.headings[1].id == "ket-qua-2");
  CHECK(v.out.headings[2].id == "ket-qua-3");
  CHECK(v.out.headings[2].level == 3);
  CHECK(v.out.headings[3].id == "muc");  // empty id falls back to "muc"
  CHECK(v.out.headings[3].text == "Khác");
  CHECK(v.out.html ==
        "<h2 id=\"ket-qua\">Kết quả</h2>\n<h2 id=\"ket-qua-2\">Kết quả</h2>\n"
        "<h3 id=\"ket-qua-3\">Kết quả</h3>\n<h2 id=\"muc\">Khác</h2>\n");
  REQUIRE(r.out.headings.size() == 5);
  CHECK(r.out.headings[3].text == "Tồn tại hạn chế");
}

TEST_CASE("markdown: url_scheme") {
  CHECK(markdown::url_scheme("javascript:alert(1)") == "javascript");
  CHECK(markdown::url_scheme("JavaScript:alert(1)") == "javascript");
  CHECK(markdown::url_scheme("java\tscript:alert(1)") == "javascript");
  CHECK(markdown::url_scheme(" \x01javascript:x") == "javascript");
  CHECK(markdown::url_scheme("https://x.vn") == "https");
  CHECK(markdown::url_scheme("mailto:a@b.vn") == "mailto");
  CHECK(markdown::url_scheme("../files/a.pdf") == "");
  CHECK(markdown::url_scheme("a/b:c") == "");
  CHECK(markdown::url_scheme("?x=a:b") == "");
  CHECK(markdown::url_scheme("#a:b") == "");
  CHECK(markdown::url_scheme(":x") == "");
  CHECK(markdown::url_scheme("1abc:x") == "");
  CHECK(markdown::url_scheme("svn+ssh://h") == "svn+ssh");
  CHECK(markdown::url_scheme("") == "");
}

namespace {

std::vector<std::string> gfm_corpus(std::size_t n) {
  std::vector<std::string> docs;
  for (std::size_t i = 0; i < n; ++i) {
    std::string k = std::to_string(i);
    std::string d = "## Báo cáo " + k + "\n\n";
    d += "Số liệu ~~" + k + " cũ~~ đã sửa; xem www.example.com/" + k + " hoặc https://x.vn/" + k + ".\n\n";
    d += "| Chỉ tiêu | Giá trị |\n|:--|--:|\n";
    for (std::size_t row = 0; row < 3 + i % 5; ++row)
      d += "| ~~hàng " + std::to_string(row) + "~~ | www.r" + std::to_string(row) + ".vn |\n";
    d += "\n- [x] việc ~~một~~ " + k + "\n- [ ] việc hai https://y.vn/" + k + "\n\n";
    d += "Liên hệ ubnd" + k + "@example.vn, ~~bỏ~~ và ~~cả~~ cái này.\n";
    if (i % 3 == 0) d += "\nGhi chú[^n].\n\n[^n]: Chú thích " + k + ".\n";
    docs.push_back(std::move(d));
  }
  return docs;
}

}  // namespace

TEST_CASE("markdown: rendering in parallel is byte-identical to rendering alone") {
  markdown::initialize();
  const std::vector<std::string> corpus = gfm_corpus(200);
  std::vector<SourceFile> files;
  for (std::size_t i = 0; i < corpus.size(); ++i) files.emplace_back("doc" + std::to_string(i) + ".md", corpus[i]);

  std::vector<std::string> expected;
  for (const SourceFile& f : files) {
    Diagnostics diags;
    expected.push_back(markdown::render(f, 0, plain_options(), diags).html);
    REQUIRE(diags.empty());
  }
  for (const std::string& html : expected) {
    REQUIRE(html.find("<del>") != std::string::npos);
    REQUIRE(html.find("<table>") != std::string::npos);
    REQUIRE(html.find("<a href=\"http://www.example.com/") != std::string::npos);
    REQUIRE(html.find("<a href=\"https://x.vn/") != std::string::npos);
    REQUIRE(html.find("checked=\"\"") != std::string::npos);
  }

  WorkerPool pool(0);
  std::size_t mismatches = 0;
  for (int round = 0; round < 20; ++round) {
    std::vector<std::string> got(files.size());
    pool.parallel_for(files.size(), [&](std::size_t i, unsigned) {
      Diagnostics diags;
      got[i] = markdown::render(files[i], 0, plain_options(), diags).html;
    });
    for (std::size_t i = 0; i < files.size(); ++i)
      if (got[i] != expected[i]) ++mismatches;
  }
  CHECK(mismatches == 0);
}

// Only fn-<n> and fnref-<n> are cmark-gfm's footnote anchors; a heading
// slugged "fn" once looped for ever looking for a free id.
TEST_CASE("markdown: a heading whose id starts with fn gets its own id") {
  mb::SourceFile file("content/p.vi.md", "## Fn\n\n## Fn\n\n## fn 1\n");
  mb::markdown::Options options;
  options.make_id = [](std::string_view text) {
    std::string id;
    for (char c : text) id += c == ' ' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return id;
  };
  mb::Diagnostics diags;
  mb::markdown::Output out = mb::markdown::render(file, 0, options, diags);
  REQUIRE(out.headings.size() == 3);
  CHECK(out.headings[0].id == "fn");
  CHECK(out.headings[1].id == "fn-muc-2");
  CHECK(out.headings[2].id == "fn-1-2");
}

namespace {

markdown::Options term_options() {
  markdown::Options o = plain_options();
  o.link_terms = {{"33/CT-TTg", "/van-ban/33-ct-ttg/"}, {"01-KL/TW", "/van-ban/01-kl-tw/"}};
  return o;
}

std::string with_terms(const std::string& text) {
  Rendered r = render_text(text, 0, term_options());
  CHECK(r.diags.empty());
  return r.out.html;
}

}  // namespace

TEST_CASE("markdown: link_terms links the first occurrence of each term only") {
  CHECK(with_terms("Thực hiện Chỉ thị 33/CT-TTg của Thủ tướng. Chỉ thị 33/CT-TTg yêu cầu.\n\nLại 33/CT-TTg.\n") ==
        "<p>Thực hiện Chỉ thị <a href=\"/van-ban/33-ct-ttg/\">33/CT-TTg</a> của Thủ tướng. Chỉ thị 33/CT-TTg yêu "
        "cầu.</p>\n<p>Lại 33/CT-TTg.</p>\n");
  // Each term once, wherever it first appears; the order of the terms does not matter.
  CHECK(with_terms("Kết luận 01-KL/TW và Chỉ thị 33/CT-TTg; 01-KL/TW.\n") ==
        "<p>Kết luận <a href=\"/van-ban/01-kl-tw/\">01-KL/TW</a> và Chỉ thị <a href=\"/van-ban/33-ct-ttg/\">"
        "33/CT-TTg</a>; 01-KL/TW.</p>\n");
  CHECK(with_terms("Không có văn bản nào.\n") == "<p>Không có văn bản nào.</p>\n");
}

TEST_CASE("markdown: link_terms leaves links, headings and code alone") {
  CHECK(with_terms("## Chỉ thị 33/CT-TTg\n\nThực hiện 33/CT-TTg.\n") ==
        "<h2 id=\"ch-th-33-ct-ttg\">Chỉ thị 33/CT-TTg</h2>\n"
        "<p>Thực hiện <a href=\"/van-ban/33-ct-ttg/\">33/CT-TTg</a>.</p>\n");
  CHECK(with_terms("[Chỉ thị 33/CT-TTg](https://example.gov.vn) và 33/CT-TTg.\n") ==
        "<p><a href=\"https://example.gov.vn\">Chỉ thị 33/CT-TTg</a> và "
        "<a href=\"/van-ban/33-ct-ttg/\">33/CT-TTg</a>.</p>\n");
  CHECK(with_terms("`33/CT-TTg` và 33/CT-TTg.\n") ==
        "<p><code>33/CT-TTg</code> và <a href=\"/van-ban/33-ct-ttg/\">33/CT-TTg</a>.</p>\n");
  CHECK(with_terms("```\n33/CT-TTg\n```\n") == "<pre><code>33/CT-TTg\n</code></pre>\n");
  CHECK(with_terms("![Ảnh 33/CT-TTg](anh.png)\n").find("<a ") == std::string::npos);
}

TEST_CASE("markdown: link_terms does not link a term inside a longer number") {
  CHECK(with_terms("Kết luận 101-KL/TW và 01-KL/TW.\n") ==
        "<p>Kết luận 101-KL/TW và <a href=\"/van-ban/01-kl-tw/\">01-KL/TW</a>.</p>\n");
  CHECK(with_terms("Số 01-KL/TW-BCS, số 133/CT-TTg, số 33/CT-TTgx.\n") ==
        "<p>Số 01-KL/TW-BCS, số 133/CT-TTg, số 33/CT-TTgx.</p>\n");
  // Punctuation and brackets end a term.
  CHECK(with_terms("(33/CT-TTg)\n") == "<p>(<a href=\"/van-ban/33-ct-ttg/\">33/CT-TTg</a>)</p>\n");
}

TEST_CASE("markdown: a target written with entities is reported at its own link, not a later look-alike") {
  // The decoded target "javascript:alert(1)" is not in the source as written;
  // the same characters appear, harmless, in a later https link.
  Rendered r = render_text(
      "Một [c](jav&#x61;script:alert(1)) hai.\n\nBốn [ok](https://example.gov.vn/javascript:alert(1)).\n");
  CHECK(test::all_text(r.diags) ==
        "content/pages/a.vi.md:1:5: error: link target uses the 'javascript:' scheme, which is not allowed\n"
        "  1 | Một [c](jav&#x61;script:alert(1)) hai.\n"
        "    |     ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n"
        "  hint: link to an https:// address or to a page of the site\n");
  CHECK(r.out.html.find("<a href=\"https://example.gov.vn/javascript:alert(1)\">ok</a>") != std::string::npos);
}

TEST_CASE("markdown: every form of an unsafe target is refused at its own line") {
  const std::vector<std::string> lines = {
      "[a](jav&#x61;script:alert(1))",
      "[b](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))",
      "[c](<java script:alert(1)>)",
      "[d](&#x20;javascript:alert(1))",
      "<JavaScript:alert(1)>",
      "[e][ref]",
      "![f][img]",
      "[g](java&NewLine;script:alert(1))",
      "[h](\x01javascript:alert(1))",
      "![i](DATA:image/svg+xml;base64,PHN2Zz4=)",
  };
  std::string text;
  for (const std::string& l : lines) text += l + "\n\n";
  text += "[ref]: javascript:alert(1)\n[img]: VBScript:msgbox(1) \"t\"\n";
  Rendered r = render_text(text);
  REQUIRE(r.diags.all().size() == lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    CAPTURE(lines[i]);
    const Diagnostic& d = r.diags.all()[i];
    CHECK(d.severity == Severity::error);
    CHECK(d.line == static_cast<int>(2 * i + 1));
    CHECK(d.message.find("scheme, which is not allowed") != std::string::npos);
  }
  // Every target is emptied; an autolink's text stays as harmless text.
  auto count = [&](const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = r.out.html.find(what); at != std::string::npos; at = r.out.html.find(what, at + 1)) ++n;
    return n;
  };
  CHECK_MESSAGE(count("href=\"\"") + count("src=\"\"") == lines.size(), r.out.html);
  CHECK(count("href=\"") + count("src=\"") == lines.size());
  for (const char* bad : {"msgbox", "base64"}) CHECK(r.out.html.find(bad) == std::string::npos);
}

TEST_CASE("markdown: an autolink in a list item is reported at its own column") {
  // cmark-gfm places inline nodes of a list item a few bytes early.
  Rendered r = render_text("5. Liên kết tự động: <javascript:alert(1)> và <VBSCRIPT:msgbox(1)>\n");
  REQUIRE(r.diags.all().size() == 2);
  CHECK(r.diags.all()[0].column == 23);
  CHECK(r.diags.all()[0].span == 19);
  CHECK(r.diags.all()[1].column == 48);
  CHECK(r.diags.all()[1].message == "link target uses the 'vbscript:' scheme, which is not allowed");
}

TEST_CASE("markdown: tables are wrapped, cells aligned by class and headings given ids, in one pass") {
  Rendered r = render_text(
      "# Tổng quan\n\n"
      "| Chỉ tiêu | Số | Ghi chú |\n|:--|:-:|--:|\n| a <b> \"c\" | 1 | x |\n\n"
      "### Chi tiết\n\n"
      "Văn bản có `<table>` và align=\"left\" trong chữ.\n\n"
      "| Không căn |\n|---|\n| y |\n\n"
      "## Kết quả\n");
  CHECK(r.diags.warning_count() == 1);  // the raw <b>, removed
  CHECK(r.diags.error_count() == 0);
  CHECK(r.out.html ==
        "<h1 id=\"t-ng-quan\">Tổng quan</h1>\n"
        "<div class=\"table-scroll\" tabindex=\"0\"><table>\n<thead>\n<tr>\n"
        "<th class=\"align-left\">Chỉ tiêu</th>\n<th class=\"align-center\">Số</th>\n"
        "<th class=\"align-right\">Ghi chú</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n"
        "<td class=\"align-left\">a  &quot;c&quot;</td>\n<td class=\"align-center\">1</td>\n"
        "<td class=\"align-right\">x</td>\n</tr>\n</tbody>\n</table></div>\n"
        "<h3 id=\"chi-ti-t\">Chi tiết</h3>\n"
        "<p>Văn bản có <code>&lt;table&gt;</code> và align=&quot;left&quot; trong chữ.</p>\n"
        "<div class=\"table-scroll\" tabindex=\"0\"><table>\n<thead>\n<tr>\n<th>Không căn</th>\n</tr>\n</thead>\n"
        "<tbody>\n<tr>\n<td>y</td>\n</tr>\n</tbody>\n</table></div>\n"
        "<h2 id=\"k-t-qu\">Kết quả</h2>\n");
}
