// What reading offline costs a reader's device (issue #31; crates/publish/src/sw.js):
// after reading N stories (default 100) in Chromium with the service worker, what the
// browser stores (bytes, as it reports them, and entries per cache), and how long a
// kept story takes to show offline beside the same story online, in the same run.
// After `trunk build --release`:
//   node scripts/report/offline-report.mjs [N]
import { readdirSync } from 'node:fs';
import { DIST, launch } from '../../tests/browser/harness.mjs';
import { startServer } from '../../tests/browser/static-server.mjs';

const n = Number(process.argv[2] || 100);
const stories = readdirSync(`${DIST}api/en/articles`)
  .map((f) => f.replace(/\.json$/, ''))
  .sort();
const server = await startServer({ root: DIST });
const url = `http://127.0.0.1:${server.address().port}/`;
const context = await launch({ serviceWorkers: 'allow', viewport: { width: 390, height: 844 }, deviceScaleFactor: 3 });
const page = await context.newPage();
await page.goto(url, { waitUntil: 'load' });
await page.evaluate(() => navigator.serviceWorker.ready);

// A story's address: its section is in its document.
const addresses = [];
for (const slug of stories.slice(0, n)) {
  const doc = await (await fetch(`${url}api/en/articles/${slug}.json`)).json();
  addresses.push(`${url}${doc.section.slug}/${slug}`);
}
// Time to the page's first contentful paint, and its document's response.
const timed = async (address) => {
  await page.goto(address, { waitUntil: 'load' });
  return page.evaluate(async () => {
    const nav = performance.getEntriesByType('navigation')[0];
    const fcp = await new Promise((resolve) => {
      new PerformanceObserver((list, observer) => {
        const paint = list.getEntries().find((e) => e.name == 'first-contentful-paint');
        if (paint) observer.disconnect(), resolve(paint.startTime);
      }).observe({ type: 'paint', buffered: true });
      setTimeout(() => resolve(NaN), 3000);
    });
    return { response: nav.responseEnd, fcp };
  });
};
const online = [];
for (const address of addresses) online.push(await timed(address));
await page.waitForTimeout(1000);
const stored = await page.evaluate(async () => {
  const { usage } = await navigator.storage.estimate();
  const caches_ = {};
  for (const name of await caches.keys()) caches_[name] = (await (await caches.open(name)).keys()).length;
  return { usage, caches: caches_ };
});
await context.setOffline(true);
const kept = addresses.slice(-Math.min(50, n)).slice(0, 20);
const offline = [];
for (const address of kept) offline.push(await timed(address));
await context.close();
server.close();

const median = (xs) => {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};
const sameOnline = online.slice(-Math.min(50, n)).slice(0, 20);
console.log(`after reading ${n} stories (a 390-px phone at 3x):`);
console.log(`  stored: ${(stored.usage / 1e6).toFixed(1)} MB (navigator.storage.estimate)`);
for (const [name, entries] of Object.entries(stored.caches)) console.log(`  ${name}: ${entries} entries`);
console.log(`time to show a kept story, median of ${kept.length}       document  first paint`);
console.log(`  offline, from the worker's copy              ${median(offline.map((t) => t.response)).toFixed(0).padStart(5)} ms ${median(offline.map((t) => t.fcp)).toFixed(0).padStart(8)} ms`);
console.log(`  online, the same stories (network first)     ${median(sameOnline.map((t) => t.response)).toFixed(0).padStart(5)} ms ${median(sameOnline.map((t) => t.fcp)).toFixed(0).padStart(8)} ms`);
