// Size report: what a reader downloads for an article, compressed with brotli as a CDN
// would serve it, in two figures, each against its gate (issue #29; both only go down):
// - the critical first load: what the page loads before any interaction (its
//   pre-rendered HTML, which carries the article's data, the style
//   and the inline scripts; photos apart): the page works from it alone;
// - the app's whole load (start-up script, JS glue, Wasm), which the page's own script
//   (crates/publish/src/early.js) starts on intent.
// Also the partner widget loader (embed.js) against its own budget; a partner widget's
// first load (its pre-rendered page and the one script it links, plus the loader on the
// partner's page: no app) against the widgets' budget; and the photos the article's
// first screen fetches in Chromium, on a phone and on a desktop (reported, not budgeted),
// beside what the one `src` JPEG would have cost.
// Exits 1 when a total is over budget. Usage: node scripts/report/size-report.mjs [dist]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from '../../tests/browser/static-server.mjs';

// Issue #29's floor for the critical first load is 30 KB; the gate holds what we reached
// (11.5 KB: 12.8 before the hand-over documents were compacted and cut to what the page
// used); 12.4 with the styles of live stories and of the front page's compact cards
// (issue #30: every page inlines the site's whole stylesheet, 0.4 KB of it theirs);
// 12.6 with the styles of a live story's older pages (issue #30, reached without scripts).
const CRITICAL_BUDGET_KB = 12.7;
// The app: 195.6 KB before issue #29 (187.9 KB of it Wasm); its goal is a Wasm of
// 150 KB, not met. 196.5 KB with what the take-over now carries over from the page's own
// script (an open search dialog, typed text, the reader's settings: 0.9 KB); 192.6 once
// other crates' functions may be inlined before LTO (scripts/build/wasm-env.sh, issue #35);
// 191.0 with the glue minified (scripts/build/postbuild.sh: 6.2 KB, not 7.6) and the
// standard's tokenizer in the Wasm (issue #33: 1.3 KB, paid for by wasm-opt settings in
// index.html; the Wasm 184.6 KB as before); 190.8 with std's optimize_for_size (the Wasm
// 184.4). 209.1 with live stories (issue #30, the Wasm 202.7: their contract types and
// decoding, the posts' merging, polling, the views; measured by part in the issue's note);
// 213.6 with a live story's older pages at addresses of their own (the Wasm 207.2: the
// route and its page 2.7 KB; links for readers without scripts, shared posts, the key
// events' memo 2.0 KB); 213.8 with the live marker in search results; 214.8 with a live
// story's posts drawn in blocks of 20 (logic::live::Blocks, 1.0 KB: scrolling through
// 2,000 posts at 4x CPU, 14 tasks over 50 ms and the longest 63 ms, against 63 and 122
// ms with a box per post, the same build and run; 214.84 measured).
const APP_BUDGET_KB = 214.9;
const WASM_GOAL_KB = 150;
const LOADER_BUDGET_KB = 3;
// Issue #18: a widget costs what static content costs.
const WIDGET_BUDGET_KB = 15;
const dist = process.argv[2] || 'dist';
const ARTICLE = 'world/council-plan-1/index.html';
const html = readFileSync(join(dist, ARTICLE), 'utf8');

const br = (buf) =>
  brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n) => (n / 1024).toFixed(1).padStart(7);
const short = (file) => file.replace(/-[0-9a-f]{8,16}(?=[._])/, '');

// The critical load: the page and what it links (scripts off, noscript.css is all).
const critical = [ARTICLE];
for (const m of html.matchAll(/<(?:link|script)[^>]*(?:href|src)="\.?\/?([^"]+\.(?:css|js))"/g)) {
  if (m[1] !== 'noscript.css') critical.push(m[1]);
}
// The app's files: the start-up script the page's own script imports, and the files
// the shell (which loads the app at once) links.
const shell = readFileSync(join(dist, '404.html'), 'utf8');
const app = new Set();
for (const page of [html, shell]) {
  for (const m of page.matchAll(/['"]\.?\/?((?:start|newsfront)-[^'"]+\.(?:js|wasm))['"]/g)) app.add(m[1]);
}

let over = false;
const totals = {};
for (const [name, files, budget] of [['critical first load of an article', critical, CRITICAL_BUDGET_KB], ["the app's whole load", [...app], APP_BUDGET_KB]]) {
  console.log(`${name} (brotli, quality 11)`);
  console.log('file'.padEnd(34), 'raw KB'.padStart(8), 'br KB'.padStart(8));
  let total = 0;
  for (const file of files) {
    const buf = readFileSync(join(dist, file));
    const size = br(buf);
    total += size;
    console.log((file === ARTICLE ? 'article page (HTML + its data)' : short(file)).padEnd(34), kb(buf.length), ' ', kb(size));
    if (file.endsWith('.wasm')) totals.wasm = size;
  }
  console.log('total'.padEnd(34), ''.padStart(8), ' ', kb(total), `  gate ${budget} KB`);
  if (total > budget * 1024) {
    console.log(`${name}: OVER BUDGET by ${kb(total - budget * 1024).trim()} KB`);
    over = true;
  }
  totals[name] = total;
  console.log();
}
// A live story's page (issue #30): the story and its newest page of posts, rendered and
// handed over (the take-over then needs no request); its lead photo is asked for from
// the head, before any of it.
{
  const lead = JSON.parse(readFileSync(join(dist, 'api/en/front.json'), 'utf8')).top[0];
  const page = readFileSync(join(dist, lead.section.slug, lead.slug, 'index.html'), 'utf8');
  const posts = page.match(/<script type="application\/json" data-handover="[^"]*\/live\/[^>]*>[\s\S]*?<\/script>/)?.[0] || '';
  // Where the lead photo is asked for: its element's place in the compressed page.
  const photo = br(page.slice(0, page.indexOf('fetchpriority="high"')));
  console.log(`a live story's page (HTML + its data): ${kb(br(page)).trim()} KB; its posts handed over ${kb(br(posts)).trim()} KB of it; the lead photo asked for after ${kb(photo).trim()} KB\n`);
}
const total = totals['critical first load of an article'];
console.log(`the app's Wasm: ${kb(totals.wasm).trim()} KB (goal ${WASM_GOAL_KB} KB)`);

// The app's shell, for pages that were not pre-rendered (stories newer than the build).
console.log(`app shell for other pages (404.html, brotli): ${kb(br(readFileSync(join(dist, '404.html')))).trim()} KB`);

const loader = br(readFileSync(join(dist, 'embed.js')));
console.log(`\nwidget loader embed.js (brotli): ${kb(loader).trim()} KB   budget ${LOADER_BUDGET_KB} KB`);

// A widget's page links everything it loads (images aside).
for (const [name, page] of [['headlines box', 'embed/section/world/index.html'], ['story card', 'embed/article/world/council-plan-1/index.html']]) {
  const text = readFileSync(join(dist, page), 'utf8');
  const files = [page, ...[...text.matchAll(/(?:href|src)="\.?\/?([^"]+\.(?:css|js))"/g)].map((m) => m[1]).filter((f) => f !== 'noscript.css')];
  if (files.some((f) => f.endsWith('.wasm') || /newsfront|start-/.test(f))) {
    console.log(`${name}: loads the app (${files.join(', ')})`);
    over = true;
  }
  const sizes = files.map((f) => br(readFileSync(join(dist, f))));
  const sum = sizes.reduce((a, b) => a + b, loader);
  const parts = files.map((f, i) => `${f === page ? 'page' : short(f)} ${kb(sizes[i]).trim()}`).join(', ');
  console.log(`partner widget, ${name}: ${kb(sum).trim()} KB with the loader (${parts}, embed.js ${kb(loader).trim()})   budget ${WIDGET_BUDGET_KB} KB, article ${kb(total).trim()} KB`);
  if (sum > WIDGET_BUDGET_KB * 1024) {
    console.log(`${name} OVER BUDGET by ${kb(sum - WIDGET_BUDGET_KB * 1024).trim()} KB`);
    over = true;
  }
}
// The photos a reader's browser fetches on opening the article, without scrolling
// (Chromium fetches lazy images near the screen too), as the static host serves them.
const server = await startServer({ root: dist });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
console.log('\nphotos the article\'s first screen fetches (Chromium, scripts on)');
for (const [name, viewport, deviceScaleFactor] of [['phone 390x844 @3x', { width: 390, height: 844 }, 3], ['phone 390x844 @2x', { width: 390, height: 844 }, 2], ['desktop 1350x940 @1x', { width: 1350, height: 940 }, 1]]) {
  const context = await browser.newContext({ viewport, deviceScaleFactor });
  const page = await context.newPage();
  const photos = [];
  page.on('response', (r) => r.url().includes('/img/') && photos.push(r.body().then((b) => [r.url().split('/').pop(), b.length])));
  await page.goto(`http://127.0.0.1:${server.address().port}/${ARTICLE.replace(/index\.html$/, '')}`, { waitUntil: 'networkidle' });
  const got = await Promise.all(photos);
  // The same photos as a page with no srcset or sources would fetch them: the 1200 JPEG.
  const plain = got.map(([f]) => readFileSync(join(dist, 'api/img', f.replace(/-\d+\.\w+$/, '-1200.jpg'))).length);
  const sum = (xs) => xs.reduce((a, b) => a + b, 0);
  console.log(`${name.padEnd(22)} ${kb(sum(got.map((g) => g[1]))).trim()} KB (${got.map(([f, n]) => `${f} ${kb(n).trim()}`).join(', ')}); as one 1200-wide JPEG each: ${kb(sum(plain)).trim()} KB`);
  await context.close();
}
await browser.close();
server.close();

if (loader > LOADER_BUDGET_KB * 1024) {
  console.log(`embed.js OVER BUDGET by ${kb(loader - LOADER_BUDGET_KB * 1024).trim()} KB`);
  over = true;
}
process.exit(over ? 1 : 0);
