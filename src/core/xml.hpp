// Escaping for XML and HTML text and attribute values.
#pragma once

#include <string>

namespace mb {

// The five XML specials as entities; ' as &#39;, which every XML and HTML
// reader knows. For feeds, the sitemap and code-built markup.
std::string escape_xml(const std::string& s);

// The same five, with ' as &apos;: what kainjow's templates have always
// written into pages, so the theme's output keeps its bytes.
std::string escape_html(const std::string& s);

}  // namespace mb
