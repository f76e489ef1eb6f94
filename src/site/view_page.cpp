// The frame every page shares: title, language switcher, alternates, navigation, body.
#include <algorithm>

#include "i18n/format.hpp"
#include "i18n/text.hpp"
#include "site/view_parts.hpp"

namespace mb::site {

namespace {

Lang other(Lang l) { return l == Lang::vi ? Lang::en : Lang::vi; }



Data navigation(const ViewContext& ctx, const Route& route) {
  Lang lang = route.lang;
  Data nav = list();
  auto item = [&](const std::string& text, const std::string& url) {
    Data i;
    i.set("label", text);
    i.set("url", url);
    bool current = route.path == url ||
                   (url != ctx.urls.home(lang) && route.path.rfind(url, 0) == 0);
    i.set("current", current);
    nav.push_back(std::move(i));
  };
  item(ui(ctx.theme, lang, "home"), ctx.urls.home(lang));
  item(ui(ctx.theme, lang, "localities"), ctx.urls.localities(lang));
  item(ui(ctx.theme, lang, "indicators"), ctx.urls.indicators(lang));
  item(ui(ctx.theme, lang, "initiatives"), ctx.urls.initiatives(lang));
  item(ui(ctx.theme, lang, "documents"), ctx.urls.documents(lang));
  item(ui(ctx.theme, lang, "search"), ctx.urls.search(lang));
  return nav;
}

// Free pages (about, methodology…) are linked from the footer, keeping the
// main navigation short enough for a phone.
Data footer_links(const ViewContext& ctx, const Route& route) {
  Data links = list();
  for (const model::Page* p : ctx.site.free_pages) {
    Data l = link_data(ctx, *p, route.lang);
    l.set("current", route.page == p);
    links.push_back(std::move(l));
  }
  return links;
}

}  // namespace

std::string twin_path(const ViewContext& ctx, const Route& route, Lang lang) {
  if (route.page) return ctx.urls.page(*route.page, lang);
  switch (route.kind) {
    case RouteKind::localities: return ctx.urls.localities(lang);
    case RouteKind::indicators: return ctx.urls.indicators(lang);
    case RouteKind::initiatives: return ctx.urls.initiatives(lang);
    case RouteKind::initiative_facet: return ctx.urls.initiative_facet(route.key, route.value, lang);
    case RouteKind::documents: return ctx.urls.documents(lang);
    case RouteKind::search: return ctx.urls.search(lang);
    case RouteKind::not_found: return ctx.urls.home(lang) + "404.html";
    case RouteKind::translations: return ctx.urls.translations(lang);
    case RouteKind::document: return ctx.urls.document(route.key, lang);
    case RouteKind::indicator: return ctx.urls.indicator(route.key, lang);
    default: return ctx.urls.home(lang);
  }
}

std::string route_title(const ViewContext& ctx, const Route& route) {
  if (route.page) return route.page->in(route.lang).title;
  switch (route.kind) {
    case RouteKind::indicators: return ui(ctx.theme, route.lang, "indicators");
    case RouteKind::indicator: return ctx.site.catalogue.indicator(route.key)->name[route.lang];
    case RouteKind::initiatives: return ui(ctx.theme, route.lang, "initiative_catalogue");
    case RouteKind::documents: return ui(ctx.theme, route.lang, "documents");
    case RouteKind::search: return ui(ctx.theme, route.lang, "search");
    case RouteKind::not_found: return ui(ctx.theme, route.lang, "not_found");
    case RouteKind::translations: return ui(ctx.theme, route.lang, "translation_status");
    case RouteKind::document: return document_title(ctx, route.key, route.lang);
    case RouteKind::initiative_facet:
      return ui(ctx.theme, route.lang, "initiative_catalogue") + ": " + facet_label(ctx, route.key, route.value, route.lang);
    default: return ui(ctx.theme, route.lang, "localities");
  }
}

std::string label(const ViewContext& ctx, Lang lang, const std::string& prefix, const std::string& value) {
  std::string key = prefix + "_" + value;
  std::replace(key.begin(), key.end(), '-', '_');
  return ui(ctx.theme, lang, key);
}

Data link_data(const ViewContext& ctx, const model::Page& page, Lang lang) {
  Data d;
  d.set("title", page.in(lang).title);
  d.set("url", ctx.urls.page(page, lang));
  d.set("title_lang", lang == Lang::en && !page.translated() ? Data("vi") : Data(false));
  d.set("summary", optional(page.in(lang).summary));
  return d;
}

void add_body(const ViewContext& ctx, const Route& route, const content::Document& doc, Data& d,
              Diagnostics& diags, std::string* text) {
  markdown::Options options;
  // Ids of long Vietnamese headings are cut at a word boundary: short enough to share as a link.
  options.make_id = [](std::string_view text) {
    std::string id = i18n::slugify(text);
    if (id.size() > 48) id = id.substr(0, id.rfind('-', 48));
    return id;
  };
  options.resolve_link = [&](std::string_view target) { return ctx.links.resolve(doc, route.lang, target); };
  if (doc.kind == content::Kind::report)
    for (const auto& cited : route.page->vi->report.directives)
      if (const CitedDocument* d = ctx.document_index.find(cited.value, doc.locality))
        options.link_terms.push_back({cited.value, ctx.urls.document(d->slug, route.lang)});
  // An untranslated English page renders the Vietnamese body again: its
  // diagnostics were already reported for the Vietnamese route.
  Diagnostics discard;
  markdown::Output out = markdown::render(*doc.source, doc.body_offset, options,
                                          doc.lang == route.lang ? diags : discard);
  d.set("body", optional(std::move(out.html)));
  if (text) *text = std::move(out.text);
  struct Entry {
    Data item;
    Data children = list();
  };
  std::vector<Entry> entries;
  for (const markdown::Heading& h : out.headings) {
    if (h.level != 2 && !(h.level == 3 && !entries.empty())) continue;
    Data item;
    item.set("id", h.id);
    item.set("text", h.text);
    if (h.level == 2)
      entries.push_back({std::move(item)});
    else
      entries.back().children.push_back(std::move(item));
  }
  Data toc = list();
  for (Entry& e : entries) {
    set_list(e.item, "children", std::move(e.children));
    toc.push_back(std::move(e.item));
  }
  set_list(d, "toc", std::move(toc));
}

Data page_data(const ViewContext& ctx, const Route& route, Diagnostics& diags, std::string* text) {
  Lang lang = route.lang;
  Data d;
  std::string title = route_title(ctx, route);
  d.set("title", title);
  d.set("page_title", route.kind == RouteKind::home ? ctx.config.title[lang] : title + " · " + ctx.config.title[lang]);
  d.set("canonical", ctx.urls.absolute(route.path));
  d.set("og_type", route.kind == RouteKind::report ? "article" : "website");
  d.set("og_locale", lang == Lang::vi ? "vi_VN" : "en_US");
  d.set("og_locale_alternate", lang == Lang::vi ? "en_US" : "vi_VN");
  d.set("nav", navigation(ctx, route));
  set_list(d, "footer_links", footer_links(ctx, route));

  bool translated = !route.page || route.page->translated();
  d.set("untranslated", lang == Lang::en && !translated);
  d.set("content_lang", lang == Lang::en && !translated ? Data("vi") : Data(false));
  d.set("summary", false);
  d.set("body", false);
  set_list(d, "toc", list());
  Data alternates = list();
  for (Lang l : kLangs) {
    if (l == Lang::en && !translated) continue;
    Data a;
    a.set("hreflang", lang_code(l));
    a.set("href", ctx.urls.absolute(twin_path(ctx, route, l)));
    alternates.push_back(std::move(a));
  }
  Data x_default;
  x_default.set("hreflang", "x-default");
  x_default.set("href", ctx.urls.absolute(twin_path(ctx, route, Lang::vi)));
  alternates.push_back(std::move(x_default));
  d.set("alternates", std::move(alternates));
  d.set("switch_url", twin_path(ctx, route, other(lang)));
  d.set("switch_lang", lang_code(other(lang)));
  d.set("switch_label", ui(ctx.theme, lang, "switch_label"));

  d.set("updated", false);
  d.set("edit_url", false);
  d.set("page_meta", false);
  if (route.page) {
    const content::Document& doc = route.page->in(lang);
    d.set("summary", optional(doc.summary));
    if (std::optional<Date> updated = ctx.history.of(doc.path())) {
      d.set("updated", i18n::format_date(*updated, lang, i18n::DateStyle::long_form));
      d.set("updated_iso", to_iso(*updated));
    }
    if (!ctx.config.edit_url.empty()) d.set("edit_url", ctx.config.edit_url + doc.path());
    d.set("page_meta", ctx.history.of(doc.path()).has_value() || !ctx.config.edit_url.empty());
    add_body(ctx, route, doc, d, diags, text);
  }
  switch (route.kind) {
    case RouteKind::home: add_home(ctx, route, d); break;
    case RouteKind::localities: add_localities(ctx, route, d); break;
    case RouteKind::locality:
      add_locality(ctx, route, d);
      add_dashboard(ctx, route, d);
      break;
    case RouteKind::report:
      add_report(ctx, route, d);
      add_report_figures(ctx, route, d);
      break;
    case RouteKind::indicators: add_indicators(ctx, route, d); break;
    case RouteKind::initiatives:
    case RouteKind::initiative_facet: add_initiatives(ctx, route, d); break;
    case RouteKind::documents: add_documents(ctx, route, d); break;
    case RouteKind::not_found: break;
    case RouteKind::translations: add_translations(ctx, route, d); break;
    case RouteKind::search:
      d.set("index_url", ctx.urls.search(lang) + "index.json");
      d.set("script_url", ctx.urls.asset("js/search.js"));
      break;
    case RouteKind::document: add_document(ctx, route, d); break;
    case RouteKind::indicator:
      d.set("summary", ctx.site.catalogue.indicator(route.key)->definition[lang]);
      add_indicator(ctx, route, d);
      break;
    case RouteKind::initiative: add_initiative(ctx, route, d); break;
    case RouteKind::page: break;
  }
  return d;
}

std::vector<const model::Locality*> localities_by_name(const model::Site& site) {
  std::vector<const model::Locality*> out;
  for (const model::Locality& l : site.localities) out.push_back(&l);
  std::sort(out.begin(), out.end(), [](const model::Locality* a, const model::Locality* b) {
    return i18n::compare_vi(a->page->vi->title, b->page->vi->title) < 0;
  });
  return out;
}

}  // namespace mb::site
