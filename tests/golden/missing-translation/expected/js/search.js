// Minh Bạch search: reads the index the build wrote beside this page and
// ranks pages for the words typed. Vietnamese-aware: the query is folded the
// way the index keys are (NFD, marks removed, đ → d, lower case), so tones are
// optional; pages whose words match the query's diacritics exactly rank first.
//
// The index is split so that a phone on a slow network fetches only what a
// query needs (src/site/search.hpp): index.json lists the first term of each
// shard of terms; terms/<n>.json holds a run of terms and their postings;
// docs/<n>.json holds the titles and links of `chunk` pages.
(function () {
  'use strict';

  function fold(s) {
    return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
  }
  function words(s) {
    return s.normalize('NFC').toLowerCase().split(/[^\p{L}\p{N}\p{M}]+/u).filter(Boolean);
  }
  // a < b in code point order, which is the build's bytewise UTF-8 order
  // (JavaScript's own < compares UTF-16 units).
  function before(a, b) {
    var x = Array.from(a), y = Array.from(b), n = Math.min(x.length, y.length);
    for (var i = 0; i < n; i++) if (x[i] !== y[i]) return x[i].codePointAt(0) < y[i].codePointAt(0);
    return x.length < y.length;
  }
  // The last word may still be being typed: it also matches as a prefix.
  function isPrefix(f, i, count) {
    return i === count - 1 && Array.from(f).length >= 2;
  }
  // The shards (indexes into manifest.shards) that hold the query's terms.
  function shardsFor(manifest, query) {
    var first = manifest.shards, qs = words(query), out = [];
    qs.forEach(function (w, i) {
      var f = fold(w), lo = 0, hi = first.length;  // the last shard whose first term is not after f
      while (lo < hi) {
        var mid = (lo + hi) >> 1;
        if (before(f, first[mid])) hi = mid; else lo = mid + 1;
      }
      var k = Math.max(lo - 1, 0);
      if (lo > 0 && out.indexOf(k) < 0) out.push(k);
      if (isPrefix(f, i, qs.length))
        for (k = lo; k < first.length && first[k].indexOf(f) === 0; k++) if (out.indexOf(k) < 0) out.push(k);
    });
    return out;
  }
  // Adds a shard's terms to the index, postings as [[page, weight], …].
  function merge(index, shard) {
    ['terms', 'exact'].forEach(function (map) {
      for (var k in shard[map]) {
        var flat = shard[map][k], list = [], page = 0;
        for (var i = 0; i < flat.length; i += 2) list.push([page += flat[i], flat[i + 1]]);
        index[map][k] = list;
      }
    });
  }
  // Page numbers for the query, best first, from an index holding its shards.
  function rank(index, query) {
    var qs = words(query);
    if (!qs.length) return [];
    var scores = null;
    qs.forEach(function (w, i) {
      var f = fold(w), hits = {};
      var keys = index.terms[f] ? [f] : [];
      if (isPrefix(f, i, qs.length))
        keys = keys.concat(Object.keys(index.terms).filter(function (k) { return k !== f && k.indexOf(f) === 0; }));
      keys.forEach(function (k) {
        index.terms[k].forEach(function (p) {
          var weight = k === f ? p[1] : p[1] / 2;
          hits[p[0]] = Math.max(hits[p[0]] || 0, weight);
        });
      });
      // A word typed with its diacritics that the page has exactly ranks first.
      if (w !== f && index.exact[w]) index.exact[w].forEach(function (p) { if (p[0] in hits) hits[p[0]] += 1000; });
      if (scores === null) { scores = hits; return; }
      var next = {};
      for (var d in scores) if (d in hits) next[d] = scores[d] + hits[d];
      scores = next;
    });
    return Object.keys(scores || {}).map(Number).sort(function (a, b) {
      return scores[b] - scores[a] || a - b;
    });
  }

  var api = { fold: fold, words: words, before: before, shardsFor: shardsFor, merge: merge, rank: rank };
  if (typeof globalThis !== 'undefined') globalThis.MinhBachSearch = api;
  if (typeof document === 'undefined') return;
  var box = document.getElementById('search-results');
  var input = document.getElementById('q');
  if (!box || !input) return;
  var base = box.dataset.index.replace(/[^/]*$/, '');
  var manifest = null, index = { terms: {}, exact: {} }, shards = {}, chunks = {}, shown = 0;

  function json(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + ': ' + r.status);
      return r.json();
    });
  }
  // Each file is fetched once; one that failed is asked for again by the next query.
  function once(cache, k, url, then) {
    return cache[k] || (cache[k] = json(url).then(then).catch(function (e) { delete cache[k]; throw e; }));
  }
  function shard(k) {
    return once(shards, k, base + 'terms/' + k + '.json', function (s) { merge(index, s); });
  }
  function chunk(k) {
    return once(chunks, k, base + 'docs/' + k + '.json', function (docs) { return docs; });
  }
  function el(tag, text, attrs) {
    var e = document.createElement(tag);
    if (text) e.textContent = text;
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    return e;
  }

  function show(query) {
    var ticket = ++shown;  // a later query replaces this one's results
    if (!query.trim()) { box.textContent = ''; return; }
    var needed = shardsFor(manifest, query), total = 0, found = [];
    if (needed.some(function (k) { return !(k in shards); })) box.textContent = box.dataset.loading;
    Promise.all(needed.map(shard)).then(function () {
      var all = rank(index, query);
      total = all.length;
      found = all.slice(0, 50);
      return Promise.all(found.map(function (i) {
        return chunk(Math.floor(i / manifest.chunk)).then(function (docs) { return docs[i % manifest.chunk]; });
      }));
    }).then(function (docs) {
      if (ticket !== shown) return;
      box.textContent = '';
      if (!docs.length) { box.appendChild(el('p', box.dataset.none)); return; }
      box.appendChild(el('p', total + ' ' + box.dataset.count, { 'class': 'meta' }));
      var list = el('ul', null, { 'class': 'cards' });
      docs.forEach(function (d) {
        var item = el('li', null, { 'class': 'card' });
        item.appendChild(el('a', d[0], { href: d[1] }));
        item.appendChild(el('p', [d[2], d[3], d[4]].filter(Boolean).join(' · '), { 'class': 'meta' }));
        list.appendChild(item);
      });
      box.appendChild(list);
    }).catch(function () {
      if (ticket === shown) box.textContent = box.dataset.error;
    });
  }

  var initial = new URLSearchParams(location.search).get('q') || '';
  input.value = initial;
  box.textContent = box.dataset.loading;
  json(box.dataset.index).then(function (data) {
    manifest = data;
    box.textContent = '';
    show(input.value);
    input.addEventListener('input', function () { show(input.value); });
  }).catch(function () { box.textContent = box.dataset.error; });
  input.form.addEventListener('submit', function (e) {
    e.preventDefault();
    history.replaceState(null, '', '?q=' + encodeURIComponent(input.value));
    if (manifest) show(input.value);
  });
})();
