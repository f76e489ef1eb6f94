// Templates are Mustache (mustache.hpp). Partials are expanded once, here, so a
// missing or circular partial is reported with its position before any page
// renders, and pages never re-parse a partial.
#include <functional>
#include <regex>
#include <set>

#include "core/suggest.hpp"
#include "core/xml.hpp"
#include "theme/mustache.hpp"
#include "theme/theme.hpp"

namespace mb::theme {

namespace {

struct TemplateFile {
  std::shared_ptr<const SourceFile> file;
};

// Finds "{{> name}}" tags: their offsets, lengths and names.
struct PartialTag {
  std::size_t offset;
  std::size_t length;
  std::string name;
};

std::vector<PartialTag> partial_tags(const std::string& text) {
  static const std::regex tag(R"(\{\{>\s*([A-Za-z0-9_./-]+)\s*\}\})");
  std::vector<PartialTag> out;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), tag); it != std::sregex_iterator(); ++it)
    out.push_back({static_cast<std::size_t>(it->position(0)), static_cast<std::size_t>(it->length(0)), (*it)[1]});
  return out;
}

// The parser reports "Unclosed section "x" at 120": turn the offset into a position.
void check_syntax(const SourceFile& file, Diagnostics& diags) {
  Template parsed(file.text(), append_escaped_html);
  if (parsed.is_valid()) return;
  std::string msg = parsed.error_message();
  std::size_t offset = 0;
  std::size_t at = msg.rfind(" at ");
  if (at != std::string::npos) {
    offset = std::strtoul(msg.c_str() + at + 4, nullptr, 10);
    msg.erase(at);
  }
  diags.add(file.at(Severity::error, offset, 1, "template error: " + msg,
                    "every {{#section}} and {{^section}} needs a matching {{/section}}"));
}

class Expander {
 public:
  Expander(const std::map<std::string, TemplateFile>& partials, Diagnostics& diags)
      : m_partials(partials), m_diags(diags) {}

  std::string expand(const SourceFile& file, std::vector<std::string>& stack) {
    std::string out;
    std::size_t pos = 0;
    for (const PartialTag& tag : partial_tags(file.text())) {
      out.append(file.text(), pos, tag.offset - pos);
      pos = tag.offset + tag.length;
      auto it = m_partials.find(tag.name);
      // A partial shared by many pages would repeat its error once per page.
      bool first_report = m_reported.insert({file.path(), tag.offset}).second;
      if (it == m_partials.end()) {
        if (!first_report) continue;
        std::vector<std::string> names;
        for (const auto& [name, f] : m_partials) names.push_back(name);
        std::string hint = mb::did_you_mean(tag.name, names);
        m_diags.add(file.at(Severity::error, tag.offset, tag.length, "missing partial '" + tag.name + "'",
                            hint.empty() ? "partials live in templates/partials/<name>.mustache" : hint));
        continue;
      }
      if (std::find(stack.begin(), stack.end(), tag.name) != stack.end()) {
        if (!first_report) continue;
        std::string chain;
        for (const std::string& s : stack) chain += s + " → ";
        m_diags.add(file.at(Severity::error, tag.offset, tag.length,
                            "partial '" + tag.name + "' includes itself (" + chain + tag.name + ")",
                            "break the cycle: a partial cannot include a partial that includes it"));
        continue;
      }
      stack.push_back(tag.name);
      out += expand(*it->second.file, stack);
      stack.pop_back();
    }
    out.append(file.text(), pos, std::string::npos);
    return out;
  }

 private:
  const std::map<std::string, TemplateFile>& m_partials;
  Diagnostics& m_diags;
  std::set<std::pair<std::string, std::size_t>> m_reported;
};

// name → file, site templates/ overriding the theme's.
std::map<std::string, TemplateFile> read_dir(const FileSystem& fs, const std::string& root,
                                             const std::vector<std::string>& dirs, Theme& theme,
                                             Diagnostics& diags) {
  std::map<std::string, TemplateFile> out;
  for (const std::string& dir : dirs) {
    std::vector<std::string> links, direct;
    std::vector<Unreadable> unreadable;
    for (const std::string& rel : fs.list_files(join_path(root, dir), &links, &unreadable)) {
      const std::string ext = ".mustache";
      if (rel.find('/') != std::string::npos || rel.size() <= ext.size() ||
          rel.compare(rel.size() - ext.size(), ext.size(), ext) != 0)
        continue;
      std::string path = join_path(dir, rel);
      std::string error;
      auto text = fs.read(join_path(root, path), &error);
      if (!text) {
        diags.error(path, "cannot read template: " + error,
                    "make the file readable by the user who runs minhbach (chmod a+r)");
        continue;
      }
      theme.sources.push_back(path);
      out[rel.substr(0, rel.size() - ext.size())] = {text_file(path, std::move(*text), diags)};
    }
    // partials/ is listed on its own: only this folder's own links.
    for (const std::string& link : links)
      if (link.find('/') == std::string::npos) direct.push_back(link);
    report_links(dir, direct, diags);
    // And only the folder itself: templates are its own files, and partials/
    // reports for itself.
    std::erase_if(unreadable, [](const Unreadable& u) { return !u.path.empty(); });
    report_unreadable(dir, unreadable, diags);
  }
  return out;
}

// Every {{t.key}} a template uses must be a UI string in both languages:
// Mustache would otherwise render a missing one as nothing, silently.
void check_string_references(const SourceFile& file, const Theme& theme, Diagnostics& diags) {
  static const std::regex ref(R"(\{\{[#^/&]?\s*t\.([A-Za-z0-9_]+)\s*\}\})");
  const std::string& text = file.text();
  for (auto it = std::sregex_iterator(text.begin(), text.end(), ref); it != std::sregex_iterator(); ++it) {
    std::string key = (*it)[1];
    for (Lang lang : kLangs) {
      const StringTable& table = theme.table(lang);
      if (!table.file || table.strings.count(key)) continue;
      std::vector<std::string> keys;
      for (const auto& [k, v] : table.strings) keys.push_back(k);
      std::string hint = mb::did_you_mean(key, keys);
      diags.add(file.at(Severity::error, static_cast<std::size_t>(it->position(0)), static_cast<std::size_t>(it->length(0)),
                        "UI string '" + key + "' is not defined in " + table.file->path(),
                        hint.empty() ? "add '" + key + ":' under 'strings' in both i18n files" : hint));
      break;
    }
  }
}

}  // namespace

void load_templates(const FileSystem& fs, const std::string& root, Theme& theme, Diagnostics& diags) {
  auto partials = read_dir(fs, root, {theme.dir + "/templates/partials", "templates/partials"}, theme, diags);
  auto pages = read_dir(fs, root, {theme.dir + "/templates", "templates"}, theme, diags);
  std::size_t before = diags.error_count();
  for (const auto* group : {&partials, &pages}) {
    for (const auto& [name, t] : *group) {
      check_syntax(*t.file, diags);
      check_string_references(*t.file, theme, diags);
    }
  }
  if (diags.error_count() > before) return;
  Expander expander(partials, diags);
  for (const auto& [name, t] : pages) {
    std::vector<std::string> stack;
    std::string text = expander.expand(*t.file, stack);
    Template whole(text, append_escaped_html);
    if (!whole.is_valid())
      diags.add({Severity::error, t.file->path(), 1, 1,
                 "template error once partials are included: " + whole.error_message(), {}, 1,
                 "a section opened in a partial must close in the same partial", {}});
    theme.templates[name] = std::move(text);
  }
}

}  // namespace mb::theme
