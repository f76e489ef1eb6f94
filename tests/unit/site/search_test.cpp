#include "site/search.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

using namespace mb;
using namespace mb::site;

namespace {

SearchEntry entry(std::string title, std::string_view body, std::string summary = {}) {
  SearchEntry e;
  e.title = std::move(title);
  e.url = "/trang/";
  e.kind = "Báo cáo";
  e.summary = std::move(summary);
  e.body = body;
  return e;
}

nlohmann::json index_of(const std::vector<SearchEntry>& entries, unsigned jobs) {
  WorkerPool pool(jobs);
  return nlohmann::json::parse(search_index(entries, pool));
}

}  // namespace

TEST_CASE("search: folded keys find words without diacritics, exact keys keep them") {
  std::vector<SearchEntry> entries = {entry("Phường Trường Thi", "Tiếp công dân 14.000 lượt")};
  nlohmann::json index = index_of(entries, 1);
  CHECK(index["docs"][0] == nlohmann::json::array({"Phường Trường Thi", "/trang/", "Báo cáo", "", ""}));
  CHECK(index["terms"]["phuong"] == nlohmann::json::parse("[[0,10]]"));
  CHECK(index["terms"]["tiep"] == nlohmann::json::parse("[[0,1]]"));
  CHECK(index["terms"]["14"] == nlohmann::json::parse("[[0,1]]"));
  CHECK(index["exact"]["phường"] == nlohmann::json::parse("[[0,10]]"));
  // Words without diacritics are only in the folded map.
  CHECK_FALSE(index["exact"].contains("thi"));
  CHECK(index["terms"].contains("thi"));
}

TEST_CASE("search: each word is posted once per document with its best weight") {
  // The same word in capitals, in lower case and decomposed (NFD): one term.
  std::string body = "PHƯỜNG phường Phu\xCC\x9Bo\xCC\x9B\xCC\x80ng phuong";
  std::vector<SearchEntry> entries = {entry("Báo cáo", body, "phường"), entry("phường", "không")};
  nlohmann::json index = index_of(entries, 1);
  CHECK(index["terms"]["phuong"] == nlohmann::json::parse("[[0,3],[1,10]]"));
  CHECK(index["exact"]["phường"] == nlohmann::json::parse("[[0,3],[1,10]]"));
  CHECK(index["terms"]["khong"] == nlohmann::json::parse("[[1,1]]"));
}

TEST_CASE("search: the index does not depend on how documents fall to workers") {
  // Many documents sharing words, so each worker meets words the others also
  // hold under ids of their own; the merged index must be the same bytes.
  std::vector<std::string> bodies;
  for (int i = 0; i < 300; ++i)
    bodies.push_back("Đối thoại " + std::to_string(i % 17) + " lần, phường " + std::to_string(i % 5) +
                     (i % 3 ? " Hội nghị" : " hội NGHỊ dân vận") + (i % 7 ? "" : " \"trích\"\\dẫn"));
  std::vector<SearchEntry> entries;
  for (int i = 0; i < 300; ++i) entries.push_back(entry("Mô hình " + std::to_string(i), bodies[i]));
  WorkerPool one(1), two(2), four(4);
  std::string a = search_index(entries, one);
  CHECK(search_index(entries, two) == a);
  CHECK(search_index(entries, four) == a);
  nlohmann::json index = nlohmann::json::parse(a);
  CHECK(index["docs"].size() == 300);
  CHECK(index["terms"]["doi"].size() == 300);
  CHECK(index["terms"]["van"].size() == 100);  // every third document
  CHECK(index["exact"]["nghị"].size() == 300);
  CHECK(index["terms"].contains("trich"));
  // Terms are written in bytewise order (checked in the raw text: parsing would sort them).
  std::size_t terms = a.find("\"terms\":{");
  REQUIRE(terms != std::string::npos);
  CHECK(a.compare(terms, 13, "\"terms\":{\"0\":") == 0);
  CHECK(a.find("\"doi\":", terms) < a.find("\"hoi\":", terms));
  CHECK(a.find("\"hoi\":", terms) < a.find("\"trich\":", terms));
}

TEST_CASE("search: words that differ in one byte stay apart, at every length") {
  // The lexicon keeps a word's first and last eight bytes in its table and
  // compares longer words in full: words alike but for one byte at the start,
  // the middle or the end must stay distinct terms, and repeats must merge.
  std::vector<std::string> words;
  for (std::size_t n = 1; n <= 40; ++n) {
    std::string a(n, 'a');
    std::string start = a, middle = a, end = a;
    start.front() = 'b';
    middle[n / 2] = 'c';
    end.back() = 'd';
    for (const std::string& w : {a, start, middle, end})
      if (std::find(words.begin(), words.end(), w) == words.end()) words.push_back(w);
  }
  std::vector<std::string> bodies;
  for (const std::string& w : words) bodies.push_back(w + " " + w + " x" + w);
  std::vector<SearchEntry> entries;
  for (const std::string& body : bodies) entries.push_back(entry("t", body));
  nlohmann::json index = index_of(entries, 1);
  for (std::size_t i = 0; i < words.size(); ++i) {
    INFO(words[i]);
    CHECK(index["terms"][words[i]] == nlohmann::json::array({nlohmann::json::array({i, 1})}));
  }
  CHECK(index["terms"].size() == 2 * words.size() + 1);  // each word, "x" + each word, and "t"
}
