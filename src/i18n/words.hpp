// The search index's word cutter, inline: it runs over every byte of every
// page's text and hands out a million words per thousand pages, so neither
// the bytes nor the words go through a call each (text.hpp has words(), the
// same cut as strings, for everyone else).
#pragma once

#include <unicode/utf8.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace mb::i18n {

namespace detail {

// The lower-case form of each code point below kWordTableSize that belongs to
// a word (a letter, digit or mark), or -1 for one that separates words:
// ASCII, Latin with all of Vietnamese's letters (U+1EA0..U+1EF9), combining
// marks, Greek and Cyrillic, asked of ICU once.
inline constexpr int32_t kWordTableSize = 0x2000;
const int32_t* word_table();

// The same for any code point, through ICU; -1 for a bad byte too.
int32_t lowered_word_character(int32_t c);

// Each byte's part in words: ASCII's in three states (the table above says
// the same), and kMultibyte for the bytes of longer characters.
enum ByteWord : uint8_t { kSeparator, kLower, kUpper, kMultibyte };
inline constexpr std::array<uint8_t, 256> kByteWord = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c)
    t[c] = c >= 0x80                                          ? kMultibyte
           : c >= 'A' && c <= 'Z'                             ? kUpper
           : (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? kLower
                                                              : kSeparator;
  return t;
}();

// The word utf8[start, end) in lower case, into `out`.
void lower_word(std::string_view utf8, int32_t start, int32_t end, std::string& out);

}  // namespace detail

// The words of a text, cut at anything that is not a letter, digit or mark
// and lower-cased, handed to `fn` as views: of the text for a word already
// in lower case (most words: simple case mapping is the full one for
// Vietnamese), else of a buffer. Not yet composed: compose_word (text.hpp)
// gives the word words() returns.
template <class Fn>
void for_each_lowered_word(std::string_view utf8, Fn&& fn) {
  thread_local std::string lowered;
  const auto* text = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  const int32_t* table = detail::word_table();
  for (int32_t i = 0; i < length;) {
    // The word from `start`; `after` is the end of the character that ends it.
    const int32_t start = i;
    int32_t after = length;
    bool changed = false;
    while (i < length) {
      // Lower-case ASCII letters and digits, most of a text's bytes, in a
      // loop of their own: one look-up each.
      while (i < length && detail::kByteWord[text[i]] == detail::kLower) ++i;
      if (i == length) break;
      const uint8_t b = text[i];
      if (const uint8_t kind = detail::kByteWord[b]; kind != detail::kMultibyte) {
        if (kind == detail::kSeparator) {
          after = i + 1;
          break;
        }
        changed = true;  // an upper-case ASCII letter
        ++i;
        continue;
      }
      // Vietnamese letters decode without U8_NEXT's checks: two-byte
      // characters (U+0080..U+07FF) and those of U+1000..U+1FFF.
      UChar32 c;
      int32_t next = i;
      if (b >= 0xC2 && b <= 0xDF && i + 1 < length && (text[i + 1] & 0xC0) == 0x80) {
        c = (b & 0x1F) << 6 | (text[i + 1] & 0x3F);
        next = i + 2;
      } else if (b == 0xE1 && i + 2 < length && (text[i + 1] & 0xC0) == 0x80 && (text[i + 2] & 0xC0) == 0x80) {
        c = 0x1000 | (text[i + 1] & 0x3F) << 6 | (text[i + 2] & 0x3F);
        next = i + 3;
      } else {
        U8_NEXT(text, next, length, c);
      }
      const UChar32 lower = c < 0 ? -1 : c < detail::kWordTableSize ? table[c] : detail::lowered_word_character(c);
      if (lower < 0) {
        after = next;
        break;
      }
      changed = changed || lower != c;
      i = next;
    }
    if (i > start && !changed) {
      fn(utf8.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
    } else if (i > start) {
      detail::lower_word(utf8, start, i, lowered);
      fn(std::string_view(lowered));
    }
    i = after > i ? after : i;
  }
}

}  // namespace mb::i18n
