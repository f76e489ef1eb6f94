// The search index: built at compile time, one per language, searched by a
// small script on the static host. Vietnamese-aware: the index keys are
// folded (NFC, lower case, tones and diacritics removed, đ → d), so "truong
// thi", "Truong Thi" and "trường thi" all find Phường Trường Thi; the exact
// lower-case words are kept too, so results whose diacritics match the
// query rank first.
#pragma once

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

// The index as compact JSON. Weights: title 10, locality and extra 4, summary 3, body 1.
std::string search_index(const std::vector<SearchEntry>& entries, WorkerPool& pool);

}  // namespace mb::site
