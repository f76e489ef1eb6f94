#include "site/search.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string_view>
#include <thread>
#include <unordered_map>

#include "core/assert.hpp"
#include "core/json.hpp"
#include "i18n/words.hpp"
#include "site/search_lexicon.hpp"

namespace mb::site {

namespace {

using search_detail::for_each_word;
using search_detail::Lexicon;
using search_detail::WordList;

// Where a word appears gives its weight, and a document keeps the best: a
// rank, 0 to 3, indexes kWeights. The index writes the weights themselves.
constexpr std::array<int, 4> kWeights = {1, 3, 4, 10};
enum Rank : std::uint8_t { kBody, kSummary, kLocality, kTitle };

// Terms across all workers' lexicons: an id per distinct string, and every
// term's postings in one array, each a document and the word's best rank
// there, doc << 2 | rank, documents ascending. At 50k pages a map has some
// 30 million: a vector of pairs per term held three times as many bytes.
struct Terms {
  std::unordered_map<std::string_view, std::uint32_t> ids;  // views into the lexicons
  std::vector<std::string_view> names;
  std::vector<std::string_view> folded;  // per id: the term's folded form, which names its shard
  std::vector<std::uint32_t> postings;
  std::vector<std::uint32_t> begin, end;  // per id: its postings in `postings`

  std::uint32_t id(std::string_view name, std::string_view folded_name) {
    auto [it, added] = ids.emplace(name, static_cast<std::uint32_t>(names.size()));
    if (added) {
      names.push_back(name);
      folded.push_back(folded_name);
    }
    return it->second;
  }

  // Makes room for `count[t]` postings of each term t; then post() places
  // them, in document order.
  void reserve(const std::vector<std::uint32_t>& count) {
    begin.assign(names.size() + 1, 0);
    std::uint64_t total = 0;
    for (std::size_t t = 0; t < count.size(); ++t) {
      total += count[t];
      MB_ASSERT(total <= UINT32_MAX);  // 32-bit positions: some 8 million pages of 500 words
      begin[t + 1] = static_cast<std::uint32_t>(total);
    }
    postings.resize(begin.back());
    end.assign(begin.begin(), begin.end() - 1);
  }
  void post(std::uint32_t t, std::uint32_t posting) {
    std::uint32_t& e = end[t];
    // Two words of a document can be one term (folded, "Trường" and
    // "truong" are): it keeps its best rank there, in one posting.
    if (e > begin[t] && postings[e - 1] >> 2 == posting >> 2)
      postings[e - 1] = std::max(postings[e - 1], posting);
    else
      postings[e++] = posting;
  }
};

void append_number(std::string& out, std::size_t n) {
  if (n < 10) {  // most weights, and the gaps between a common word's pages
    out += static_cast<char>('0' + n);
    return;
  }
  char buf[24];
  out.append(buf, std::to_chars(buf, buf + sizeof buf, n).ptr);
}

// One map's members, "term":[doc,weight,doc,weight,…], in bytewise order of
// the terms, each document given as the difference from the one before. An
// index holds millions of postings: written without a temporary each.
struct Members {
  std::string text;
  std::vector<std::string_view> folded;  // per member, in order: its term's folded form
  std::vector<std::size_t> ends;         // per member, in order: where it ends in text

  std::size_t size(std::size_t k) const { return ends[k] - (k ? ends[k - 1] : 0); }
  std::string_view member(std::size_t k) const { return std::string_view(text).substr(ends[k] - size(k), size(k)); }
};

Members write_postings(const Terms& terms) {
  std::vector<std::uint32_t> sorted(terms.names.size());
  for (std::uint32_t i = 0; i < sorted.size(); ++i) sorted[i] = i;
  std::sort(sorted.begin(), sorted.end(),
            [&](std::uint32_t a, std::uint32_t b) { return terms.names[a] < terms.names[b]; });
  Members out;
  // Reserved for about what it will hold (a posting is about six bytes),
  // not grown: at 10k pages the text is 12 MB.
  std::size_t estimate = 0;
  for (std::uint32_t t = 0; t < terms.names.size(); ++t)
    estimate += terms.names[t].size() + 6 + 6 * (terms.end[t] - terms.begin[t]);
  out.text.reserve(estimate);
  out.folded.reserve(sorted.size());
  out.ends.reserve(sorted.size());
  for (std::uint32_t t : sorted) {
    append_json_string(out.text, terms.names[t]);
    out.text += ":[";
    std::uint32_t previous = 0;
    for (std::uint32_t k = terms.begin[t]; k < terms.end[t]; ++k) {
      const std::uint32_t doc = terms.postings[k] >> 2;
      if (out.text.back() != '[') out.text += ',';
      append_number(out.text, doc - previous);
      out.text += ',';
      append_number(out.text, static_cast<std::size_t>(kWeights[terms.postings[k] & 3]));
      previous = doc;
    }
    out.text += ']';
    out.folded.push_back(terms.folded[t]);
    out.ends.push_back(out.text.size());
  }
  return out;
}

}  // namespace

struct SearchIndexer::State {
  std::vector<Lexicon> lexicons;    // by worker
  std::vector<WordList> doc_words;  // by document, with ids in its owner's lexicon
  std::vector<unsigned> owner;      // by document: the worker that cut its words
};

SearchIndexer::SearchIndexer(std::size_t documents, unsigned workers) : m(std::make_unique<State>()) {
  m->lexicons.resize(workers);
  m->doc_words.resize(documents);
  m->owner.resize(documents);
}

SearchIndexer::~SearchIndexer() = default;

void SearchIndexer::add(std::size_t doc, unsigned worker, const SearchEntry& e) {
  // Each distinct word is composed and folded once per worker; the postings
  // are merged in document order, so the index never depends on scheduling.
  Lexicon& lex = m->lexicons[worker];
  auto add = [&](std::string_view text, std::uint8_t rank) {
    i18n::for_each_lowered_word(text, [&](std::string_view w) { lex.add(w, rank); });
  };
  add(e.title, kTitle);
  add(e.locality, kLocality);
  for (const std::string& x : e.extra) add(x, kLocality);
  add(e.summary, kSummary);
  add(e.body, kBody);
  m->doc_words[doc] = lex.take();
  m->owner[doc] = worker;
}

std::vector<OutputFile> SearchIndexer::finish(const std::vector<SearchEntry>& entries) {
  MB_ASSERT(entries.size() == m->doc_words.size());
  MB_ASSERT(entries.size() < (std::size_t{1} << 30));  // a posting holds doc << 2
  const std::vector<Lexicon>& lexicons = m->lexicons;
  // The two maps are independent: the exact one (only words with
  // diacritics) is built and written on a second thread.
  auto merge = [&](Terms& terms, bool exact) {
    std::vector<std::vector<std::uint32_t>> global(lexicons.size());  // lexicon id → term id, or none
    constexpr std::uint32_t kNone = UINT32_MAX;
    for (std::size_t w = 0; w < lexicons.size(); ++w)
      for (const Lexicon::Word& word : lexicons[w].words)
        global[w].push_back(!exact                      ? terms.id(word.folded, word.folded)
                            : word.folded != word.exact ? terms.id(word.exact, word.folded)
                                                        : kNone);
    // A term has at most as many postings as the documents of its words
    // (fewer when two of a document's words are the term).
    std::vector<std::uint32_t> count(terms.names.size(), 0);
    for (std::size_t w = 0; w < lexicons.size(); ++w)
      for (std::size_t id = 0; id < global[w].size(); ++id)
        if (global[w][id] != kNone) count[global[w][id]] += lexicons[w].documents[id];
    terms.reserve(count);
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const std::vector<std::uint32_t>& to_term = global[m->owner[i]];
      for_each_word(m->doc_words[i], [&](std::uint32_t id, std::uint8_t rank) {
        if (std::uint32_t t = to_term[id]; t != kNone) terms.post(t, static_cast<std::uint32_t>(i) << 2 | rank);
      });
    }
    return write_postings(terms);
  };
  Terms exact;
  Members exact_members;
  std::thread exact_thread([&] { exact_members = merge(exact, true); });
  Terms folded;
  Members folded_members = merge(folded, false);
  exact_thread.join();

  // Shards are runs of folded terms of about kSearchShardBytes, counting the
  // exact words that fold to each term, which live in the same shard.
  std::unordered_map<std::string_view, std::size_t> exact_bytes;  // by folded form
  for (std::size_t k = 0; k < exact_members.ends.size(); ++k)
    exact_bytes[exact_members.folded[k]] += exact_members.size(k);
  std::vector<std::string_view> firsts;  // per shard: its first folded term
  std::vector<std::size_t> starts;       // per shard: its first folded member
  for (std::size_t k = 0, bytes = 0; k < folded_members.ends.size(); ++k) {
    if (starts.empty() || bytes >= kSearchShardBytes) {
      firsts.push_back(folded_members.folded[k]);
      starts.push_back(k);
      bytes = 0;
    }
    bytes += folded_members.size(k);
    if (auto found = exact_bytes.find(folded_members.folded[k]); found != exact_bytes.end()) bytes += found->second;
  }
  starts.push_back(folded_members.ends.size());
  std::vector<std::vector<std::size_t>> shard_exact(firsts.size());  // per shard: its exact members
  for (std::size_t k = 0; k < exact_members.ends.size(); ++k) {
    // Every exact word's folded form is a term, so its shard exists.
    auto after = std::upper_bound(firsts.begin(), firsts.end(), exact_members.folded[k]);
    MB_ASSERT(after != firsts.begin());
    shard_exact[static_cast<std::size_t>(after - firsts.begin()) - 1].push_back(k);
  }
  // Each shard's file is written straight from the members' text, with no
  // string per part in between: the members are most of the index, 60 MB
  // in Vietnamese at 50k pages.
  std::vector<OutputFile> files;
  nlohmann::json shard_names = nlohmann::json::array();
  for (std::size_t k = 0; k < firsts.size(); ++k) {
    std::string data = "{\"exact\":{";
    for (std::size_t e : shard_exact[k]) {
      if (e != shard_exact[k].front()) data += ',';
      data += exact_members.member(e);
    }
    data += "},\"terms\":{";
    for (std::size_t t = starts[k]; t < starts[k + 1]; ++t) {
      if (t != starts[k]) data += ',';
      data += folded_members.member(t);
    }
    data += "}}";
    files.push_back({"terms/" + std::to_string(k) + ".json", std::move(data), {}});
    shard_names.push_back(std::string(firsts[k]));
  }
  for (std::size_t first = 0; first < entries.size(); first += kSearchDocsPerFile) {
    nlohmann::json docs = nlohmann::json::array();
    for (std::size_t i = first; i < std::min(entries.size(), first + kSearchDocsPerFile); ++i) {
      const SearchEntry& e = entries[i];
      docs.push_back({e.title, e.url, e.kind, e.locality, e.period});
    }
    files.push_back({"docs/" + std::to_string(first / kSearchDocsPerFile) + ".json", docs.dump(), {}});
  }
  nlohmann::json manifest = {{"chunk", kSearchDocsPerFile}, {"docs", entries.size()}, {"shards", shard_names}};
  files.push_back({"index.json", manifest.dump(), {}});
  return files;
}

std::vector<OutputFile> search_index(const std::vector<SearchEntry>& entries, WorkerPool& pool) {
  SearchIndexer indexer(entries.size(), pool.size());
  pool.parallel_for(entries.size(), [&](std::size_t i, unsigned worker) { indexer.add(i, worker, entries[i]); });
  return indexer.finish(entries);
}

}  // namespace mb::site
