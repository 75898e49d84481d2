// The sanitiser against the browser (issue #19). Every case of
// tests/fixtures/tree-construction.txt, and random tag soup from a fixed seed, is an
// `html` block of one story. Chromium's own parser (DOMParser, scripting off) is the
// oracle: the text a reader would see there, less what the allow-list removes on
// purpose (script and style bodies, frames, plug-ins and media with their fallbacks,
// templates, noscript, SVG drawings, list boxes), must be the text our sanitised tree
// shows, on both paths: the app's renderer (the story opened as the app's shell) and
// the pre-rendered page (the native pre-render step, read with scripts off).
// Compared without white space: the sanitiser keeps words, not layout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
const ALL = [...CASES, ...RANDOM];
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

test(`${CASES.length} tree-construction cases and ${RANDOM.length} of tag soup show the text Chromium shows, on both paths`, async () => {
  assert.ok(CASES.length >= 80);
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
  const random = differ(CASES.length, ALL.length);
  const share = (n, of) => `${(((of - n) / of) * 100).toFixed(1)} %`;
  console.log(`agree with Chromium: cases ${share(curated.length, CASES.length)} (${CASES.length - curated.length}/${CASES.length}), tag soup ${share(random.length, RANDOM.length)} (${RANDOM.length - random.length}/${RANDOM.length})`);
  for (const d of [...curated, ...random]) console.log(`  differs: ${d}`);
  assert.deepEqual(curated, [], 'every tree-construction case shows what Chromium shows');
  assert.ok(random.length <= RANDOM.length * 0.05, `${random.length} of ${RANDOM.length} soups differ`);
});
