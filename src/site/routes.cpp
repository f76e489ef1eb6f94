#include "site/routes.hpp"

#include <map>
#include <utility>

#include "site/facets.hpp"

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

// How an error names a page that no content file makes.
static std::string describe(const Route& r) {
  switch (r.kind) {
    case RouteKind::localities: return "the list of localities";
    case RouteKind::indicators: return "the list of indicators";
    case RouteKind::indicator: return "the page of indicator '" + r.key + "'";
    case RouteKind::initiatives: return "the catalogue of initiatives";
    case RouteKind::initiative_facet: return "the initiatives page for " + r.key + " '" + r.value + "'";
    case RouteKind::documents: return "the list of cited documents";
    case RouteKind::search: return "the search page";
    case RouteKind::not_found: return "the page shown for a missing address (404)";
    case RouteKind::translations: return "the translation status page";
    case RouteKind::document: return "the page of cited document '" + r.key + "'";
    default: return r.path;
  }
}

std::vector<Route> plan_routes(const model::Site& site, const Urls& urls, const std::vector<CitedDocument>& documents,
                               Diagnostics& diags) {
  std::vector<Route> routes;
  for (Lang lang : kLangs) {
    routes.push_back({RouteKind::localities, lang, nullptr, urls.localities(lang), {}, {}});
    routes.push_back({RouteKind::indicators, lang, nullptr, urls.indicators(lang), {}, {}});
    for (const content::IndicatorDef& def : site.catalogue.indicators)
      routes.push_back({RouteKind::indicator, lang, nullptr, urls.indicator(def.id, lang), def.id, {}});
    routes.push_back({RouteKind::initiatives, lang, nullptr, urls.initiatives(lang), {}, {}});
    for (const auto& [facet, value] : facet_values(site))
      routes.push_back({RouteKind::initiative_facet, lang, nullptr, urls.initiative_facet(facet, value, lang), facet, value});
    routes.push_back({RouteKind::documents, lang, nullptr, urls.documents(lang), {}, {}});
    routes.push_back({RouteKind::search, lang, nullptr, urls.search(lang), {}, {}});
    routes.push_back({RouteKind::not_found, lang, nullptr, urls.home(lang) + "404.html", {}, {}});
    routes.push_back({RouteKind::translations, lang, nullptr, urls.translations(lang), {}, {}});
    for (const CitedDocument& doc : documents)
      routes.push_back({RouteKind::document, lang, nullptr, urls.document(doc.slug, lang), doc.slug, {}});
    for (const model::Page& p : site.pages) routes.push_back({route_kind(p.kind), lang, &p, urls.page(p, lang), {}, {}});
  }
  std::map<std::string, const Route*> owner;
  auto name = [](const Route& r) { return r.page ? r.page->in(r.lang).path() : describe(r); };
  for (const Route& r : routes) {
    auto [it, fresh] = owner.emplace(r.path, &r);
    if (fresh) continue;
    const Route* blamed = &r;
    const Route* other = it->second;
    // A free page's slug is the one name an editor chose: content/pages/en.vi.md
    // takes /en/ from the English home page, and it is the file to rename.
    if (other->kind == RouteKind::page && r.kind != RouteKind::page) std::swap(blamed, other);
    std::string path = blamed->page ? name(*blamed) : name(*other);
    diags.add({Severity::error, path, 1, 1, "two pages produce the same URL " + r.path, {}, 1,
               "rename one of them; the other is " + name(*other), {}});
  }
  return routes;
}

}  // namespace mb::site
