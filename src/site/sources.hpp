// The first stages of the pipeline: read site.yaml, scan content/ and data/,
// parse every file (in parallel) into typed documents and catalogues.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config/site_config.hpp"
#include "content/classify.hpp"
#include "core/diagnostic.hpp"
#include "core/file_system.hpp"
#include "core/worker_pool.hpp"
#include "model/site.hpp"
#include "theme/theme.hpp"

namespace mb::site {

struct Sources {
  std::vector<std::shared_ptr<SourceFile>> documents;  // not const: a build frees their texts once rendered
  std::vector<content::Placement> placements;  // parallel to documents
  std::vector<std::string> attachments;        // relative to content/
  std::vector<std::string> unreadable;         // documents and data files that could not be read (reported)
  std::shared_ptr<const SourceFile> indicators, fields, measures, glossary;  // data/*.yaml, null when absent
};

// Reads a text file as UTF-8 with LF line endings, in NFC. Invalid UTF-8,
// and files past the size limit, are reported and give nullptr.
std::shared_ptr<SourceFile> read_text(const FileSystem& fs, const std::string& root, const std::string& path,
                                      Diagnostics& diags);

std::optional<config::SiteConfig> load_config(const FileSystem& fs, const std::string& root, Diagnostics& diags);

// Lists content/ and data/ and reads every text file, on `pool`'s workers when given.
Sources scan_sources(const FileSystem& fs, const std::string& root, Diagnostics& diags, WorkerPool* pool = nullptr);

model::Inputs parse_sources(WorkerPool& pool, const Sources& sources, Diagnostics& diags);

// The theme module reads its templates and UI strings without ICU; this puts
// them in NFC like every other text, so a theme saved in NFD renders the same.
void normalize_theme(theme::Theme& theme);

}  // namespace mb::site
