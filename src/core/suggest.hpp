// "Did you mean …?" for mistyped keys, subcommands and ids.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mb {

std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate nearest to `word`, or "" when none is close enough to be a likely typo.
std::string nearest(std::string_view word, const std::vector<std::string>& candidates);

// "did you mean 'x'?" or "" — the form every hint uses.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace mb
