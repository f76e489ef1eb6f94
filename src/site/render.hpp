// Rendering: every route through its template, in parallel, plus the CSS,
// static files and attachments, as the list of files the site consists of.
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "config/site_config.hpp"
#include "core/diagnostic.hpp"
#include "core/output_file.hpp"
#include "core/worker_pool.hpp"
#include "indicators/series.hpp"
#include "model/site.hpp"
#include "site/history.hpp"
#include "site/render_cache.hpp"
#include "site/routes.hpp"
#include "theme/theme.hpp"

namespace mb::site {

struct RenderInput {
  const model::Site& site;
  const config::SiteConfig& config;
  const theme::Theme& theme;
  const indicators::Indicators& indicators;
  const History& history;
  const std::string& root;  // site folder, for files copied as they are
};

struct RenderStats {
  std::size_t search_index_bytes[2] = {0, 0};    // by Lang: all the index's files
  std::size_t search_index_files[2] = {0, 0};    // by Lang
  std::size_t search_largest_shard[2] = {0, 0};  // by Lang: the most a one-word query reads of terms
  std::size_t pages = 0;                         // index.html files, whether in the list or given to the sink
};

// Called from the worker threads as pages are rendered: (done, total).
using Progress = std::function<void(std::size_t, std::size_t)>;

// Takes each page as soon as it is rendered, from the worker threads, so the
// build can write it and free it at once.
using PageSink = std::function<void(const OutputFile&)>;

// Told, from the worker threads, when a document's body has been rendered
// for the last time in this render: a build that keeps nothing frees its text.
using BodyDone = std::function<void(const content::Document&)>;

// Renders one site. Made once per build: it checks the theme and plans the
// routes; `serve` keeps it to render the pages of an edited file again.
class SiteRenderer {
 public:
  // Errors (a missing template, colliding routes…) go to `diags`; then ok() is false.
  SiteRenderer(const RenderInput& in, Diagnostics& diags);
  ~SiteRenderer();
  SiteRenderer(const SiteRenderer&) = delete;
  SiteRenderer& operator=(const SiteRenderer&) = delete;

  bool ok() const { return m != nullptr; }

  // The whole site, as render_site() below.
  std::vector<OutputFile> render(WorkerPool& pool, Diagnostics& diags, RenderStats* stats, const Progress& progress,
                                 RenderCache* cache, const PageSink& sink, const BodyDone& body_done = {});

  // The pages made from `page` (one per language), rendered again from its
  // documents' current text. Sound only when nothing but the bodies changed
  // since this renderer was made: lists, links and figures come from the
  // front matter it was made with.
  std::vector<OutputFile> render_pages_of(const model::Page& page, Diagnostics& diags);

 private:
  struct State;
  std::unique_ptr<State> m;
};

// Returns the files sorted by path. Diagnostics are in route order.
// With a cache, pages whose fingerprint did not change since the last call
// are reused instead of rendered (see render_cache.hpp); the output is the same.
// With a sink, every page goes to it instead, and the returned list holds the
// other files only (CSS, search index, open data, static files, attachments).
std::vector<OutputFile> render_site(WorkerPool& pool, const RenderInput& in, Diagnostics& diags,
                                    RenderStats* stats = nullptr, const Progress& progress = {},
                                    RenderCache* cache = nullptr, const PageSink& sink = {});

}  // namespace mb::site
