#include "model/site.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "model/checks.hpp"

namespace mb::model {

using content::Document;
using content::Kind;

const Locality* Site::locality(const std::string& slug) const {
  // Localities are sorted by slug: a national site has thousands.
  auto it = std::lower_bound(localities.begin(), localities.end(), slug,
                             [](const Locality& l, const std::string& s) { return l.page->locality < s; });
  return it != localities.end() && it->page->locality == slug ? &*it : nullptr;
}

const Page* Site::find(Kind kind, const std::string& locality, const std::string& slug) const {
  const Locality* l = this->locality(locality);
  if (l && (kind == Kind::report || kind == Kind::initiative)) {
    for (const Page* p : kind == Kind::report ? l->reports : l->initiatives)
      if (p->slug == slug) return p;
    return nullptr;
  }
  for (const Page& p : pages)
    if (p.kind == kind && p.locality == locality && p.slug == slug) return &p;
  return nullptr;
}

namespace {

std::string twin_path(const Document& d, Lang lang) {
  std::string p = d.path();
  std::string from = std::string(".") + lang_code(d.lang) + ".md";
  p.replace(p.size() - from.size(), from.size(), std::string(".") + lang_code(lang) + ".md");
  return p;
}

void file_error(Diagnostics& diags, const std::string& path, std::string message, std::string hint) {
  Diagnostic d;
  d.path = path;
  d.line = 1;
  d.column = 1;
  d.message = std::move(message);
  d.hint = std::move(hint);
  diags.add(std::move(d));
}

// Twins share (kind, locality, slug); the Vietnamese one is required.
void pair_twins(Site& site, Diagnostics& diags) {
  std::map<std::tuple<Kind, std::string, std::string>, Page> by_key;
  for (const Document& d : site.documents) {
    Page& p = by_key[{d.kind, d.locality, d.slug}];
    p.kind = d.kind;
    p.locality = d.locality;
    p.slug = d.slug;
    (d.lang == Lang::vi ? p.vi : p.en) = &d;
  }
  for (auto& [key, page] : by_key) {
    // A twin that exists but failed to parse was reported already.
    if (!page.vi && site.unreadable.count(twin_path(*page.en, Lang::vi))) continue;
    if (!page.vi) {
      file_error(diags, page.en->path(), "English page has no Vietnamese source",
                 "create " + twin_path(*page.en, Lang::vi) +
                     "; the Vietnamese file is the source and holds the numbers");
      continue;
    }
    if (page.en && !page.en->translation_of.value.empty() && page.en->translation_of.value != page.vi->source_hash()) {
      const auto& t = page.en->translation_of;
      diags.add(page.en->source->at(Severity::warning, t.offset, t.value.size(),
                                    "the Vietnamese source changed since this translation",
                                    "bring the English text up to date with " + page.vi->path() +
                                        ", then set translation_of: " + page.vi->source_hash()));
    }
    if (!page.en && !site.unreadable.count(twin_path(*page.vi, Lang::en)))
      diags.add({Severity::warning, page.vi->path(), 1, 1, "page has no English translation", {}, 1,
                 "create " + twin_path(*page.vi, Lang::en) +
                     "; until then /en/ shows the Vietnamese text with a notice",
                 {}});
    site.pages.push_back(page);
  }
  std::sort(site.pages.begin(), site.pages.end(),
            [](const Page& a, const Page& b) { return a.vi->path() < b.vi->path(); });
}

void index_pages(Site& site, Diagnostics& diags) {
  std::map<std::string, Locality> localities;
  for (const Page& p : site.pages) {
    switch (p.kind) {
      case Kind::home: site.home = &p; break;
      case Kind::locality: localities[p.locality].page = &p; break;
      case Kind::report: localities[p.locality].reports.push_back(&p); break;
      case Kind::initiative: localities[p.locality].initiatives.push_back(&p); break;
      case Kind::page: site.free_pages.push_back(&p); break;
    }
  }
  for (auto& [slug, l] : localities) {
    if (!l.page) {
      // A profile that exists but failed to parse was reported already.
      if (site.unreadable.count("content/localities/" + slug + "/_index.vi.md")) continue;
      const Page* any = !l.reports.empty() ? l.reports.front() : l.initiatives.front();
      file_error(diags, any->vi->path(), "locality '" + slug + "' has no profile page",
                 "create content/localities/" + slug + "/_index.vi.md with its title, kind and province");
      continue;
    }
    std::sort(l.reports.begin(), l.reports.end(), [](const Page* a, const Page* b) {
      const auto& ra = a->vi->report;
      const auto& rb = b->vi->report;
      return std::tie(rb.period_to, rb.period_from, a->slug) < std::tie(ra.period_to, ra.period_from, b->slug);
    });
    std::sort(l.initiatives.begin(), l.initiatives.end(), [](const Page* a, const Page* b) {
      return std::tie(b->vi->initiative.year, a->slug) < std::tie(a->vi->initiative.year, b->slug);
    });
    site.localities.push_back(std::move(l));
  }
  // Attachments in a folder that has no page at all would be published under
  // /files/<slug>/ with nothing to show them: the folder lacks its profile.
  std::set<std::string> bare;
  for (const std::string& a : site.attachments) {  // localities/<slug>/files/<name>
    std::string slug = a.substr(11, a.find('/', 11) - 11);
    if (localities.count(slug) || site.unreadable.count("content/localities/" + slug + "/_index.vi.md") ||
        !bare.insert(slug).second)
      continue;
    file_error(diags, "content/" + a, "locality '" + slug + "' has no profile page",
               "create content/localities/" + slug + "/_index.vi.md with its title, kind and province");
  }
  std::sort(site.free_pages.begin(), site.free_pages.end(), [](const Page* a, const Page* b) {
    return std::tie(a->vi->page.weight, a->slug) < std::tie(b->vi->page.weight, b->slug);
  });
  if (!site.home)
    file_error(diags, "content/_index.vi.md", "the site has no home page",
               "create content/_index.vi.md with a title and a short introduction");
}

}  // namespace

Site build(Inputs inputs, Diagnostics& diags) {
  Site site;
  site.documents = std::move(inputs.documents);
  site.catalogue = std::move(inputs.catalogue);
  site.attachments.insert(inputs.attachments.begin(), inputs.attachments.end());
  site.attachment_files = std::move(inputs.attachment_files);
  site.unreadable = std::move(inputs.unreadable);
  pair_twins(site, diags);
  index_pages(site, diags);
  check_references(site, diags);
  return site;
}

}  // namespace mb::model
