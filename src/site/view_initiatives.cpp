// The initiative catalogue and its facet pages: every model, with the count
// of each facet value, each value a static page of its own.
#include <iterator>

#include "i18n/format.hpp"
#include "site/facets.hpp"
#include "site/view_parts.hpp"

namespace mb::site {

namespace {

// Facets with more values than this are not listed in full on facet pages.
constexpr std::size_t kLongFacet = 40;

}  // namespace

std::string facet_label(const ViewContext& ctx, const std::string& facet, const std::string& value, Lang lang) {
  if (facet == "field") {
    const content::Field* f = ctx.site.catalogue.field(value);
    return f ? f->name[lang] : value;
  }
  if (facet == "locality") {
    const model::Locality* l = ctx.site.locality(value);
    return l ? l->page->in(lang).title : value;
  }
  if (facet == "status") return label(ctx, lang, "status", value);
  return value;
}

void add_initiatives(const ViewContext& ctx, const Route& route, Data& d) {
  Lang lang = route.lang;
  bool faceted = route.kind == RouteKind::initiative_facet;
  const std::vector<const model::Page*>& all = ctx.facets.all;
  Data items = list();
  for (const model::Page* p : faceted ? ctx.facets.of(route.key, route.value) : all) {
    Data item = initiative_summary(ctx, *p, lang);
    const model::Locality* loc = ctx.site.locality(p->locality);
    item.set("locality", loc ? link_data(ctx, *loc->page, lang) : Data(false));
    items.push_back(std::move(item));
  }
  set_list(d, "initiatives", std::move(items));
  d.set("count", i18n::format_number(static_cast<double>(all.size()), lang));

  // Facets with their counts; the current value is marked and not linked.
  // A facet page lists a long facet (a national site's 3,000 localities)
  // only by its current value and a link to the catalogue's full list:
  // listing every value on every facet page would make the catalogue grow
  // with the square of the site, and each page heavy for a phone. For the
  // same reason a long facet's other values are not even visited here.
  auto value_data = [&](std::size_t i) {
    const auto& [facet, value] = ctx.facets.values[i];
    Data v;
    v.set("label", facet_label(ctx, facet, value, lang));
    v.set("url", ctx.urls.initiative_facet(facet, value, lang));
    v.set("count", i18n::format_number(static_cast<double>(ctx.facets.initiatives[i].size()), lang));
    v.set("current", faceted && route.key == facet && route.value == value);
    return v;
  };
  Data facets = list();
  for (std::size_t f = 0; f < std::size(kFacets); ++f) {
    const char* facet = kFacets[f];
    auto [begin, end] = ctx.facets.ranges[f];
    if (begin == end) continue;
    bool folded = faceted && end - begin > kLongFacet;
    Data values = list();
    if (!folded) {
      for (std::size_t i = begin; i < end; ++i) values.push_back(value_data(i));
    } else if (route.key == facet) {
      if (std::size_t i = ctx.facets.find(facet, route.value); i != ctx.facets.values.size())
        values.push_back(value_data(i));
    }
    Data entry;
    entry.set("name", ui(ctx.theme, lang, std::string("facet_") + facet));
    entry.set("id", std::string("facet-") + facet);
    entry.set("values", std::move(values));
    entry.set("full_list", folded ? Data(ctx.urls.initiatives(lang) + "#facet-" + facet) : Data(false));
    facets.push_back(std::move(entry));
  }
  set_list(d, "facets", std::move(facets));
  d.set("initiatives_url", ctx.urls.initiatives(lang));
  d.set("faceted", faceted);
  if (faceted) {
    d.set("facet_name", ui(ctx.theme, lang, "facet_" + route.key));
    d.set("facet_label", facet_label(ctx, route.key, route.value, lang));
  }
}

}  // namespace mb::site
