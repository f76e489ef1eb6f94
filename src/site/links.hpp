// Resolves links written in Markdown to the site's URLs: content paths
// ("../initiatives/x.md", "@/pages/about.md"), attachments ("../files/a.pdf")
// and site paths ("/dia-phuong/truong-thi/").
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>

#include "markdown/render.hpp"
#include "model/site.hpp"
#include "site/urls.hpp"

namespace mb::site {

class LinkResolver {
 public:
  LinkResolver(const model::Site& site, const Urls& urls, const std::set<std::string>& route_paths);

  markdown::LinkResult resolve(const content::Document& from, Lang lang, std::string_view target) const;

 private:
  const model::Site& m_site;
  const Urls& m_urls;
  const std::set<std::string>& m_route_paths;
  std::map<std::string, const model::Page*> m_by_key;  // "localities/x/reports/y" → page
};

// "content/a/b/../c.md" → "content/a/c.md"; "" when it climbs out of the root.
std::string normalize_path(const std::string& path);

}  // namespace mb::site
