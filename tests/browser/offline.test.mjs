// Reading on a bad network (issue #31; crates/publish/src/sw.js): stories the reader
// opened open again offline with their text and lead photo, search says it needs the
// network, a page never opened shows the edition's offline page listing them, with a
// network that hangs a saved story shows from its copy within 4 s, and every edition
// installs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, launch, watchedPage } from './harness.mjs';
import { startServer } from './static-server.mjs';

const STORIES = ['world/council-plan-1', 'ru/world/council-plan-1-ru', 'arm/world/council-plan-1-hy'];

let context;
let url;
// While set, the server takes requests and never answers them (until `letGo` drops them).
let hang = false;
const hung = [];
const letGo = () => {
  hang = false;
  for (const res of hung.splice(0)) res.destroy();
};

before(async () => {
  context = await launch({ serviceWorkers: 'allow' });
  const server = await startServer({ root: DIST });
  const answer = server.listeners('request');
  server.removeAllListeners('request');
  server.on('request', (req, res) => (hang ? hung.push(res) : answer.forEach((l) => l.call(server, req, res))));
  url = `http://127.0.0.1:${server.address().port}/`;
  context.server = server;
});

after(async () => {
  await context.close();
  context.server.closeAllConnections();
  context.server.close();
});

/// What the page shows: its h1, whether its first photo has loaded, the worker's note.
const shown = (page) =>
  page.evaluate(() => {
    const img = document.querySelector('main img');
    return {
      h1: document.querySelector('main h1')?.textContent.trim(),
      photo: !!img && img.complete && img.naturalWidth > 0,
      note: document.querySelector('.saved-note')?.textContent || '',
    };
  });

const kept = (page) =>
  page.evaluate(async () => (await (await caches.open('newsfront-records')).keys()).length);

test('stories opened online open offline with text and photo; one never opened shows the offline page', async () => {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(url + STORIES[0]);
  await page.evaluate(() => navigator.serviceWorker.ready);
  const online = {};
  for (const story of STORIES) {
    await page.goto(url + story, { waitUntil: 'load' });
    online[story] = await shown(page);
    assert.ok(online[story].photo, `${story}: its photo online`);
  }
  for (let i = 0; i < 50 && (await kept(page)) < STORIES.length; i++) await page.waitForTimeout(100);
  assert.equal(await kept(page), STORIES.length, 'each story kept once');

  await context.setOffline(true);
  try {
    await readOffline(page, online);
  } finally {
    await context.setOffline(false);
  }
  assert.deepEqual(problems, []);
  await page.close();
});

async function readOffline(page, online) {
  for (const story of [...STORIES].reverse()) {
    await page.goto(url + story, { waitUntil: 'load' });
    const offline = await shown(page);
    assert.equal(offline.h1, online[story].h1, `${story}: its text`);
    assert.ok(offline.photo, `${story}: its lead photo`);
    assert.ok(offline.note.length > 0, `${story}: says it is a saved copy`);
  }
  // Search needs the network, and says so (the app starts from the kept files).
  await page.click('header button[aria-haspopup=dialog]');
  await page.waitForSelector('dialog[open]');
  await page.keyboard.type('council');
  await page.waitForSelector('dialog[open] button:has-text("Retry")', { timeout: 15000 });
  assert.match(await page.textContent('dialog[open]'), /connection/);
  await page.goto(url + 'world/never-opened-story', { waitUntil: 'load' });
  await page.waitForSelector('.saved-stories a');
  const list = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    h1: document.querySelector('main h1').textContent,
    links: [...document.querySelectorAll('.saved-stories a')].map((a) => [a.textContent, a.href]),
  }));
  assert.equal(list.lang, 'en');
  assert.equal(list.h1, 'You are offline');
  assert.deepEqual(
    list.links.map(([, href]) => href).sort(),
    STORIES.map((s) => url + s).sort(),
  );
  for (const [title] of list.links) assert.ok(title.length > 0);
  // From the list, a saved story opens.
  await Promise.all([page.waitForNavigation(), page.click('.saved-stories a')]);
  assert.equal((await shown(page)).h1, list.links[0][0]);
  await page.goto(url + 'ru/world/never-opened-ru', { waitUntil: 'load' });
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ru', 'the edition\'s own offline page');
}

test('with the network hanging, a story opened before shows from its copy within 4 s, one never opened the offline page', async () => {
  const page = await context.newPage();
  await page.goto(url + STORIES[0], { waitUntil: 'load' });
  await page.evaluate(() => navigator.serviceWorker.ready);
  hang = true;
  const started = Date.now();
  try {
    await page.goto(url + STORIES[0], { waitUntil: 'domcontentloaded', timeout: 10000 });
    const took = Date.now() - started;
    const now = await shown(page);
    assert.ok(now.h1 && now.note, 'the saved copy, with its note');
    assert.ok(took < 4000, `shown after ${took} ms`);
    // A page never kept: the network is waited for a while, then the offline page.
    await page.goto(url + 'world/never-opened-story', { waitUntil: 'domcontentloaded', timeout: 20000 });
    assert.equal(await page.textContent('main h1'), 'You are offline');
  } finally {
    // The requests held would hold the browser's connections to the site.
    letGo();
  }
  await page.close();
});

test('every edition installs: its manifest as Chromium reads it, its icons, no installability error', async () => {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  for (const [path, lang, start] of [['', 'en', ''], ['ru/economy', 'ru', 'ru/'], ['arm/world/council-plan-1-hy', 'hy', 'arm/']]) {
    await page.goto(url + path, { waitUntil: 'load' });
    await page.evaluate(() => navigator.serviceWorker.ready);
    const { url: manifestUrl, errors, data } = await cdp.send('Page.getAppManifest');
    assert.equal(manifestUrl, `${url}manifest-${lang}.webmanifest`, path);
    assert.deepEqual(errors, [], `${path}: manifest errors`);
    const manifest = JSON.parse(data);
    assert.equal(manifest.lang, lang);
    assert.equal(new URL(manifest.start_url, manifestUrl).href, url + start);
    assert.ok(manifest.name && manifest.short_name.length <= 12, manifest.short_name);
    for (const icon of manifest.icons) {
      const response = await page.request.get(new URL(icon.src, manifestUrl).href);
      assert.equal(response.status(), 200, icon.src);
      const size = await page.evaluate(async (src) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        return `${img.naturalWidth}x${img.naturalHeight}`;
      }, new URL(icon.src, manifestUrl).href);
      assert.equal(size, icon.sizes, icon.src);
    }
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, [], `${path}: installable`);
    const colours = await page.$$eval('meta[name=theme-color]', (ms) => ms.map((m) => m.media));
    assert.deepEqual(colours, ['(prefers-color-scheme: light)', '(prefers-color-scheme: dark)']);
  }
  await page.close();
});

/// A copy of the build as the next build would be: every hashed file of the app under
/// another name, and every page, script and the worker naming the new names (each page's
/// policy allowing its inline script as changed).
function nextBuild(from, to) {
  cpSync(from, to, { recursive: true });
  const renames = readdirSync(to)
    .filter((f) => /^(start|newsfront)-[0-9a-f]{16}(_bg)?\.(js|wasm)$/.test(f))
    .map((f) => [f, f.replace(/-([0-9a-f]{16})/, (_, h) => `-${[...h].reverse().join('')}`)]);
  for (const [a, b] of renames) renameSync(join(to, a), join(to, b));
  const sha = (text) => createHash('sha256').update(text).digest('base64');
  const renamed = (text) => renames.reduce((t, [a, b]) => t.split(a).join(b), text);
  const rewrite = (path) => {
    const before = readFileSync(path, 'utf8');
    const hashes = [];
    let text = before.replace(/<script>([\s\S]*?)<\/script>/g, (all, code) => {
      const now = renamed(code);
      if (now != code) hashes.push([sha(code), sha(now)]);
      return `<script>${now}</script>`;
    });
    text = hashes.reduce((t, [a, b]) => t.split(a).join(b), renamed(text));
    text = text.replace(/const BUILD = '([0-9a-f]+)'/, (_, b) => `const BUILD = '${[...b].reverse().join('')}'`);
    if (text != before) writeFileSync(path, text);
  };
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory() && e.name != 'api') walk(path);
      else if (/\.(html|js)$/.test(e.name)) rewrite(path);
    }
  };
  walk(to);
  return renames.map(([, b]) => b);
}

test('a build deployed over another: the first load runs the new app with the new page, then the old cache goes', async () => {
  const root = mkdtempSync(join(tmpdir(), 'newsfront-deploy-'));
  const live = join(root, 'live');
  cpSync(DIST, live, { recursive: true });
  const server = await startServer({ root: live });
  const site = `http://127.0.0.1:${server.address().port}/`;
  const browser = await launch({ serviceWorkers: 'allow' });
  const appCaches = (page) =>
    page.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith('newsfront-app-')));
  try {
    let page = await watchedPage(browser);
    await page.goto(site + STORIES[0]);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.goto(site + STORIES[0]);
    const before = await appCaches(page);
    assert.equal(before.length, 1, 'one build cached');

    const names = nextBuild(DIST, join(root, 'next'));
    rmSync(live, { recursive: true });
    renameSync(join(root, 'next'), live);

    await page.goto(site + STORIES[0]);
    assert.ok(await page.evaluate(() => document.documentElement.hasAttribute('data-app')), 'the app took the page over');
    const loaded = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => e.name.split('/').pop()).filter((n) => /^(start|newsfront)-/.test(n)),
    );
    assert.ok(loaded.length > 0 && loaded.every((n) => names.includes(n)), `the new build's app: ${loaded}`);
    assert.deepEqual(page.problems(), []);
    // The browser found the new worker on that load; it waits while a tab runs the old one.
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration.update();
      const worker = registration.installing;
      if (worker) await new Promise((done) => worker.addEventListener('statechange', () => worker.state != 'installing' && done()));
    });
    await page.close();

    // With no tab left on the old worker, the new one takes over and drops the old cache
    // (asked of the workers themselves: a page would be a tab on the old one).
    let now = before;
    for (let i = 0; i < 100 && now.includes(before[0]); i++) {
      await new Promise((done) => setTimeout(done, 100));
      for (const worker of browser.serviceWorkers()) {
        now = await worker
          .evaluate(async () => (await caches.keys()).filter((n) => n.startsWith('newsfront-app-')))
          .catch(() => now);
      }
    }
    assert.equal(now.length, 1, `one build cached: ${now}`);
    assert.notEqual(now[0], before[0], 'the old build\'s cache is gone');
    // A page opened now runs the new build.
    page = await watchedPage(browser);
    await page.goto(site + STORIES[1]);
    assert.ok(await page.evaluate(() => document.documentElement.hasAttribute('data-app')));
    assert.deepEqual(page.problems(), []);
  } finally {
    await browser.close();
    server.close();
    rmSync(root, { recursive: true, force: true });
  }
});

test('a story reached inside the app is kept too, with its page', async () => {
  const page = await watchedPage(context);
  await page.goto(url + STORIES[0]);
  await page.evaluate(() => navigator.serviceWorker.ready);
  // Under the worker, the app takes the page over; a click on a story is no page load.
  await page.goto(url + 'world');
  assert.ok(await page.evaluate(() => document.documentElement.hasAttribute('data-app')), 'the app runs');
  const link = page.locator('main article a[href*="world/"]').nth(3);
  const href = await link.evaluate((a) => a.href);
  const loads = [];
  page.on('framenavigated', (f) => f == page.mainFrame() && loads.push(f.url()));
  await link.click();
  await page.waitForSelector('article.story h1');
  assert.equal(page.url(), href);
  const title = await page.textContent('article.story h1');
  let kept = false;
  for (let i = 0; i < 50 && !kept; i++) {
    kept = await page.evaluate(async (u) => !!(await caches.match(u, { cacheName: 'newsfront-records' })), href);
    if (!kept) await page.waitForTimeout(100);
  }
  assert.ok(kept, `${href} kept`);
  await context.setOffline(true);
  try {
    const offline = await context.newPage();
    await offline.goto(href, { waitUntil: 'load' });
    const now = await shown(offline);
    assert.equal(now.h1, title.trim());
    assert.ok(now.note.length > 0, 'the kept copy');
    await offline.close();
  } finally {
    await context.setOffline(false);
  }
  await page.close();
});
