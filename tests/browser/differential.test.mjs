// The sanitiser against the browser (issues #19, #33). Every case of
// tests/fixtures/tree-construction.txt, random tag soup from a fixed seed, and every
// document case of the html5lib tree-construction suite (scripts/setup.sh fetches it;
// each between two marker paragraphs) is an `html` block of one story. Chromium's own parser (DOMParser, scripting off) is the
// oracle: the text a reader would see there, less what the allow-list removes on
// purpose (script and style bodies, frames, plug-ins and media with their fallbacks,
// templates, noscript, SVG drawings, list boxes), must be the text our sanitised tree
// shows, on both paths: the app's renderer (the story opened as the app's shell) and
// the pre-rendered page (the native pre-render step, read with scripts off).
// Compared without white space: the sanitiser keeps words, not layout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, launch, serve, withoutPrerender } from './harness.mjs';
import { startServer } from './static-server.mjs';

const CASES = readFileSync(new URL('../fixtures/tree-construction.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l && !l.startsWith('#'));

/// Tag soup: start and end tags of the elements whose parsing rules differ (raw text,
/// foreign content, implied ends, hidden content), words, self-closed tags.
function soup(seed, count) {
  let s = seed >>> 0;
  const random = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  const TAGS = ['p', 'div', 'span', 'b', 'i', 'a', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'tr', 'td', 'th',
    'h1', 'h2', 'h5', 'pre', 'blockquote', 'em', 'strong', 'font', 'section', 'caption', 'button', 'form', 'label',
    'video', 'audio', 'object', 'textarea', 'xmp', 'script', 'style', 'iframe', 'title', 'noscript', 'template',
    'select', 'option', 'frameset', 'svg', 'g', 'text', 'desc', 'foreignObject', 'math', 'mi', 'mo', 'mtext',
    'mfrac', 'annotation-xml', 'br', 'img', 'hr'];
  const out = [];
  let word = 0;
  for (let c = 0; c < count; c++) {
    const parts = [];
    const n = 6 + Math.floor(random() * 14);
    for (let k = 0; k < n; k++) {
      const r = random();
      const tag = pick(TAGS);
      if (r < 0.4) parts.push(` w${word++} `);
      else if (r < 0.7) parts.push(`<${tag}${tag === 'img' ? ' src=x alt=""' : ''}${tag === 'font' && random() < 0.5 ? ' color=red' : ''}>`);
      else if (r < 0.95) parts.push(`</${tag}>`);
      else parts.push(`<${tag}/>`);
    }
    out.push(parts.join(''));
  }
  return out;
}

// More, or another seed: SOUPS=3000 SOUP_SEED=7 node --test tests/browser/differential.test.mjs
const RANDOM = soup(Number(process.env.SOUP_SEED || 20261203), Number(process.env.SOUPS || 300));

/// The html5lib suite's document cases: not those parsed in a fragment's context, nor
/// those whose tree depends on scripting (a reader's browser runs script, so the
/// sanitiser reads `<noscript>` as raw text as it does; the oracle's parser has no
/// scripting, so neither reading can be compared).
function suite() {
  const dir = new URL('../../.tools/html5lib-tests/tree-construction/', import.meta.url).pathname;
  const cases = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.dat')).sort()) {
    for (const test of readFileSync(join(dir, file), 'utf8').split(/^#data\n/m).slice(1)) {
      const [data, rest] = test.split(/\n#errors\n/);
      if (/^#document-fragment|^#script-(on|off)$/m.test(rest)) continue;
      cases.push(data);
    }
  }
  return cases;
}
const START = 'qqstart';
const END = 'qqend';
const SUITE = suite();
const SUITE_BLOCKS = SUITE.map((html) => `<p>${START}</p>${html}<p>${END}</p>`);
const ALL = [...CASES, ...RANDOM, ...SUITE_BLOCKS];

/// What each suite case is mostly about, for the figures: the first kind that fits.
const KINDS = [
  ['comments', /<!|<\?/],
  ['references', /&/],
  ['raw text', /<(script|style|xmp|iframe|noembed|noframes|noscript|textarea|title|plaintext)/i],
  ['tables', /<(table|caption|colgroup|col|tbody|thead|tfoot|tr|td|th)\b/i],
  ['other', /^/],
];
const kind = (html) => KINDS.find(([, re]) => re.test(html))[0];

/// The cases that still differ from Chromium, each with its reason (one place).
const KNOWN = JSON.parse(readFileSync(new URL('../fixtures/html5lib-differences.json', import.meta.url), 'utf8'));

const words = (t) => t.split(/\s+/).filter(Boolean);
/// How many of `want`'s words `got` has (as a multiset).
function kept(want, got) {
  const left = new Map();
  for (const w of got) left.set(w, (left.get(w) || 0) + 1);
  let n = 0;
  for (const w of want) {
    if (left.get(w) > 0) {
      left.set(w, left.get(w) - 1);
      n++;
    }
  }
  return n;
}
const ARTICLE = 'world/council-plan-1';

/// What the allow-list removes on purpose, taken out of the browser's own tree.
const ON_PURPOSE = 'script, style, template, noscript, svg, iframe, object, embed, video, audio, canvas, applet, select, datalist, noembed, noframes, title, meta, link, base';

/// In the page: the text a reader sees of each case as the browser parses it alone.
function oracle({ cases, hidden }) {
  const host = document.querySelector('article.story .body');
  return cases.map((html) => {
    const doc = new DOMParser().parseFromString(`<!DOCTYPE html><body>${html}`, 'text/html');
    for (const el of doc.body.querySelectorAll('*')) {
      for (const a of [...el.attributes]) if (a.name !== 'open') el.removeAttribute(a.name);
    }
    // HTML's elements of those names (a MathML `title` is an ordinary one) and SVG.
    for (const el of doc.body.querySelectorAll(hidden)) {
      if (el.namespaceURI === 'http://www.w3.org/1999/xhtml' || el.localName === 'svg') el.remove();
    }
    // A text box shows its text, but not as the page's text.
    for (const el of doc.body.querySelectorAll('textarea')) el.replaceWith(doc.createTextNode(el.value));
    const box = document.createElement('div');
    box.className = 'html-block';
    box.append(...[...doc.body.childNodes].map((n) => document.adoptNode(n)));
    host.append(box);
    const text = box.innerText;
    box.remove();
    return text;
  });
}

const blocksText = (page) => page.$$eval('article.story .body .html-block', (bs) => bs.map((b) => b.innerText));
const bare = (t) => t.replace(/\s+/g, '');

async function withCases(page) {
  await page.route(/\/api\/en\/articles\/council-plan-1\.json$/, async (route) => {
    const response = await route.fetch();
    const article = await response.json();
    article.body = ALL.map((html) => ({ type: 'html', html }));
    await route.fulfill({ response, json: article });
  });
}

test(`${CASES.length} tree-construction cases, ${RANDOM.length} of tag soup and html5lib's ${SUITE.length} show the text Chromium shows, on both paths`, async () => {
  assert.ok(CASES.length >= 80);
  assert.ok(SUITE.length >= 1400, `${SUITE.length} html5lib cases`);
  // The app's path: the story rendered by the app from its JSON.
  const context = await launch();
  const site = await serve();
  const page = await context.newPage();
  await page.route((url) => !url.href.startsWith(site.origin), (route) => route.abort());
  await withoutPrerender(page);
  await withCases(page);
  await page.goto(`${site.url}${ARTICLE}`);
  await page.locator('article.story .body .html-block').nth(ALL.length - 1).waitFor({ state: 'attached' });
  const app = await blocksText(page);
  const browser = await page.evaluate(oracle, { cases: ALL, hidden: ON_PURPOSE });

  // The pre-rendered path: the native pre-render step over the same story.
  const root = new URL('../../', import.meta.url).pathname;
  const work = mkdtempSync(join(tmpdir(), 'newsfront-differential-'));
  const api = join(work, 'api');
  const out = join(work, 'dist');
  cpSync(join(DIST, 'api'), api, { recursive: true, filter: (f) => !f.includes('/img') });
  const file = join(api, 'en/articles/council-plan-1.json');
  const article = JSON.parse(readFileSync(file, 'utf8'));
  article.body = ALL.map((html) => ({ type: 'html', html }));
  writeFileSync(file, JSON.stringify(article));
  mkdirSync(out);
  for (const f of ['404.html', 'robots.txt', 'widget.js']) copyFileSync(join(DIST, f), join(out, f));
  const run = spawnSync(join(root, 'target/debug/prerender'), ['--dist', out, '--api', api], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const server = await startServer({ root: out });
  const offline = await launch({ javaScriptEnabled: false });
  const still = await offline.newPage();
  await still.route((url) => !url.href.startsWith(`http://127.0.0.1:${server.address().port}/`), (route) => route.abort());
  await still.goto(`http://127.0.0.1:${server.address().port}/${ARTICLE}`);
  const prerendered = await blocksText(still);
  await offline.close();
  server.close();
  await context.close();
  site.server.close();
  rmSync(work, { recursive: true, force: true });

  assert.equal(app.length, ALL.length);
  assert.equal(prerendered.length, ALL.length);
  const paths = ALL.filter((_, i) => bare(app[i]) !== bare(prerendered[i]));
  assert.deepEqual(paths, [], 'the app and the pre-rendered page show the same text');

  const differ = (from, to) => ALL.slice(from, to).flatMap((html, k) => {
    const i = from + k;
    return bare(app[i]) === bare(browser[i]) ? [] : [`${html}\n    Chromium: ${JSON.stringify(browser[i])}\n    ours:     ${JSON.stringify(app[i])}`];
  });
  const curated = differ(0, CASES.length);
  const random = differ(CASES.length, CASES.length + RANDOM.length);
  const share = (n, of) => `${(((of - n) / of) * 100).toFixed(1)} %`;
  console.log(`agree with Chromium: cases ${share(curated.length, CASES.length)} (${CASES.length - curated.length}/${CASES.length}), tag soup ${share(random.length, RANDOM.length)} (${RANDOM.length - random.length}/${RANDOM.length})`);
  for (const d of [...curated, ...random]) console.log(`  differs: ${d}`);
  assert.deepEqual(curated, [], 'every tree-construction case shows what Chromium shows');
  assert.ok(random.length <= RANDOM.length * 0.05, `${random.length} of ${RANDOM.length} soups differ`);

  // The html5lib suite, by kind: cases with the same text, words kept and added, end
  // markers lost that Chromium shows.
  const from = CASES.length + RANDOM.length;
  const rows = new Map(KINDS.map(([k]) => [k, { cases: 0, same: 0, words: 0, kept: 0, added: 0, lost: 0 }]));
  const all = { cases: 0, same: 0, words: 0, kept: 0, added: 0, lost: 0 };
  const differing = [];
  SUITE.forEach((html, k) => {
    const want = words(browser[from + k]);
    const got = words(app[from + k]);
    const same = bare(app[from + k]) === bare(browser[from + k]);
    const n = kept(want, got);
    const lost = want.includes(END) && !got.includes(END);
    for (const row of [rows.get(kind(html)), all]) {
      row.cases++;
      row.same += same;
      row.words += want.length;
      row.kept += n;
      row.added += got.length - n;
      row.lost += lost;
    }
    if (!same) differing.push({ html, chromium: browser[from + k], ours: app[from + k] });
  });
  const pct = (a, b) => `${((a / Math.max(b, 1)) * 100).toFixed(1)} %`;
  console.log('| html5lib cases | cases | same text | words kept | words added | end markers lost |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const [k, r] of [...rows, ['all', all]]) {
    console.log(`| ${k} | ${r.cases} | ${r.same} (${pct(r.same, r.cases)}) | ${r.kept}/${r.words} (${pct(r.kept, r.words)}) | ${r.added} | ${r.lost} |`);
  }
  const known = new Map(KNOWN.map((d) => [d.html, d.why]));
  const unexplained = differing.filter((d) => !known.has(d.html));
  for (const d of unexplained) console.log(`  differs, not listed: ${JSON.stringify(d)}`);
  const agreeing = [...known.keys()].filter((html) => !differing.some((d) => d.html === html));
  assert.deepEqual(unexplained.map((d) => d.html), [], 'every html5lib case that differs is listed with its reason (tests/fixtures/html5lib-differences.json)');
  assert.deepEqual(agreeing, [], 'a listed case now agrees: take it off the list');
  assert.ok(all.same >= all.cases * 0.97, `${all.same} of ${all.cases} the same`);
  assert.ok(all.kept >= all.words * 0.99, `${all.kept} of ${all.words} words kept`);
  assert.equal(all.lost, 0, 'no end marker lost that Chromium shows');
});
