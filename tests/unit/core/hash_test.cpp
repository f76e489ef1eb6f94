#include "core/hash.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace mb;

TEST_CASE("core: hash_bytes is 64-bit FNV-1a") {
  // Reference values of the FNV-1a 64 test suite.
  CHECK(hash_bytes("") == 0xcbf29ce484222325ULL);
  CHECK(hash_bytes("a") == 0xaf63dc4c8601ec8cULL);
  CHECK(hash_bytes("foobar") == 0x85944171f73967e8ULL);
}

TEST_CASE("core: hash_bytes covers every byte, including NUL and high bytes") {
  CHECK(hash_bytes(std::string_view("a\0b", 3)) != hash_bytes("ab"));
  CHECK(hash_bytes("Trường") != hash_bytes("Truong"));
  CHECK(hash_bytes("ab") != hash_bytes("ba"));
}

TEST_CASE("core: hash_hex is sixteen lower-case hex digits, zero-padded") {
  CHECK(hash_hex(0) == "0000000000000000");
  CHECK(hash_hex(0xaf63dc4c8601ec8cULL) == "af63dc4c8601ec8c");
  CHECK(hash_hex(0xABCULL) == "0000000000000abc");
}

TEST_CASE("core: hash_each gives hash_bytes of each text, whatever their lengths") {
  std::vector<std::string> texts;
  std::uint32_t seed = 7;
  for (int n = 0; n < 23; ++n) {
    std::string t;
    for (std::uint32_t len = (seed = seed * 1664525u + 1013904223u) % 300; len > 0; --len)
      t += static_cast<char>((seed = seed * 1664525u + 1013904223u) >> 24);
    texts.push_back(std::move(t));
  }
  texts[5].clear();
  std::vector<std::string_view> views(texts.begin(), texts.end());
  for (std::size_t count : {0, 1, 2, 4, 6, 7, 23}) {
    std::vector<std::uint64_t> out(count, 0);
    hash_each(views.data(), count, out.data());
    for (std::size_t i = 0; i < count; ++i) {
      CAPTURE(i);
      CHECK(out[i] == hash_bytes(views[i]));
    }
  }
}
