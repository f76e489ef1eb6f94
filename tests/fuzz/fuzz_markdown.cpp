// Fuzz target: the Markdown step. The input is a page body (valid UTF-8 in
// NFC, as the pipeline hands it over; other inputs are rejected) after a
// fixed front matter, rendered with heading ids, a link resolver and cited
// document terms. Besides crashes and sanitizer findings, it fails when the
// HTML holds a tag that safe mode should never write (raw HTML must be gone),
// a link with a forbidden scheme, or heading ids that do not match.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>

#include "core/file_system.hpp"
#include "fuzz_common.hpp"
#include "i18n/text.hpp"
#include "markdown/render.hpp"
#include "site/sources.hpp"

using namespace mb;

namespace {

// What cmark-gfm writes for Markdown, and the table wrapper we add.
const std::set<std::string, std::less<>> kTags = {
    "a",  "blockquote", "br", "code", "del", "div",     "em",     "h1",  "h2",    "h3",    "h4", "h5", "h6", "hr", "img",
    "input", "li",      "ol", "p",    "pre", "section", "strong", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul"};

void check_tags(std::string_view html) {
  for (std::size_t at = html.find('<'); at != std::string_view::npos; at = html.find('<', at + 1)) {
    std::size_t begin = at + 1 + (at + 1 < html.size() && html[at + 1] == '/');
    std::size_t end = begin;
    while (end < html.size() && ((html[end] >= 'a' && html[end] <= 'z') || (html[end] >= '0' && html[end] <= '9'))) ++end;
    std::string_view name = html.substr(begin, end - begin);
    bool ends = end < html.size() && (html[end] == '>' || html[end] == ' ' || html[end] == '/');
    if (!kTags.count(name) || !ends) fuzz::fail("unexpected tag in the HTML", html.substr(at, 80));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string path = "content/pages/fuzz.vi.md";
  const std::string front = "---\ntitle: Trang\n---\n";
  MemoryFileSystem fs;
  fs.add(path, front + std::string(reinterpret_cast<const char*>(data), size));
  Diagnostics read_diags;
  std::shared_ptr<const SourceFile> file = site::read_text(fs, "", path, read_diags);
  if (!file) return -1;

  markdown::Options options;
  options.make_id = [](std::string_view text) { return i18n::slugify(text); };
  options.resolve_link = [](std::string_view target) {
    markdown::LinkResult r;
    if (target.size() > 3 && target.substr(target.size() - 3) == ".md") {
      r.url = "/p/" + std::string(target.substr(0, target.size() - 3)) + "/";
    } else if (target.rfind("@/", 0) == 0) {
      r.url = std::string(target.substr(1));
    } else {
      r.ok = false;
      r.message = "no such page";
    }
    return r;
  };
  options.link_terms = {{"33/CT-TTg", "/van-ban/33-ct-ttg/"}, {"01-KL/TW", "/van-ban/01-kl-tw/"}, {"CT", "/van-ban/ct/"}};

  Diagnostics diags;
  markdown::Output out = markdown::render(*file, front.size(), options, diags);
  check_tags(out.html);
  fuzz::check_link_schemes(out.html, "the body");
  std::size_t ids = 0;
  for (std::size_t at = out.html.find("<h"); at != std::string::npos; at = out.html.find("<h", at + 1))
    if (at + 3 < out.html.size() && out.html[at + 2] >= '1' && out.html[at + 2] <= '6') {
      if (out.html.compare(at + 3, 5, " id=\"") != 0) fuzz::fail("heading without an id", out.html.substr(at, 80));
      ++ids;
    }
  if (ids != out.headings.size()) fuzz::fail("headings and ids differ in number", out.html);
  for (const Diagnostic& d : diags.all())
    if (d.path != path || d.line < 4 || d.line > file->line_count() + 1)
      fuzz::fail("diagnostic outside the body", format_diagnostic(d));
  fuzz::check_diagnostics(diags);
  return 0;
}
