// The whole pipeline from site.yaml to the list of output files, top-down
// (ARCHITECTURE.md §2). `minhbach build` writes what it returns; the preview
// server serves it.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/file_system.hpp"
#include "core/output_file.hpp"
#include "core/worker_pool.hpp"
#include "site/render.hpp"

namespace mb::site {

struct PipelineOptions {
  std::string root;      // the site folder
  std::string base_url;  // overrides site.yaml when not empty; already checked by the caller
  std::function<void(const char* stage)> on_stage;  // after each stage, for timings
  Progress on_progress;                             // pages rendered so far, from the worker threads
  RenderCache* cache = nullptr;                     // serve: reuse pages whose inputs did not change
  PageSink on_page;  // build: takes each page as it is rendered; `files` then holds the rest
  bool retain = false;  // serve: keep the model and renderer for quick_render()
};

// A good build's model and renderer, which `serve` keeps between builds.
struct Retained;

struct PipelineResult {
  bool ok = false;  // false when diagnostics hold an error
  std::vector<OutputFile> files;
  RenderStats stats;
  bool history = false;   // git history was available
  std::string base_path;  // "/bao-cao/"
  std::shared_ptr<Retained> retained;  // with options.retain, when ok
  std::size_t released = 0;            // bodies whose text was freed once rendered (without retain)
};

PipelineResult run_pipeline(WorkerPool& pool, const FileSystem& fs, const PipelineOptions& options, Diagnostics& diags);

// serve's quick path: when every changed file (relative to the site folder)
// is a content file of the retained build whose front matter is byte for byte
// what it was, puts the new texts into the model and returns the pages made
// from them, rendered again (milliseconds, where a build of 10,000 pages takes
// seconds). Their lists, links and figures cannot have changed: only front
// matter feeds those (render_cache.hpp). Returns nullopt when the change needs
// a full build: another kind of file, a new, deleted or unreadable file,
// changed front matter, an error in a new body. Files that read every body
// (the search index, the translation status page) are left to that build.
std::optional<std::vector<OutputFile>> quick_render(Retained& retained, const FileSystem& fs,
                                                    const std::vector<std::string>& changed);

}  // namespace mb::site
