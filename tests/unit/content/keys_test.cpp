#include <doctest/doctest.h>

#include <algorithm>

#include "content/keys.hpp"

using namespace mb;
using namespace mb::content;

namespace {

bool has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

TEST_CASE("content: every required key is a key the Vietnamese file may hold") {
  for (Kind kind : {Kind::home, Kind::locality, Kind::report, Kind::initiative, Kind::page}) {
    CAPTURE(kind_name(kind));
    std::vector<std::string> vi = allowed_keys(kind, Lang::vi);
    for (const std::string& k : keys_of(kind).required_vi) CHECK(has(vi, k));
    CHECK(has(keys_of(kind).required_vi, "title"));
  }
}

TEST_CASE("content: text keys and language-neutral keys never overlap") {
  for (Kind kind : {Kind::home, Kind::locality, Kind::report, Kind::initiative, Kind::page}) {
    CAPTURE(kind_name(kind));
    for (const std::string& k : keys_of(kind).neutral) CHECK_FALSE(has(keys_of(kind).text, k));
  }
}

TEST_CASE("content: the English file holds text keys and notes, never numbers or facts") {
  std::vector<std::string> en = allowed_keys(Kind::locality, Lang::en);
  CHECK(en == std::vector<std::string>{"title", "summary", "province", "district", "translation_of", "notes"});
  CHECK_FALSE(has(allowed_keys(Kind::report, Lang::en), "indicators"));
  CHECK(has(allowed_keys(Kind::report, Lang::en), "signer"));
  CHECK(has(allowed_keys(Kind::report, Lang::en), "notes"));
  CHECK(allowed_keys(Kind::initiative, Lang::en) ==
        std::vector<std::string>{"title", "summary", "translation_of", "notes"});
}

TEST_CASE("content: home pages and free pages have no notes in either language") {
  CHECK(allowed_keys(Kind::home, Lang::en) == std::vector<std::string>{"title", "summary", "translation_of"});
  CHECK(allowed_keys(Kind::home, Lang::vi) == std::vector<std::string>{"title", "summary"});
  CHECK(allowed_keys(Kind::page, Lang::en) == std::vector<std::string>{"title", "summary", "translation_of"});
  CHECK(allowed_keys(Kind::page, Lang::vi) == std::vector<std::string>{"title", "summary", "weight"});
}

TEST_CASE("content: the Vietnamese report holds every key of the content reference") {
  std::vector<std::string> vi = allowed_keys(Kind::report, Lang::vi);
  for (const char* k : {"title", "summary", "kind", "period", "number", "date", "place", "issuer", "recipient",
                        "signer", "distribution", "directives", "indicators", "initiatives", "attachments"})
    CHECK(has(vi, k));
  CHECK_FALSE(has(vi, "notes"));
  CHECK(keys_of(Kind::report).required_vi ==
        std::vector<std::string>{"title", "kind", "period", "number", "issuer", "signer"});
}
