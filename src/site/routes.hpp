// Routes: one per page per language, plus the list pages. Two routes that
// would write the same file are an error naming both sources.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "model/site.hpp"
#include "site/documents.hpp"
#include "site/urls.hpp"

namespace mb::site {

enum class RouteKind {
  home, localities, locality, report, initiative, page,  // pages from content files (and the list of localities)
  indicators, indicator,                                 // the indicator catalogue and one page per indicator
  initiatives, initiative_facet,                         // the initiative catalogue and its facet pages
  documents, document,                                   // cited documents
  search,                                                // the search page (its index beside it)
  not_found,                                             // 404.html, where static hosts look for it
  translations                                           // translation status, for editors
};

// The facets of the initiative catalogue, in the order pages show them.
inline constexpr const char* kFacets[] = {"field", "year", "locality", "status"};

struct Route {
  RouteKind kind = RouteKind::page;
  Lang lang = Lang::vi;
  const model::Page* page = nullptr;  // null for list pages
  std::string path;                   // site-absolute URL path
  std::string key;                    // indicator id, document slug, or facet for pages not made from a file
  std::string value;                  // the facet's value (field id, year, locality slug, status)
};

std::vector<Route> plan_routes(const model::Site& site, const Urls& urls, const std::vector<CitedDocument>& documents,
                               Diagnostics& diags);

}  // namespace mb::site
