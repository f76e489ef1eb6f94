#include "site/search.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
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

std::map<std::string, std::string> files_of(const std::vector<SearchEntry>& entries, unsigned jobs) {
  WorkerPool pool(jobs);
  std::map<std::string, std::string> out;
  for (OutputFile& f : search_index(entries, pool)) {
    CHECK(out.count(f.path) == 0);
    out[f.path] = std::move(f.data);
  }
  return out;
}

// The index's files put back together, as a page that fetched every shard
// sees it: {"docs":[…],"terms":{term:[[doc,weight],…]},"exact":{…}}.
nlohmann::json assemble(const std::map<std::string, std::string>& files) {
  nlohmann::json manifest = nlohmann::json::parse(files.at("index.json"));
  nlohmann::json out = {
      {"docs", nlohmann::json::array()}, {"terms", nlohmann::json::object()}, {"exact", nlohmann::json::object()}};
  for (std::size_t k = 0; k < manifest["shards"].size(); ++k) {
    nlohmann::json shard = nlohmann::json::parse(files.at("terms/" + std::to_string(k) + ".json"));
    for (const char* map : {"terms", "exact"})
      for (auto& [term, flat] : shard[map].items()) {
        nlohmann::json list = nlohmann::json::array();
        std::size_t doc = 0;
        for (std::size_t i = 0; i < flat.size(); i += 2)
          list.push_back({doc += flat[i].get<std::size_t>(), flat[i + 1]});
        CHECK(!out[map].contains(term));
        out[map][term] = list;
      }
  }
  for (std::size_t k = 0; files.count("docs/" + std::to_string(k) + ".json"); ++k)
    for (auto& doc : nlohmann::json::parse(files.at("docs/" + std::to_string(k) + ".json"))) out["docs"].push_back(doc);
  CHECK(out["docs"].size() == manifest["docs"]);
  return out;
}

nlohmann::json index_of(const std::vector<SearchEntry>& entries, unsigned jobs) {
  return assemble(files_of(entries, jobs));
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
  auto a = files_of(entries, 1);
  CHECK(files_of(entries, 2) == a);
  CHECK(files_of(entries, 4) == a);
  nlohmann::json index = assemble(a);
  CHECK(index["docs"].size() == 300);
  CHECK(index["terms"]["doi"].size() == 300);
  CHECK(index["terms"]["van"].size() == 100);  // every third document
  CHECK(index["exact"]["nghị"].size() == 300);
  CHECK(index["terms"].contains("trich"));
  // Terms are written in bytewise order (checked in the raw text: parsing would sort them).
  const std::string& shard = a.at("terms/0.json");
  // Documents 0, 3, 6… have "dân": each posting counts from the one before.
  CHECK(shard.starts_with("{\"exact\":{\"dân\":[0,1,3,1,3,1,"));
  std::size_t terms = shard.find("\"terms\":{");
  REQUIRE(terms != std::string::npos);
  CHECK(shard.compare(terms, 13, "\"terms\":{\"0\":") == 0);
  CHECK(shard.find("\"doi\":", terms) < shard.find("\"hoi\":", terms));
  CHECK(shard.find("\"hoi\":", terms) < shard.find("\"trich\":", terms));
}

TEST_CASE("search: terms are cut into shards in order, each exact word in its folded form's shard") {
  // Enough distinct words for several shards of kSearchShardBytes.
  std::vector<std::string> bodies;
  for (int i = 0; i < 600; ++i) {
    std::string body;
    for (int k = 0; k < 40; ++k) body += "từ" + std::to_string(i) + "x" + std::to_string(k) + " ";
    bodies.push_back(body);
  }
  std::vector<SearchEntry> entries;
  for (const std::string& body : bodies) entries.push_back(entry("Trang", body));
  auto files = files_of(entries, 2);
  nlohmann::json manifest = nlohmann::json::parse(files.at("index.json"));
  CHECK(manifest["chunk"] == kSearchDocsPerFile);
  CHECK(manifest["docs"] == 600);
  const nlohmann::json& firsts = manifest["shards"];
  REQUIRE(firsts.size() >= 3);
  std::size_t seen = 0;
  for (std::size_t k = 0; k < firsts.size(); ++k) {
    const std::string& data = files.at("terms/" + std::to_string(k) + ".json");
    CHECK(data.size() < 2 * kSearchShardBytes);
    nlohmann::json shard = nlohmann::json::parse(data);
    std::string first = firsts[k], next = k + 1 < firsts.size() ? firsts[k + 1].get<std::string>() : "\xFF";
    CHECK(shard["terms"].begin().key() == first);
    for (auto& [term, flat] : shard["terms"].items()) {
      CHECK((term >= first && term < next));
      ++seen;
    }
    for (auto& [word, flat] : shard["exact"].items()) {
      std::string folded = "tu" + word.substr(std::string("từ").size());
      CHECK((folded >= first && folded < next));
      CHECK(shard["terms"].contains(folded));
    }
  }
  CHECK(seen == 600 * 40 + 1);  // each word, and "trang"
  // Documents are in files of kSearchDocsPerFile.
  const std::size_t chunks = (600 + kSearchDocsPerFile - 1) / kSearchDocsPerFile;
  REQUIRE(chunks >= 2);
  CHECK(nlohmann::json::parse(files.at("docs/0.json")).size() == kSearchDocsPerFile);
  CHECK(nlohmann::json::parse(files.at("docs/" + std::to_string(chunks - 1) + ".json")).size() ==
        600 - (chunks - 1) * kSearchDocsPerFile);
  CHECK(files.count("docs/" + std::to_string(chunks) + ".json") == 0);
  CHECK(files.size() == 1 + firsts.size() + chunks);
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

TEST_CASE("search: a worker's thousands of words keep their documents and weights") {
  // Until the merge a document's words are kept as numbers of one to three
  // bytes (a word's id in its worker's lexicon, and where it was seen): a
  // lexicon of 20,000 words needs all three lengths.
  std::string many;
  for (int i = 0; i < 20000; ++i) many += "w" + std::to_string(i) + " ";
  std::vector<SearchEntry> entries = {entry("đầu", many), entry("w19999 w5", "w0 w40", "w4095"),
                                      entry("cuối", "w19999 w20000")};
  nlohmann::json index = index_of(entries, 1);
  CHECK(index["terms"].size() == 20000 + 3);  // and "dau", "cuoi", "w20000"
  CHECK(index["terms"]["w0"] == nlohmann::json::parse("[[0,1],[1,1]]"));
  CHECK(index["terms"]["w5"] == nlohmann::json::parse("[[0,1],[1,10]]"));
  CHECK(index["terms"]["w40"] == nlohmann::json::parse("[[0,1],[1,1]]"));
  CHECK(index["terms"]["w4095"] == nlohmann::json::parse("[[0,1],[1,3]]"));
  CHECK(index["terms"]["w19999"] == nlohmann::json::parse("[[0,1],[1,10],[2,1]]"));
  CHECK(index["terms"]["w20000"] == nlohmann::json::parse("[[2,1]]"));
  CHECK(index["exact"]["cuối"] == nlohmann::json::parse("[[2,10]]"));
}
