// Reuse of rendered pages between builds of one `serve` session. A page is
// rendered again only when its fingerprint changes. The fingerprint is coarse
// on purpose, so that it is sound without tracking every read:
//   - the site fingerprint covers site.yaml, data/, the theme, every content
//     file's path and front matter, attachments and git dates: anything that
//     any page's lists, navigation, links or figures can show;
//   - a page made from a file adds that file's and its twin's whole text.
// So editing a report's text renders that report's two pages again, and
// editing any front matter renders everything. Pages that read every body
// (translation status) are always rendered, like the search index.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"

namespace mb::site {

struct CachedPage {
  std::uint64_t fingerprint = 0;
  std::string html;
  std::string text;  // body text, for the search index
  Diagnostics diags;
};

struct RenderCache {
  std::map<std::string, CachedPage> pages;  // by output path
  std::size_t reused = 0;                   // in the last render
};

}  // namespace mb::site
