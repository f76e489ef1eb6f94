// The facets of the initiative catalogue: field, year, locality, status.
// Each value gets its own static page, so filtering needs no JavaScript.
#pragma once

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

}  // namespace mb::site
