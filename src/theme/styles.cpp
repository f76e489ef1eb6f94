// SCSS → CSS with libsass. LibSass reached end of life in 2025: themes keep
// to @import and plain SCSS (no @use).
#include <sass/context.h>

#include <algorithm>
#include <filesystem>

#include "core/file_system.hpp"
#include "theme/theme.hpp"

namespace mb::theme {

void compile_styles(const std::string& root, Theme& theme, Diagnostics& diags) {
  const std::string rel = theme.dir + "/sass/main.scss";
  const std::string full = join_path(root, rel);
  RealFileSystem disk;
  if (!disk.is_file(full)) return;  // a theme without styles is allowed
  theme.sources.push_back(rel);

  Sass_File_Context* file_ctx = sass_make_file_context(full.c_str());
  Sass_Context* ctx = sass_file_context_get_context(file_ctx);
  Sass_Options* options = sass_context_get_options(ctx);
  sass_option_set_output_style(options, SASS_STYLE_COMPRESSED);
  sass_option_set_precision(options, 5);
  sass_option_set_source_comments(options, false);

  if (sass_compile_file_context(file_ctx) != 0) {
    std::string file = sass_context_get_error_file(ctx) ? sass_context_get_error_file(ctx) : full;
    // libsass names imported files by absolute path; diagnostics name files from the site root.
    std::string prefix = std::filesystem::absolute(root.empty() ? "." : root).lexically_normal().string();
    if (!prefix.empty() && prefix.back() != '/') prefix += '/';
    if (file.rfind(prefix, 0) == 0) file = file.substr(prefix.size());
    std::string relative_prefix = root.empty() || root == "." ? "" : root + "/";
    if (!relative_prefix.empty() && file.rfind(relative_prefix, 0) == 0) file = file.substr(relative_prefix.size());
    std::string message = sass_context_get_error_text(ctx) ? sass_context_get_error_text(ctx) : "SCSS error";
    int line = static_cast<int>(sass_context_get_error_line(ctx));
    int column = static_cast<int>(sass_context_get_error_column(ctx));
    std::string error;
    auto text = disk.read(join_path(root, file), &error);
    const std::string hint = "LibSass supports @import and plain SCSS, not @use or newer Sass modules";
    if (text && line > 0) {
      SourceFile source(file, normalize_line_endings(*text));
      diags.add(source.at(Severity::error, source.offset(line, column - 1), 1, "SCSS error: " + message, hint));
    } else {
      diags.add(
          {Severity::error, file, std::max(line, 1), std::max(column, 1), "SCSS error: " + message, {}, 1, hint, {}});
    }
  } else {
    theme.css = sass_context_get_output_string(ctx);
  }
  sass_delete_file_context(file_ctx);
}

}  // namespace mb::theme
