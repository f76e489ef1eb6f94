#include "theme/theme.hpp"

#include <algorithm>
#include <set>
#include <string_view>

namespace mb::theme {

std::shared_ptr<const SourceFile> text_file(const std::string& path, std::string raw, Diagnostics& diags) {
  std::string text = normalize_line_endings(std::move(raw));
  std::size_t bad = 0;
  if (is_valid_utf8(text, &bad)) return std::make_shared<const SourceFile>(path, std::move(text));
  const std::size_t first_bad = bad;
  std::string clean;
  for (std::string_view rest = text; !rest.empty();) {
    if (is_valid_utf8(rest, &bad)) {
      clean += rest;
      break;
    }
    clean.append(rest.substr(0, bad));
    clean += "\xEF\xBF\xBD";
    rest.remove_prefix(bad + 1);
  }
  auto file = std::make_shared<const SourceFile>(path, std::move(clean));
  diags.add(file->at(Severity::error, first_bad, 1, "file is not valid UTF-8",
                     "save the file as UTF-8 (in most editors: Save with Encoding → UTF-8)"));
  return file;
}

void report_links(const std::string& dir, const std::vector<std::string>& links, Diagnostics& diags) {
  for (const std::string& link : links)
    if (link.front() != '.' && link.find("/.") == std::string::npos)
      diags.add({Severity::error, join_path(dir, link), 1, 1, "symbolic links are not followed in " + dir + "/", {}, 1,
                 "copy the file into the site instead of linking to it", {}});
}

static void list_static(const FileSystem& fs, const std::string& root, const std::string& dir,
                        std::map<std::string, std::string>& out, Diagnostics& diags) {
  std::vector<std::string> links;
  std::vector<Unreadable> unreadable;
  for (const std::string& rel : fs.list_files(join_path(root, dir), &links, &unreadable))
    if (rel.front() != '.' && rel.find("/.") == std::string::npos) out[rel] = join_path(dir, rel);
  report_links(dir, links, diags);
  report_unreadable(dir, unreadable, diags);
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
  list_static(fs, root, theme.dir + "/static", statics, diags);
  list_static(fs, root, "static", statics, diags);
  for (const auto& [out, src] : statics) {
    theme.static_files.push_back({out, src});
    theme.sources.push_back(src);
  }
  return theme;
}

}  // namespace mb::theme
