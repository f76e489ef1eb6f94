// The facets of the initiative catalogue: field, year, locality, status.
// Each value gets its own static page, so filtering needs no JavaScript.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "model/site.hpp"

namespace mb::site {

// The value of `facet` for an initiative page ("" when it has none, e.g. no year).
std::string facet_value(const model::Page& initiative, const std::string& facet);

// Every (facet, value) that at least one initiative has, in facet order then value order.
std::vector<std::pair<std::string, std::string>> facet_values(const model::Site& site);

// The initiatives of the site, by locality then newest year then slug.
std::vector<const model::Page*> all_initiatives(const model::Site& site);

// The initiatives grouped by facet value, made once per build: every facet
// page shows the count of every value, which would otherwise cost
// values × initiatives per page.
struct FacetIndex {
  std::vector<const model::Page*> all;                       // as all_initiatives()
  std::vector<std::pair<std::string, std::string>> values;   // as facet_values()
  std::vector<std::vector<const model::Page*>> initiatives;  // per value, in `all` order
  std::map<std::pair<std::string, std::string>, std::size_t> position;  // value → its index
  // Where each facet's values begin and end in `values`, in kFacets order.
  std::vector<std::pair<std::size_t, std::size_t>> ranges;

  // The initiatives with this value; empty for a value no initiative has.
  const std::vector<const model::Page*>& of(const std::string& facet, const std::string& value) const;
  // The index in `values` of this value, or `values.size()` for a value no initiative has.
  std::size_t find(const std::string& facet, const std::string& value) const;
};

FacetIndex index_facets(const model::Site& site);

}  // namespace mb::site
