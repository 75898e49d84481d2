// Publishing at a newsroom's scale: generates an archive with the project's generator,
// builds it clean, then publishes one story, corrects one and takes one down, each
// followed by the pre-render step run again on the built site, and prints the figures
// side by side with the clean build's. A report, not a test (timings on these machines
// are noisy); crates/publish/tests/publish.rs checks that publishing equals a clean build.
//
//   node scripts/bench/publish-bench.mjs                 20,000 and 200,000 stories per edition
//   node scripts/bench/publish-bench.mjs 2000            one quicker size
//
// Needs a built site (`trunk build --release`) for its shell page. Writes below
// bench-publish/: at 200,000 per edition about 67 GB (the JSON 30 GB, the 600,021 pages
// about 37 GB; measured 2026-12-05, when a run ran out of a disk with 67 GB free).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const SIZES = sizes.length ? sizes : [20000, 200000];
const work = join(root, 'bench-publish');
if (!existsSync(join(root, 'dist/404.html'))) throw new Error('build the site first: trunk build --release');

const env = { ...process.env };
delete env.CARGO_UNSTABLE_BUILD_STD;
execFileSync('cargo', ['build', '--release', '--quiet', '-p', 'newsfront-publish', '--bin', 'prerender', '--bin', 'demo-gen'], { cwd: root, env, stdio: 'inherit' });
const bin = (name) => join(root, 'target/release', name);

function prerender(dist, api, label) {
  const changes = join(work, `changes-${label}.txt`);
  const t0 = process.hrtime.bigint();
  const r = spawnSync(bin('prerender'), ['--dist', dist, '--api', api, '--changes', changes, '--origin', 'https://news.example'], { encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${label}: ${r.stderr}`);
  const out = r.stdout;
  const num = (re) => Number((out.match(re) || [])[1] || 0);
  const list = readFileSync(changes, 'utf8').split('\n').filter(Boolean);
  return {
    seconds,
    pages: num(/(\d+) pages \(/),
    rendered: num(/, (\d+) rendered/),
    read: num(/(\d+) documents read/),
    feedsRead: num(/(\d+) later feed pages read/),
    memory: num(/peak memory (\d+) MB/),
    sitemaps: num(/(\d+) sitemap files/),
    sitemapMax: num(/at most (\d+) URLs/),
    written: list.filter((l) => l.startsWith('+ ')).map((l) => l.slice(2)),
    removed: list.filter((l) => l.startsWith('- ')).map((l) => l.slice(2)),
  };
}

const readJson = (api, p) => JSON.parse(readFileSync(join(api, p), 'utf8'));
const writeJson = (api, p, v) => writeFileSync(join(api, p), JSON.stringify(v));
function listings(api, lang) {
  const out = [`${lang}/front.json`];
  for (const s of readJson(api, `${lang}/site.json`).sections) {
    for (let n = 1; existsSync(join(api, `${lang}/sections/${s.slug}/${n}.json`)); n++) out.push(`${lang}/sections/${s.slug}/${n}.json`);
  }
  return out;
}
function eachList(doc, f) {
  if (Array.isArray(doc.items)) doc.items = f(doc.items);
  if (Array.isArray(doc.top)) doc.top = f(doc.top);
  for (const s of doc.sections || []) if (Array.isArray(s.items)) s.items = f(s.items);
}
function relist(api, lang, slug, f) {
  // Only the listings that hold the story change, as a newsroom's export would write.
  for (const p of listings(api, lang)) {
    const doc = readJson(api, p);
    const before = JSON.stringify(doc);
    eachList(doc, (items) => f(items.filter(Boolean)));
    if (JSON.stringify(doc) !== before) writeJson(api, p, doc);
  }
}

const rows = [];
for (const n of SIZES) {
  const api = join(work, `api-${n}`);
  const dist = join(work, `dist-${n}`);
  rmSync(dist, { recursive: true, force: true });
  if (!existsSync(join(api, 'en/site.json'))) {
    mkdirSync(api, { recursive: true });
    execFileSync(bin('demo-gen'), ['--articles', String(n), '--out', api], { stdio: 'inherit' });
    // An archive's files are old: the step trusts the stamps of files untouched since
    // well before its last run (newer ones it reads again, see crates/publish/src/state.rs).
    execFileSync('find', [api, '-type', 'f', '-exec', 'touch', '-d', '1 hour ago', '{}', '+']);
  }
  mkdirSync(dist, { recursive: true });
  for (const f of ['404.html', 'robots.txt', 'widget.js']) cpSync(join(root, 'dist', f), join(dist, f));
  const clean = prerender(dist, api, `clean-${n}`);
  rows.push([`${n}/edition: clean full build`, clean, '']);
  const again = prerender(dist, api, `again-${n}`);
  rows.push([`${n}/edition: run again, nothing changed`, again, '']);

  const lang = 'en';
  const slugs = readdirSync(join(api, `${lang}/articles`)).map((f) => f.replace(/\.json$/, '')).sort();
  // Publish: a new story on top of its section and the front page.
  const story = readJson(api, `${lang}/articles/${slugs[0]}.json`);
  Object.assign(story, { slug: `breaking-${Date.now()}`, title: 'A story just published', published_at: new Date().toISOString(), translations: [] });
  writeJson(api, `${lang}/articles/${story.slug}.json`, story);
  const summary = { slug: story.slug, title: story.title, section: story.section, published_at: story.published_at };
  const first = `${lang}/sections/${story.section.slug}/1.json`;
  const page = readJson(api, first); page.items.unshift(summary); writeJson(api, first, page);
  const front = readJson(api, `${lang}/front.json`); front.top.unshift(summary); writeJson(api, `${lang}/front.json`, front);
  const published = prerender(dist, api, `publish-${n}`);
  rows.push([`${n}/edition: publish one story`, published, `expected: the story and its card, its section and headlines box, the front page`]);

  // Correct: a story's title, in the story and where it is listed.
  const fix = slugs[Math.floor(slugs.length / 2)];
  const a = readJson(api, `${lang}/articles/${fix}.json`);
  a.title = `Corrected: ${a.title}`; a.updated_at = new Date().toISOString();
  writeJson(api, `${lang}/articles/${fix}.json`, a);
  relist(api, lang, fix, (items) => items.map((i) => (i.slug === fix ? { ...i, title: a.title } : i)));
  const corrected = prerender(dist, api, `correct-${n}`);
  rows.push([`${n}/edition: correct one story`, corrected, 'expected: the story and its card (and a listing page that shows it)']);

  // Take down: the story's file and its listings.
  const gone = slugs[1];
  rmSync(join(api, `${lang}/articles/${gone}.json`));
  relist(api, lang, gone, (items) => items.filter((i) => i.slug !== gone));
  const down = prerender(dist, api, `takedown-${n}`);
  rows.push([`${n}/edition: take one story down`, down, 'expected: the story and its card removed (and a listing page that showed it)']);

  // A live story's new post (issue #30), as `scripts/serve.sh` publishes them: one in each
  // edition's live story.
  execFileSync(bin('demo-gen'), ['--live-update', '--step', '1', '--out', api]);
  const post = prerender(dist, api, `live-post-${n}`);
  rows.push([`${n}/edition: a live story's new post`, post, 'expected: each edition\'s live story, its card and its older pages']);
}

const pad = (s, w) => String(s).padEnd(w);
const lpad = (s, w) => String(s).padStart(w);
console.log(`\n${pad('run', 44)}${lpad('seconds', 9)}${lpad('pages', 9)}${lpad('pages/s', 9)}${lpad('rendered', 10)}${lpad('read', 8)}${lpad('feeds read', 12)}${lpad('peak MB', 9)}${lpad('written', 9)}${lpad('removed', 9)}  sitemaps`);
for (const [label, r, note] of rows) {
  const perS = r.rendered ? Math.round(r.rendered / r.seconds) : '-';
  const pagesWritten = r.written.filter((p) => p.endsWith('index.html'));
  console.log(`${pad(label, 44)}${lpad(r.seconds.toFixed(2), 9)}${lpad(r.pages, 9)}${lpad(perS, 9)}${lpad(r.rendered, 10)}${lpad(r.read, 8)}${lpad(r.feedsRead, 12)}${lpad(r.memory, 9)}${lpad(r.written.length, 9)}${lpad(r.removed.length, 9)}  ${r.sitemaps} files, largest ${r.sitemapMax} URLs`);
  if (note) console.log(`${pad('', 4)}pages written: ${pagesWritten.join(', ') || 'none'}; removed: ${r.removed.filter((p) => p.endsWith('index.html')).join(', ') || 'none'} (${note})`);
}
