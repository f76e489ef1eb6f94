// Unit tests of the search page's folding and ranking (themes/default/static/js/search.js)
// on an index written by the real binary:
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
const { fold, words, rank } = sandbox.MinhBachSearch;

// A small site whose pages differ only by diacritics: hồ (dossier), hộ (household), họ (they).
const site = fs.mkdtempSync(path.join(os.tmpdir(), 'minhbach-search-'));
fs.cpSync(path.join(repo, 'tests/errors/base'), site, { recursive: true });
fs.cpSync(path.join(repo, 'themes/default'), path.join(site, 'themes/default'), { recursive: true });
const page = (slug, title, body) => {
  fs.writeFileSync(path.join(site, `content/pages/${slug}.vi.md`), `---\ntitle: ${title}\n---\n\n${body}\n`);
  fs.writeFileSync(path.join(site, `content/pages/${slug}.en.md`), `---\ntitle: ${slug}\n---\n\n${slug}\n`);
};
page('ho-so', 'Hồ sơ trực tuyến', 'Tiếp nhận hồ sơ.');
page('ho-ngheo', 'Hộ nghèo', 'Số hộ nghèo giảm.');
page('doi-thoai', 'Đối thoại với Nhân dân', 'Tổ chức đối thoại.');
execFileSync(binary, ['build', '--quiet', '--source', site]);
const index = JSON.parse(fs.readFileSync(path.join(site, 'public/tim-kiem/index.json'), 'utf8'));
// Arrays made in the script's context have another Array prototype: copy them into ours.
const titles = (q) => Array.from(rank(index, q), (i) => index.docs[i][0]);

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
