// End-to-end tests of the bundled site in headless Chromium (Debian's), driven
// by playwright-core: axe-core (WCAG 2.1 A and AA) on one page of every
// template in both languages, the language switcher, search, visible keyboard
// focus, no horizontal scrolling at 360 px, and the Nu Html Checker on every
// page. Screenshots go to build/screenshots/.
// Usage: node run.mjs MINHBACH REPO_DIR
import { chromium } from 'playwright-core';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const [binary, repo] = process.argv.slice(2);
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'minhbach-e2e-'));
const shots = path.join(repo, 'build', 'screenshots');
let passed = 0, failed = 0;

function check(name, ok, detail = '') {
  if (ok) { passed++; console.log(`ok   ${name}`); }
  else { failed++; console.log(`FAIL ${name}${detail ? ': ' + detail : ''}`); }
}

execFileSync(binary, ['build', '--quiet', '--source', repo, '--output', out], { stdio: 'inherit' });

// A static server on loopback, as a portal would serve public/.
const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
                '.json': 'application/json', '.xml': 'application/xml', '.csv': 'text/csv', '.svg': 'image/svg+xml' };
const server = http.createServer((req, res) => {
  let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (p.endsWith('/')) p += 'index.html';
  const file = path.normalize(path.join(out, p));
  if (!file.startsWith(out) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    res.writeHead(404, { 'content-type': types['.html'] });
    res.end(fs.readFileSync(path.join(out, p.startsWith('/en/') ? 'en/404.html' : '404.html')));
    return;
  }
  res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
  res.end(fs.readFileSync(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const axeSource = fs.readFileSync(path.join(here, 'node_modules/axe-core/axe.min.js'), 'utf8');

// One page of every template, in both languages.
const pages = [
  ['/', '/en/'],
  ['/dia-phuong/', '/en/localities/'],
  ['/dia-phuong/truong-thi/', '/en/localities/truong-thi/'],
  ['/dia-phuong/phu-tien/bao-cao/2023-chi-thi-33/', '/en/localities/phu-tien/reports/2023-chi-thi-33/'],
  ['/dia-phuong/truong-thi/mo-hinh/tranh-bich-hoa/', '/en/localities/truong-thi/initiatives/tranh-bich-hoa/'],
  ['/gioi-thieu/', '/en/gioi-thieu/'],
  ['/chi-so/', '/en/indicators/'],
  ['/chi-so/satisfaction-rate/', '/en/indicators/satisfaction-rate/'],
  ['/mo-hinh/', '/en/initiatives/'],
  ['/mo-hinh/linh-vuc/urban/', '/en/initiatives/field/urban/'],
  ['/van-ban/', '/en/documents/'],
  ['/van-ban/33-ct-ttg/', '/en/documents/33-ct-ttg/'],
  ['/tim-kiem/', '/en/search/'],
  ['/404.html', '/en/404.html'],
];

const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
for (const url of pages.flat()) {
  const response = await page.goto(base + url);
  check(`${url} loads`, response && response.status() === 200, response ? String(response.status()) : 'no response');
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () =>
    await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  const violations = result.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0].target.join(' ')}`);
  check(`axe WCAG 2.1 AA: ${url}`, violations.length === 0, violations.join('; '));
}

// The language switcher leads to the twin of the same page.
for (const [vi, en] of pages.slice(0, 13)) {
  await page.goto(base + vi);
  await Promise.all([page.waitForNavigation(), page.click('a.lang-switch')]);
  const lang = await page.evaluate(() => document.documentElement.lang);
  check(`switcher: ${vi} → ${en}`, new URL(page.url()).pathname === en && lang === 'en', `${page.url()} lang=${lang}`);
}

// Search: tones optional, NFC or NFD, exact diacritics first.
for (const query of ['truong thi', 'Truong Thi', 'trường thi', 'trường thi'.normalize('NFD')]) {
  await page.goto(`${base}/tim-kiem/?q=${encodeURIComponent(query)}`);
  await page.waitForSelector('#search-results li a', { timeout: 5000 }).catch(() => {});
  const first = await page.evaluate(() => document.querySelector('#search-results li a')?.textContent || '');
  check(`search "${query}" lists Phường Trường Thi first`, first === 'Phường Trường Thi', `first result: "${first}"`);
}
await page.goto(`${base}/tim-kiem/?q=${encodeURIComponent('doi thoai')}`);
await page.waitForSelector('#search-results li a', { timeout: 5000 }).catch(() => {});
const dialogue = await page.evaluate(() => document.querySelectorAll('#search-results li').length);
check('search "doi thoai" finds pages with "đối thoại"', dialogue > 0, `${dialogue} results`);

// Keyboard focus is visible: the first Tab reaches the skip link, outlined.
await page.goto(base + '/');
await page.keyboard.press('Tab');
const focus = await page.evaluate(() => {
  const el = document.activeElement, s = getComputedStyle(el);
  return { cls: el.className, style: s.outlineStyle, width: parseFloat(s.outlineWidth), top: el.getBoundingClientRect().top };
});
check('keyboard focus is visible on the skip link', focus.cls === 'skip-link' && focus.style !== 'none' && focus.width >= 2 && focus.top >= 0,
      JSON.stringify(focus));
await page.keyboard.press('Tab');
const second = await page.evaluate(() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth; });
check('keyboard focus is visible on the next link', !second.startsWith('none'), second);

// 360 px: no horizontal scrolling on any of these pages.
const phone = await browser.newContext({ viewport: { width: 360, height: 800 } });
const small = await phone.newPage();
for (const url of pages.flat()) {
  await small.goto(base + url);
  const width = await small.evaluate(() => document.documentElement.scrollWidth);
  check(`360 px without horizontal scrolling: ${url}`, width <= 360, `scrollWidth ${width}`);
}

// Screenshots for people to look at.
fs.mkdirSync(shots, { recursive: true });
for (const [name, url] of [['home', '/'], ['report', '/dia-phuong/truong-thi/bao-cao/2023-chi-thi-33/'],
                           ['indicator', '/chi-so/satisfaction-rate/']]) {
  for (const [width, ctx] of [[360, phone], [1280, context]]) {
    const p = await ctx.newPage();
    await p.goto(base + url);
    await p.screenshot({ path: path.join(shots, `${name}-${width}.png`), fullPage: true });
    await p.close();
  }
}
await browser.close();
server.close();

// The Nu Html Checker on every generated page.
const vnu = spawnSync('java', ['-jar', path.join(here, 'node_modules/vnu-jar/build/dist/vnu.jar'), '--errors-only',
                               '--skip-non-html', out], { encoding: 'utf8' });
const errors = (vnu.stderr || '').split('\n').filter((l) => l.includes('error:'));
check('Nu Html Checker: 0 errors on every page', vnu.status === 0 && errors.length === 0,
      errors.slice(0, 10).join('\n') || vnu.stderr);

fs.rmSync(out, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
