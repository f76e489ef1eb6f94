#include "i18n/text.hpp"

#include <doctest/doctest.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <vector>

#include "core/source_file.hpp"
#include "i18n/words.hpp"

using namespace mb::i18n;

// Files that scan_utf8 calls plain skip ICU's normalizer and the control
// character check: every character it lets through must be one NFC never
// changes whatever its neighbours (quick check yes, combining class 0), and
// none that find_control_character reports.
TEST_CASE("i18n: a character scan_utf8 calls plain is left alone by NFC") {
  int plain = 0, wrong = 0;
  for (UChar32 c = 0; c <= 0x10FFFF; ++c) {
    if (U_IS_SURROGATE(c)) continue;
    std::string s;
    icu::UnicodeString(c).toUTF8String(s);
    const std::string text = "a" + s + "b";
    if (!mb::scan_utf8(text).plain) continue;
    ++plain;
    bool inert = u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES && u_getCombiningClass(c) == 0;
    if (!inert || mb::find_control_character(text) != std::string::npos || to_nfc(text) != text) ++wrong;
  }
  CHECK(wrong == 0);
  CHECK(plain > 1000);  // Vietnamese letters are among them, or the fast path is never taken
  CHECK(mb::scan_utf8("Phường Trường Thi “Dân vận khéo” – 2025…").plain);
  CHECK_FALSE(mb::scan_utf8("Phu\xCC\x9Bo\xCC\x9B\xCC\x80ng").plain);  // decomposed
  CHECK_FALSE(mb::scan_utf8("a\x0c"
                            "b")
                  .plain);
  CHECK_FALSE(mb::scan_utf8("a\xC2\x85"
                            "b")
                  .plain);  // NEL, a C1 control
}

TEST_CASE("i18n: to_nfc composes NFD input and leaves NFC and ASCII as they are") {
  // "Phường" decomposed: u + horn, o + horn + grave.
  const std::string nfd = "Phu\xCC\x9Bo\xCC\x9B\xCC\x80ng";
  CHECK(nfd != "Phường");
  CHECK(to_nfc(nfd) == "Phường");
  CHECK(to_nfc("Phường") == "Phường");
  CHECK(to_nfc("plain ascii") == "plain ascii");
  CHECK(to_nfc("") == "");
  // "ế" as e + circumflex + acute.
  CHECK(to_nfc("Ti\x65\xCC\x82\xCC\x81p") == "Tiếp");
}

TEST_CASE("i18n: slugify makes ASCII kebab-case from Vietnamese") {
  CHECK(slugify("Phường Trường Thi") == "phuong-truong-thi");
  CHECK(slugify("Đội Cấn") == "doi-can");
  CHECK(slugify("đường") == "duong");
  CHECK(slugify("Báo cáo 6 tháng đầu năm 2023") == "bao-cao-6-thang-dau-nam-2023");
  CHECK(slugify("  --Chỉ thị 33/CT-TTg!! ") == "chi-thi-33-ct-ttg");
  CHECK(slugify("already-a-slug") == "already-a-slug");
  CHECK(slugify("Under_Score") == "under-score");
  CHECK(slugify("") == "");
  CHECK(slugify("!!!") == "");
}

TEST_CASE("i18n: slugify gives the same slug for NFD input") {
  CHECK(slugify("Phu\xCC\x9Bo\xCC\x9B\xCC\x80ng") == "phuong");
}

TEST_CASE("i18n: is_valid_slug accepts lower-case ASCII words joined by single hyphens") {
  for (const char* good : {"truong-thi", "2023-chi-thi-33", "a", "x1"}) {
    CAPTURE(good);
    CHECK(is_valid_slug(good));
  }
  for (const char* bad : {"", "-a", "a-", "a--b", "Truong-thi", "truong_thi", "trường", "a b", "a.b", "_index"}) {
    CAPTURE(bad);
    CHECK_FALSE(is_valid_slug(bad));
  }
}

TEST_CASE("i18n: fold_for_search lower-cases and removes tones, đ becomes d") {
  CHECK(fold_for_search("Đối thoại") == "doi thoai");
  CHECK(fold_for_search("ĐẢNG ỦY") == "dang uy");
  CHECK(fold_for_search("Tiếp công dân") == "tiep cong dan");
  CHECK(fold_for_search("đ") == "d");
  CHECK(fold_for_search("Phu\xCC\x9Bo\xCC\x9B\xCC\x80ng") == "phuong");
  CHECK(fold_for_search("33/CT-TTg") == "33/ct-ttg");
}

TEST_CASE("i18n: fold_for_search folds every Vietnamese letter, and other scripts through ICU") {
  CHECK(fold_for_search("aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ") ==
        "aaaaaaaaaaaaaaaaaaeeeeeeeeeeeeiiiiiioooooooooooooooooouuuuuuuuuuuuyyyyyyd");
  CHECK(fold_for_search("AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬEÈÉẺẼẸÊỀẾỂỄỆIÌÍỈĨỊOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢUÙÚỦŨỤƯỪỨỬỮỰYỲÝỶỸỴĐ") ==
        "aaaaaaaaaaaaaaaaaaeeeeeeeeeeeeiiiiiioooooooooooooooooouuuuuuuuuuuuyyyyyyd");
  // Letters that are not a base plus marks go through the transliterator.
  CHECK(fold_for_search("Straße") == "strasse");
  CHECK(fold_for_search("Москва") == "moskva");
  CHECK(fold_for_search("Trường – Москва") == "truong - moskva");
}

// fold_for_search folds punctuation, spaces and symbols one at a time from a
// cache rather than running the transliterator over the whole text. That is
// only right if ICU's rules for them look at no neighbour: checked here for
// every such character of the Basic Multilingual Plane, between letters.
TEST_CASE("i18n: fold_for_search folds each symbol as the whole-text transliterator does") {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> whole(icu::Transliterator::createInstance(
      "Any-Latin; NFD; [:Nonspacing Mark:] Remove; Latin-ASCII; Lower; NFC", UTRANS_FORWARD, status));
  REQUIRE(U_SUCCESS(status));
  int checked = 0;
  for (UChar32 c = 0x80; c < 0x10000; ++c) {
    if (U_IS_SURROGATE(c) || !(U_GET_GC_MASK(c) & (U_GC_P_MASK | U_GC_Z_MASK | U_GC_S_MASK | U_GC_NO_MASK))) continue;
    // Between letters, digits and spaces: a rule may look at either side.
    for (const auto& [before, after] : {std::pair{"Đa", "Bờ"}, std::pair{"1", "2"}, std::pair{" ", " "}}) {
      icu::UnicodeString text =
          icu::UnicodeString::fromUTF8(before) + icu::UnicodeString(c) + icu::UnicodeString::fromUTF8(after);
      std::string utf8;
      text.toUTF8String(utf8);
      icu::UnicodeString expected_u = text;
      whole->transliterate(expected_u);
      std::string expected;
      expected_u.toUTF8String(expected);
      // The module's explicit đ → d rule, as fold_for_search applies it.
      for (std::size_t at; (at = expected.find("\xC4\x91")) != std::string::npos;) expected.replace(at, 2, "d");
      const std::string context = before;
      CAPTURE(c);
      CAPTURE(context);
      CHECK(fold_for_search(utf8) == expected);
    }
    ++checked;
  }
  CHECK(checked > 4000);  // 4,455 symbols in ICU 72, and the other numbers (No)
}

// fold_for_search folds most text from a table of single characters made at
// start-up. Checked against the fold without it for every character the table
// covers, in NFC and with marks of its own, and on random mixtures.
TEST_CASE("i18n: fold_for_search's table folds as ICU does") {
  auto utf8 = [](UChar32 c) {
    std::string s;
    icu::UnicodeString(c).toUTF8String(s);
    return s;
  };
  std::vector<std::string> pieces = {"A", "z", " ", "-", "\xCC\x81", "\xCC\x9B", "\xE2\x80\x93", "\xD0\x96"};
  for (UChar32 c = 0x80; c < 0x2200; ++c) {
    if (U_IS_SURROGATE(c)) continue;
    for (const std::string& text : {utf8(c),
                                    "Đa" + utf8(c) +
                                        "\xCC\x82"
                                        "b",
                                    utf8(c) + utf8(c) + " 1"}) {
      CAPTURE(c);
      CHECK(fold_for_search(text) == detail::fold_for_search_icu(text));
    }
    pieces.push_back(utf8(c));
  }
  std::uint32_t seed = 12345;
  auto next = [&] { return seed = seed * 1664525u + 1013904223u; };
  for (int i = 0; i < 3000; ++i) {
    std::string text;
    for (std::uint32_t n = 1 + next() % 6; n > 0; --n) text += pieces[(next() >> 8) % pieces.size()];
    CAPTURE(text);
    CHECK(fold_for_search(text) == detail::fold_for_search_icu(text));
  }
  // Text the table cannot hold, cut anywhere: invalid UTF-8 goes to ICU as before.
  CHECK(fold_for_search("\xE1\xBB") == detail::fold_for_search_icu("\xE1\xBB"));
  CHECK(fold_for_search("ab\xFF") == detail::fold_for_search_icu("ab\xFF"));
}

TEST_CASE("i18n: words lower-cases, composes and splits on anything that is not a letter or digit") {
  CHECK(words("Tiếp CÔNG dân, 14.000 lượt!") == std::vector<std::string>{"tiếp", "công", "dân", "14", "000", "lượt"});
  CHECK(words("Phu\xCC\x9Bo\xCC\x9B\xCC\x80ng Trường") == std::vector<std::string>{"phường", "trường"});
  CHECK(words("ĐẢNG ỦY") == std::vector<std::string>{"đảng", "ủy"});
  CHECK(words(" -- ").empty());
  CHECK(words("").empty());
}

// The search index's tokenizer: words already in lower case come out as
// views of the text, the others through a buffer; both must cut and lower
// the same way whatever the script, plane or damage.
TEST_CASE("i18n: for_each_lowered_word cuts and lower-cases words in any script") {
  auto lowered = [](std::string_view text) {
    std::vector<std::string> out;
    for_each_lowered_word(text, [&](std::string_view w) { out.emplace_back(w); });
    return out;
  };
  using V = std::vector<std::string>;
  CHECK(lowered("phường Trường THI, 2023") == V{"phường", "trường", "thi", "2023"});
  CHECK(lowered("МОСКВА москва Αθήνα") == V{"москва", "москва", "αθήνα"});
  CHECK(lowered("漢字 x") == V{"漢字", "x"});  // beyond the table: ICU
  CHECK(lowered("\xF0\x90\x90\x80"
                "Bc") == V{"\xF0\x90\x90\xA8"
                           "bc"});  // U+10400 → U+10428
  CHECK(lowered("ab\xFF"
                "cd\xC3") == V{"ab", "cd"});      // bad bytes cut words
  CHECK(lowered("u\xCC\x9B") == V{"u\xCC\x9B"});  // a mark stays in its word
  CHECK(lowered("...x") == V{"x"});
  CHECK(lowered("Ab") == V{"ab"});
  // Lower case longer than the word: U+023A (two bytes) → U+2C65 (three).
  CHECK(lowered("\xC8\xBA\xC8\xBA\xC8\xBA") == V{"\xE2\xB1\xA5\xE2\xB1\xA5\xE2\xB1\xA5"});
  CHECK(lowered("Ủy BAN Nhân DÂN") == V{"ủy", "ban", "nhân", "dân"});
  CHECK(lowered("") == V{});
}

// ASCII takes a table of its own: each character, alone and between two
// letters, must cut and lower as ICU says.
TEST_CASE("i18n: for_each_lowered_word treats every ASCII character as ICU does") {
  for (UChar32 c = 0; c < 0x80; ++c) {
    CAPTURE(c);
    const bool part = u_isalnum(c) || u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK;
    const std::string lower(1, static_cast<char>(u_tolower(c)));
    std::vector<std::string> out;
    for_each_lowered_word("x" + std::string(1, static_cast<char>(c)) + "\xC3\xA0",
                          [&](std::string_view w) { out.emplace_back(w); });
    CHECK(out ==
          (part ? std::vector<std::string>{"x" + lower + "\xC3\xA0"} : std::vector<std::string>{"x", "\xC3\xA0"}));
  }
}

TEST_CASE("i18n: compare_vi follows Vietnamese collation: An < Ân < D < Đ") {
  CHECK(compare_vi("An", "Ân") < 0);
  CHECK(compare_vi("Ân", "D") < 0);
  CHECK(compare_vi("D", "Đ") < 0);
  CHECK(compare_vi("Đ", "D") > 0);
  CHECK(compare_vi("Đ", "E") < 0);  // Đ sorts after D but before E, unlike bytewise order
  CHECK(compare_vi("Ân", "Ân") == 0);
  std::vector<std::string> names = {"Đông Ba", "Ân Thi", "Dương Nội", "An Hải", "Bình Minh", "Ă"};
  std::sort(names.begin(), names.end(),
            [](const std::string& a, const std::string& b) { return compare_vi(a, b) < 0; });
  CHECK(names == std::vector<std::string>{"An Hải", "Ă", "Ân Thi", "Bình Minh", "Dương Nội", "Đông Ba"});
}

TEST_CASE("i18n: compare_vi is a total order: collation ties are broken bytewise") {
  const std::string nfc = "Phường";
  const std::string nfd = "Phu\xCC\x9Bo\xCC\x9B\xCC\x80ng";
  int ab = compare_vi(nfc, nfd);
  CHECK(ab != 0);
  CHECK(compare_vi(nfd, nfc) == -ab);
}
