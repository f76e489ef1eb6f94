// The whole pipeline from site.yaml to the list of output files, top-down
// (ARCHITECTURE.md §2). `minhbach build` writes what it returns; the preview
// server serves it.
#pragma once

#include <functional>
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
};

struct PipelineResult {
  bool ok = false;  // false when diagnostics hold an error
  std::vector<OutputFile> files;
  RenderStats stats;
  bool history = false;   // git history was available
  std::string base_path;  // "/bao-cao/"
};

PipelineResult run_pipeline(WorkerPool& pool, const FileSystem& fs, const PipelineOptions& options, Diagnostics& diags);

}  // namespace mb::site
