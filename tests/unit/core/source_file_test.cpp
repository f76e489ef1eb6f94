#include "core/source_file.hpp"

#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unicode/utf8.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "test_util.hpp"

using namespace mb;

TEST_CASE("core: SourceFile maps offsets to line and character column") {
  SourceFile f("a.md", "ab\nPhường x\n\nlast");
  CHECK(f.line_count() == 4);
  CHECK(f.position(0).line == 1);
  CHECK(f.position(0).column == 1);
  CHECK(f.position(2).column == 3);  // the '\n' itself
  std::size_t x = f.text().find(" x");
  CHECK(f.position(x).line == 2);
  CHECK(f.position(x).column == 7);  // "Phường" is 6 characters, 9 bytes
  CHECK(f.position(f.text().size()).line == 4);
  CHECK(f.position(f.text().size()).column == 5);
  CHECK(f.position(10000).line == 4);  // clamped to the end
}

TEST_CASE("core: SourceFile line_text and offset") {
  SourceFile f("a.md", "one\ntwo\n");
  CHECK(f.line_count() == 3);
  CHECK(f.line_text(1) == "one");
  CHECK(f.line_text(2) == "two");
  CHECK(f.line_text(3) == "");
  CHECK(f.line_text(0) == "");
  CHECK(f.line_text(4) == "");
  CHECK(f.offset(2, 0) == 4);
  CHECK(f.offset(2, 2) == 6);
  CHECK(f.offset(0, 5) == 0);
  CHECK(f.offset(9, 0) == f.text().size());
  CHECK(f.offset(3, 50) == f.text().size());
}

TEST_CASE("core: SourceFile::at never runs the caret past the end of the line") {
  SourceFile f("site.yaml", "title: Trường Thi\nbase_url: x\n");
  Diagnostic d = f.at(Severity::warning, f.text().find("Thi"), 100, "too long");
  CHECK(format_diagnostic(d) ==
        "site.yaml:1:15: warning: too long\n"
        "  1 | title: Trường Thi\n"
        "    |               ^~~\n");
}

TEST_CASE("core: SourceFile::at with length zero still draws one caret") {
  SourceFile f("a.md", "abc");
  Diagnostic d = f.at(Severity::error, 1, 0, "here");
  CHECK(d.span == 1);
  CHECK(d.column == 2);
  CHECK(d.source_line == "abc");
}

namespace {

// True if `use` aborts, run in a child process whose stderr is discarded.
bool aborts(const std::function<void()>& use) {
  std::fflush(nullptr);
  const pid_t child = ::fork();
  if (child == 0) {
    if (!std::freopen("/dev/null", "w", stderr)) ::_exit(3);
    use();
    ::_exit(0);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  return WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT;
}

}  // namespace

TEST_CASE("core: SourceFile::release_text keeps the path, and any later read of the text aborts") {
  SourceFile f("content/a.vi.md", "---\ntitle: A\n---\nThân bài.\n");
  REQUIRE_FALSE(aborts([&] { (void)f.text(); }));
  f.release_text();
  CHECK(f.path() == "content/a.vi.md");
  CHECK(f.line_count() == 0);
  // A diagnostic or a body read after the release is a bug, and must not
  // quietly point at an empty text.
  CHECK(aborts([&] { (void)f.text(); }));
  CHECK(aborts([&] { (void)f.position(3); }));
  CHECK(aborts([&] { (void)f.at(Severity::error, 3, 1, "late"); }));
  CHECK(aborts([&] { (void)f.offset(1, 0); }));
}

TEST_CASE("core: utf8_length counts code points") {
  CHECK(utf8_length("") == 0);
  CHECK(utf8_length("abc") == 3);
  CHECK(utf8_length("Đường") == 5);
  CHECK(utf8_length("\xF0\x9F\x98\x80") == 1);
}

TEST_CASE("core: normalize_line_endings strips the BOM and turns CRLF and CR into LF") {
  CHECK(normalize_line_endings("\xEF\xBB\xBF"
                               "a\r\nb\rc\n") == "a\nb\nc\n");
  CHECK(normalize_line_endings("a\r\r\nb") == "a\n\nb");
  CHECK(normalize_line_endings("plain\n") == "plain\n");
  CHECK(normalize_line_endings("x\xEF\xBB\xBF") == "x\xEF\xBB\xBF");  // only a leading BOM
}

TEST_CASE("core: is_valid_utf8 accepts UTF-8 and points at the first bad byte") {
  std::size_t bad = 99;
  CHECK(is_valid_utf8("Trường Thi \xF0\x9F\x98\x80", &bad));
  CHECK(bad == 99);
  CHECK_FALSE(is_valid_utf8("ab\xFFzz", &bad));
  CHECK(bad == 2);
  CHECK_FALSE(is_valid_utf8("a\xC3", &bad));  // truncated
  CHECK(bad == 1);
  CHECK_FALSE(is_valid_utf8("\xC0\xAF", &bad));  // overlong '/'
  CHECK(bad == 0);
  CHECK_FALSE(is_valid_utf8("x\xED\xA0\x80", &bad));  // UTF-16 surrogate
  CHECK(bad == 1);
  CHECK_FALSE(is_valid_utf8("\xC3(", &bad));  // bad continuation
  CHECK(bad == 0);
  CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
}

// is_valid_utf8 checks byte ranges (Unicode Table 3-7) instead of decoding:
// it must agree with ICU's decoder on every one- to three-byte sequence and
// on four-byte ones across every first and second byte.
TEST_CASE("core: is_valid_utf8 agrees with ICU on every short sequence") {
  auto icu_valid = [](const std::string& s) {
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    int32_t i = 0, n = static_cast<int32_t>(s.size());
    while (i < n) {
      UChar32 c;
      U8_NEXT(p, i, n, c);
      if (c < 0) return false;
    }
    return true;
  };
  int mismatches = 0;
  auto check = [&](const std::string& s) {
    if (is_valid_utf8(s) != icu_valid(s)) ++mismatches;
  };
  for (int a = 0; a < 256; ++a) {
    check(std::string(1, static_cast<char>(a)));
    for (int b = 0; b < 256; ++b) {
      std::string two{static_cast<char>(a), static_cast<char>(b)};
      check(two);
      if (a >= 0xE0)
        for (int c = 0; c < 256; ++c) check(two + static_cast<char>(c));
      if (a >= 0xF0)
        for (int c : {0x7F, 0x80, 0xBF, 0xC0})
          for (int d : {0x7F, 0x80, 0xBF, 0xC0}) check(two + static_cast<char>(c) + static_cast<char>(d));
    }
  }
  CHECK(mismatches == 0);
}

// scan_utf8 skips runs of ASCII bytes a word at a time: on random mixes of
// ASCII, controls, Vietnamese, combining marks and broken sequences it must
// agree with ICU's decoder on validity and the first bad byte, and with the
// definition of plain text character by character.
TEST_CASE("core: scan_utf8 agrees with a character-by-character scan on mixed text") {
  const std::vector<std::string> pieces = {
      "a",    "Z",    " ",        "\n",       "\t",    "\r",       "\x01", "\x7F",
      "ư",    "ờ",    "Đ",        "\xCC\x80", "“",     "\xC2\x85", "€",    "\xF0\x9F\x98\x80",
      "\xFF", "\xC3", "\xE1\xBB", "12345",    "phường",
      // the edges of the letters scan_utf8 takes on a short path
      "\xC3\x80", "\xCB\xBF", "\xE1\xB8\x80", "\xE1\xBB\xBF", "\xE1\xB7\xBF", "\xE1\xBC\x80", "\xE1\xBA"};
  auto reference = [](const std::string& s) {
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    int32_t i = 0, n = static_cast<int32_t>(s.size());
    Utf8Scan out;
    while (i < n) {
      int32_t at = i;
      UChar32 c;
      U8_NEXT(p, i, n, c);
      if (c < 0) return Utf8Scan{false, static_cast<std::size_t>(at), false};
      bool plain = c < 0x80 ? (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') && c != 0x7F
                            : (c >= 0xA0 && c <= 0x2FF) || (c >= 0x1E00 && c <= 0x1EFF) || (c >= 0x2010 && c <= 0x203F);
      out.plain = out.plain && plain;
    }
    return out;
  };
  std::uint64_t seed = 12345;
  auto next = [&] { return (seed = seed * 6364136223846793005ULL + 1442695040888963407ULL) >> 33; };
  int mismatches = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    // Mostly ASCII, as text is, with the other pieces now and then.
    for (std::size_t k = 0, n = next() % 40; k < n; ++k)
      s += next() % 3 ? pieces[next() % 2] : pieces[next() % pieces.size()];
    Utf8Scan got = scan_utf8(s), want = reference(s);
    if (got.valid != want.valid || got.plain != want.plain || (!want.valid && got.bad != want.bad)) {
      if (++mismatches <= 3) MESSAGE("mismatch on: ", s);
    }
  }
  CHECK(mismatches == 0);
}

TEST_CASE("core: find_control_character finds what pages and feeds cannot carry") {
  char32_t code = 0;
  CHECK(find_control_character("Trường Thi\tphường\r\n", &code) == std::string_view::npos);
  CHECK(find_control_character("") == std::string_view::npos);
  CHECK(find_control_character(std::string_view("a\0b", 3), &code) == 1);
  CHECK(code == 0);
  CHECK(find_control_character("Trang\x0c"
                               "2",
                               &code) == 5);
  CHECK(code == 0x0C);
  CHECK(find_control_character("ủ\x1b", &code) == 3);
  CHECK(code == 0x1B);
  CHECK(find_control_character("x\x7f", &code) == 1);
  CHECK(code == 0x7F);
  CHECK(find_control_character("ê\xC2\x85", &code) == 2);  // U+0085, a C1 control
  CHECK(code == 0x85);
  CHECK(find_control_character("\xC2\xA0 nbsp is fine") == std::string_view::npos);
  CHECK(find_control_character("x\xEF\xBF\xBF", &code) == 1);
  CHECK(code == 0xFFFF);
  CHECK(find_control_character("\xEF\xBF\xBD replacement is fine") == std::string_view::npos);
  CHECK(find_control_character("emoji \xF0\x9F\x98\x80 fine") == std::string_view::npos);
  CHECK(code_point_name(0x0C) == "U+000C");
  CHECK(code_point_name(0xFFFE) == "U+FFFE");
}

// Both scanners skip plain ASCII eight bytes at a time: whatever the
// alignment, a byte that needs decoding must still be seen where it is.
TEST_CASE("core: the UTF-8 and control scanners see every byte at every offset") {
  for (std::size_t at = 0; at < 24; ++at) {
    CAPTURE(at);
    std::string text(40, 'x');
    for (int c = 0; c < 0x80; ++c) {
      text[at] = static_cast<char>(c);
      bool control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
      char32_t code = 0xBAD;
      CAPTURE(c);
      CHECK(find_control_character(text, &code) == (control ? at : std::string_view::npos));
      if (control) CHECK(code == static_cast<char32_t>(c));
    }
    std::size_t bad = 0;
    text.assign(40, ' ');
    text.replace(at, 2, "\xC2\x85");  // U+0085: valid UTF-8, a C1 control
    CHECK(is_valid_utf8(text));
    CHECK(find_control_character(text) == at);
    text.replace(at, 2, "\xC3\xAA");  // ê
    CHECK(is_valid_utf8(text));
    CHECK(find_control_character(text) == std::string_view::npos);
    text[at] = '\xFF';
    CHECK_FALSE(is_valid_utf8(text, &bad));
    CHECK(bad == at);
    text[at] = '~';
    text[at + 1] = '\xAA';  // a lone continuation byte
    CHECK_FALSE(is_valid_utf8(text, &bad));
    CHECK(bad == at + 1);
  }
  // Vietnamese letters of two and three bytes are skipped in blocks too: a
  // block may end inside one, and what follows must still be seen.
  for (const std::string letter : {"ư", "ờ", "a"}) {
    for (std::size_t count = 0; count < 12; ++count) {
      std::string prefix;
      for (std::size_t k = 0; k < count; ++k) prefix += letter;
      CAPTURE(prefix);
      char32_t code = 0;
      CHECK(find_control_character(prefix + "\xC2\x85" + prefix) == prefix.size());
      CHECK(find_control_character(prefix + "\xEF\xBF\xBE" + prefix, &code) == prefix.size());
      CHECK(code == 0xFFFE);
      CHECK(find_control_character(prefix + "\x7F") == prefix.size());
      CHECK(find_control_character(prefix + "\xEF\xBF\xBD" + prefix) == std::string_view::npos);  // U+FFFD
      CHECK(find_control_character(prefix + "\xC2\xA0" + prefix) == std::string_view::npos);      // nbsp
    }
  }
}
