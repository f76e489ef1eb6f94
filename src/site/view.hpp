// View models: what a template sees. Every value is text already formatted
// for the page's language; templates only place it (and escape it).
#pragma once

#include <string>

#include "config/site_config.hpp"
#include "content/document.hpp"
#include "indicators/series.hpp"
#include "core/diagnostic.hpp"
#include "model/site.hpp"
#include "site/documents.hpp"
#include "site/facets.hpp"
#include "site/history.hpp"
#include "site/links.hpp"
#include "site/routes.hpp"
#include "site/search.hpp"
#include "site/urls.hpp"
#include "theme/mustache.hpp"
#include "theme/theme.hpp"

namespace mb::site {

using Data = theme::Value;

struct ViewContext {
  const model::Site& site;
  const config::SiteConfig& config;
  const theme::Theme& theme;
  const Urls& urls;
  const LinkResolver& links;
  const indicators::Indicators& indicators;
  const std::vector<CitedDocument>& documents;
  const DocumentIndex& document_index;
  const History& history;
  const FacetIndex& facets;
};

// Shared by every page of one language: UI strings, site title, asset URLs.
Data language_data(const ViewContext& ctx, Lang lang);

// The page's own data; Markdown diagnostics go to `diags`, the body's plain
// text (for the search index) to `text`.
Data page_data(const ViewContext& ctx, const Route& route, Diagnostics& diags, std::string* text = nullptr);

// Whether the search index holds the route: localities, reports,
// initiatives, indicators, cited documents and pages.
bool searchable(const Route& route);

// What the search index holds for a searchable route; `text` is the plain
// text of its body.
SearchEntry search_entry(const ViewContext& ctx, const Route& route, std::string_view text);

// The UI strings the code itself uses (templates' {{t.x}} are checked separately).
void check_strings(const theme::Theme& theme, Diagnostics& diags);

// A figure as {qualifier, number, unit, note, note_lang}, in `lang`'s format.
// `english` is the English twin (for translated notes), or null.
Data quantity_data(const content::Quantity& q, const std::string& key, const std::string& unit, bool percent,
                   Lang lang, const theme::Theme& theme, const content::Document* english);

// The UI string `key` in `lang` ("" if absent; absence is reported by check_strings).
const std::string& ui(const theme::Theme& theme, Lang lang, const std::string& key);

}  // namespace mb::site
