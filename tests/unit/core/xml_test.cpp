#include "core/xml.hpp"

#include <doctest/doctest.h>

using namespace mb;

TEST_CASE("core: escape_xml escapes the five XML specials and nothing else") {
  CHECK(escape_xml("a & b < c > d \" e ' f") == "a &amp; b &lt; c &gt; d &quot; e &#39; f");
  CHECK(escape_xml("<script>alert('x')</script>") == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
  CHECK(escape_xml("Phường Trường Thi") == "Phường Trường Thi");
  CHECK(escape_xml("&amp;") == "&amp;amp;");  // escaping twice is visible, so never do it
  CHECK(escape_xml("") == "");
}
