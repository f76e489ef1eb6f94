// Normalization, words, case and collation (fold.cpp has the ASCII folds).
#include "i18n/text.hpp"

#include <unicode/bytestream.h>
#include <unicode/coll.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <vector>

#include "core/assert.hpp"
#include "i18n/unicode.hpp"
#include "i18n/words.hpp"

namespace mb::i18n {

using detail::from_utf8;
using detail::normalizer;
using detail::to_utf8;

namespace {

const icu::Locale& vietnamese() {
  static const icu::Locale vi("vi");
  return vi;
}

}  // namespace

std::string to_nfc(std::string utf8) {
  bool ascii = std::all_of(utf8.begin(), utf8.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) return utf8;  // Vietnamese text stops the scan at its first letter with a mark
  // Checked and normalized in UTF-8: a whole file is never converted to UTF-16.
  const icu::Normalizer2& nfc = normalizer(true);
  UErrorCode status = U_ZERO_ERROR;
  const icu::StringPiece piece(utf8.data(), static_cast<int32_t>(utf8.size()));
  if (nfc.isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return utf8;
  status = U_ZERO_ERROR;
  std::string out;
  icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(utf8.size()));
  nfc.normalizeUTF8(0, piece, sink, nullptr, status);
  MB_ASSERT(U_SUCCESS(status));
  return out;
}

namespace detail {

int32_t lowered_word_character(int32_t c) {
  if (c < 0) return -1;
  bool part = u_isalnum(c) || u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK;
  return part ? u_tolower(c) : -1;
}

// Asking ICU three times per character was most of the search index's
// tokenizing.
const int32_t* word_table() {
  static const std::vector<int32_t> table = [] {
    std::vector<int32_t> t(kWordTableSize);
    for (int32_t c = 0; c < kWordTableSize; ++c) t[c] = lowered_word_character(c);
    return t;
  }();
  return table.data();
}

void lower_word(std::string_view utf8, int32_t start, int32_t end, std::string& out) {
  // Written in place: a word's lower case is at most 1.5 times its bytes
  // (U+023A → U+2C65 grows from two to three), and ASCII stays ASCII.
  const auto* text = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t* table = word_table();
  out.resize(2 * static_cast<std::size_t>(end - start));
  auto* p = reinterpret_cast<uint8_t*>(out.data());
  int32_t n = 0;
  for (int32_t k = start; k < end;) {
    if (const uint8_t b = text[k]; b < 0x80) {
      p[n++] = b >= 'A' && b <= 'Z' ? static_cast<uint8_t>(b + ('a' - 'A')) : b;
      ++k;
      continue;
    }
    UChar32 c;
    U8_NEXT(text, k, end, c);
    U8_APPEND_UNSAFE(p, n, c >= 0 && c < kWordTableSize ? table[c] : lowered_word_character(c));
  }
  out.resize(static_cast<std::size_t>(n));
}

}  // namespace detail

std::string compose_word(std::string_view lowered) {
  bool ascii = std::all_of(lowered.begin(), lowered.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x80; });
  if (ascii) return std::string(lowered);
  return to_nfc(std::string(lowered));
}

std::vector<std::string> words(std::string_view utf8) {
  // Lower-casing NFC text rarely disturbs it; each word is composed again.
  std::vector<std::string> out;
  for_each_lowered_word(utf8, [&](std::string_view w) { out.push_back(compose_word(w)); });
  return out;
}

bool starts_upper(std::string_view utf8) {
  icu::UnicodeString u = from_utf8(utf8);
  return u.length() > 0 && u_isupper(u.char32At(0));
}

std::string sentence_case(std::string_view utf8) {
  icu::UnicodeString u = from_utf8(utf8);
  icu::UnicodeString out;
  bool first = true;
  int32_t start = 0;
  while (start < u.length()) {
    int32_t end = u.indexOf(static_cast<UChar>(' '), start);
    if (end < 0) end = u.length();
    icu::UnicodeString word(u, start, end - start);
    bool abbreviation = word.length() > 1 && word.endsWith(icu::UnicodeString(".")) && word.toUpper() == word;
    if (!abbreviation) {
      word.toLower(vietnamese());
      if (first && word.length() > 0) {
        icu::UnicodeString head(word, 0, U16_LENGTH(word.char32At(0)));
        word.replace(0, head.length(), head.toUpper(vietnamese()));
      }
    }
    if (!word.isEmpty() && !abbreviation) first = false;
    out += word;
    if (end < u.length()) out += ' ';
    start = end + 1;
  }
  return to_utf8(out);
}

int compare_vi(std::string_view a, std::string_view b) {
  static const std::unique_ptr<icu::Collator> collator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> c(icu::Collator::createInstance(icu::Locale("vi"), status));
    MB_ASSERT(U_SUCCESS(status) && c);
    return c;
  }();
  UErrorCode status = U_ZERO_ERROR;
  // Collator::compareUTF8 is const and documented thread-safe.
  UCollationResult r = collator->compareUTF8(icu::StringPiece(a.data(), static_cast<int32_t>(a.size())),
                                             icu::StringPiece(b.data(), static_cast<int32_t>(b.size())), status);
  MB_ASSERT(U_SUCCESS(status));
  if (r != UCOL_EQUAL) return r == UCOL_LESS ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;  // a total order, so sorting stays deterministic
}

}  // namespace mb::i18n
