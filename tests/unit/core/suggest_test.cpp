#include <doctest/doctest.h>

#include "core/suggest.hpp"

using namespace mb;

TEST_CASE("core: edit_distance counts insertions, deletions, substitutions and adjacent swaps") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("abc", "") == 3);
  CHECK(edit_distance("", "ab") == 2);
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("populaton", "population") == 1);
  CHECK(edit_distance("title", "title") == 0);
  CHECK(edit_distance("bulid", "build") == 1);
  CHECK(edit_distance("ab", "ba") == 1);
  CHECK(edit_distance("ca", "abc") == 3);  // optimal string alignment: no edit of a swapped pair
}

TEST_CASE("core: nearest picks the closest candidate within about one typo per three characters") {
  std::vector<std::string> keys = {"title", "summary", "population", "province"};
  CHECK(nearest("populaton", keys) == "population");
  CHECK(nearest("titl", keys) == "title");
  CHECK(nearest("tilte", keys) == "title");  // a swap is one edit
  CHECK(nearest("tlite", keys) == "");       // two edits; five characters allow one
  // Twelve characters allow four edits.
  CHECK(nearest("poplation_x", keys) == "population");
  CHECK(nearest("xyz", keys) == "");
  CHECK(nearest("sumary", keys) == "summary");
}

TEST_CASE("core: nearest prefers the first of equally close candidates") {
  CHECK(nearest("cat", {"bat", "hat"}) == "bat");
}

TEST_CASE("core: did_you_mean phrases the hint or gives nothing") {
  CHECK(did_you_mean("provnce", {"province", "district"}) == "did you mean 'province'?");
  CHECK(did_you_mean("completely-different", {"province", "district"}) == "");
  CHECK(did_you_mean("x", {}) == "");
}
