// Markdown → HTML with cmark-gfm (tables, strikethrough, autolinks, task
// lists, footnotes), safe by default: raw HTML is removed with a warning,
// and only http(s), mailto and tel links leave the site. Relative links are
// handed to the caller's resolver, which knows the site's routes.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/source_file.hpp"

namespace mb::markdown {

// Registers the GFM extensions; call once before any thread renders.
void initialize();

struct Heading {
  int level = 0;
  std::string id;
  std::string text;
};

struct LinkResult {
  bool ok = true;
  std::string url;  // the href to write when ok
  std::string message;
  std::string hint;
};

struct Options {
  // Heading text → id (the caller supplies Vietnamese-aware slugs).
  std::function<std::string(std::string_view)> make_id;
  // Relative or site-absolute targets ("../initiatives/x.md", "@/pages/about.md").
  std::function<LinkResult(std::string_view target)> resolve_link;
  // Terms to link where they first appear in running text (not in links,
  // headings or code): cited document numbers → their pages.
  std::vector<std::pair<std::string, std::string>> link_terms;
};

struct Output {
  std::string html;
  std::vector<Heading> headings;
  std::string text;  // the plain text, for the search index
};

// Renders file.text() from body_offset on; diagnostics point into `file`.
Output render(const SourceFile& file, std::size_t body_offset, const Options& options, Diagnostics& diags);

// "javascript:alert(1)" → "javascript"; "" when the target has no scheme.
std::string url_scheme(std::string_view url);

}  // namespace mb::markdown
