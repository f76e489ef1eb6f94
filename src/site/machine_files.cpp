// Files for machines: an Atom feed per language of reports and initiatives,
// sitemap.xml with the language alternates of every page, robots.txt.
// Dates come from the content, never the clock, so output stays deterministic.
#include <algorithm>

#include "core/xml.hpp"
#include "site/view_parts.hpp"

namespace mb::site {

namespace {

struct FeedEntry {
  const model::Page* page;
  Date updated;
};

// The first day a partial date may stand for: "năm 2026" is not yet over.
Date first_day(Date d) {
  if (d.month == 0) d.month = 1;
  if (d.day == 0) d.day = 1;
  return d;
}

// A report's date, else the end of its period; an initiative's, the newest
// of the reports that mention it, else 1 January of its year.
Date page_date(const model::Site& site, const model::Page& p) {
  if (p.kind == content::Kind::report) return p.vi->report.date ? first_day(*p.vi->report.date) : p.vi->report.period_to;
  Date newest;
  if (const model::Locality* loc = site.locality(p.locality))
    for (const model::Page* r : loc->reports)
      for (const auto& slug : r->vi->report.initiatives)
        if (slug.value == p.slug) newest = std::max(newest, page_date(site, *r));
  if (newest.year == 0 && p.vi->initiative.year) newest = {static_cast<int>(p.vi->initiative.year), 1, 1};
  return newest;
}

std::string rfc3339(const Date& d) { return to_iso(d) + "T00:00:00Z"; }

std::string atom(const ViewContext& ctx, Lang lang) {
  std::vector<FeedEntry> entries;
  for (const model::Page& p : ctx.site.pages)
    if (p.kind == content::Kind::report || p.kind == content::Kind::initiative) {
      Date d = page_date(ctx.site, p);
      if (d.year) entries.push_back({&p, d});
    }
  std::stable_sort(entries.begin(), entries.end(), [](const FeedEntry& a, const FeedEntry& b) {
    return a.updated != b.updated ? b.updated < a.updated : a.page->vi->path() < b.page->vi->path();
  });
  const std::string home = ctx.urls.absolute(ctx.urls.home(lang));
  const std::string self = ctx.urls.absolute(ctx.urls.home(lang) + "atom.xml");
  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"" +
                    std::string(lang_code(lang)) + "\">\n";
  out.reserve(1024 + entries.size() * 320);  // about 240 bytes an entry, with its summary
  out += "<title>" + escape_xml(ctx.config.title[lang]) + "</title>\n";
  out += "<id>" + escape_xml(self) + "</id>\n<link rel=\"self\" href=\"" + escape_xml(self) + "\"/>\n<link href=\"" +
         escape_xml(home) + "\"/>\n";
  out += "<updated>" + (entries.empty() ? std::string("1970-01-01T00:00:00Z") : rfc3339(entries.front().updated)) + "</updated>\n";
  out += "<author><name>" + escape_xml(ctx.config.publisher[lang].empty() ? ctx.config.title[lang] : ctx.config.publisher[lang]) +
         "</name></author>\n";
  for (const FeedEntry& e : entries) {
    const content::Document& doc = e.page->in(lang);
    std::string url = ctx.urls.absolute(ctx.urls.page(*e.page, lang));
    std::string kind = ui(ctx.theme, lang, e.page->kind == content::Kind::report ? "report" : "initiative");
    out += "<entry>\n<title>" + escape_xml(doc.title) + "</title>\n<id>" + escape_xml(url) + "</id>\n<link href=\"" +
           escape_xml(url) + "\"/>\n<updated>" + rfc3339(e.updated) + "</updated>\n<category term=\"" + escape_xml(kind) +
           "\"/>\n";
    if (!doc.summary.empty()) out += "<summary>" + escape_xml(doc.summary) + "</summary>\n";
    out += "</entry>\n";
  }
  return out + "</feed>\n";
}

// Pages a route makes in every language, with their twins as alternates.
std::string sitemap(const ViewContext& ctx, const std::vector<Route>& routes) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
      "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
  out.reserve(out.size() + routes.size() * 320);  // about 300 bytes a page with its alternates
  for (const Route& r : routes) {
    if (r.kind == RouteKind::not_found || r.kind == RouteKind::translations) continue;
    out += "<url>\n<loc>" + escape_xml(ctx.urls.absolute(r.path)) + "</loc>\n";
    if (r.page)
      if (std::optional<Date> updated = ctx.history.of(r.page->in(r.lang).path()))
        out += "<lastmod>" + to_iso(*updated) + "</lastmod>\n";
    for (Lang l : kLangs) {
      if (l == Lang::en && r.page && !r.page->translated()) continue;
      out += "<xhtml:link rel=\"alternate\" hreflang=\"" + std::string(lang_code(l)) + "\" href=\"" +
             escape_xml(ctx.urls.absolute(twin_path(ctx, r, l))) + "\"/>\n";
    }
    out += "</url>\n";
  }
  return out + "</urlset>\n";
}

}  // namespace

std::vector<OutputFile> machine_files(const ViewContext& ctx, const std::vector<Route>& routes) {
  std::vector<OutputFile> files;
  for (Lang lang : kLangs) files.push_back({ctx.urls.output_path(ctx.urls.home(lang) + "atom.xml"), atom(ctx, lang), {}});
  files.push_back({"sitemap.xml", sitemap(ctx, routes), {}});
  files.push_back({"robots.txt",
                   "User-agent: *\nAllow: /\nSitemap: " + ctx.urls.absolute(ctx.urls.asset("sitemap.xml")) + "\n", {}});
  return files;
}

}  // namespace mb::site
