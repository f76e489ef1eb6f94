#include "content/classify.hpp"

#include <vector>

#include "i18n/text.hpp"

namespace mb::content {

namespace {

std::vector<std::string> split(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (;;) {
    std::size_t slash = path.find('/', start);
    parts.push_back(path.substr(start, slash - start));
    if (slash == std::string::npos) return parts;
    start = slash + 1;
  }
}

void file_error(Diagnostics& diags, const std::string& path, std::string message, std::string hint) {
  Diagnostic d;
  d.path = path;
  d.line = 1;
  d.column = 1;
  d.message = std::move(message);
  d.hint = std::move(hint);
  diags.add(std::move(d));
}

bool check_slug(Diagnostics& diags, const std::string& path, const std::string& name, const char* what) {
  if (i18n::is_valid_slug(name)) return true;
  std::string suggestion = i18n::slugify(name);
  file_error(diags, path, std::string(what) + " name '" + name + "' is not a valid slug",
             "use lower-case ASCII letters, digits and hyphens" +
                 (suggestion.empty() ? std::string() : ": rename it to '" + suggestion + "'"));
  return false;
}

// "2023-chi-thi-33.vi.md" → stem "2023-chi-thi-33", lang vi.
bool split_name(Diagnostics& diags, const std::string& path, const std::string& name,
                std::string& stem, Lang& lang) {
  const std::string ext = ".md";
  if (name.size() <= ext.size() || name.compare(name.size() - ext.size(), ext.size(), ext) != 0) {
    file_error(diags, path, "'" + name + "' is not a Markdown file (.vi.md or .en.md)",
               "content/ holds only Markdown pages; put attachments in the locality's files/ folder");
    return false;
  }
  std::string base = name.substr(0, name.size() - ext.size());
  std::size_t dot = base.rfind('.');
  std::optional<Lang> l = dot == std::string::npos ? std::nullopt : parse_lang(base.substr(dot + 1));
  if (!l) {
    std::string stem_guess = dot == std::string::npos ? base : base.substr(0, dot);
    file_error(diags, path, "'" + name + "' has no language suffix",
               "name it '" + stem_guess + ".vi.md' (Vietnamese) or '" + stem_guess + ".en.md' (English)");
    return false;
  }
  stem = base.substr(0, dot);
  lang = *l;
  return true;
}

const char* kLayoutHint =
    "content/ holds _index.vi.md, pages/<page>.vi.md and localities/<locality>/ with _index.vi.md, "
    "reports/, initiatives/ and files/";

}  // namespace

std::optional<Placement> classify(const std::string& path, Diagnostics& diags) {
  std::vector<std::string> p = split(path);
  for (const std::string& part : p)
    if (!part.empty() && part[0] == '.') return Placement{};  // .gitkeep, editor swap files
  Placement out;
  out.role = Placement::Role::document;
  std::string stem;
  const std::size_t n = p.size();

  if (n == 2) {  // content/_index.vi.md
    if (!split_name(diags, path, p[1], stem, out.lang)) return std::nullopt;
    if (stem != "_index") {
      file_error(diags, path, "'" + p[1] + "' does not belong at the top of content/",
                 "free pages go in content/pages/, e.g. content/pages/" + p[1]);
      return std::nullopt;
    }
    out.kind = Kind::home;
    return out;
  }
  if (n == 3 && p[1] == "pages") {
    if (!split_name(diags, path, p[2], stem, out.lang) || !check_slug(diags, path, stem, "page"))
      return std::nullopt;
    out.kind = Kind::page;
    out.slug = stem;
    return out;
  }
  if (n >= 4 && p[1] == "localities") {
    if (!check_slug(diags, path, p[2], "locality folder")) return std::nullopt;
    out.locality = p[2];
    if (p[3] == "files" && n >= 5) {
      out.role = Placement::Role::attachment;
      return out;
    }
    if (n == 4) {
      if (!split_name(diags, path, p[3], stem, out.lang)) return std::nullopt;
      if (stem == "_index") {
        out.kind = Kind::locality;
        out.slug = out.locality;
        return out;
      }
    } else if (n == 5 && (p[3] == "reports" || p[3] == "initiatives")) {
      if (!split_name(diags, path, p[4], stem, out.lang)) return std::nullopt;
      if (!check_slug(diags, path, stem, p[3] == "reports" ? "report" : "initiative")) return std::nullopt;
      out.kind = p[3] == "reports" ? Kind::report : Kind::initiative;
      out.slug = stem;
      return out;
    }
  }
  file_error(diags, path, "this file has no place in the content layout", kLayoutHint);
  return std::nullopt;
}

const char* kind_id(Kind k) {
  switch (k) {
    case Kind::home: return "home";
    case Kind::locality: return "locality";
    case Kind::report: return "report";
    case Kind::initiative: return "initiative";
    case Kind::page: return "page";
  }
  return "?";
}

const char* kind_name(Kind k) {
  switch (k) {
    case Kind::home: return "home page";
    case Kind::locality: return "locality";
    case Kind::report: return "report";
    case Kind::initiative: return "initiative";
    case Kind::page: return "page";
  }
  return "?";
}

}  // namespace mb::content
