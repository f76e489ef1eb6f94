#include "site/search.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <thread>
#include <unordered_map>

#include "i18n/text.hpp"

namespace mb::site {

namespace {

// term → (document, best weight), documents ascending.
using Postings = std::unordered_map<std::string, std::vector<std::pair<std::size_t, int>>>;

void post(Postings& postings, const std::string& term, std::size_t doc, int weight) {
  auto& list = postings[term];
  if (!list.empty() && list.back().first == doc)
    list.back().second = std::max(list.back().second, weight);
  else
    list.push_back({doc, weight});
}

// A JSON string as nlohmann::json::dump() writes it (UTF-8 kept as it is).
void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          static const char hex[] = "0123456789abcdef";
          out += "\\u00";
          out += hex[(c >> 4) & 0xf];
          out += hex[c & 0xf];
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

void append_number(std::string& out, std::size_t n) {
  char buf[24];
  out.append(buf, std::to_chars(buf, buf + sizeof buf, n).ptr);
}

// {"term":[[doc,weight],…],…} with terms in bytewise order, as a std::map would
// give. An index holds millions of postings: written without a temporary each.
void write_postings(std::string& out, const Postings& postings) {
  std::vector<const Postings::value_type*> sorted;
  sorted.reserve(postings.size());
  for (const auto& entry : postings) sorted.push_back(&entry);
  std::sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) { return a->first < b->first; });
  out += '{';
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    if (i) out += ',';
    append_json_string(out, sorted[i]->first);
    out += ":[";
    const auto& list = sorted[i]->second;
    for (std::size_t k = 0; k < list.size(); ++k) {
      out += k ? ",[" : "[";
      append_number(out, list[k].first);
      out += ',';
      append_number(out, static_cast<std::size_t>(list[k].second));
      out += ']';
    }
    out += ']';
  }
  out += '}';
}

}  // namespace

std::string search_index(const std::vector<SearchEntry>& entries, WorkerPool& pool) {
  // Words are cut and folded per document on all workers; the postings are
  // then merged in document order, so the index never depends on scheduling.
  struct Term {
    std::string word;
    const std::string* folded;  // in the worker's fold cache, which outlives the merge
    int weight;
  };
  std::vector<std::vector<Term>> terms(entries.size());
  // Folding may go through an ICU transliterator: once per distinct word and worker.
  std::vector<std::unordered_map<std::string, std::string>> folds(pool.size());
  pool.parallel_for(entries.size(), [&](std::size_t i, unsigned worker) {
    const SearchEntry& e = entries[i];
    // Each word once per document, with the best weight it has there.
    std::unordered_map<std::string, int> best;
    auto add = [&](std::string_view text, int weight) {
      for (std::string& w : i18n::words(text)) {
        int& b = best[std::move(w)];
        b = std::max(b, weight);
      }
    };
    add(e.title, 10);
    add(e.locality, 4);
    for (const std::string& x : e.extra) add(x, 4);
    add(e.summary, 3);
    add(e.body, 1);
    auto& cache = folds[worker];
    terms[i].reserve(best.size());
    for (auto& [word, weight] : best) {
      auto it = cache.find(word);
      if (it == cache.end()) it = cache.emplace(word, i18n::fold_for_search(word)).first;
      terms[i].push_back({word, &it->second, weight});
    }
  });
  nlohmann::json docs = nlohmann::json::array();
  for (const SearchEntry& e : entries) docs.push_back({e.title, e.url, e.kind, e.locality, e.period});
  // The two maps are independent: the exact one is built and written on a
  // second thread.
  Postings exact;  // only words with diacritics
  std::string exact_json;
  std::thread exact_thread([&] {
    for (std::size_t i = 0; i < entries.size(); ++i)
      for (const Term& t : terms[i])
        if (*t.folded != t.word) post(exact, t.word, i, t.weight);
    write_postings(exact_json, exact);
  });
  Postings folded;
  for (std::size_t i = 0; i < entries.size(); ++i)
    for (const Term& t : terms[i]) post(folded, *t.folded, i, t.weight);
  std::string folded_json;
  write_postings(folded_json, folded);
  exact_thread.join();
  std::string out = "{\"docs\":" + docs.dump() + ",\"exact\":";
  out += exact_json;
  out += ",\"terms\":";
  out += folded_json;
  out += '}';
  return out;
}

}  // namespace mb::site
