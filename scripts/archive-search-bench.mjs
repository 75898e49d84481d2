// Archive search, natively: the index `search-index` builds from a corpus with real
// vocabularies (`demo-gen --vocabulary`: Debian's word lists, a Zipf spread), queried
// by the same engine the worker runs, round by round, counting what each query fetches
// (brotli, as a CDN serves it) and whether its target story is in the top 10.
//
//   node scripts/archive-search-bench.mjs [STORIES_PER_EDITION...]   default 50000 200000
//
// A report, not a test. Writes below bench-search/ (200,000 per edition: about 12 GB).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const root = new URL('..', import.meta.url).pathname;
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const SIZES = sizes.length ? sizes : [50000, 200000];
const QUERIES = 200;
const work = join(root, 'bench-search');
const env = { ...process.env };
delete env.CARGO_UNSTABLE_BUILD_STD;
execFileSync('cargo', ['build', '--release', '--quiet', '--bin', 'search-index', '--bin', 'demo-gen'], { cwd: root, env, stdio: 'inherit' });
const bin = (name) => join(root, 'target/release', name);

let seed = 20261201;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (list) => list[Math.floor(rand() * list.length)];
const br = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const words = (text) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

// Queries a reader would type for a story: its title's two rarest words, whole; the
// second cut short as it is typed; the first with a typo inside (not its first or last
// letter, as the older benchmark); and in capitals.
function queriesFor(stories, df) {
  const letters = [...new Set(stories.slice(0, 500).flatMap((s) => [...s.title.toLowerCase()]))].filter((c) => /\p{L}/u.test(c));
  const out = [];
  for (let i = 0; i < QUERIES; i++) {
    const s = pick(stories);
    const rare = [...new Set(words(s.title))].filter((w) => [...w].length >= 4).sort((a, b) => (df.get(a) || 0) - (df.get(b) || 0));
    if (rare.length < 2) { i--; continue; }
    const [a, b] = rare;
    const kind = ['word', 'prefix', 'typo', 'upper'][i % 4];
    let q;
    if (kind === 'word') q = `${a} ${b} `;
    else if (kind === 'upper') q = `${a.toUpperCase()} ${b.toUpperCase()} `;
    else if (kind === 'prefix') { const c = [...b]; q = `${a} ${c.slice(0, 3 + Math.floor(rand() * (c.length - 3))).join('')}`; }
    else {
      const c = [...a];
      const at = 1 + Math.floor(rand() * (c.length - 2));
      c[at] = pick(letters.filter((l) => l !== c[at]));
      q = `${c.join('')} ${b} `;
    }
    out.push({ kind, q, target: s.slug });
  }
  return out;
}

const pct = (list, p) => { const s = [...list].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const kb = (n) => (n / 1024).toFixed(1);
const rows = [];
for (const n of SIZES) {
  const api = join(work, `api-${n}`);
  const dist = join(work, `dist-${n}`);
  if (!existsSync(join(api, 'en/site.json'))) execFileSync(bin('demo-gen'), ['--articles', String(n), '--out', api, '--vocabulary'], { stdio: 'inherit' });
  mkdirSync(dist, { recursive: true });
  const t0 = Date.now();
  execFileSync(bin('search-index'), ['--dist', dist, '--api', api], { stdio: 'inherit' });
  const buildS = (Date.now() - t0) / 1000;
  for (const lang of ['en', 'ru', 'hy']) {
    const folder = join(dist, 'search', lang);
    const stories = readdirSync(join(folder, 's')).map((f) => JSON.parse(readFileSync(join(folder, 's', f), 'utf8')));
    const df = new Map();
    for (const f of readdirSync(join(folder, 'v'))) {
      for (const w of new Set(readFileSync(join(folder, 'v', f), 'utf8').split(/\s+/))) df.set(w, (df.get(w) || 0) + 1);
    }
    const queries = queriesFor(stories, df);
    const file = join(work, `queries-${lang}.txt`);
    writeFileSync(file, queries.map((q) => q.q).join('\n') + '\n');
    const answers = execFileSync(bin('search-index'), ['--dist', dist, '--lang', lang, '--queries', file], { encoding: 'utf8', maxBuffer: 1 << 28 })
      .split('\n').filter(Boolean).map((l) => JSON.parse(l));
    const sizeOf = new Map();
    const size = (name) => {
      if (!sizeOf.has(name)) sizeOf.set(name, br(readFileSync(join(folder, name))));
      return sizeOf.get(name);
    };
    const entry = size('entry.bin');
    const result = { n, lang, entry, files: readdirSync(folder).length, kinds: {} };
    queries.forEach((q, i) => {
      const a = answers[i];
      const bytes = a.rounds.flat().reduce((sum, name) => sum + size(name), 0);
      const k = (result.kinds[q.kind] ||= { hits: 0, count: 0, bytes: [], rounds: [], by: {} });
      for (const name of a.rounds.flat()) k.by[name[0]] = (k.by[name[0]] || 0) + size(name) / QUERIES * 4;
      k.count++;
      if (a.slugs.includes(q.target)) k.hits++;
      k.bytes.push(bytes);
      k.rounds.push(a.rounds.length);
    });
    rows.push(result);
    console.log(`${n}/edition ${lang}: ${stories.length} stories, index built in ${buildS.toFixed(0)} s (all editions)`);
  }
}

console.log(`\narchive search, natively, ${QUERIES} queries per edition (two rare title words: whole, last one typed, one typo, capitals); bytes are brotli (quality 11)`);
console.log('stories/edition | ed | entry KB | kind   | hits in top 10 | later query KB: median / p95 / max | first query KB (max) | rounds (max) | mean KB by file: postings p, word lists w, typo lists t, stories s, story words v');
for (const r of rows) {
  for (const [kind, k] of Object.entries(r.kinds)) {
    console.log(`${String(r.n).padStart(15)} | ${r.lang} | ${kb(r.entry).padStart(8)} | ${kind.padEnd(6)} | ${(100 * k.hits / k.count).toFixed(0).padStart(13)} % | ${kb(pct(k.bytes, 0.5)).padStart(6)} / ${kb(pct(k.bytes, 0.95)).padStart(6)} / ${kb(Math.max(...k.bytes)).padStart(6)} | ${kb(r.entry + Math.max(...k.bytes)).padStart(20)} | ${String(Math.max(...k.rounds)).padStart(12)} | ${Object.entries(k.by).sort().map(([f, b]) => `${f} ${kb(b)}`).join(', ')}`);
  }
}
