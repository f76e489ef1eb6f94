// What the search index holds for each page: title, kind, locality, period,
// summary, body text and the numbers of cited documents.
#include "i18n/format.hpp"
#include "site/view_parts.hpp"

namespace mb::site {

namespace {

const char* kind_key(RouteKind k) {
  switch (k) {
    case RouteKind::locality: return "locality";
    case RouteKind::report: return "report";
    case RouteKind::initiative: return "initiative";
    case RouteKind::indicator: return "indicator";
    case RouteKind::document: return "cited_document";
    case RouteKind::page: return "page_kind";
    default: return nullptr;
  }
}

}  // namespace

bool searchable(const Route& route) { return kind_key(route.kind) != nullptr; }

SearchEntry search_entry(const ViewContext& ctx, const Route& r, std::string_view text) {
  const Lang lang = r.lang;
  SearchEntry e;
  e.title = route_title(ctx, r);
  e.url = r.path;
  e.kind = ui(ctx.theme, lang, kind_key(r.kind));
  e.body = text;
  if (r.page) {
    const content::Document& doc = r.page->in(lang);
    e.summary = doc.summary;
    if (const model::Locality* loc = r.page->locality.empty() ? nullptr : ctx.site.locality(r.page->locality)) {
      e.locality = loc->page->in(lang).title;
      if (lang == Lang::en) e.extra.push_back(loc->page->vi->title);  // Vietnamese names find English pages too
    }
    if (r.kind == RouteKind::report) {
      const content::ReportFields& rep = r.page->vi->report;
      e.period = i18n::format_period(rep.period_from, rep.period_to, lang);
      for (const auto& cited : rep.directives) e.extra.push_back(cited.value);
    }
  } else if (r.kind == RouteKind::indicator) {
    e.summary = ctx.site.catalogue.indicator(r.key)->definition[lang];
  } else if (r.kind == RouteKind::document) {
    if (const CitedDocument* d = ctx.document_index.by_slug(r.key))
      if (const content::DocumentGloss* g = ctx.site.catalogue.document(d->key)) e.summary = g->title[lang];
  }
  return e;
}

}  // namespace mb::site
