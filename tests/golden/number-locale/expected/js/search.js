// Minh Bạch search: reads the index the build wrote beside this page and
// ranks pages for the words typed. Vietnamese-aware: the query is folded the
// way the index keys are (NFD, marks removed, đ → d, lower case), so tones are
// optional; pages whose words match the query's diacritics exactly rank first.
(function () {
  'use strict';

  function fold(s) {
    return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
  }
  function words(s) {
    return s.normalize('NFC').toLowerCase().split(/[^\p{L}\p{N}\p{M}]+/u).filter(Boolean);
  }
  // Page numbers (indexes into index.docs) for the query, best first.
  function rank(index, query) {
    var qs = words(query);
    if (!qs.length) return [];
    var scores = null;
    qs.forEach(function (w, i) {
      var f = fold(w), hits = {};
      var keys = index.terms[f] ? [f] : [];
      // The last word may still be being typed: let it match as a prefix.
      if (i === qs.length - 1 && f.length >= 2)
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

  var api = { fold: fold, words: words, rank: rank };
  if (typeof globalThis !== 'undefined') globalThis.MinhBachSearch = api;
  if (typeof document === 'undefined') return;
  var box = document.getElementById('search-results');
  var input = document.getElementById('q');
  if (!box || !input) return;
  var index = null;

  function el(tag, text, attrs) {
    var e = document.createElement(tag);
    if (text) e.textContent = text;
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    return e;
  }

  function show(query) {
    box.textContent = '';
    if (!query.trim()) return;
    var found = rank(index, query);
    if (!found.length) { box.appendChild(el('p', box.dataset.none)); return; }
    box.appendChild(el('p', found.length + ' ' + box.dataset.count, { 'class': 'meta' }));
    var list = el('ul', null, { 'class': 'cards' });
    found.slice(0, 50).forEach(function (i) {
      var d = index.docs[i], item = el('li', null, { 'class': 'card' });
      item.appendChild(el('a', d[0], { href: d[1] }));
      item.appendChild(el('p', [d[2], d[3], d[4]].filter(Boolean).join(' · '), { 'class': 'meta' }));
      list.appendChild(item);
    });
    box.appendChild(list);
  }

  var initial = new URLSearchParams(location.search).get('q') || '';
  input.value = initial;
  box.textContent = box.dataset.loading;
  fetch(box.dataset.index).then(function (r) { return r.json(); }).then(function (data) {
    index = data;
    show(input.value);
    input.addEventListener('input', function () { show(input.value); });
  }).catch(function () { box.textContent = box.dataset.error; });
  input.form.addEventListener('submit', function (e) {
    e.preventDefault();
    history.replaceState(null, '', '?q=' + encodeURIComponent(input.value));
    if (index) show(input.value);
  });
})();
