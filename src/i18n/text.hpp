// Unicode text operations for Vietnamese: normalization, slugs, search folding
// and collation, all through ICU.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mb::i18n {

// NFC, the form every source text is stored in (NFD input from some editors
// and OSes would otherwise produce different slugs, sorting and search).
std::string to_nfc(std::string utf8);  // moved through, not copied, when it is NFC already

// "Phường Trường Thi" → "phuong-truong-thi": ASCII, lower-case, kebab-case.
std::string slugify(std::string_view utf8);

// True for ASCII lower-case letters and digits in hyphen-separated runs.
bool is_valid_slug(std::string_view s);

// "Đối thoại" → "doi thoai": NFC, lower-case, tones and diacritics removed, đ → d.
std::string fold_for_search(std::string_view utf8);

namespace detail {
// fold_for_search without its table of folded characters: ICU's
// decomposition, then its transliterator if need be. The tests' reference.
std::string fold_for_search_icu(std::string_view utf8);
}  // namespace detail

// The words of a text, lower-cased (Vietnamese rules) in NFC, keeping their
// diacritics: "Phường Trường Thi, 2023" → {"phường", "trường", "thi", "2023"}.
std::vector<std::string> words(std::string_view utf8);

// A word of for_each_lowered_word (words.hpp: lower-cased, not yet
// composed) as words() returns it.
std::string compose_word(std::string_view lowered);

// "PHÓ CHỦ TỊCH" → "Phó chủ tịch": lower case (Vietnamese rules), first letter
// capitalised; words ending in '.' that were all capitals ("KT.", "TM.") stay.
std::string sentence_case(std::string_view utf8);

// True when the first letter is a capital ("Trường", "Đối"; not "phường").
bool starts_upper(std::string_view utf8);

// Vietnamese collation (An < Ân < D < Đ): negative, zero or positive like strcmp.
int compare_vi(std::string_view a, std::string_view b);

}  // namespace mb::i18n
