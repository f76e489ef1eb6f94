#include <doctest/doctest.h>

#include "core/hash.hpp"

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
