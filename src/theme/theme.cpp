#include "theme/theme.hpp"

#include <algorithm>
#include <set>

namespace mb::theme {

static void list_static(const FileSystem& fs, const std::string& root, const std::string& dir,
                        std::map<std::string, std::string>& out) {
  for (const std::string& rel : fs.list_files(join_path(root, dir)))
    if (rel.front() != '.' && rel.find("/.") == std::string::npos) out[rel] = join_path(dir, rel);
}

Theme load(const FileSystem& fs, const std::string& root, const config::SiteConfig& config, Diagnostics& diags) {
  Theme theme;
  theme.dir = "themes/" + config.theme;
  if (!fs.is_directory(join_path(root, theme.dir))) {
    diags.add({Severity::error, "site.yaml", 1, 1, "theme '" + config.theme + "' not found", {}, 1,
               "themes live in themes/<name>/; the bundled theme is 'default'", {}});
    return theme;
  }
  load_string_tables(fs, root, theme, diags);
  load_templates(fs, root, theme, diags);
  compile_styles(root, theme, diags);

  std::map<std::string, std::string> statics;  // later sources override earlier ones
  list_static(fs, root, theme.dir + "/static", statics);
  list_static(fs, root, "static", statics);
  for (const auto& [out, src] : statics) {
    theme.static_files.push_back({out, src});
    theme.sources.push_back(src);
  }
  return theme;
}

}  // namespace mb::theme
