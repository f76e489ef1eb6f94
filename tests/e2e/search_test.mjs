// Unit tests of the search page's folding, shard lookup and ranking
// (themes/default/static/js/search.js) on an index written by the real binary:
//   MINHBACH=build/minhbach MINHBACH_REPO=. node --test tests/e2e/search_test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';

const binary = process.env.MINHBACH, repo = process.env.MINHBACH_REPO;
const script = fs.readFileSync(path.join(repo, 'themes/default/static/js/search.js'), 'utf8');
const sandbox = {};
sandbox.globalThis = sandbox;
vm.runInNewContext(script, sandbox);
const { fold, words, before, shardsFor, merge, rank } = sandbox.MinhBachSearch;

// A small site whose pages differ only by diacritics: hồ (dossier), hộ (household), họ (they).
const site = fs.mkdtempSync(path.join(os.tmpdir(), 'minhbach-search-'));
process.on('exit', () => fs.rmSync(site, { recursive: true, force: true }));
fs.cpSync(path.join(repo, 'tests/errors/base'), site, { recursive: true });
fs.cpSync(path.join(repo, 'themes/default'), path.join(site, 'themes/default'), { recursive: true });
const page = (slug, title, body) => {
  fs.writeFileSync(path.join(site, `content/pages/${slug}.vi.md`), `---\ntitle: ${title}\n---\n\n${body}\n`);
  fs.writeFileSync(path.join(site, `content/pages/${slug}.en.md`), `---\ntitle: ${slug}\n---\n\n${slug}\n`);
};
page('ho-so', 'Hồ sơ trực tuyến', 'Tiếp nhận hồ sơ.');
page('ho-ngheo', 'Hộ nghèo', 'Số hộ nghèo giảm.');
page('doi-thoai', 'Đối thoại với Nhân dân', 'Tổ chức đối thoại.');
// Enough distinct words for the terms to need several shards.
const many = 400;
for (let i = 0; i < many; i++) {
  const body = Array.from({ length: 40 }, (_, k) => `từ${i}x${k}`).join(' ');
  page(`trang-${i}`, `Trang số ${i}`, body);
}
execFileSync(binary, ['build', '--quiet', '--source', site]);
const folder = path.join(site, 'public/tim-kiem');
const read = (file) => JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8'));
const manifest = read('index.json');
const title = (i) => read(`docs/${Math.floor(i / manifest.chunk)}.json`)[i % manifest.chunk][0];
// What the page does: fetch the query's shards only, rank, then read the
// results' titles. Arrays made in the script's context have another Array
// prototype: copy them into ours.
const titles = (q) => {
  const index = { terms: {}, exact: {} };
  for (const k of Array.from(shardsFor(manifest, q))) merge(index, read(`terms/${k}.json`));
  return Array.from(rank(index, q), title);
};
// The same with every shard loaded, as a reference.
const everything = { terms: {}, exact: {} };
manifest.shards.forEach((_, k) => merge(everything, read(`terms/${k}.json`)));
const allTitles = (q) => Array.from(rank(everything, q), title);

test('folding removes tones and marks, đ → d, NFC and NFD alike', () => {
  assert.equal(fold('Trường Thi'), 'truong thi');
  assert.equal(fold('ĐỐI THOẠI'), 'doi thoai');
  assert.equal(fold('trường'.normalize('NFD')), 'truong');
  assert.deepEqual(Array.from(words('Phường  Trường-Thi, 2023')), ['phường', 'trường', 'thi', '2023']);
  assert.deepEqual(Array.from(words('trường'.normalize('NFD'))), ['trường']);
});

test('tones optional, NFC or NFD: "doi thoai", "Doi Thoai", "đối thoại" all find Đối thoại first', () => {
  for (const q of ['doi thoai', 'Doi Thoai', 'đối thoại', 'đối thoại'.normalize('NFD')])
    assert.equal(titles(q)[0], 'Đối thoại với Nhân dân', q);
});

test('without diacritics, every spelling matches', () => {
  const found = titles('ho');
  assert.ok(found.includes('Hồ sơ trực tuyến') && found.includes('Hộ nghèo'), found.join(', '));
});

test('results whose diacritics match the query exactly rank first', () => {
  assert.equal(titles('hồ')[0], 'Hồ sơ trực tuyến');
  assert.equal(titles('hộ')[0], 'Hộ nghèo');
  assert.equal(titles('hộ'.normalize('NFD'))[0], 'Hộ nghèo');
});

test('every word must match; the last may be a prefix', () => {
  assert.deepEqual(titles('tuyến nghèo'), []);  // no page has both words
  assert.deepEqual(titles('hồ nghèo'), ['Hộ nghèo']);  // tones are optional: hồ also matches hộ
  assert.equal(titles('doi tho')[0], 'Đối thoại với Nhân dân');
});

test('an empty query finds nothing', () => {
  assert.deepEqual(titles('  '), []);
});

test('the terms are split into shards, and a query reads only those it needs', () => {
  assert.ok(manifest.shards.length >= 3, `${manifest.shards.length} shards`);
  assert.equal(manifest.docs, fs.readdirSync(path.join(folder, 'docs')).reduce((n, f) => n + read(`docs/${f}`).length, 0));
  for (const q of ['từ7x3', 'tu123x39', 'trang 250', 'TRANG SỐ 399', 'tu3', 'tu39', 'hộ nghèo', 'doi tho', 'zzz'])
    assert.deepEqual(titles(q), allTitles(q), q);
  assert.equal(shardsFor(manifest, 'từ250x7').length, 1);
  assert.ok(shardsFor(manifest, 'tu3').length < manifest.shards.length / 2);  // a prefix: only the shards it begins
  assert.deepEqual(titles('từ250x7'), ['Trang số 250']);
  assert.equal(titles('tu12').length, 11);  // the prefix: từ12x…, từ120x… to từ129x…
  assert.equal(titles('trang')[0].startsWith('Trang số'), true);
});

test('shards are found by their first terms, in code point order', () => {
  const m = { shards: ['a', 'ba', 'bab', 'bac', 'c'] };
  assert.deepEqual(Array.from(shardsFor(m, 'b')), [0]);  // one character: no prefix, "b" would be in "a"'s shard
  assert.deepEqual(Array.from(shardsFor(m, 'ba')), [1, 2, 3]);  // the last word is also a prefix
  assert.deepEqual(Array.from(shardsFor(m, 'ba c')), [1, 4]);  // an earlier word is a whole word only
  assert.deepEqual(Array.from(shardsFor(m, 'bz')), [3]);
  assert.deepEqual(Array.from(shardsFor(m, '0')), []);  // before every term
  assert.deepEqual(Array.from(shardsFor({ shards: [] }, 'a')), []);
  assert.ok(before('z', 'ω') && before('\uffff', '\u{1d49c}'), 'code points, not UTF-16 units');
  const index = { terms: {}, exact: {} };
  merge(index, { terms: { a: [3, 1, 2, 10] }, exact: { 'á': [5, 1] } });
  assert.deepEqual(JSON.parse(JSON.stringify(index)), { terms: { a: [[3, 1], [5, 10]] }, exact: { 'á': [[5, 1]] } });
});
