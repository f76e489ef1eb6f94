// The search index: built at compile time, one per language, searched by a
// small script on the static host. Vietnamese-aware: the index keys are
// folded (NFC, lower case, tones and diacritics removed, đ → d), so "truong
// thi", "Truong Thi" and "trường thi" all find Phường Trường Thi; the exact
// lower-case words are kept too, so results whose diacritics match the
// query rank first.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/worker_pool.hpp"

namespace mb::site {

struct SearchEntry {
  std::string title;
  std::string url;
  std::string kind;      // "Báo cáo", "Report", "Mô hình"…
  std::string locality;  // locality name, for results of a locality's page
  std::string period;    // a report's period
  std::string summary;
  std::string_view body;  // plain text, in the renderer's texts (bodies are large: not copied)
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
  // The index as compact JSON. Reads the entries' titles, URLs, kinds,
  // localities and periods; their bodies may be gone.
  std::string finish(const std::vector<SearchEntry>& entries);

 private:
  struct State;
  std::unique_ptr<State> m;
};

// The index as compact JSON. Weights: title 10, locality and extra 4, summary 3, body 1.
std::string search_index(const std::vector<SearchEntry>& entries, WorkerPool& pool);

}  // namespace mb::site
