#include "site/facets.hpp"

#include <map>
#include <set>

#include "site/routes.hpp"

namespace mb::site {

std::string facet_value(const model::Page& p, const std::string& facet) {
  const content::InitiativeFields& f = p.vi->initiative;
  if (facet == "field") return f.field.value;
  if (facet == "year") return f.year ? std::to_string(f.year) : "";
  if (facet == "locality") return p.locality;
  if (facet == "status") return f.status;
  return "";
}

std::vector<const model::Page*> all_initiatives(const model::Site& site) {
  std::vector<const model::Page*> out;
  for (const model::Locality& l : site.localities) out.insert(out.end(), l.initiatives.begin(), l.initiatives.end());
  return out;
}

std::vector<std::pair<std::string, std::string>> facet_values(const model::Site& site) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const char* facet : kFacets) {
    std::set<std::string> values;
    for (const model::Page* p : all_initiatives(site))
      if (std::string v = facet_value(*p, facet); !v.empty()) values.insert(v);
    for (const std::string& v : values) out.push_back({facet, v});
  }
  return out;
}

}  // namespace mb::site
