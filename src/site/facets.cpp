#include "site/facets.hpp"

#include <iterator>
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

FacetIndex index_facets(const model::Site& site) {
  FacetIndex index;
  index.all = all_initiatives(site);
  index.values = facet_values(site);
  for (std::size_t f = 0, end = 0; f < std::size(kFacets); ++f) {
    std::size_t begin = end;
    while (end < index.values.size() && index.values[end].first == kFacets[f]) ++end;
    index.ranges.push_back({begin, end});
  }
  for (std::size_t i = 0; i < index.values.size(); ++i) index.position[index.values[i]] = i;
  index.initiatives.resize(index.values.size());
  for (const model::Page* p : index.all)
    for (const char* facet : kFacets)
      if (auto it = index.position.find({facet, facet_value(*p, facet)}); it != index.position.end())
        index.initiatives[it->second].push_back(p);
  return index;
}

std::size_t FacetIndex::find(const std::string& facet, const std::string& value) const {
  auto it = position.find({facet, value});
  return it == position.end() ? values.size() : it->second;
}

const std::vector<const model::Page*>& FacetIndex::of(const std::string& facet, const std::string& value) const {
  static const std::vector<const model::Page*> none;
  std::size_t i = find(facet, value);
  return i == values.size() ? none : initiatives[i];
}

}  // namespace mb::site
