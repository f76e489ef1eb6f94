// ICU helpers shared by the module's sources (text.cpp, fold.cpp); not part
// of its interface.
#pragma once

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <string>
#include <string_view>

#include "core/assert.hpp"

namespace mb::i18n::detail {

inline icu::UnicodeString from_utf8(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

inline std::string to_utf8(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

// NFC when `compose`, else NFD.
inline const icu::Normalizer2& normalizer(bool compose) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n =
      compose ? icu::Normalizer2::getNFCInstance(status) : icu::Normalizer2::getNFDInstance(status);
  MB_ASSERT(U_SUCCESS(status) && n);
  return *n;
}

}  // namespace mb::i18n::detail
