// The search index: built at compile time, one per language, searched by a
// small script on the static host. Vietnamese-aware: the index keys are
// folded (NFC, lower case, tones and diacritics removed, đ → d), so "truong
// thi", "Truong Thi" and "trường thi" all find Phường Trường Thi; the exact
// lower-case words are kept too, so results whose diacritics match the
// query rank first.
//
// A citizen's phone fetches only what a query needs. index.json is a small
// manifest: {"chunk":kSearchDocsPerFile,"docs":count,"shards":[first term of
// each shard]}. The folded terms, in bytewise order, are cut into shards of
// about kSearchShardBytes (terms/<n>.json, {"exact":{…},"terms":{…}}; an
// exact word lives in the shard of its folded form), each term's postings a
// flat [doc,weight,…] whose documents count from the one before. Results'
// titles and links are in files of kSearchDocsPerFile documents
// (docs/<n>.json, [[title,url,kind,locality,period],…]).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/output_file.hpp"
#include "core/worker_pool.hpp"

namespace mb::site {

inline constexpr std::size_t kSearchDocsPerFile = 50;
inline constexpr std::size_t kSearchShardBytes = 32 * 1024;

struct SearchEntry {
  std::string title;
  std::string url;
  std::string kind;      // "Báo cáo", "Report", "Mô hình"…
  std::string locality;  // locality name, for results of a locality's page
  std::string period;    // a report's period
  std::string summary;
  std::string_view body;           // plain text, in the renderer's texts (bodies are large: not copied)
  std::vector<std::string> extra;  // other searchable text: cited documents, locality names
};

// One language's index, built in two steps so that the render workers can
// cut each page's words as soon as they have its text, and need not keep it:
// add() every document from any worker, then finish() once.
class SearchIndexer {
 public:
  SearchIndexer(std::size_t documents, unsigned workers);
  ~SearchIndexer();
  SearchIndexer(const SearchIndexer&) = delete;
  SearchIndexer& operator=(const SearchIndexer&) = delete;

  // Cuts the words of document `doc` with `worker`'s lexicon; calls with
  // different documents and workers may run at once.
  void add(std::size_t doc, unsigned worker, const SearchEntry& entry);
  // The index's files. Reads the entries' titles, URLs, kinds, localities
  // and periods; their bodies may be gone.
  std::vector<OutputFile> finish(const std::vector<SearchEntry>& entries);

 private:
  struct State;
  std::unique_ptr<State> m;
};

// The index's files, paths relative to the search page's folder. Weights:
// title 10, locality and extra 4, summary 3, body 1.
std::vector<OutputFile> search_index(const std::vector<SearchEntry>& entries, WorkerPool& pool);

}  // namespace mb::site
