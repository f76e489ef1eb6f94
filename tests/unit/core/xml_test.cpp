#include "core/xml.hpp"

#include <doctest/doctest.h>
#include <kainjow/mustache.hpp>

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
