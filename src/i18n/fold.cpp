// Folding text to ASCII for search keys and slugs: fold_for_search, slugify.
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "core/assert.hpp"
#include "i18n/text.hpp"
#include "i18n/unicode.hpp"

namespace mb::i18n {

using detail::from_utf8;
using detail::normalizer;
using detail::to_utf8;

namespace {

// The transliterator behind fold_for_search, for text the fast paths below
// cannot fold: letters of other scripts. Making one parses its rules
// (~40 ms) and it is not safe to share between threads, so there is one,
// used under a lock; the text it sees is rare.
std::mutex folder_mutex;

icu::Transliterator& ascii_folder() {
  static const std::unique_ptr<icu::Transliterator> folder = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> made(icu::Transliterator::createInstance(
        "Any-Latin; NFD; [:Nonspacing Mark:] Remove; Latin-ASCII; Lower; NFC", UTRANS_FORWARD, status));
    MB_ASSERT(U_SUCCESS(status) && made);
    return made;
  }();
  return *folder;
}

// A punctuation mark, space, symbol or number other than a digit (General
// Category P*, Z*, S*, No: "²", "½") of no script in particular. Kangxi
// radicals, say, are symbols of the Han script, which Any-Latin spells with
// spaces depending on their neighbours.
bool is_symbol(UChar c) {
  if (U16_IS_SURROGATE(c) || (U_GET_GC_MASK(c) & (U_GC_P_MASK | U_GC_Z_MASK | U_GC_S_MASK | U_GC_NO_MASK)) == 0)
    return false;
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(c, &status) == USCRIPT_COMMON && U_SUCCESS(status);
}

// Appends what the transliterator makes of one symbol: "–" → "-", "“" → "\"",
// "©" → "(c)". Latin-ASCII's rules for these look at no neighbour, so each
// is asked once per process, of one shared transliterator, and headings with
// a dash or quotes keep the fast path (tests/unit/i18n pins the equivalence).
// The ones of reports' headings, without building the transliterator at all.
const char* known_symbol_fold(UChar c) {
  switch (c) {
    case 0x00A0:
      return " ";  // no-break space
    case 0x00B2:
      return "\u00B2";  // m², which Latin-ASCII keeps
    case 0x2013:
    case 0x2014:
      return "-";  // – —
    case 0x2018:
    case 0x2019:
      return "'";  // ‘ ’
    case 0x201C:
    case 0x201D:
      return "\"";  // “ ”
    case 0x2026:
      return "...";  // …
  }
  return nullptr;
}

void append_folded_symbol(UChar c, std::string& out) {
  if (const char* known = known_symbol_fold(c)) {
    out += known;
    return;
  }
  static std::unordered_map<UChar, std::string> folded;
  std::lock_guard<std::mutex> lock(folder_mutex);
  auto it = folded.find(c);
  if (it == folded.end()) {
    icu::UnicodeString u(c);
    ascii_folder().transliterate(u);
    it = folded.emplace(c, to_utf8(u)).first;
  }
  out += it->second;
}

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// fold_latin's rule for text already in NFD. With `quick_only`, a symbol
// that known_symbol_fold does not list fails rather than asking ICU.
bool fold_decomposed(const icu::UnicodeString& u, std::string& out, bool quick_only) {
  for (int32_t i = 0; i < u.length(); ++i) {
    UChar c = u.charAt(i);
    if (c < 0x80)
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    else if (c == 0x0111 || c == 0x0110)  // đ, Đ
      out += 'd';
    else if (!U16_IS_SURROGATE(c) && u_charType(c) == U_NON_SPACING_MARK)
      continue;
    else if (!is_symbol(c))
      return false;
    else if (!quick_only)
      append_folded_symbol(c, out);
    else if (const char* known = known_symbol_fold(c))
      out += known;
    else
      return false;
  }
  return true;
}

// The transliterator's result for Latin text, without running it: decompose,
// drop nonspacing marks, turn đ/Đ into d and lower-case ASCII. Vietnamese is
// entirely covered (its letters are ASCII plus marks, or đ). Returns false,
// leaving `out` unspecified, at the first character it cannot fold this way.
bool fold_latin(std::string_view utf8, std::string& out) {
  out.clear();
  out.reserve(utf8.size());
  bool ascii = true;
  for (unsigned char c : utf8) {
    if (c >= 0x80) {
      ascii = false;
      break;
    }
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
  }
  if (ascii) return true;
  out.clear();
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString u = normalizer(false).normalize(from_utf8(utf8), status);
  return U_SUCCESS(status) && fold_decomposed(u, out, /*quick_only=*/false);
}

// What fold_latin appends for each code point from U+0080 to U+20FF, taken
// alone: most headings and words are folded from this table, without ICU.
// It is made once with fold_latin's own rule, so it cannot disagree: a
// character's canonical decomposition is its own, and canonical reordering
// only moves marks, which are dropped. Entries that would need the
// transliterator (other scripts, symbols outside known_symbol_fold) say so,
// and a text holding one is folded the slow way, whole.
class LatinFolds {
 public:
  static constexpr char32_t kEnd = 0x2100;

  LatinFolds() {
    const icu::Normalizer2& nfd = normalizer(false);
    for (char32_t c = 0x80; c < kEnd; ++c) {
      Entry& e = m_entries[c - 0x80];
      UErrorCode status = U_ZERO_ERROR;
      icu::UnicodeString d = nfd.normalize(icu::UnicodeString(static_cast<UChar32>(c)), status);
      std::string out;
      if (U_SUCCESS(status) && fold_decomposed(d, out, /*quick_only=*/true) && out.size() <= sizeof e.bytes) {
        e.length = static_cast<std::uint8_t>(out.size());
        std::copy(out.begin(), out.end(), e.bytes);
      }
    }
  }

  // Appends the fold of `utf8` to `out` and returns true, or returns false
  // (with `out` unspecified) at the first character the table does not hold.
  bool fold(std::string_view utf8, std::string& out) const {
    const auto* s = reinterpret_cast<const std::uint8_t*>(utf8.data());
    const int32_t n = static_cast<int32_t>(utf8.size());
    for (int32_t i = 0; i < n;) {
      if (s[i] < 0x80) {
        char c = static_cast<char>(s[i++]);
        out += c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
        continue;
      }
      UChar32 c;
      U8_NEXT(s, i, n, c);
      if (c < 0 || static_cast<char32_t>(c) >= kEnd) return false;
      const Entry& e = m_entries[static_cast<char32_t>(c) - 0x80];
      if (e.length == Entry::kSlow) return false;
      out.append(e.bytes, e.length);
    }
    return true;
  }

 private:
  struct Entry {
    static constexpr std::uint8_t kSlow = 0xFF;
    std::uint8_t length = kSlow;
    char bytes[3] = {};
  };
  std::array<Entry, kEnd - 0x80> m_entries;
};

const LatinFolds& latin_folds() {
  static const LatinFolds table;
  return table;
}

}  // namespace

std::string fold_for_search(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  if (latin_folds().fold(utf8, out)) return out;
  return detail::fold_for_search_icu(utf8);
}

std::string detail::fold_for_search_icu(std::string_view utf8) {
  std::string latin;
  if (fold_latin(utf8, latin)) return latin;
  icu::UnicodeString u = from_utf8(utf8);
  {
    std::lock_guard<std::mutex> lock(folder_mutex);
    ascii_folder().transliterate(u);
  }
  std::string out = to_utf8(u);
  // Latin-ASCII maps đ → d already; keep the rule explicit for any ICU data version.
  std::string fixed;
  fixed.reserve(out.size());
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out.compare(i, 2, "\xC4\x91") == 0 || out.compare(i, 2, "\xC4\x90") == 0) {
      fixed += 'd';
      ++i;
    } else {
      fixed += out[i];
    }
  }
  return fixed;
}

std::string slugify(std::string_view utf8) {
  // In place: a hyphen is only written for a separator already read, so the
  // slug never overtakes the folded text it is made from.
  std::string slug = fold_for_search(utf8);
  std::size_t length = 0;
  bool pending_hyphen = false;
  for (char c : slug) {
    if (is_ascii_alnum(c)) {
      if (pending_hyphen && length > 0) slug[length++] = '-';
      pending_hyphen = false;
      slug[length++] = c;
    } else {
      pending_hyphen = true;
    }
  }
  slug.resize(length);
  return slug;
}

bool is_valid_slug(std::string_view s) {
  if (s.empty() || s.front() == '-' || s.back() == '-') return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '-') {
      if (s[i - 1] == '-') return false;
    } else if (!is_ascii_alnum(s[i])) {
      return false;
    }
  }
  return true;
}

}  // namespace mb::i18n
