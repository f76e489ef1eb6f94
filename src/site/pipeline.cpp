#include "site/pipeline.hpp"

#include "config/site_config.hpp"
#include "indicators/series.hpp"
#include "model/site.hpp"
#include "site/history.hpp"
#include "site/sources.hpp"
#include "theme/theme.hpp"

namespace mb::site {

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
  Sources sources = scan_sources(fs, root, diags);
  stage("scan");
  model::Inputs inputs = parse_sources(pool, sources, diags);
  stage("parse");
  model::Site site = model::build(std::move(inputs), diags);
  stage("model");
  indicators::Indicators indicators = indicators::build(site, diags);
  stage("derive");
  theme::Theme theme = theme::load(fs, root, *config, diags);
  stage("theme");
  if (diags.has_errors()) return result;
  normalize_theme(theme);
  History history = read_history(root);
  result.history = history.available;
  stage("history");
  result.files = render_site(pool, {site, *config, theme, indicators, history, root}, diags, &result.stats,
                             options.on_progress, options.cache, options.on_page);
  stage("render");
  result.ok = !diags.has_errors();
  return result;
}

}  // namespace mb::site
