// First-tap report (issue #29). On a phone profile (Lighthouse's mobile throttling through
// DevTools: 562.5 ms round trip, 1.47 Mbps down, CPU 4x slower; a 412 px touch screen;
// pages compressed as a CDN serves them), a pre-rendered article is opened in a fresh
// profile and, side by side in one run, for this build and for another (the build before
// #29, given as a second dist):
// 1. each control is tapped every 300 ms from the first paint until a tap takes effect:
//    when the first working tap came after the first paint, and how many were lost;
// 2. a related story's link is tapped at the first paint: the time until that story's
//    headline is on screen (also for a plain static copy of both pages, scripts taken
//    out, the floor's reference), and once the app has taken over (client-side);
// 3. A+ at the first paint and once the app has taken over: its interaction to next
//    paint (Event Timing);
// 4. what a reader who only reads the story pays: the bytes fetched in the 20 s after
//    the page was opened without a touch, by kind.
// A report, not a test: timings on this machine are noisy; run it more than once.
// Usage (after `trunk build --release`):
//   node scripts/report/first-tap-report.mjs [BEFORE_DIST] [RUNS] [SECTIONS, e.g. 2,3]
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { startServer } from '../../tests/browser/static-server.mjs';

const before = process.argv[2];
const runs = Number(process.argv[3] || 1);
const sections = (process.argv[4] || '1,2,3,4').split(',').map(Number);
const STORY = 'world/council-plan-1';
const NEXT = 'world/residents-debate-7';
const EVERY_MS = 300;
const GIVE_UP_MS = 15000;
const nextHeadline = readFileSync(`dist/${NEXT}/index.html`, 'utf8').match(/<h1[^>]*>([^<]*)</)[1];

// Each control: what to tap, and whether the tap has taken effect.
const CONTROLS = {
  'A+': ['.text-size button.larger', () => document.documentElement.getAttribute('data-text-step') === '2'],
  'night theme': ['button.theme-toggle', () => document.documentElement.getAttribute('data-theme') === 'dark'],
  'copy link': ['button.copy-link', () => !!document.querySelector('.share [role=status]')?.textContent || !!document.querySelector('.share input')],
  // By its role: before #29 the button had no class of its own.
  search: ['header button[aria-haspopup=dialog]', () => !!document.querySelector('dialog[open] input')],
  // A link's effect is the load of the page it leads to (`navigated` below).
  'edition switch': ['.editions a[hreflang=ru]', () => false],
};

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
const sites = { now: await startServer({ root: 'dist', spa: true, compress: true }) };
if (before) sites.before = await startServer({ root: before, spa: true, compress: true });
const origin = (site) => `http://127.0.0.1:${sites[site].address().port}/`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// A fresh phone: empty cache and storage, throttled as Lighthouse's mobile preset.
async function phone(site, { plain = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: origin(site) });
  if (plain) {
    // The static reference: every page without its scripts.
    await context.route('**/*', async (route) => {
      if (route.request().resourceType() !== 'document') return route.continue();
      const response = await route.fetch();
      const body = (await response.text()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');
      await route.fulfill({ response, body });
    });
  }
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 562.5, downloadThroughput: (1474.56 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(() => {
    window.__events = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.interactionId) {
          window.__events.push({ duration: e.duration, delay: e.processingStart - e.startTime, handlers: e.processingEnd - e.processingStart });
        }
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  });
  return { context, page, cdp };
}

// Opens the story and waits for its first paint; returns it (ms since the page's start).
async function open(page, site) {
  await page.goto(`${origin(site)}${STORY}`, { waitUntil: 'commit', timeout: 60000 });
  for (;;) {
    const fcp = await page
      .evaluate(() => performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')?.startTime)
      .catch(() => undefined);
    if (fcp !== undefined) return fcp;
    await sleep(25);
  }
}

async function tap(page, selector) {
  await page.locator(selector).first().scrollIntoViewIfNeeded({ timeout: 5000 }).catch(() => {});
  const box = await page.locator(selector).first().boundingBox().catch(() => null);
  if (!box) return false;
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2).catch(() => {});
  return true;
}

// The first tap that works: when it was made and when its effect showed, after the
// first paint, and how many taps before it were lost.
async function firstTap(site, name) {
  const { context, page } = await phone(site);
  const [selector, worked] = CONTROLS[name];
  let navigated = false;
  page.on('request', (r) => (navigated ||= r.isNavigationRequest() && r.url().includes('/ru/')));
  const fcp = await open(page, site);
  let taps = 0;
  let result = null;
  const start = Date.now();
  while (result === null && Date.now() - start < GIVE_UP_MS) {
    const at = await page.evaluate(() => performance.now()).catch(() => null);
    if (await tap(page, selector)) taps++;
    const until = Date.now() + EVERY_MS;
    while (result === null && Date.now() < until) {
      if (navigated || (await page.evaluate(worked).catch(() => false))) {
        const seen = navigated ? null : await page.evaluate(() => performance.now()).catch(() => null);
        result = { at: at - fcp, seen: seen === null ? null : seen - fcp };
      } else await sleep(20);
    }
  }
  await context.close();
  if (result === null) return `none in ${GIVE_UP_MS / 1000} s`;
  const s = (ms) => (ms / 1000).toFixed(2);
  return `tap ${s(result.at)} s, ${result.seen === null ? 'page load began' : `seen ${s(result.seen)} s`}, ${taps - 1} lost`;
}

// Milliseconds from a tap on the related story's link until its headline is shown.
async function linkTap(site, { plain = false, app = false } = {}) {
  const { context, page } = await phone(site, { plain });
  await open(page, site);
  // Pre-rendered links are relative to <base>, the app's absolute.
  const link = `a[href$="${NEXT}"]`;
  if (app) {
    // Intent: keyboard focus on the link (a phone has no hover), then the take-over.
    await page.keyboard.press('Tab');
    await page.locator(link).first().focus();
    await page.waitForSelector('html[data-app]', { timeout: 60000 });
    await sleep(1000);
  }
  const start = Date.now();
  await tap(page, link);
  for (;;) {
    const shown = await page
      .evaluate((h) => [...document.querySelectorAll('h1')].some((e) => e.textContent.trim() === h && e.getBoundingClientRect().height > 0), nextHeadline)
      .catch(() => false);
    if (shown) break;
    if (Date.now() - start > 60000) return NaN;
    await sleep(20);
  }
  const ms = Date.now() - start;
  await context.close();
  return ms;
}

// A+: the longest event of its interaction (Event Timing; below 16 ms is not recorded),
// by the page's own script (at the first paint) or by the app (once it has taken over).
async function inp(site, app) {
  const { context, page } = await phone(site);
  await open(page, site);
  if (app) {
    await page.locator('.editions a').first().focus();
    await page.waitForSelector('html[data-app]', { timeout: 60000 });
    await sleep(2000);
  }
  await page.evaluate(() => (window.__events = []));
  await tap(page, '.text-size button.larger');
  await sleep(1500);
  const longest = await page.evaluate(() => window.__events.sort((a, b) => b.duration - a.duration)[0]);
  await context.close();
  if (!longest) return '< 16 ms';
  const { duration, delay, handlers } = longest;
  // What is neither input delay nor handlers is style, layout and paint.
  return `${Math.round(duration)} ms (delay ${Math.round(delay)}, handlers ${Math.round(handlers)}, render ${Math.round(duration - delay - handlers)})`;
}

// Bytes fetched by a reader who opens the story and only reads it.
async function readerBytes(site) {
  const { context, page, cdp } = await phone(site);
  const kinds = {};
  const types = new Map();
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
  cdp.on('Network.loadingFinished', (e) => {
    const kind = { Document: 'html', Script: 'script', Stylesheet: 'css', Image: 'images', Fetch: 'data', XHR: 'data' }[types.get(e.requestId)] || 'other';
    kinds[kind] = (kinds[kind] || 0) + e.encodedDataLength;
  });
  await open(page, site);
  await sleep(20000);
  await context.close();
  const total = Object.values(kinds).reduce((a, b) => a + b, 0);
  const kb = (n) => (n / 1024).toFixed(1);
  return `${kb(total)} KB (${Object.entries(kinds).map(([k, v]) => `${k} ${kb(v)}`).join(', ')})`;
}

const columns = Object.keys(sites);
// One column after the other: the two pages never share this machine's two cores.
const each = async (f) => {
  const out = [];
  for (const s of columns) out.push(await f(s));
  return out;
};
const row = (label, values) => console.log(label.padEnd(30), ...values.map((v) => String(v).padEnd(34)));
console.log(`phone profile; ${runs} run(s); columns: ${columns.join(', ')}`);
if (sections.includes(1)) console.log(`\n1. first working tap after the first paint (a tap every ${EVERY_MS} ms)`);
for (const name of sections.includes(1) ? Object.keys(CONTROLS) : []) {
  for (let i = 0; i < runs; i++) row(name, await each((s) => firstTap(s, name)));
}
if (sections.includes(2)) console.log('\n2. tap on a related story at the first paint: ms until its headline is shown');
for (let i = 0; i < (sections.includes(2) ? runs : 0); i++) {
  row('before the app', await each((s) => linkTap(s)));
  row('plain static copy', [await linkTap('now', { plain: true })]);
  row('after the take-over', await each((s) => linkTap(s, { app: true })));
}
if (sections.includes(3)) console.log('\n3. A+: interaction to next paint');
for (let i = 0; i < (sections.includes(3) ? runs : 0); i++) {
  row('at the first paint', await each((s) => inp(s, false)));
  row('after the take-over', await each((s) => inp(s, true)));
}
if (sections.includes(4)) console.log('\n4. a reader who only reads the story: bytes in 20 s');
for (let i = 0; i < (sections.includes(4) ? runs : 0); i++) row('fetched', await each((s) => readerBytes(s)));
await browser.close();
for (const s of Object.values(sites)) s.close();
