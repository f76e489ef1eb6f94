// Routes: one per page per language, plus the list pages. Two routes that
// would write the same file are an error naming both sources.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "model/site.hpp"
#include "site/urls.hpp"

namespace mb::site {

enum class RouteKind { home, localities, locality, report, initiative, page };

struct Route {
  RouteKind kind = RouteKind::page;
  Lang lang = Lang::vi;
  const model::Page* page = nullptr;  // null for list pages
  std::string path;                   // site-absolute URL path
};

std::vector<Route> plan_routes(const model::Site& site, const Urls& urls, Diagnostics& diags);

}  // namespace mb::site
