#include "site/links.hpp"

#include <vector>

namespace mb::site {

std::string normalize_path(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t slash = path.find('/', start);
    std::string part = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (part == "..") {
      if (parts.empty()) return {};
      parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

// "content/localities/x/reports/y.vi.md" → "localities/x/reports/y".
static std::string page_key(const std::string& content_path) {
  std::string key = content_path.substr(std::string("content/").size());
  for (const char* suffix : {".vi.md", ".en.md", ".md"}) {
    std::string s = suffix;
    if (key.size() > s.size() && key.compare(key.size() - s.size(), s.size(), s) == 0) return key.substr(0, key.size() - s.size());
  }
  return key;
}

LinkResolver::LinkResolver(const model::Site& site, const Urls& urls, const std::set<std::string>& route_paths)
    : m_site(site), m_urls(urls), m_route_paths(route_paths) {
  for (const model::Page& p : site.pages) m_by_key[page_key(p.vi->path())] = &p;
}

markdown::LinkResult LinkResolver::resolve(const content::Document& from, Lang lang, std::string_view target) const {
  std::string t(target);
  std::string suffix;
  if (std::size_t cut = t.find_first_of("#?"); cut != std::string::npos) {
    suffix = t.substr(cut);
    t.erase(cut);
  }
  // "../files/B%C3%A1o%20c%C3%A1o.pdf" names the file "Báo cáo.pdf", as "../files/Báo cáo.pdf" does.
  t = percent_decode(t);
  auto broken = [&](const std::string& where) {
    return markdown::LinkResult{false, {}, "broken link '" + std::string(target) + "': " + where,
                                "link to a content file (../initiatives/x.md), an attachment (../files/x.pdf) "
                                "or a page of the site (/dia-phuong/x/)"};
  };
  if (!t.empty() && t[0] == '/') {
    std::string path = t.rfind(m_urls.base_path(), 0) == 0 ? t : m_urls.base_path() + t.substr(1);
    if (!path.empty() && path.back() != '/' && m_route_paths.count(path + "/")) path += "/";
    if (m_route_paths.count(path)) return {true, path + suffix, {}, {}};
    return broken("no page has the URL " + path);
  }
  std::string resolved;
  if (t.rfind("@/", 0) == 0) {
    resolved = normalize_path("content/" + t.substr(2));
  } else {
    std::string dir = from.path().substr(0, from.path().rfind('/'));
    resolved = normalize_path(dir + "/" + t);
  }
  if (resolved.rfind("content/", 0) != 0) return broken("it points outside content/");
  if (resolved.size() > 3 && resolved.compare(resolved.size() - 3, 3, ".md") == 0) {
    auto it = m_by_key.find(page_key(resolved));
    if (it == m_by_key.end()) return broken("no page " + resolved);
    return {true, m_urls.page(*it->second, lang) + suffix, {}, {}};
  }
  std::string rel = resolved.substr(std::string("content/").size());
  if (m_site.attachments.count(rel)) {
    // localities/<l>/files/<name>
    std::string locality = rel.substr(11, rel.find('/', 11) - 11);
    std::string file = rel.substr(rel.find("/files/") + 7);
    return {true, m_urls.attachment(locality, file) + suffix, {}, {}};
  }
  return broken("no page or attachment " + resolved);
}

}  // namespace mb::site
