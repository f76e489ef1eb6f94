#include "site/routes.hpp"

#include <map>

namespace mb::site {

static RouteKind route_kind(content::Kind k) {
  switch (k) {
    case content::Kind::home: return RouteKind::home;
    case content::Kind::locality: return RouteKind::locality;
    case content::Kind::report: return RouteKind::report;
    case content::Kind::initiative: return RouteKind::initiative;
    case content::Kind::page: return RouteKind::page;
  }
  return RouteKind::page;
}

std::vector<Route> plan_routes(const model::Site& site, const Urls& urls, Diagnostics& diags) {
  std::vector<Route> routes;
  for (Lang lang : kLangs) {
    routes.push_back({RouteKind::localities, lang, nullptr, urls.localities(lang)});
    for (const model::Page& p : site.pages) routes.push_back({route_kind(p.kind), lang, &p, urls.page(p, lang)});
  }
  std::map<std::string, const Route*> owner;
  for (const Route& r : routes) {
    auto [it, fresh] = owner.emplace(r.path, &r);
    if (fresh) continue;
    const Route* first = it->second;
    std::string first_name = first->page ? first->page->in(first->lang).path() : "the list of localities";
    const std::string& path = r.page ? r.page->in(r.lang).path() : first_name;
    diags.add({Severity::error, path, 1, 1, "two pages produce the same URL " + r.path, {}, 1,
               "rename one of them; the other is " + first_name, {}});
  }
  return routes;
}

}  // namespace mb::site
