#include "core/xml.hpp"

#include <doctest/doctest.h>

#include <kainjow/mustache.hpp>
#include <random>

using namespace mb;

TEST_CASE("core: escape_xml escapes the five XML specials and nothing else") {
  CHECK(escape_xml("a & b < c > d \" e ' f") == "a &amp; b &lt; c &gt; d &quot; e &#39; f");
  CHECK(escape_xml("<script>alert('x')</script>") == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
  CHECK(escape_xml("Phường Trường Thi") == "Phường Trường Thi");
  CHECK(escape_xml("&amp;") == "&amp;amp;");  // escaping twice is visible, so never do it
  CHECK(escape_xml("") == "");
}

// Pages are escaped by escape_html in place of kainjow's own html_escape,
// which must not change a byte of them.
TEST_CASE("core: escape_html writes exactly what kainjow's html_escape wrote") {
  CHECK(escape_html("a & b < c > d \" e ' f") == "a &amp; b &lt; c &gt; d &quot; e &apos; f");
  std::string every_byte;
  for (int c = 0; c < 256; ++c) every_byte += static_cast<char>(c);
  CHECK(escape_html(every_byte) == kainjow::mustache::html_escape(every_byte));
  for (const std::string s : {"", "&", "''", "x<", ">y", "Phường \"Trường Thi\" & 'Tân An'", "&&<<>>\"\"''"})
    CHECK(escape_html(s) == kainjow::mustache::html_escape(s));
}

// escape_html skips eight bytes at a time: specials at every offset of a
// word, and runs of them, must still come out as kainjow wrote them.
TEST_CASE("core: escape_html agrees with kainjow on generated text") {
  std::mt19937 rng(42);
  const std::string alphabet = "ab &<>\"'ờ\xE1";
  int mismatches = 0;
  for (int i = 0; i < 5000; ++i) {
    std::string s;
    for (std::size_t n = rng() % 40; n > 0; --n) s += alphabet[rng() % alphabet.size()];
    std::string appended = "x";
    append_escaped_html(s, appended);
    if (escape_html(s) != kainjow::mustache::html_escape(s) || appended != "x" + escape_html(s)) ++mismatches;
  }
  CHECK(mismatches == 0);
}
