// The front-matter keys of each kind of page, and which of them are text
// (allowed in the English twin) or language-neutral (Vietnamese file only).
#pragma once

#include <string>
#include <vector>

#include "content/document.hpp"

namespace mb::content {

struct KeySet {
  std::vector<std::string> text;     // both languages
  std::vector<std::string> neutral;  // Vietnamese file only
  std::vector<std::string> required_vi;
};

const KeySet& keys_of(Kind kind);

// Keys the file in `lang` may hold.
std::vector<std::string> allowed_keys(Kind kind, Lang lang);

}  // namespace mb::content
