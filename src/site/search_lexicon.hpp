// The search index's word tables (search.cpp): each worker's Lexicon, and
// the compact lists of each document's words it hands over. A word's rank,
// 0 to 3, says where it was seen; the higher weighs more, and search.cpp
// gives each its weight. Internal to the site module, and inline:
// Lexicon::add() runs for every word of every page.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "i18n/text.hpp"

namespace mb::site::search_detail {

// A document's words until the merge, in about two bytes each: each word's
// lexicon id and rank as one LEB128 number, id << 2 | rank. At 50k pages
// the documents hold some 30 million such words, which as (id, weight) pairs
// took 250 MB of memory, each byte of it touched fresh.
using WordList = std::string;

inline void append_word(WordList& out, std::uint32_t id, std::uint8_t rank) {
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
  std::vector<Key> keys;                              // per id
  std::vector<std::string> long_keys;                 // per id: the word as add() got it, when longer than 16 bytes
  std::vector<std::uint8_t> best;                     // per id: 1 + its best rank in the current document, 0 if absent
  std::vector<std::uint32_t> present;                 // the ids of the current document
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

}  // namespace mb::site::search_detail
