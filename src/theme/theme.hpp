// The theme: page templates with their partials expanded, UI string tables
// and localized path segments, compiled CSS and the static files to copy.
// A file in the site's own templates/ or static/ overrides the theme's file
// of the same name (one rule, STYLE.md).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "config/site_config.hpp"
#include "core/diagnostic.hpp"
#include "core/file_system.hpp"
#include "core/lang.hpp"
#include "core/source_file.hpp"

namespace mb::theme {

struct StringTable {
  std::shared_ptr<const SourceFile> file;          // i18n/<lang>.yaml, for diagnostics; null when unreadable or not YAML
  std::map<std::string, std::string> strings;      // UI strings by key
  std::map<std::string, std::string> paths;        // localized URL segments: localities → dia-phuong
  std::map<std::string, std::string> qualifiers;   // en only: Vietnamese qualifier → English ("hơn" → "more than")
};

struct StaticFile {
  std::string output;  // path under public/
  std::string source;  // path relative to the site root
};

struct Theme {
  std::string dir;                                // "themes/default"
  std::map<std::string, std::string> templates;   // page template name → text, partials expanded
  StringTable tables[2];                          // indexed by Lang
  std::string css;                                // compiled from sass/main.scss
  std::vector<StaticFile> static_files;           // sorted by output path
  std::vector<std::string> sources;               // every file read, relative to the root

  const StringTable& table(Lang l) const { return tables[lang_index(l)]; }
};

// `root` is the site folder; paths in diagnostics are relative to it.
Theme load(const FileSystem& fs, const std::string& root, const config::SiteConfig& config, Diagnostics& diags);

// A theme file's text as the theme uses it: BOM and CRLF normalized, and any
// byte that is not UTF-8 reported (the file's first) and replaced by U+FFFD,
// so one bad byte gives one error rather than a missing template or table.
// NFC is left to the caller: this module may not use ICU.
std::shared_ptr<const SourceFile> text_file(const std::string& path, std::string raw, Diagnostics& diags);

// Symbolic links (paths relative to `dir`) are errors, as in content/ and
// data/: a site is built from its own files, never from where a link points.
// Hidden ones (.git, editor files) are ignored like hidden files.
void report_links(const std::string& dir, const std::vector<std::string>& links, Diagnostics& diags);

// Internal stages, exposed for tests.
void load_templates(const FileSystem& fs, const std::string& root, Theme& theme, Diagnostics& diags);
void load_string_tables(const FileSystem& fs, const std::string& root, Theme& theme, Diagnostics& diags);
void compile_styles(const std::string& root, Theme& theme, Diagnostics& diags);

}  // namespace mb::theme
