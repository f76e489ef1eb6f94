#include "site/search.hpp"

#include <algorithm>
#include <array>
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

// Where a word appears gives its weight, and a document keeps the best: a
// rank, 0 to 3, indexes kWeights. The index writes the weights themselves.
constexpr std::array<int, 4> kWeights = {1, 3, 4, 10};
enum Rank : std::uint8_t { kBody, kSummary, kLocality, kTitle };

// A document's words until the merge, in about two bytes each: each word's
// lexicon id and rank as one LEB128 number, id << 2 | rank. At 50k pages
// the documents hold some 30 million such words, which as (id, weight) pairs
// took 250 MB of memory, each byte of it touched fresh.
using WordList = std::string;

void append_word(WordList& out, std::uint32_t id, std::uint8_t rank) {
  std::uint64_t v = static_cast<std::uint64_t>(id) << 2 | rank;
  for (; v >= 0x80; v >>= 7) out += static_cast<char>(v | 0x80);
  out += static_cast<char>(v);
}

// Calls fn(id, rank) for each word of `list`, in order.
template <class Fn>
void for_each_word(const WordList& list, Fn&& fn) {
  const auto* p = reinterpret_cast<const std::uint8_t*>(list.data());
  const auto* end = p + list.size();
  while (p < end) {
    std::uint64_t v = 0;
    for (int shift = 0;; shift += 7) {
      const std::uint8_t b = *p++;
      v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
      if (b < 0x80) break;
    }
    fn(static_cast<std::uint32_t>(v >> 2), static_cast<std::uint8_t>(v & 3));
  }
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
  std::vector<std::uint8_t> best;      // per id: 1 + its best rank in the current document, 0 if absent
  std::vector<std::uint32_t> present;  // the ids of the current document
  std::vector<std::uint32_t> documents;               // per id: how many documents taken so far have it
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

  void add(std::string_view lowered, std::uint8_t rank) {
    const Key key = pack(lowered);
    const std::uint64_t h = hash(key);
    const std::uint32_t tag = tag_of(h);
    const std::size_t mask = slots.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot slot = slots[i];
      if (slot.id == 0) return insert(i, tag, lowered, rank);
      if (slot.tag == tag && keys[slot.id - 1] == key && (key.length <= 16 || long_keys[slot.id - 1] == lowered))
        return seen(slot.id - 1, rank);
    }
  }

  void seen(std::uint32_t id, std::uint8_t rank) {
    std::uint8_t& b = best[id];
    if (b == 0) present.push_back(id);
    b = std::max(b, static_cast<std::uint8_t>(rank + 1));
  }

  // A word new to this worker, in the empty slot i: kept out of add(), which
  // runs for every word of every page, so that its fast path stays small
  // (the key is packed again rather than passed through memory).
  [[gnu::noinline]] void insert(std::size_t i, std::uint32_t tag, std::string_view lowered, std::uint8_t rank) {
    const auto id = static_cast<std::uint32_t>(words.size());
    slots[i] = {tag, id + 1};
    keys.push_back(pack(lowered));
    std::string exact = i18n::compose_word(lowered);
    std::string folded = i18n::fold_for_search(exact);
    words.push_back({std::move(exact), std::move(folded)});
    long_keys.emplace_back(lowered.size() > 16 ? lowered : std::string_view());
    best.push_back(0);
    documents.push_back(0);
    if (++used * 2 >= slots.size()) grow();
    seen(id, rank);
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

  // The current document's words; clears it for the next.
  WordList take() {
    scratch.clear();
    for (std::uint32_t id : present) {
      append_word(scratch, id, static_cast<std::uint8_t>(best[id] - 1));
      best[id] = 0;
      ++documents[id];
    }
    present.clear();
    return scratch;  // a copy of exactly its size: the documents' lists are kept
  }
  WordList scratch;
};

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
  // Each shard's file is written once, at its size: the members are most of
  // the index, and at 50k pages the Vietnamese one is 60 MB.
  std::vector<OutputFile> files;
  nlohmann::json shard_names = nlohmann::json::array();
  for (std::size_t k = 0; k < firsts.size(); ++k) {
    constexpr std::string_view kOpen = "{\"exact\":{", kBetween = "},\"terms\":{", kClose = "}}";
    std::size_t size = kOpen.size() + kBetween.size() + kClose.size();
    for (std::size_t e : shard_exact[k]) size += exact_members.size(e) + 1;
    for (std::size_t t = starts[k]; t < starts[k + 1]; ++t) size += folded_members.size(t) + 1;
    std::string data;
    data.reserve(size);
    data += kOpen;
    for (std::size_t e : shard_exact[k]) {
      if (e != shard_exact[k].front()) data += ',';
      data += exact_members.member(e);
    }
    data += kBetween;
    for (std::size_t t = starts[k]; t < starts[k + 1]; ++t) {
      if (t != starts[k]) data += ',';
      data += folded_members.member(t);
    }
    data += kClose;
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
