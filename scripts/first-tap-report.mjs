// First-tap report (issue #29): on a phone profile (Lighthouse's mobile throttling:
// 562.5 ms round trip, 1.47 Mbps down, CPU 4x slower; pages compressed as a CDN serves
// them), a pre-rendered article is opened and, from its first paint, one control is tapped
// every 300 ms until a tap takes effect. Printed per control: when the first working tap
// came after the first paint, and how many taps were lost before it; side by side in
// one run with the page as it was before issue #29 (the page's own script standing down
// from the start, so only the app's handlers act: `<html data-app>` set before it runs).
// A report, not a test: timings on this machine are noisy.
// Usage: node scripts/first-tap-report.mjs [RUNS] [dist]
import { chromium } from 'playwright-core';
import { startServer } from '../tests/browser/static-server.mjs';

const runs = Number(process.argv[2] || 1);
const dist = process.argv[3] || 'dist';
const STORY = 'world/council-plan-1';
const EVERY_MS = 300;
const GIVE_UP_MS = 15000;

// Each control: what to tap, and whether the tap has taken effect.
const CONTROLS = {
  'A+': ['.text-size button.larger', () => document.documentElement.getAttribute('data-text-step') === '2'],
  'night theme': ['button.theme-toggle', () => document.documentElement.getAttribute('data-theme') === 'dark'],
  'copy link': ['button.copy-link', () => !!document.querySelector('.share [role=status]')?.textContent || !!document.querySelector('.share .fallback')],
  search: ['button.search-open', () => !!document.querySelector('.search-dialog')?.open],
  'edition switch': ['.editions a[hreflang=ru]', () => false],
};

const server = await startServer({ root: dist, compress: true });
const origin = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });

async function measure(name, before) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 562.5, downloadThroughput: (1.4746 * 1024 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript((before) => {
    if (before) document.documentElement.setAttribute('data-app', '');
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') window.__fcp = e.startTime;
    }).observe({ type: 'paint', buffered: true });
  }, before);
  const [selector, worked] = CONTROLS[name];
  let navigated = null;
  page.on('request', (r) => {
    if (r.isNavigationRequest() && r.url().includes('/ru/') && navigated === null) navigated = r;
  });
  page.goto(`${origin}${STORY}`).catch(() => {});
  await page.waitForFunction(() => window.__fcp !== undefined, null, { timeout: 60000, polling: 20 });
  const fcp = await page.evaluate(() => window.__fcp);
  const target = page.locator(selector).first();
  await target.scrollIntoViewIfNeeded();
  let taps = 0;
  let at = null;
  const start = Date.now();
  while (Date.now() - start < GIVE_UP_MS) {
    const box = await target.boundingBox();
    if (box) {
      const t = await page.evaluate(() => performance.now()).catch(() => null);
      taps++;
      await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2).catch(() => {});
      await new Promise((r) => setTimeout(r, EVERY_MS));
      const done = navigated !== null || (await page.evaluate(worked).catch(() => false));
      if (done) {
        at = t === null ? null : t - fcp;
        break;
      }
    } else {
      await new Promise((r) => setTimeout(r, EVERY_MS));
    }
  }
  await context.close();
  return { at, lost: at === null ? taps : taps - 1 };
}

const fmt = (r) => (r.at === null ? `none in ${GIVE_UP_MS / 1000} s` : `${(r.at / 1000).toFixed(2)} s, ${r.lost} lost`);
console.log(`first working tap after the first paint (phone profile, a tap every ${EVERY_MS} ms), ${runs} run(s)`);
console.log('control'.padEnd(16), 'now'.padEnd(24), 'before #29 (app only)');
for (const name of Object.keys(CONTROLS)) {
  for (let i = 0; i < runs; i++) {
    const now = await measure(name, false);
    const before = await measure(name, true);
    console.log(name.padEnd(16), fmt(now).padEnd(24), fmt(before));
  }
}
await browser.close();
server.close();
