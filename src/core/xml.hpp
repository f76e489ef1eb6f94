// Escaping for XML and HTML text and attribute values.
#pragma once

#include <string>
#include <string_view>

namespace mb {

// The five XML specials as entities; ' as &#39;, which every XML and HTML
// reader knows. For feeds, the sitemap and code-built markup.
std::string escape_xml(const std::string& s);

// The same five, with ' as &apos;: what the theme's templates have always
// written into pages (kainjow's html_escape), so pages keep their bytes.
std::string escape_html(const std::string& s);

// escape_html() appended to `out`, for the template engine: no temporary.
void append_escaped_html(std::string_view s, std::string& out);

}  // namespace mb
