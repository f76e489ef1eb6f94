// The site's two languages. Vietnamese is the source and lives at the root;
// English is the translation and lives under /en/.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace mb {

enum class Lang { vi, en };

inline constexpr std::array<Lang, 2> kLangs = {Lang::vi, Lang::en};

inline const char* lang_code(Lang l) { return l == Lang::vi ? "vi" : "en"; }

// A language's place in per-language arrays: 0 for Vietnamese, 1 for English.
inline std::size_t lang_index(Lang l) { return l == Lang::vi ? 0 : 1; }

inline std::optional<Lang> parse_lang(std::string_view code) {
  if (code == "vi") return Lang::vi;
  if (code == "en") return Lang::en;
  return std::nullopt;
}

// Text written in both languages (titles in site.yaml, names in the catalogue).
struct LocalizedText {
  std::string vi;
  std::string en;
  const std::string& operator[](Lang l) const { return l == Lang::vi ? vi : en; }
  std::string& operator[](Lang l) { return l == Lang::vi ? vi : en; }
};

}  // namespace mb
