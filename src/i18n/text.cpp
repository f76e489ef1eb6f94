#include "i18n/text.hpp"

#include <unicode/bytestream.h>
#include <unicode/coll.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "core/assert.hpp"
#include "i18n/words.hpp"

namespace mb::i18n {

namespace {

icu::UnicodeString from_utf8(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

std::string to_utf8(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

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

bool is_ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

const icu::Normalizer2& normalizer(bool compose) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = compose ? icu::Normalizer2::getNFCInstance(status) : icu::Normalizer2::getNFDInstance(status);
  MB_ASSERT(U_SUCCESS(status) && n);
  return *n;
}

const icu::Locale& vietnamese() {
  static const icu::Locale vi("vi");
  return vi;
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
