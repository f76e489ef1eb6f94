// Cross-reference and plausibility checks over the paired site: ids that must
// exist in a catalogue, slugs that must name a page, numbers that cannot be.
#pragma once

#include "core/diagnostic.hpp"

namespace mb::model {

struct Site;

void check_references(const Site& site, Diagnostics& diags);

}  // namespace mb::model
