#include "site/search.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string_view>
#include <thread>
#include <unordered_map>

#include "core/assert.hpp"
#include "core/json.hpp"
#include "i18n/text.hpp"
#include "i18n/words.hpp"

namespace mb::site {

namespace {

// A term's postings: (document, best weight), documents ascending.
using Postings = std::vector<std::pair<std::uint32_t, int>>;

void post(Postings& list, std::uint32_t doc, int weight) {
  if (!list.empty() && list.back().first == doc)
    list.back().second = std::max(list.back().second, weight);
  else
    list.push_back({doc, weight});
}

// One worker's words: each distinct lower-cased word once, composed and
// folded once. Documents then hold small ids instead of strings. The words
// of every body pass through add(), about ten million at 10k pages, so its
// table is open-addressed with slots of eight bytes (a worker's few thousand
// words fit the first-level cache), and each word's first and last eight
// bytes are kept by id: a word of up to sixteen bytes (every Vietnamese
// syllable) is hashed with two multiplications and compared without
// reading the word itself.
struct Lexicon {
  struct Word {
    std::string exact;   // lower case, NFC, with diacritics
    std::string folded;  // the search key
  };
  // A word's bytes packed into two integers. For a given length the packing
  // is one-to-one when the length is at most 16 (the loads overlap but cover
  // every byte); longer words share a packing only with words that start and
  // end alike, and are then compared in full.
  struct Key {
    std::uint64_t head = 0, tail = 0;
    std::uint32_t length = 0;
    bool operator==(const Key&) const = default;
  };
  struct Slot {
    std::uint32_t tag = 0;  // the hash's high half
    std::uint32_t id = 0;   // id + 1; 0 when empty
  };
  std::vector<Word> words;
  std::vector<Key> keys;               // per id
  std::vector<std::string> long_keys;  // per id: the word as add() got it, when longer than 16 bytes
  std::vector<int> best;               // per id: its best weight in the current document, 0 if absent
  std::vector<std::uint32_t> present;  // the ids of the current document
  std::vector<Slot> slots = std::vector<Slot>(1024);  // a power of two, at most half full
  std::size_t used = 0;

  static std::uint64_t load(const char* p, std::size_t n) {
    std::uint64_t v = 0;
    std::memcpy(&v, p, n);
    return v;
  }
  static Key pack(std::string_view s) {
    const char* p = s.data();
    const std::size_t n = s.size();
    Key k;
    k.length = static_cast<std::uint32_t>(n);
    if (n >= 8) {
      k.head = load(p, 8);
      k.tail = load(p + n - 8, 8);
    } else if (n >= 4) {
      k.head = load(p, 4) | load(p + n - 4, 4) << 32;
    } else if (n > 0) {
      k.head = load(p, 1) | load(p + n / 2, 1) << 8 | load(p + n - 1, 1) << 16;
    }
    return k;
  }
  static std::uint64_t hash(const Key& k) {
    std::uint64_t h = (k.head ^ 0x9E3779B97F4A7C15ULL) * 0xBF58476D1CE4E5B9ULL;
    h ^= (k.tail + k.length) * 0x94D049BB133111EBULL;
    return h ^ h >> 31;
  }
  static std::uint32_t tag_of(std::uint64_t h) { return static_cast<std::uint32_t>(h >> 32); }

  void add(std::string_view lowered, int weight) {
    const Key key = pack(lowered);
    const std::uint64_t h = hash(key);
    const std::uint32_t tag = tag_of(h);
    const std::size_t mask = slots.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot slot = slots[i];
      if (slot.id == 0) return insert(i, tag, lowered, weight);
      if (slot.tag == tag && keys[slot.id - 1] == key && (key.length <= 16 || long_keys[slot.id - 1] == lowered))
        return seen(slot.id - 1, weight);
    }
  }

  void seen(std::uint32_t id, int weight) {
    int& b = best[id];
    if (b == 0) present.push_back(id);
    b = std::max(b, weight);
  }

  // A word new to this worker, in the empty slot i: kept out of add(), which
  // runs for every word of every page, so that its fast path stays small
  // (the key is packed again rather than passed through memory).
  [[gnu::noinline]] void insert(std::size_t i, std::uint32_t tag, std::string_view lowered, int weight) {
    const auto id = static_cast<std::uint32_t>(words.size());
    slots[i] = {tag, id + 1};
    keys.push_back(pack(lowered));
    std::string exact = i18n::compose_word(lowered);
    std::string folded = i18n::fold_for_search(exact);
    words.push_back({std::move(exact), std::move(folded)});
    long_keys.emplace_back(lowered.size() > 16 ? lowered : std::string_view());
    best.push_back(0);
    if (++used * 2 >= slots.size()) grow();
    seen(id, weight);
  }

  void grow() {
    std::vector<Slot> old = std::move(slots);
    slots.assign(old.size() * 2, Slot{});
    const std::size_t mask = slots.size() - 1;
    for (const Slot& s : old) {
      if (s.id == 0) continue;
      std::size_t i = hash(keys[s.id - 1]) & mask;
      while (slots[i].id != 0) i = (i + 1) & mask;
      slots[i] = s;
    }
  }

  // The current document's (id, weight) pairs; clears it for the next.
  std::vector<std::pair<std::uint32_t, int>> take() {
    std::vector<std::pair<std::uint32_t, int>> out;
    out.reserve(present.size());
    for (std::uint32_t id : present) {
      out.push_back({id, best[id]});
      best[id] = 0;
    }
    present.clear();
    return out;
  }
};

// Terms across all workers' lexicons: an id per distinct string.
struct Terms {
  std::unordered_map<std::string_view, std::uint32_t> ids;  // views into the lexicons
  std::vector<std::string_view> names;
  std::vector<std::string_view> folded;  // per id: the term's folded form, which names its shard
  std::vector<Postings> postings;

  std::uint32_t id(std::string_view name, std::string_view folded_name) {
    auto [it, added] = ids.emplace(name, static_cast<std::uint32_t>(names.size()));
    if (added) {
      names.push_back(name);
      folded.push_back(folded_name);
      postings.emplace_back();
    }
    return it->second;
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
    estimate += terms.names[t].size() + 6 + 6 * terms.postings[t].size();
  out.text.reserve(estimate);
  out.folded.reserve(sorted.size());
  out.ends.reserve(sorted.size());
  for (std::uint32_t t : sorted) {
    append_json_string(out.text, terms.names[t]);
    out.text += ":[";
    std::uint32_t previous = 0;
    for (auto [doc, weight] : terms.postings[t]) {
      if (out.text.back() != '[') out.text += ',';
      append_number(out.text, doc - previous);
      out.text += ',';
      append_number(out.text, static_cast<std::size_t>(weight));
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
  std::vector<Lexicon> lexicons;                                      // by worker
  std::vector<std::vector<std::pair<std::uint32_t, int>>> doc_words;  // (id in its lexicon, weight)
  std::vector<unsigned> owner;                                        // whose lexicon
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
  auto add = [&](std::string_view text, int weight) {
    i18n::for_each_lowered_word(text, [&](std::string_view w) { lex.add(w, weight); });
  };
  add(e.title, 10);
  add(e.locality, 4);
  for (const std::string& x : e.extra) add(x, 4);
  add(e.summary, 3);
  add(e.body, 1);
  m->doc_words[doc] = lex.take();
  m->owner[doc] = worker;
}

std::vector<OutputFile> SearchIndexer::finish(const std::vector<SearchEntry>& entries) {
  MB_ASSERT(entries.size() == m->doc_words.size());
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
    for (std::size_t i = 0; i < entries.size(); ++i)
      for (auto [id, weight] : m->doc_words[i])
        if (std::uint32_t t = global[m->owner[i]][id]; t != kNone)
          post(terms.postings[t], static_cast<std::uint32_t>(i), weight);
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
    exact_bytes[exact_members.folded[k]] += exact_members.ends[k] - (k ? exact_members.ends[k - 1] : 0);
  std::vector<std::string_view> firsts;  // per shard: its first folded term
  std::vector<std::string> shard_terms, shard_exact;
  for (std::size_t k = 0, begin = 0, bytes = 0; k < folded_members.ends.size(); ++k) {
    if (shard_terms.empty() || bytes >= kSearchShardBytes) {
      firsts.push_back(folded_members.folded[k]);
      shard_terms.emplace_back();
      shard_exact.emplace_back();
      bytes = 0;
    } else {
      shard_terms.back() += ',';
    }
    shard_terms.back().append(folded_members.text, begin, folded_members.ends[k] - begin);
    bytes += folded_members.ends[k] - begin;
    if (auto found = exact_bytes.find(folded_members.folded[k]); found != exact_bytes.end()) bytes += found->second;
    begin = folded_members.ends[k];
  }
  for (std::size_t k = 0, begin = 0; k < exact_members.ends.size(); ++k) {
    // Every exact word's folded form is a term, so its shard exists.
    auto after = std::upper_bound(firsts.begin(), firsts.end(), exact_members.folded[k]);
    MB_ASSERT(after != firsts.begin());
    std::string& out = shard_exact[static_cast<std::size_t>(after - firsts.begin()) - 1];
    if (!out.empty()) out += ',';
    out.append(exact_members.text, begin, exact_members.ends[k] - begin);
    begin = exact_members.ends[k];
  }
  std::vector<OutputFile> files;
  nlohmann::json shard_names = nlohmann::json::array();
  for (std::size_t k = 0; k < firsts.size(); ++k) {
    std::string data = "{\"exact\":{" + shard_exact[k] + "},\"terms\":{";
    data += shard_terms[k];
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
