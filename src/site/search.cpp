#include "site/search.hpp"

#include <nlohmann/json.hpp>

#include <map>

#include "i18n/text.hpp"

namespace mb::site {

std::string search_index(const std::vector<SearchEntry>& entries) {
  // folded term → (doc → best weight); exact word → docs
  std::map<std::string, std::map<std::size_t, int>> folded;
  std::map<std::string, std::map<std::size_t, int>> exact;  // only words with diacritics
  nlohmann::json docs = nlohmann::json::array();
  // Folding goes through an ICU transliterator: once per distinct word.
  std::map<std::string, std::string> folds;
  auto fold = [&](const std::string& w) -> const std::string& {
    auto it = folds.find(w);
    if (it == folds.end()) it = folds.emplace(w, i18n::fold_for_search(w)).first;
    return it->second;
  };
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const SearchEntry& e = entries[i];
    docs.push_back({e.title, e.url, e.kind, e.locality, e.period});
    auto add = [&](const std::string& text, int weight) {
      for (const std::string& w : i18n::words(text)) {
        const std::string& key = fold(w);
        int& f = folded[key][i];
        f = std::max(f, weight);
        if (key == w) continue;
        int& x = exact[w][i];
        x = std::max(x, weight);
      }
    };
    add(e.title, 10);
    add(e.locality, 4);
    for (const std::string& x : e.extra) add(x, 4);
    add(e.summary, 3);
    add(e.body, 1);
  }
  auto postings = [](const std::map<std::string, std::map<std::size_t, int>>& terms) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [term, docs] : terms) {
      nlohmann::json list = nlohmann::json::array();
      for (const auto& [doc, weight] : docs) list.push_back({doc, weight});
      out[term] = list;
    }
    return out;
  };
  nlohmann::json index = {{"docs", docs}, {"terms", postings(folded)}, {"exact", postings(exact)}};
  return index.dump();
}

}  // namespace mb::site
