#include "config/site_config.hpp"

#include "yaml/read.hpp"

namespace mb::config {

bool split_base_url(const std::string& url, std::string& origin, std::string& path) {
  std::size_t scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return false;
  std::string scheme = url.substr(0, scheme_end);
  if (scheme != "http" && scheme != "https") return false;
  std::size_t host_end = url.find('/', scheme_end + 3);
  std::string host = url.substr(scheme_end + 3, host_end == std::string::npos ? std::string::npos
                                                                              : host_end - scheme_end - 3);
  if (host.empty() || host.find_first_of(" \"'<>\\?#@") != std::string::npos) return false;
  origin = url.substr(0, scheme_end + 3 + host.size());
  path = host_end == std::string::npos ? "/" : url.substr(host_end);
  if (path.find_first_of(" \"'<>\\?#") != std::string::npos) return false;
  if (path.back() != '/') path += '/';
  return true;
}

static void read_localized(const yaml::Reader& r, const yaml::Node& n, std::string_view key,
                           LocalizedText& out, bool required) {
  if (!r.expect_map(n, key)) return;
  yaml::check_keys(r, n, {"vi", "en"}, "language");
  for (Lang lang : kLangs) {
    const yaml::Node* v = n.find(lang_code(lang));
    if (!v) {
      if (required) r.missing(n, std::string(key) + "." + lang_code(lang), "");
      continue;
    }
    if (auto t = r.text(*v, key)) out[lang] = *t;
  }
}

SiteConfig parse(const SourceFile& file, Diagnostics& diags) {
  SiteConfig config;
  yaml::Node root;
  if (!yaml::parse(file, 0, file.text().size(), root, diags)) return config;
  yaml::Reader r{file, diags};
  yaml::check_keys(r, root,
                   {"title", "description", "publisher", "base_url", "languages", "theme", "edit_url"});

  if (const yaml::Node* n = root.find("title"))
    read_localized(r, *n, "title", config.title, true);
  else
    r.missing(root, "title", "the site title in vi and en");
  if (const yaml::Node* n = root.find("description")) read_localized(r, *n, "description", config.description, false);
  if (const yaml::Node* n = root.find("publisher")) read_localized(r, *n, "publisher", config.publisher, false);

  if (const yaml::Node* n = root.find("base_url")) {
    if (auto url = r.text(*n, "base_url")) {
      if (split_base_url(*url, config.origin, config.base_path))
        config.base_url = config.origin + config.base_path;
      else
        r.error(*n, "'base_url' must be an absolute http(s) URL, found '" + *url + "'",
                "e.g. base_url: https://example.gov.vn/bao-cao/");
    }
  } else {
    r.missing(root, "base_url", "where the site is published, e.g. https://example.gov.vn/");
  }

  if (const yaml::Node* n = root.find("languages")) {
    if (auto langs = r.text_list(*n, "languages")) {
      if (*langs != std::vector<std::string>{"vi", "en"})
        r.error(*n, "'languages' must be [vi, en]",
                "Minh Bạch publishes Vietnamese first and English second");
    }
  }
  if (const yaml::Node* n = root.find("theme")) {
    if (auto t = r.text(*n, "theme")) {
      if (t->empty() || t->find_first_of("/\\.") != std::string::npos)
        r.error(*n, "'theme' must be the name of a folder in themes/, found '" + *t + "'",
                "write the folder's name alone, e.g. theme: default for themes/default");
      else
        config.theme = *t;
    }
  }
  if (const yaml::Node* n = root.find("edit_url")) {
    if (auto t = r.text(*n, "edit_url")) {
      std::string origin, path;
      if (!t->empty() && !split_base_url(*t, origin, path))
        r.error(
            *n, "'edit_url' must be an absolute http(s) URL",
            "write the start of the 'edit this page' links, e.g. https://git.example.gov.vn/phuong/site/edit/main/");
      else
        config.edit_url = *t;
    }
  }
  return config;
}

}  // namespace mb::config
