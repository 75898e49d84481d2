// Pre-rendered pages, measured (issue #7). Run after `trunk build --release`:
//   node scripts/report/prerender-report.mjs [RUNS]
//
// 1. Lighthouse (12.x, mobile preset), side by side in one run: our pre-rendered article
//    against a static HTML file of the same article with the same CSS and no scripts,
//    and against the true limit, a bare HTML file of it (no style, no script). All three
//    load the same lead photo (its <picture>). RUNS runs each (default 3), alternating;
//    medians are compared. Floors (issues #17, #29): our LCP at most 1.05x the static
//    file's, CLS 0.00, total blocking time under 50 ms; and, since the static file's own
//    TBT (parse, style, layout at 4x CPU) goes over that on a noisy machine, ours at most
//    the static file's plus 50 ms. The ratio to the bare file is reported (the aim is 1.3x).
// 2. HTML size per article page (raw and brotli).
// 3. Build time of the pre-render step for the demo tree and for about 5,000 articles
//    (the demo generator's corpus, 1,667 stories per edition).
// Exits 1 when a floor is missed. Timings are this machine's: compare ratios.
import lighthouse from 'lighthouse';
import { spawnSync } from 'node:child_process';
import { brotliCompressSync, constants } from 'node:zlib';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lighthouseSite } from './lighthouse-site.mjs';

const root = new URL('../../', import.meta.url).pathname;
const dist = join(root, 'dist');
const runs = Number(process.argv[2] || 3);
const ARTICLE = 'world/council-plan-1';
let failed = false;

// --- 1. Lighthouse, side by side ---------------------------------------------------
const ours = readFileSync(join(dist, ARTICLE, 'index.html'), 'utf8');
const plain = ours
  .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
  .replace(/<link rel="(modulepreload|preload)"[^>]*>/g, '');
const bare = plain
  .replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, '')
  .replace(/<link rel="stylesheet"[^>]*>/g, '')
  .replace(/<noscript>[\s\S]*?<\/noscript>/g, '');
const STATIC = 'static-article.html';
const BARE = 'bare-article.html';
writeFileSync(join(dist, STATIC), plain);
writeFileSync(join(dist, BARE), bare);

const site = await lighthouseSite(dist);
const base = site.base;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const samples = { ours: [], static: [], bare: [] };
for (let i = 0; i < runs; i++) {
  for (const [name, path] of [['ours', ARTICLE], ['static', STATIC], ['bare', BARE]]) {
    const { lhr } = await lighthouse(`${base}${path}`, { port: site.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    const a = lhr.audits;
    samples[name].push({
      lcp: a['largest-contentful-paint'].numericValue,
      fcp: a['first-contentful-paint'].numericValue,
      cls: a['cumulative-layout-shift'].numericValue,
      tbt: a['total-blocking-time'].numericValue,
      score: lhr.categories.performance.score * 100,
    });
  }
}
await site.close();
rmSync(join(dist, STATIC));
rmSync(join(dist, BARE));

const summary = (name) => {
  const s = samples[name];
  return { lcp: median(s.map((x) => x.lcp)), fcp: median(s.map((x) => x.fcp)), cls: Math.max(...s.map((x) => x.cls)), tbt: median(s.map((x) => x.tbt)), score: median(s.map((x) => x.score)) };
};
const o = summary('ours');
const p = summary('static');
const b = summary('bare');
const ratio = o.lcp / p.lcp;
console.log(`Lighthouse mobile, ${runs} runs each, medians (CLS: the worst run)`);
console.log('page'.padEnd(22) + 'FCP ms'.padEnd(10) + 'LCP ms'.padEnd(10) + 'CLS'.padEnd(8) + 'TBT ms'.padEnd(10) + 'score');
for (const [name, s] of [['pre-rendered (ours)', o], ['static file', p], ['bare HTML', b]]) {
  console.log(name.padEnd(22) + String(Math.round(s.fcp)).padEnd(10) + String(Math.round(s.lcp)).padEnd(10) + s.cls.toFixed(3).padEnd(8) + String(Math.round(s.tbt)).padEnd(10) + Math.round(s.score));
}
const floor = (ok, text) => {
  console.log(`${ok ? 'ok  ' : 'MISS'} ${text}`);
  if (!ok) failed = true;
};
floor(ratio <= 1.05, `LCP ratio to the static file ${ratio.toFixed(2)} (at most 1.05)`);
console.log(`     to the bare HTML: FCP ${(o.fcp / b.fcp).toFixed(2)}x, LCP ${(o.lcp / b.lcp).toFixed(2)}x (the aim: 1.30x)`);
floor(o.cls < 0.005, `CLS ${o.cls.toFixed(3)} (0.00)`);
floor(o.tbt < 50, `TBT ${Math.round(o.tbt)} ms (under 50 ms)`);
floor(o.tbt <= p.tbt + 50, `TBT ${Math.round(o.tbt)} ms, the static file's ${Math.round(p.tbt)} ms (at most 50 ms more)`);

// --- 2. HTML size per article page ---------------------------------------------------
const articlePages = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name === 'index.html' && dir.split('/').length - dist.split('/').length >= 2) articlePages.push(path);
  }
};
for (const name of readdirSync(dist)) {
  if (statSync(join(dist, name)).isDirectory() && name !== 'api') walk(join(dist, name));
}
const sizes = articlePages
  .map((f) => readFileSync(f))
  .filter((b) => b.includes('"@type":"NewsArticle"'))
  .map((b) => [b.length, brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length]);
const avg = (i) => sizes.reduce((s, x) => s + x[i], 0) / sizes.length / 1024;
const max = (i) => Math.max(...sizes.map((x) => x[i])) / 1024;
console.log(`\nArticle pages: ${sizes.length}; HTML ${avg(0).toFixed(1)} KB raw (max ${max(0).toFixed(1)}), ${avg(1).toFixed(1)} KB brotli (max ${max(1).toFixed(1)})`);

// --- 3. Build time --------------------------------------------------------------------
const env = { ...process.env };
delete env.CARGO_UNSTABLE_BUILD_STD;
const cargo = (args) => {
  const r = spawnSync('cargo', args, { cwd: root, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cargo ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};
// The same (debug) build the post-build step runs.
cargo(['build', '--quiet', '-p', 'newsfront-publish', '--bin', 'prerender', '--bin', 'demo-gen']);
const bin = (name) => join(root, 'target', 'debug', name);
const time = (api) => {
  const out = mkdtempSync(join(tmpdir(), 'newsfront-pre-'));
  for (const f of ['404.html', 'robots.txt', 'widget.js']) copyFileSync(join(dist, f), join(out, f));
  const started = process.hrtime.bigint();
  const r = spawnSync(bin('prerender'), ['--dist', out, '--api', api], { encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  rmSync(out, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(r.stderr);
  return [seconds, r.stdout.trim()];
};
const [demo, demoLine] = time(join(dist, 'api'));
console.log(`\nDemo tree: ${demo.toFixed(2)} s (${demoLine})`);
const corpus = join(tmpdir(), 'newsfront-corpus-5000');
mkdirSync(corpus, { recursive: true });
spawnSync(bin('demo-gen'), ['--articles', '1667', '--out', corpus], { encoding: 'utf8' });
const [big, bigLine] = time(corpus);
console.log(`5,001 articles: ${big.toFixed(2)} s (${bigLine})`);
rmSync(corpus, { recursive: true, force: true });

process.exit(failed ? 1 : 0);
