#include "site/render.hpp"

#include <algorithm>
#include <atomic>
#include <future>
#include <memory>
#include <optional>
#include <set>

#include "core/assert.hpp"
#include "core/file_system.hpp"
#include "core/hash.hpp"
#include "core/xml.hpp"
#include "indicators/open_data.hpp"
#include "site/search.hpp"
#include "site/view.hpp"
#include "site/view_parts.hpp"

namespace mb::site {

namespace {

const char* template_name(RouteKind k) {
  switch (k) {
    case RouteKind::home:
      return "home";
    case RouteKind::localities:
      return "localities";
    case RouteKind::locality:
      return "locality";
    case RouteKind::report:
      return "report";
    case RouteKind::initiative:
      return "initiative";
    case RouteKind::page:
      return "page";
    case RouteKind::indicators:
      return "indicators";
    case RouteKind::indicator:
      return "indicator";
    case RouteKind::initiatives:
    case RouteKind::initiative_facet:
      return "initiatives";
    case RouteKind::documents:
      return "documents";
    case RouteKind::document:
      return "document";
    case RouteKind::search:
      return "search";
    case RouteKind::not_found:
      return "404";
    case RouteKind::translations:
      return "translations";
  }
  return "page";
}

// The theme's templates, parsed once and shared by every worker.
using Compiled = std::map<std::string, theme::Template>;

Compiled compile(const theme::Theme& theme) {
  Compiled out;
  for (const auto& [name, text] : theme.templates) out.emplace(name, theme::Template(text, append_escaped_html));
  return out;
}

void check_templates(const theme::Theme& theme, Diagnostics& diags) {
  for (RouteKind k :
       {RouteKind::home, RouteKind::localities, RouteKind::locality, RouteKind::report, RouteKind::initiative,
        RouteKind::page, RouteKind::indicators, RouteKind::indicator, RouteKind::initiatives, RouteKind::documents,
        RouteKind::document, RouteKind::search, RouteKind::not_found, RouteKind::translations})
    if (!theme.templates.count(template_name(k)))
      diags.error(theme.dir + "/templates",
                  std::string("the theme has no '") + template_name(k) + ".mustache' template",
                  "every theme provides home, localities, locality, report, initiative and page templates");
}

void mix(std::uint64_t& h, std::string_view data) {
  h ^= hash_bytes(data) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
}

std::uint64_t site_fingerprint(const RenderInput& in, const std::vector<Route>& routes) {
  std::uint64_t h = 0;
  RealFileSystem disk;
  for (const char* file :
       {"site.yaml", "data/indicators.yaml", "data/fields.yaml", "data/measures.yaml", "data/documents.yaml"}) {
    mix(h, file);
    mix(h, disk.read(join_path(in.root, file), nullptr).value_or(""));
  }
  mix(h, in.config.base_url);
  for (const auto& [name, text] : in.theme.templates) mix(h, name), mix(h, text);
  for (Lang lang : kLangs)
    if (in.theme.table(lang).file) mix(h, in.theme.table(lang).file->text());
  mix(h, in.theme.css);
  for (const theme::StaticFile& s : in.theme.static_files) mix(h, s.output), mix(h, s.source);
  for (const std::string& a : in.site.attachments) mix(h, a);
  for (const content::Document& d : in.site.documents) {
    mix(h, d.path());
    mix(h, std::string_view(d.source->text()).substr(0, d.body_offset));
  }
  for (const auto& [path, date] : in.history.dates) mix(h, path), mix(h, to_iso(date));
  for (const Route& r : routes) mix(h, r.path);
  return h ? h : 1;
}

std::uint64_t route_fingerprint(std::uint64_t site_print, const Route& route) {
  std::uint64_t h = site_print;
  mix(h, route.path);
  if (route.page) {
    mix(h, route.page->vi->source->text());
    if (route.page->en) mix(h, route.page->en->source->text());
  }
  return h ? h : 1;
}

}  // namespace

// Everything rendering needs beyond its input, made once: the routes, the
// link resolver, the facet index, the data every page of a language shares.
// Members refer to each other, so a State never moves (it lives behind a
// unique_ptr).
struct SiteRenderer::State {
  State(const RenderInput& in, Diagnostics& diags)
      : in(in),
        urls(in.config.base_path, in.config.origin, in.theme),
        documents(cited_documents(in.site)),
        document_index(documents),
        routes(plan_routes(in.site, urls, documents, diags)),
        route_paths(paths_of(routes)),
        links(in.site, urls, route_paths),
        facets(index_facets(in.site)),
        ctx{in.site, in.config, in.theme, urls, links, in.indicators, documents, document_index, in.history, facets} {}

  static std::set<std::string> paths_of(const std::vector<Route>& routes) {
    std::set<std::string> out;
    for (const Route& r : routes) out.insert(r.path);
    return out;
  }

  // Renders a route through its template, into `html` (emptied first).
  void render(const Route& route, Diagnostics& diags, std::string* text, std::string& html) const {
    Data page = page_data(ctx, route, diags, text);
    html.clear();
    compiled.at(template_name(route.kind)).render({&shared[lang_index(route.lang)], &page}, html);
  }
  std::string render(const Route& route, Diagnostics& diags, std::string* text) const {
    std::string html;
    render(route, diags, text, html);
    return html;
  }

  RenderInput in;
  Urls urls;
  std::vector<CitedDocument> documents;
  DocumentIndex document_index;
  std::vector<Route> routes;
  std::set<std::string> route_paths;
  LinkResolver links;
  FacetIndex facets;
  ViewContext ctx;
  Data shared[2];
  Compiled compiled;
};

SiteRenderer::SiteRenderer(const RenderInput& in, Diagnostics& diags) {
  check_templates(in.theme, diags);
  check_strings(in.theme, diags);
  if (diags.has_errors()) return;
  m = std::make_unique<State>(in, diags);
  if (diags.has_errors()) {
    m.reset();
    return;
  }
  m->compiled = compile(in.theme);
  m->shared[0] = language_data(m->ctx, Lang::vi);
  m->shared[1] = language_data(m->ctx, Lang::en);
}

SiteRenderer::~SiteRenderer() = default;

std::vector<OutputFile> SiteRenderer::render_pages_of(const model::Page& page, Diagnostics& diags) {
  MB_ASSERT(m);
  std::vector<OutputFile> out;
  for (const Route& route : m->routes)
    if (route.page == &page) out.push_back({m->urls.output_path(route.path), m->render(route, diags, nullptr), {}});
  return out;
}

std::vector<OutputFile> render_site(WorkerPool& pool, const RenderInput& in, Diagnostics& diags, RenderStats* stats,
                                    const Progress& progress, RenderCache* cache, const PageSink& sink) {
  SiteRenderer renderer(in, diags);
  if (!renderer.ok()) return {};
  return renderer.render(pool, diags, stats, progress, cache, sink);
}

std::vector<OutputFile> SiteRenderer::render(WorkerPool& pool, Diagnostics& diags, RenderStats* stats,
                                             const Progress& progress, RenderCache* cache, const PageSink& sink,
                                             const BodyDone& body_done) {
  MB_ASSERT(m);
  std::vector<OutputFile> files;
  const RenderInput& in = m->in;
  const Urls& urls = m->urls;
  const std::vector<Route>& routes = m->routes;
  const ViewContext& ctx = m->ctx;
  std::vector<OutputFile> pages(routes.size());
  std::vector<Diagnostics> local(routes.size());
  std::vector<std::string> texts(routes.size());
  std::atomic<std::size_t> done{0};
  const std::uint64_t site_print = cache ? site_fingerprint(in, routes) : 0;
  std::vector<std::uint64_t> prints(routes.size(), 0);
  std::atomic<std::size_t> reused{0};
  // With a sink, the files made beside the pages go out from the thread that
  // made them as soon as they are made, and only their paths stay (to find
  // two sources of one file): their memory then serves the pages still to
  // render, and their writing is not left for the end.
  auto deliver = [&](std::vector<OutputFile> made) {
    if (sink)
      for (OutputFile& f : made) {
        sink(f);
        std::string().swap(f.data);
      }
    return made;
  };
  // Feeds, sitemap and open data read only the model: made on a thread of
  // their own from the start, so they fill the cores' idle moments rather
  // than wait for the pages. The feeds and sitemap (13 MB at 10k pages) go
  // out before the open data is made, which can then reuse their memory.
  std::future<std::vector<OutputFile>> model_files = std::async(std::launch::async, [&] {
    std::vector<OutputFile> out = deliver(machine_files(ctx, routes));
    indicators::OpenDataOptions open{[&](const model::Page& p) { return urls.absolute(urls.page(p, Lang::vi)); },
                                     in.config.title.vi, in.config.base_url};
    for (OutputFile& f : deliver(indicators::open_data(in.indicators, open))) out.push_back(std::move(f));
    return out;
  });
  // Without serve's cache, a page goes to the sink from its worker's buffer,
  // which keeps its capacity from one page to the next: no page grows a
  // string of its own from nothing, copying itself at every doubling.
  std::vector<std::string> buffers(sink && !cache ? pool.size() : 0);
  auto render_page = [&](std::size_t i, unsigned worker) {
    if (buffers.empty()) {
      pages[i].data = m->render(routes[i], local[i], &texts[i]);
      return;
    }
    m->render(routes[i], local[i], &texts[i], buffers[worker]);
    pages[i].data = std::move(buffers[worker]);
  };
  // Each searchable page's words are cut by the worker that rendered it,
  // while its text is fresh, into its language's index; entries keep the
  // rest of what the index shows. doc[i]: routes[i]'s place in its index.
  constexpr std::size_t kNotSearched = SIZE_MAX;
  std::vector<std::size_t> doc(routes.size(), kNotSearched);
  std::vector<SearchEntry> entries[2];
  for (std::size_t i = 0; i < routes.size(); ++i) {
    if (!searchable(routes[i])) continue;
    std::vector<SearchEntry>& of_lang = entries[lang_index(routes[i].lang)];
    doc[i] = of_lang.size();
    of_lang.emplace_back();
  }
  SearchIndexer indexers[2] = {{entries[0].size(), pool.size()}, {entries[1].size(), pool.size()}};
  // A language's index is finished as soon as its last page is in, by the
  // worker that indexed that page, while the others render the other
  // language's pages: the Vietnamese pages go first, so its large index no
  // longer waits for them all at the end. The largest pages (indicators, and
  // the translation status) go between the languages: the Vietnamese bodies
  // are freed by then, and their memory serves those pages' large view
  // models (100 MB less at 50k pages, where each is about 50 MB), while the English
  // pages still to come keep both cores busy to the end. On a worker rather
  // than a thread of its own, because the
  // allocator hands a thread back only the memory that thread freed: a
  // worker reuses what the pages and bodies it rendered held, where a new
  // thread would touch new memory (55 MB more at 10k pages).
  std::atomic<std::size_t> unindexed[2] = {entries[0].size(), entries[1].size()};
  std::optional<std::vector<OutputFile>> finished[2];
  auto finish_index = [&](std::size_t l) {
    std::vector<OutputFile> index = indexers[l].finish(entries[l]);
    for (OutputFile& f : index) {
      if (stats) {
        stats->search_index_bytes[l] += f.data.size();
        stats->search_index_files[l] += 1;
        if (f.path.starts_with("terms/"))
          stats->search_largest_shard[l] = std::max(stats->search_largest_shard[l], f.data.size());
      }
      f.path = urls.output_path(urls.search(kLangs[l]) + f.path);
    }
    return deliver(std::move(index));
  };
  auto index_page = [&](std::size_t i, unsigned worker) {
    if (doc[i] == kNotSearched) return;
    const std::size_t l = lang_index(routes[i].lang);
    SearchEntry e = search_entry(ctx, routes[i], texts[i]);
    indexers[l].add(doc[i], worker, e);
    e.body = {};
    entries[l][doc[i]] = std::move(e);
    if (--unindexed[l] == 0) finished[l] = finish_index(l);
  };
  // How many routes have still to render each document's body (an
  // untranslated English page renders the Vietnamese one again): the last
  // hands the document to body_done.
  const std::vector<content::Document>& documents = in.site.documents;
  std::vector<std::atomic<unsigned>> body_uses(body_done ? documents.size() : 0);
  auto body_of = [&](const Route& r) -> std::atomic<unsigned>& {
    return body_uses[&r.page->in(r.lang) - documents.data()];
  };
  if (body_done)
    for (const Route& r : routes)
      if (r.page) ++body_of(r);
  std::vector<std::size_t> order(routes.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto rank = [&](std::size_t i) {
    bool large = routes[i].kind == RouteKind::indicator || routes[i].kind == RouteKind::translations;
    return lang_index(routes[i].lang) == 0 ? large : 3 - large;  // vi, vi large, en large, en
  };
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return rank(a) < rank(b); });
  pool.parallel_for(routes.size(), [&](std::size_t k, unsigned worker) {
    const std::size_t i = order[k];
    const Route& route = routes[i];
    pages[i].path = urls.output_path(route.path);
    bool hit_cache = false;
    if (cache && route.kind != RouteKind::translations) {
      prints[i] = route_fingerprint(site_print, route);
      // Workers only read the cache here; it is updated after the loop.
      auto hit = cache->pages.find(pages[i].path);
      if (hit != cache->pages.end() && hit->second.fingerprint == prints[i]) {
        pages[i].data = hit->second.html;
        texts[i] = hit->second.text;
        local[i] = hit->second.diags;
        ++reused;
        hit_cache = true;
      }
    }
    if (!hit_cache) render_page(i, worker);
    if (body_done && route.page && --body_of(route) == 0) body_done(route.page->in(route.lang));
    index_page(i, worker);
    if (!cache) std::string().swap(texts[i]);  // in the index now; only serve's cache keeps texts
    if (sink) {
      sink(pages[i]);
      if (!cache) {
        buffers[worker] = std::move(pages[i].data);
        pages[i].data.clear();
      }
    }
    if (progress) progress(++done, routes.size());
  });

  if (cache) {
    cache->reused = reused;
    std::map<std::string, CachedPage> next;
    for (std::size_t i = 0; i < routes.size(); ++i)
      if (prints[i]) next[pages[i].path] = {prints[i], pages[i].data, texts[i], local[i]};
    cache->pages = std::move(next);
  }
  for (Diagnostics& d : local) diags.append(d);
  if (stats)
    for (const OutputFile& p : pages) stats->pages += p.path.size() >= 10 && p.path.ends_with("index.html");

  // Every output path, to find two sources writing the same file.
  std::vector<std::pair<std::string, std::string>> made;  // path, source
  if (!sink)
    files = std::move(pages);
  else
    for (const OutputFile& p : pages) made.push_back({p.path, p.path});
  std::vector<OutputFile> beside = model_files.get();  // delivered already when there is a sink
  for (std::size_t l = 0; l < 2; ++l) {
    if (!finished[l]) finished[l] = finish_index(l);  // a language without searchable pages
    for (OutputFile& f : *finished[l]) beside.push_back(std::move(f));
  }
  for (OutputFile& f : beside) {
    if (sink)
      made.push_back({f.path, f.path});
    else
      files.push_back(std::move(f));
  }
  if (!in.theme.css.empty()) files.push_back({"css/main.css", in.theme.css, {}});
  for (const theme::StaticFile& s : in.theme.static_files)
    files.push_back({s.output, {}, join_path(in.root, s.source)});
  for (const std::string& a : in.site.attachments) {
    // localities/<l>/files/<name> → files/<l>/<name>, read under its name on disk
    std::string locality = a.substr(11, a.find('/', 11) - 11);
    std::string name = a.substr(a.find("/files/") + 7);
    auto on_disk = in.site.attachment_files.find(a);
    files.push_back(
        {"files/" + locality + "/" + name,
         {},
         join_path(in.root, "content/" + (on_disk != in.site.attachment_files.end() ? on_disk->second : a))});
  }
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  for (const OutputFile& f : files) made.push_back({f.path, f.copy_from.empty() ? f.path : f.copy_from});
  std::sort(made.begin(), made.end());
  for (std::size_t i = 1; i < made.size(); ++i)
    if (made[i].first == made[i - 1].first)
      diags.error(made[i].second, "two sources produce the same output file " + made[i].first,
                  "rename the static file or the page so each output path is made once");
  return files;
}

}  // namespace mb::site
