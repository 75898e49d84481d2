// The browser half of scripts/bench/archive-search-bench.mjs: ours (the release build's
// search worker over the archive index), Pagefind (npm `pagefind`, over a page per
// story with the same title, lead and body) and MiniSearch (npm, titles and leads of
// the one-file index, as the one-file engine reads them) in one headless Chromium, the
// same queries for each. Each engine starts in a fresh context (nothing cached); the
// server counts what each request transfers, brotli as a CDN serves it.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { chromium } from 'playwright-core';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.css': 'text/css' };

/// Every text of a story's body blocks, in order.
function bodyText(blocks) {
  const out = [];
  const walk = (v) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) (k === 'text' && typeof x === 'string' ? out.push(x) : walk(x));
  };
  walk(blocks);
  return out.join(' ');
}

const escape = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/// Pagefind's site for one edition: a page per story, then its index (made once).
/// Pagefind holds the whole site in memory while indexing: at 200,000 stories with
/// their bodies it was killed at 21.6 GB (out of memory) on this 24 GB machine, so
/// above 100,000 it is given titles and leads only (as it is when it fails), and
/// says so. Returns what it indexed.
export function pagefindSite(root, api, site, lang, stories) {
  const bundle = join(site, '_pagefind');
  const note = join(site, 'indexed.txt');
  if (existsSync(join(bundle, 'pagefind.js'))) return readFileSync(note, 'utf8');
  const dir = join(api, lang, 'articles');
  const tries = stories > 100000 ? ['title, lead'] : ['title, lead, body', 'title, lead'];
  for (const indexed of tries) {
    rmSync(site, { recursive: true, force: true });
    mkdirSync(site, { recursive: true });
    for (const f of readdirSync(dir)) {
      const a = JSON.parse(readFileSync(join(dir, f), 'utf8'));
      const body = indexed.endsWith('body') ? `<p>${escape(bodyText(a.body))}</p>` : '';
      writeFileSync(join(site, `${a.slug}.html`), `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escape(a.title)}</title></head><body><main data-pagefind-body><h1>${escape(a.title)}</h1><p>${escape(a.lead || '')}</p>${body}</main></body></html>`);
    }
    try {
      execFileSync(join(root, 'node_modules/.bin/pagefind'), ['--site', site, '--output-subdir', '_pagefind', '--silent'], { stdio: 'inherit' });
      writeFileSync(note, indexed);
      return indexed;
    } catch (e) {
      console.log(`Pagefind failed on ${lang} (${indexed}): ${e.signal || `status ${e.status}`}`);
    }
  }
  throw new Error(`Pagefind could not index ${lang}`);
}

/// What `file` costs a reader: brotli (quality 11, as the build's files would be; 9
/// for multi-megabyte JSON), except Pagefind's index files, which it ships gzipped.
function cost(sizes, file) {
  if (!sizes.has(file)) {
    const body = readFileSync(file);
    const packed = /\.pf_|\.pagefind$/.test(file);
    const q = body.length > 1 << 20 ? 9 : 11;
    sizes.set(file, packed ? body.length : brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: q } }).length);
  }
  return sizes.get(file);
}

/// A static server over several folders (the first mount that matches), counting the
/// bytes it sends (`cost`, known ahead for what the timed queries fetch, so that
/// compressing is not timed). The files named by content are cached as `_headers` says.
function serve(mounts, sizes) {
  const counter = { bytes: 0 };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path === '/bench') {
      res.writeHead(200, { 'content-type': TYPES['.html'] });
      res.end('<!doctype html><title>bench</title><script src="/minisearch.js"></script>');
      return;
    }
    const [mount, dir] = mounts.find(([m]) => path.startsWith(m)) || [];
    const file = dir && normalize(join(dir, path.slice(mount.length)));
    if (!file || !file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404);
      res.end();
      return;
    }
    const body = readFileSync(file);
    counter.bytes += cost(sizes, file);
    const fresh = file.endsWith('entry.bin') || file.includes('/s/') || file.includes('/v/');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream', 'cache-control': fresh ? 'no-cache' : 'max-age=31536000, immutable' });
    res.end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, counter })));
}

/// The largest resident memory of a Chromium renderer, in bytes.
function rendererRss() {
  let max = 0;
  for (const line of execFileSync('ps', ['-eo', 'rss=,args='], { encoding: 'utf8' }).split('\n')) {
    if (line.includes('--type=renderer')) max = Math.max(max, Number(line.trim().split(/\s+/)[0]) * 1024);
  }
  return max;
}

// One query in the page: the slugs of its first ten results.
const ENGINES = {
  async ours({ q, lang }) {
    if (!window.bench) {
      const worker = new Worker('/dist/search_worker_loader.js');
      const waiting = new Map();
      worker.onmessage = (e) => {
        const reply = JSON.parse(e.data);
        const id = reply.id ?? 'bench';
        waiting.get(id)?.(reply);
        waiting.delete(id);
      };
      const ask = (msg, id) => new Promise((resolve) => { waiting.set(id, resolve); worker.postMessage(JSON.stringify(msg)); });
      await new Promise((resolve) => waiting.set(0, resolve));
      window.bench = { ask, id: 1 };
    }
    const id = ++window.bench.id;
    const reply = await window.bench.ask({ type: 'query', id, q, offset: 0, limit: 10, archive: `search/${lang}/`, index: 'none.json', timeout_ms: 60000 }, id);
    if (!reply.ok) throw new Error(`ours: failure ${JSON.stringify(reply.failure)}`);
    return reply.page.items.map((i) => i.slug);
  },
  async pagefind({ q, lang }) {
    window.bench ||= await import(`/pf/${lang}/_pagefind/pagefind.js`);
    const found = await window.bench.search(q);
    const data = await Promise.all(found.results.slice(0, 10).map((r) => r.data()));
    return data.map((d) => d.url.split('/').pop().replace(/\.html$/, ''));
  },
  async minisearch({ q, lang }) {
    if (!window.bench) {
      const docs = (await (await fetch(`/ms/${lang}/search-index.json`)).json()).articles;
      const recency = new Map(docs.map((d) => [d.slug, Date.parse(d.published_at) || 0]));
      const ms = new MiniSearch({ idField: 'slug', fields: ['title', 'lead'] });
      ms.addAll(docs);
      window.bench = { ms, recency };
    }
    const { ms, recency } = window.bench;
    return ms.search(q, {
      prefix: (term, i, terms) => !/\s$/.test(q) && i === terms.length - 1,
      fuzzy: (term) => ([...term].length >= 8 ? 2 : [...term].length >= 4 ? 1 : 0),
      weights: { fuzzy: 0.6, prefix: 0.8 },
      combineWith: 'AND',
      boost: { title: 2 },
      boostDocument: (id) => 1 + recency.get(id) / 1e16,
    }).slice(0, 10).map((r) => r.id);
  },
};

/// Runs every engine over every edition's queries: per query its bytes, time and
/// whether its target was in the top ten; per engine its open time (worker or script
/// start, index, first results), memory and longest main-thread task.
/// `sizes`: the cost of files already known (the native run's), by path.
export async function browserBench({ root, dist, api, pagefind, editions, sizes, engines = Object.keys(ENGINES) }) {
  // The release build's worker, copied: a build during a long run leaves it alone.
  const worker = join(dist, 'worker');
  mkdirSync(worker, { recursive: true });
  const workerFiles = ['search_worker_loader.js', 'search_worker.js', 'search_worker_bg.wasm'].map((f) => {
    copyFileSync(join(root, 'dist', f), join(worker, f));
    return join(worker, f);
  });
  const mounts = [['/dist/search/', join(dist, 'search')], ['/dist/', worker], ['/pf/', pagefind], ['/ms/', api],
    ['/minisearch.js', join(root, 'node_modules/minisearch/dist/umd/index.js')]];
  const ahead = [...workerFiles,
    join(root, 'node_modules/minisearch/dist/umd/index.js')];
  for (const { lang } of editions) {
    const bundle = join(pagefind, lang, '_pagefind');
    if (engines.includes('minisearch')) ahead.push(join(api, lang, 'search-index.json'));
    if (engines.includes('pagefind')) ahead.push(...readdirSync(bundle).map((f) => join(bundle, f)).filter((f) => !statSync(f).isDirectory()));
  }
  ahead.forEach((f) => cost(sizes, f));
  const { server, counter } = await serve(mounts, sizes);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info', '--disable-background-networking'],
  });
  const out = [];
  for (const { lang, queries } of editions) {
    for (const [engine, run] of Object.entries(ENGINES).filter(([name]) => engines.includes(name))) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${origin}/bench`);
      await page.evaluate(() => {
        window.longest = 0;
        new PerformanceObserver((l) => l.getEntries().forEach((e) => { window.longest = Math.max(window.longest, e.duration); })).observe({ type: 'longtask', buffered: true });
      });
      const row = { lang, engine, queries: [], hits: [] };
      for (const [i, query] of queries.entries()) {
        counter.bytes = 0;
        const { slugs, ms } = await page.evaluate(async ({ source, q, lang }) => {
          const run = new Function(`return (${source})`)();
          const t0 = performance.now();
          const slugs = await run({ q, lang });
          return { slugs, ms: performance.now() - t0 };
        }, { source: run.toString().replace(/^async \w+/, 'async function'), q: query.q, lang });
        const r = { kind: query.kind, bytes: counter.bytes, ms, hit: slugs.includes(query.target) };
        if (i === 0) row.open = r;
        else row.queries.push(r);
        row.hits.push(r);
      }
      row.longestTask = await page.evaluate(() => window.longest);
      row.rss = rendererRss();
      if (engine === 'ours') {
        const report = await page.evaluate(() => window.bench.ask({ type: 'bench', queries: [], limit: 0, repeat: 1 }, 'bench'));
        row.workerMemory = report.memory_bytes;
      }
      out.push(row);
      await context.close();
    }
  }
  await browser.close();
  server.close();
  return out;
}
