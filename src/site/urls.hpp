// The URL scheme (ARCHITECTURE.md §4): Vietnamese at the root, English under
// /en/, section names localized through the theme's path table, every link
// carrying base_url's sub-path.
#pragma once

#include <string>
#include <string_view>

#include "core/lang.hpp"
#include "model/site.hpp"
#include "theme/theme.hpp"

namespace mb::site {

class Urls {
 public:
  Urls(std::string base_path, std::string origin, const theme::Theme& theme);

  const std::string& base_path() const { return m_base; }

  // Site-absolute paths, e.g. "/bao-cao/en/localities/truong-thi/".
  std::string home(Lang lang) const;
  std::string localities(Lang lang) const;
  std::string page(const model::Page& page, Lang lang) const;
  // An attachment's file name as a URL: "Báo cáo #2.pdf" → "B%C3%A1o%20c%C3%A1o%20%232.pdf".
  std::string attachment(const std::string& locality, const std::string& file) const;
  std::string indicators(Lang lang) const;
  std::string indicator(const std::string& id, Lang lang) const;  // citizen_receptions → …/citizen-receptions/
  std::string initiatives(Lang lang) const;
  std::string initiative_facet(const std::string& facet, const std::string& value, Lang lang) const;
  std::string documents(Lang lang) const;
  std::string search(Lang lang) const;
  std::string translations(Lang lang) const;
  std::string document(const std::string& slug, Lang lang) const;
  std::string asset(const std::string& path) const { return m_base + path; }

  // "https://example.gov.vn" + path.
  std::string absolute(const std::string& path) const { return m_origin + path; }

  // The file under public/ that serves a page path: ".../index.html".
  std::string output_path(const std::string& page_path) const;

  // A localized section name: segment("localities", vi) → "dia-phuong".
  std::string segment(const std::string& key, Lang lang) const;

 private:
  std::string m_base;
  std::string m_origin;
  const theme::Theme& m_theme;
  // Made once: every link to a report or initiative starts with them.
  std::string m_localities[2];                 // "/dia-phuong/"
  std::string m_reports[2], m_initiatives[2];  // "/bao-cao/", "/mo-hinh/"
};

// A file path made safe in a URL: every byte but the unreserved characters
// of RFC 3986 (letters, digits, - . _ ~) and '/' as %XX, so that a file name
// with a space, '#', '?' or '%' links to that file and no other.
std::string percent_encode_path(std::string_view path);

// The inverse, for links as editors write them: "%20" → " ". A '%' that does
// not start two hex digits stays as it is.
std::string percent_decode(std::string_view text);

}  // namespace mb::site
