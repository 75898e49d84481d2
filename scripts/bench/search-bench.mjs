// Search benchmark: our engine (the search worker of the release build) against
// MiniSearch (npm, fuzzy and prefix on) on the generator's 50,000-article corpus per
// edition, in headless Chromium, in one run. Prints load and build time, memory, the
// median and 95th percentile of 200 mixed queries per edition, the index size per
// article, and how often the two engines' top 10 agree on whole-word queries; exits 1
// when a floor is missed (our median over 2 ms or over MiniSearch's, agreement under
// 80 %). Needs `dist/` (trunk build --release); makes `bench-corpus/` when missing.
//   node scripts/bench/search-bench.mjs [articles per edition, default 50000]
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../../tests/browser/static-server.mjs';

const ARTICLES = Number(process.argv[2] || 50000);
const EDITIONS = ['en', 'ru', 'hy'];
const QUERIES = 200;
// Each query runs this many times and the mean is kept: browsers round
// performance.now() to 0.1 ms without cross-origin isolation.
const REPEAT = 20;
const root = new URL('../..', import.meta.url).pathname;
const corpus = join(root, 'bench-corpus');

const have = existsSync(join(corpus, 'en/search-index.json'))
  && JSON.parse(readFileSync(join(corpus, 'en/search-index.json'), 'utf8')).articles.length === ARTICLES;
if (!have) {
  console.log(`making the corpus: ${ARTICLES} articles per edition`);
  execFileSync('cargo', ['run', '-q', '--release', '-p', 'newsfront-publish', '--bin', 'demo-gen', '--', '--articles', String(ARTICLES), '--out', corpus, '--index-only'], { stdio: 'inherit', cwd: root });
}

// A small deterministic random source, so every run asks the same questions.
let seed = 20261126;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (list) => list[Math.floor(rand() * list.length)];

function queriesFor(articles) {
  const words = new Map();
  for (const a of articles) {
    for (const w of `${a.title} ${a.lead || ''}`.split(/[^\p{L}\p{N}]+/u)) {
      if ([...w].length >= 5) words.set(w, (words.get(w) || 0) + 1);
    }
  }
  const vocab = [...words.keys()].sort();
  const letters = [...new Set(vocab.join('').toLowerCase())].filter((c) => /\p{L}/u.test(c));
  const out = [];
  for (let i = 0; i < QUERIES; i++) {
    const w = pick(vocab);
    const chars = [...w];
    const kind = i % 10 < 4 ? 'word' : i % 10 < 7 ? 'prefix' : 'typo';
    if (kind === 'word') out.push({ kind, q: `${rand() < 0.2 ? w.toUpperCase() : w} ` });
    else if (kind === 'prefix') out.push({ kind, q: chars.slice(0, 3 + Math.floor(rand() * (chars.length - 3))).join('') });
    else {
      const at = 1 + Math.floor(rand() * (chars.length - 2));
      chars[at] = pick(letters.filter((c) => c !== chars[at].toLowerCase()));
      out.push({ kind, q: `${chars.join('')} ` });
    }
  }
  return out;
}

const stats = (times) => {
  const s = [...times].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { median: at(0.5), p95: at(0.95) };
};

const server = await startServer({ root });
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'bench-')), {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--enable-precise-memory-info', '--js-flags=--expose-gc'],
});
const page = await browser.newPage();
await page.goto(`${origin}/scripts/bench/search.html`);

const rows = [];
let failed = false;
for (const ed of EDITIONS) {
  const path = `/bench-corpus/${ed}/search-index.json`;
  const raw = readFileSync(join(root, path));
  const articles = JSON.parse(raw).articles;
  const queries = queriesFor(articles);
  const result = await page.evaluate(async ({ path, queries, REPEAT }) => {
    const t0 = performance.now();
    const text = await (await fetch(path)).text();
    const fetchMs = performance.now() - t0;

    // Ours, in its worker: build, then time each query inside the worker.
    const worker = new Worker('/dist/search_worker_loader.js');
    const next = () => new Promise((resolve, reject) => {
      worker.onmessage = (e) => resolve(JSON.parse(e.data));
      worker.onerror = (e) => reject(new Error(`worker: ${e.message}`));
    });
    await next(); // its greeting: it listens now
    const ask = (msg) => {
      const answer = next();
      worker.postMessage(JSON.stringify(msg));
      return answer;
    };
    const b0 = performance.now();
    // No archive index there: the worker opens the one-file index.
    const built = await ask({ type: 'query', id: 1, q: '', offset: 0, limit: 0, archive: 'none/', index: path, timeout_ms: 600000 });
    const oursBuildMs = performance.now() - b0;
    const bench = await ask({ type: 'bench', queries: queries.map((q) => q.q), limit: 10, repeat: REPEAT });
    worker.terminate();

    // MiniSearch on the same documents, fuzzy and prefix on, set up like ours as far
    // as it goes: prefix on the word being typed, one typo from 4 letters and two from
    // 8, title hits weigh twice, no field-length normalisation, recency breaks ties.
    gc();
    const m0 = performance.memory.usedJSHeapSize;
    const p0 = performance.now();
    const docs = JSON.parse(text).articles;
    const recency = new Map(docs.map((d) => [d.slug, Date.parse(d.published_at) || 0]));
    const ms = new MiniSearch({ idField: 'slug', fields: ['title', 'lead'] });
    ms.addAll(docs);
    const msBuildMs = performance.now() - p0;
    gc();
    const msMemory = performance.memory.usedJSHeapSize - m0;
    const optionsFor = (q) => ({
      prefix: (term, i, terms) => !/\s$/.test(q) && i === terms.length - 1,
      fuzzy: (term) => ([...term].length >= 8 ? 2 : [...term].length >= 4 ? 1 : 0),
      weights: { fuzzy: 0.6, prefix: 0.8 },
      combineWith: 'AND',
      boost: { title: 2 },
      bm25: { k: 1.2, b: 0, d: 0.5 },
      boostDocument: (id) => 1 + recency.get(id) / 1e16,
    });
    const msTimes = [];
    const msTop = [];
    for (const { q } of queries) {
      const options = optionsFor(q);
      const s = performance.now();
      for (let i = 0; i < REPEAT; i++) ms.search(q, options);
      msTimes.push((performance.now() - s) / REPEAT);
      msTop.push(ms.search(q, options).slice(0, 10).map((x) => x.id));
    }
    return { fetchMs, ok: built.ok, oursBuildMs, bench, msBuildMs, msMemory, msTimes, msTop };
  }, { path, queries, REPEAT });
  if (!result.ok) throw new Error(`${ed}: the worker refused the index`);

  const words = queries.map((q, i) => [q, i]).filter(([q]) => q.kind === 'word');
  const overlaps = words.map(([, i]) => {
    const theirs = result.msTop[i];
    if (theirs.length === 0) return result.bench.top[i].length === 0 ? 1 : 0;
    const ours = new Set(result.bench.top[i]);
    return theirs.filter((s) => ours.has(s)).length / theirs.length;
  });
  const agree = overlaps.filter((o) => o >= 0.8).length / overlaps.length;
  const ours = stats(result.bench.times_ms);
  const theirs = stats(result.msTimes);
  const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }).length;
  rows.push({ ed, result, ours, theirs, agree, raw: raw.length, br, n: articles.length });
  if (ours.median > 2 || ours.median > theirs.median || agree < 0.8) failed = true;
}
await browser.close();
server.close();

const f = (n, d = 2) => n.toFixed(d);
console.log(`\nsearch benchmark: ${ARTICLES} articles per edition, ${QUERIES} queries each (40 % whole words, 30 % prefixes, 30 % one typo), each timed as the mean of ${REPEAT} runs`);
console.log('edition | engine     | load ms | build ms | memory MB | median ms | p95 ms | top-10 agreement');
console.log('------- | ---------- | ------- | -------- | --------- | --------- | ------ | ----------------');
for (const r of rows) {
  console.log(`${r.ed.padEnd(7)} | ours       | ${f(r.result.fetchMs, 0).padStart(7)} | ${f(r.result.oursBuildMs, 0).padStart(8)} | ${f(r.result.bench.memory_bytes / 1048576, 1).padStart(9)} | ${f(r.ours.median, 3).padStart(9)} | ${f(r.ours.p95, 3).padStart(6)} | ${f(r.agree * 100, 0)} % of whole-word queries`);
  console.log(`${''.padEnd(7)} | MiniSearch | ${f(r.result.fetchMs, 0).padStart(7)} | ${f(r.result.msBuildMs, 0).padStart(8)} | ${f(r.result.msMemory / 1048576, 1).padStart(9)} | ${f(r.theirs.median, 3).padStart(9)} | ${f(r.theirs.p95, 3).padStart(6)} |`);
}
console.log('\nindex size per article (search-index.json):');
for (const r of rows) console.log(`  ${r.ed}: ${f(r.raw / r.n, 0)} bytes raw, ${f(r.br / r.n, 0)} bytes brotli`);
console.log('\nmemory: ours is the worker\'s Wasm memory after the build (its peak, JSON text included);');
console.log('MiniSearch\'s the JS heap it added (after GC). Load is the index download, shared by both.');
if (failed) {
  console.log('\nFLOOR MISSED: our median must be at most 2 ms and at most MiniSearch\'s, agreement at least 80 %');
  process.exit(1);
}
console.log('\nfloors met: our median <= 2 ms and <= MiniSearch\'s; top-10 agreement >= 80 %');
