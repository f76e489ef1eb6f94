// i18n/vi.yaml and i18n/en.yaml: UI strings, localized path segments and the
// English for Vietnamese qualifiers. Both languages must define the same keys.
#include "core/suggest.hpp"
#include "theme/theme.hpp"
#include "yaml/read.hpp"

namespace mb::theme {

namespace {

bool is_segment(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

void read_map(const yaml::Reader& r, const yaml::Node& n, std::string_view key,
              std::map<std::string, std::string>& out) {
  if (!r.expect_map(n, key)) return;
  for (const auto& [k, v] : n.entries)
    if (auto t = r.text(v, k.value)) out[k.value] = *t;
}

void read_table(const FileSystem& fs, const std::string& root, const std::string& path, Lang lang,
                StringTable& table, Diagnostics& diags) {
  std::string error;
  auto text = fs.read(join_path(root, path), &error);
  if (!text) {
    diags.error(path, "cannot read UI strings: " + error,
                "every theme has i18n/vi.yaml and i18n/en.yaml");
    return;
  }
  table.file = text_file(path, std::move(*text), diags);
  yaml::Node root_node;
  if (!yaml::parse(*table.file, 0, table.file->text().size(), root_node, diags)) {
    // Nothing in it can be trusted: comparing keys or checking the templates'
    // {{t.key}} against it would report every string as missing.
    table.file.reset();
    return;
  }
  yaml::Reader r{*table.file, diags};
  std::vector<std::string> keys = {"strings", "paths"};
  if (lang == Lang::en) keys.push_back("qualifiers");
  yaml::check_keys(r, root_node, keys);
  if (const yaml::Node* n = root_node.find("strings")) read_map(r, *n, "strings", table.strings);
  if (const yaml::Node* n = root_node.find("paths")) {
    read_map(r, *n, "paths", table.paths);
    for (const auto& [k, v] : n->entries)
      if (v.is_scalar() && !is_segment(v.value))
        r.error(v, "path segment '" + v.value + "' must be lower-case ASCII, digits and hyphens",
                "write it without diacritics or spaces, e.g. dia-phuong");
  }
  if (const yaml::Node* n = root_node.find("qualifiers")) read_map(r, *n, "qualifiers", table.qualifiers);
}

// Every key of one language must exist in the other: a missing English UI
// string would otherwise show an empty label.
void compare_keys(const StringTable& a, const StringTable& b, const char* what,
                  const std::map<std::string, std::string>& (*get)(const StringTable&), Diagnostics& diags) {
  for (const auto& [key, value] : get(a)) {
    if (get(b).count(key) || !b.file) continue;
    diags.add({Severity::error, b.file->path(), 1, 1,
               std::string(what) + " '" + key + "' is missing (it is defined in " + a.file->path() + ")", {}, 1,
               "add '" + key + ":' under '" + (std::string(what) == "UI string" ? "strings" : "paths") + "'", {}});
  }
}

}  // namespace

void load_string_tables(const FileSystem& fs, const std::string& root, Theme& theme, Diagnostics& diags) {
  for (Lang lang : kLangs) {
    std::string path = theme.dir + "/i18n/" + lang_code(lang) + ".yaml";
    theme.sources.push_back(path);
    read_table(fs, root, path, lang, theme.tables[lang_index(lang)], diags);
  }
  const StringTable& vi = theme.tables[0];
  const StringTable& en = theme.tables[1];
  if (!vi.file || !en.file) return;
  auto strings = [](const StringTable& t) -> const std::map<std::string, std::string>& { return t.strings; };
  auto paths = [](const StringTable& t) -> const std::map<std::string, std::string>& { return t.paths; };
  compare_keys(vi, en, "UI string", strings, diags);
  compare_keys(en, vi, "UI string", strings, diags);
  compare_keys(vi, en, "path segment", paths, diags);
  compare_keys(en, vi, "path segment", paths, diags);
}

}  // namespace mb::theme
