#include "site/pipeline.hpp"

#include <algorithm>
#include <atomic>
#include <future>
#include <unordered_map>

#include "config/site_config.hpp"
#include "indicators/series.hpp"
#include "model/site.hpp"
#include "site/history.hpp"
#include "site/sources.hpp"
#include "theme/theme.hpp"

namespace mb::site {

struct Retained {
  std::string root;
  config::SiteConfig config;
  model::Site site;
  indicators::Indicators indicators;
  theme::Theme theme;
  History history;
  std::unique_ptr<SiteRenderer> renderer;  // refers to the members above: a Retained never moves
};

PipelineResult run_pipeline(WorkerPool& pool, const FileSystem& fs, const PipelineOptions& options, Diagnostics& diags) {
  PipelineResult result;
  auto stage = [&](const char* name) {
    if (options.on_stage) options.on_stage(name);
  };
  const std::string& root = options.root;
  std::optional<config::SiteConfig> config = load_config(fs, root, diags);
  if (!config) return result;
  if (!options.base_url.empty()) {
    config::split_base_url(options.base_url, config->origin, config->base_path);
    config->base_url = config->origin + config->base_path;
  }
  result.base_path = config->base_path;
  stage("config");
  // `git log` over the whole history takes as long as the history is long:
  // it runs beside the scan and parse rather than before the render.
  std::future<History> history = std::async(std::launch::async, read_history, root);
  // So does the theme (its Sass and templates), which needs only the
  // configuration; its diagnostics follow the content's, as they always did.
  Diagnostics theme_diags;
  std::future<theme::Theme> theme =
      std::async(std::launch::async, [&] { return theme::load(fs, root, *config, theme_diags); });
  Sources sources = scan_sources(fs, root, diags, &pool);
  stage("scan");
  model::Inputs inputs = parse_sources(pool, sources, diags);
  stage("parse");
  auto built = std::make_shared<Retained>();
  Retained& b = *built;
  b.root = root;
  b.site = model::build(std::move(inputs), diags);
  stage("model");
  b.indicators = indicators::build(b.site, diags);
  stage("derive");
  b.theme = theme.get();
  diags.append(theme_diags);
  stage("theme");
  if (diags.has_errors()) return result;
  normalize_theme(b.theme);
  b.config = std::move(*config);
  b.history = history.get();
  result.history = b.history.available;
  stage("history");
  b.renderer = std::make_unique<SiteRenderer>(RenderInput{b.site, b.config, b.theme, b.indicators, b.history, b.root}, diags);
  stage("plan");
  // A build that keeps nothing frees each body's text once its pages are
  // rendered: the memory then serves the search index, which is made last
  // (a fifth less at the peak; memory here is paid for at its first touch).
  std::unordered_map<const SourceFile*, SourceFile*> releasable;
  if (!options.retain && !options.cache)
    for (const std::shared_ptr<SourceFile>& file : sources.documents) releasable.emplace(file.get(), file.get());
  std::atomic<std::size_t> released{0};
  BodyDone release;
  if (!releasable.empty())
    release = [&](const content::Document& doc) {
      releasable.at(doc.source.get())->release_text();
      ++released;
    };
  if (b.renderer->ok())
    result.files =
        b.renderer->render(pool, diags, &result.stats, options.on_progress, options.cache, options.on_page, release);
  result.released = released;
  stage("render");
  result.ok = !diags.has_errors();
  if (result.ok && options.retain) result.retained = std::move(built);
  return result;
}

std::optional<std::vector<OutputFile>> quick_render(Retained& retained, const FileSystem& fs,
                                                    const std::vector<std::string>& changed) {
  if (changed.empty()) return std::nullopt;
  std::vector<content::Document>& documents = retained.site.documents;
  // Every file is checked before the model changes, so that a refusal leaves it as it was.
  std::vector<std::pair<content::Document*, std::shared_ptr<const SourceFile>>> updates;
  for (const std::string& path : changed) {
    auto doc = std::find_if(documents.begin(), documents.end(), [&](const content::Document& d) { return d.path() == path; });
    const std::string full = join_path(retained.root, path);
    if (doc == documents.end() || fs.is_link(full) || !fs.is_file(full)) return std::nullopt;
    Diagnostics diags;
    std::shared_ptr<const SourceFile> source = read_text(fs, retained.root, path, diags);
    if (!source || diags.has_errors()) return std::nullopt;
    std::string_view before = doc->source->text(), after = source->text();
    const std::size_t front = doc->body_offset;
    if (after.size() < front || after.substr(0, front) != before.substr(0, front)) return std::nullopt;
    updates.emplace_back(&*doc, std::move(source));
  }
  std::vector<const model::Page*> pages;
  for (auto& [doc, source] : updates) {
    doc->source = std::move(source);
    for (const model::Page& page : retained.site.pages)
      if ((page.vi == doc || page.en == doc) && std::find(pages.begin(), pages.end(), &page) == pages.end())
        pages.push_back(&page);
  }
  Diagnostics diags;
  std::vector<OutputFile> files;
  for (const model::Page* page : pages)
    for (OutputFile& f : retained.renderer->render_pages_of(*page, diags)) files.push_back(std::move(f));
  if (diags.has_errors()) return std::nullopt;  // the full build reports them
  return files;
}

}  // namespace mb::site
