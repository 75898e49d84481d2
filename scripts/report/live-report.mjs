// A live story at a newsroom's size (issue #30), measured. Run after `trunk build --release`:
//   node scripts/report/live-report.mjs [POSTS] [RUNS]        default 2000 posts, 7 runs
//
// A copy of the build whose live story has POSTS posts (`demo-gen --live-posts`,
// pre-rendered again), then, side by side in one run:
// 1. first paint: Lighthouse (mobile preset) on the live page and on a static copy of it
//    (same HTML and CSS, no scripts), RUNS runs each, medians: the LCP ratio (floor 1.05),
//    CLS, TBT;
// 2. reading all of it: on a phone profile (CPU 4x slower), the reader scrolls to the
//    end until every post is in (older pages load as they near it), briskly (the floor)
//    and flinging (a figure): the longest
//    main-thread task and how many went over 50 ms (floor: none), the time it took, the
//    JS heap and the Wasm memory at the end; the same scroll through an ordinary story
//    and its section feed as the reference;
// 3. a look for new posts that brings nothing: its request and answer bytes (304 with
//    the build's `_headers`), beside the newest page's full size.
// Prints figures; exits 1 when a floor is missed. Timings are this machine's.
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { lighthouseSite } from './lighthouse-site.mjs';
import { startServer } from '../../tests/browser/static-server.mjs';

const root = new URL('../../', import.meta.url).pathname;
const dist = join(root, 'dist');
const posts = Number(process.argv[2] || 2000);
// Lighthouse's simulated LCP moves in steps of a round trip (150 ms) from run to run: 7 runs.
const runs = Number(process.argv[3] || 7);
// The demo's live story leads its front page.
const lead = JSON.parse(readFileSync(join(dist, 'api/en/front.json'), 'utf8')).top[0];
const LIVE = `${lead.section.slug}/${lead.slug}`;
const LATEST = `api/en/live/${lead.slug}/latest.json`;
const ORDINARY = 'world/residents-debate-7';
let failed = false;

// --- the copy --------------------------------------------------------------------------
const env = { ...process.env };
delete env.CARGO_UNSTABLE_BUILD_STD;
const r = spawnSync('cargo', ['build', '--quiet', '-p', 'newsfront-publish', '--bin', 'prerender', '--bin', 'demo-gen'], { cwd: root, env, encoding: 'utf8' });
if (r.status !== 0) throw new Error(r.stderr);
const bin = (name) => join(root, 'target', 'debug', name);
const work = mkdtempSync(join(tmpdir(), 'newsfront-live-report-'));
const site = join(work, 'site');
execFileSync('cp', ['-al', dist, site]);
rmSync(join(site, 'api'), { recursive: true });
execFileSync(bin('demo-gen'), ['--out', join(site, 'api'), '--live-posts', String(posts)]);
execFileSync('cp', ['-al', join(dist, 'api', 'img'), join(site, 'api', 'img')]);
execFileSync(bin('prerender'), ['--dist', site], { encoding: 'utf8' });
const latestBytes = readFileSync(join(site, LATEST));
console.log(`A live story of ${posts} posts; its newest page ${(latestBytes.length / 1024).toFixed(1)} KB raw, ` +
  `${(brotliCompressSync(latestBytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }).length / 1024).toFixed(1)} KB brotli`);

// --- 1. first paint --------------------------------------------------------------------
const page = readFileSync(join(site, LIVE, 'index.html'), 'utf8');
const STATIC = 'static-live.html';
writeFileSync(join(site, STATIC), page.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '').replace(/<link rel="(modulepreload|preload)"[^>]*>/g, ''));
const lh = await lighthouseSite(site);
const samples = { live: [], static: [] };
for (let i = 0; i < runs; i++) {
  for (const [name, path] of [['live', LIVE], ['static', STATIC]]) {
    const { lhr } = await lighthouse(`${lh.base}${path}`, { port: lh.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    const a = lhr.audits;
    samples[name].push({ lcp: a['largest-contentful-paint'].numericValue, cls: a['cumulative-layout-shift'].numericValue, tbt: a['total-blocking-time'].numericValue });
  }
}
await lh.close();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const m = (name, key) => median(samples[name].map((s) => s[key]));
console.log('\n1. First paint (Lighthouse mobile, medians of %d)', runs);
console.log('page                 LCP ms   CLS    TBT ms');
for (const name of ['live', 'static']) {
  console.log(`${name.padEnd(20)} ${m(name, 'lcp').toFixed(0).padStart(6)}   ${m(name, 'cls').toFixed(2)}   ${m(name, 'tbt').toFixed(0).padStart(5)}`);
}
const ratio = m('live', 'lcp') / m('static', 'lcp');
console.log(`LCP ratio ${ratio.toFixed(3)} (floor 1.05)`);
if (ratio > 1.05 || m('live', 'cls') > 0) failed = true;

// --- 2. reading all of it ----------------------------------------------------------------
const server = await startServer({ root: site, headers: true, compress: true });
const origin = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });

async function scrollThrough(path, done, step) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await tab.addInitScript(() => {
    window.__tasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__tasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await tab.goto(origin + path);
  // The app starts on intent (a live story's page also by itself, a few seconds after
  // it has loaded): a key press that focuses a link.
  await tab.keyboard.press('Tab');
  await tab.waitForFunction(() => document.documentElement.hasAttribute('data-app'), null, { timeout: 30000 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await tab.evaluate(() => (window.__tasks = []));
  const started = Date.now();
  // Until done, or the page has not moved for 10 s (at its end, nothing more coming).
  for (let i = 0, still = 0, at = -1; i < 20000 && still < 100 && !(await tab.evaluate(done)); i++) {
    const y = await tab.evaluate((s) => (window.scrollBy(0, s), window.scrollY), step);
    still = y === at ? still + 1 : 0;
    at = y;
    await tab.waitForTimeout(100);
  }
  const seconds = (Date.now() - started) / 1000;
  const figures = await tab.evaluate(() => ({
    tasks: window.__tasks,
    heap: performance.memory?.usedJSHeapSize || 0,
    posts: document.querySelectorAll('#live-posts li.live-post').length,
    cards: document.querySelectorAll('.section-feed article').length,
  }));
  const { metrics } = await cdp.send('Performance.getMetrics').catch(() => ({ metrics: [] }));
  await context.close();
  return { ...figures, seconds, metrics };
}
const target = posts;
console.log('\n2. Reading all of it (phone, CPU 4x)');
console.log('page                          items   time s   longest task ms   tasks > 50 ms   JS heap MB');
const row = (name, f, n) => {
  const longest = Math.max(0, ...f.tasks);
  const over = f.tasks.filter((t) => t > 50).length;
  console.log(`${name.padEnd(29)} ${String(n).padStart(5)}   ${f.seconds.toFixed(1).padStart(6)}   ${longest.toFixed(0).padStart(15)}   ${String(over).padStart(13)}   ${(f.heap / 1048576).toFixed(1).padStart(10)}`);
};
// A reader scrolling briskly (400 px each 100 ms, half a phone screen), the floor's case;
// then flinging (1,600 px each 100 ms: two screens at once, each drawn in one frame).
const live = await scrollThrough(LIVE, `() => document.querySelectorAll('#live-posts li.live-post').length >= ${target}`, 400);
row(`live story (${posts} posts)`, live, live.posts);
const fling = await scrollThrough(LIVE, `() => document.querySelectorAll('#live-posts li.live-post').length >= ${target}`, 1600);
row('  the same, flung', fling, fling.posts);
// Its section's feed under it loads once near and then offers a button: the end is the page's.
const ordinary = await scrollThrough(ORDINARY, `() => document.querySelectorAll('.section-feed article').length > 0 && window.scrollY + innerHeight >= document.documentElement.scrollHeight - 10`, 400);
row('ordinary story + feed', ordinary, ordinary.cards);
if (live.posts < target || live.tasks.some((t) => t > 50)) failed = true;

// --- 3. a look that brings nothing --------------------------------------------------------
{
  const context = await browser.newContext();
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Network.enable');
  const sizes = [];
  const urls = new Map();
  cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, [e.response.url, e.response.status]));
  cdp.on('Network.loadingFinished', (e) => {
    const [url, status] = urls.get(e.requestId) || [];
    if (url?.endsWith(LATEST)) sizes.push({ status, bytes: e.encodedDataLength });
  });
  await tab.goto(origin + LIVE);
  await tab.mouse.move(300, 300);
  await tab.waitForFunction(() => document.documentElement.hasAttribute('data-app'), null, { timeout: 30000 });
  for (let i = 0; i < 2; i++) {
    await tab.evaluate(() => document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));
    await tab.waitForTimeout(1000);
  }
  await context.close();
  console.log('\n3. Looks for new posts (the page came with the newest posts, so each look is a revalidation)');
  for (const s of sizes) console.log(`  status ${s.status}, ${s.bytes} bytes on the wire`);
  console.log(`  the newest page itself: ${latestBytes.length} bytes raw`);
}

await browser.close();
server.close();
rmSync(work, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
