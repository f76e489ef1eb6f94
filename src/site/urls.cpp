#include "site/urls.hpp"

#include "core/assert.hpp"

namespace mb::site {

Urls::Urls(std::string base_path, std::string origin, const theme::Theme& theme)
    : m_base(std::move(base_path)), m_origin(std::move(origin)), m_theme(theme) {
  for (Lang lang : kLangs) {
    const std::size_t l = lang_index(lang);
    m_localities[l] = home(lang) + segment("localities", lang) + "/";
    m_reports[l] = "/" + segment("reports", lang) + "/";
    m_initiatives[l] = "/" + segment("initiatives", lang) + "/";
  }
}

std::string Urls::segment(const std::string& key, Lang lang) const {
  const auto& paths = m_theme.table(lang).paths;
  auto it = paths.find(key);
  // Missing segments are reported when the theme is checked; keep URLs well-formed meanwhile.
  return it == paths.end() || it->second.empty() ? key : it->second;
}

std::string Urls::home(Lang lang) const {
  return lang == Lang::vi ? m_base : m_base + "en/";
}

std::string Urls::localities(Lang lang) const {
  return m_localities[lang_index(lang)];
}

std::string Urls::page(const model::Page& p, Lang lang) const {
  const std::size_t l = lang_index(lang);
  auto in_locality = [&](const std::string& section) {
    std::string url;
    url.reserve(m_localities[l].size() + p.locality.size() + section.size() + p.slug.size() + 1);
    url += m_localities[l];
    url += p.locality;
    url += section;
    url += p.slug;
    url += '/';
    return url;
  };
  switch (p.kind) {
    case content::Kind::home:
      return home(lang);
    case content::Kind::locality:
      return m_localities[l] + p.locality + "/";
    case content::Kind::report:
      return in_locality(m_reports[l]);
    case content::Kind::initiative:
      return in_locality(m_initiatives[l]);
    case content::Kind::page:
      return home(lang) + p.slug + "/";
  }
  return home(lang);
}

std::string Urls::indicators(Lang lang) const {
  return home(lang) + segment("indicators", lang) + "/";
}

std::string Urls::indicator(const std::string& id, Lang lang) const {
  std::string slug = id;
  for (char& c : slug)
    if (c == '_') c = '-';
  return indicators(lang) + slug + "/";
}

std::string Urls::initiatives(Lang lang) const {
  return home(lang) + segment("initiatives", lang) + "/";
}

std::string Urls::initiative_facet(const std::string& facet, const std::string& value, Lang lang) const {
  return initiatives(lang) + segment("facet_" + facet, lang) + "/" + value + "/";
}

std::string Urls::search(Lang lang) const {
  return home(lang) + segment("search", lang) + "/";
}

std::string Urls::translations(Lang lang) const {
  return home(lang) + segment("translations", lang) + "/";
}

std::string Urls::documents(Lang lang) const {
  return home(lang) + segment("documents", lang) + "/";
}

std::string Urls::document(const std::string& slug, Lang lang) const {
  return documents(lang) + slug + "/";
}

std::string Urls::attachment(const std::string& locality, const std::string& file) const {
  return m_base + "files/" + locality + "/" + percent_encode_path(file);
}

std::string percent_encode_path(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(path.size());
  for (char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    const bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                      c == '.' || c == '_' || c == '~' || c == '/';
    if (keep) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string percent_decode(std::string_view text) {
  auto hex = [](char c) {
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
                                  : -1;
  };
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex(text[i + 1]) >= 0 && hex(text[i + 2]) >= 0) {
      out += static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string Urls::output_path(const std::string& page_path) const {
  MB_ASSERT(page_path.rfind(m_base, 0) == 0);
  std::string rel = page_path.substr(m_base.size());
  return rel.empty() || rel.back() == '/' ? rel + "index.html" : rel;
}

}  // namespace mb::site
