// Reading on a bad network (issue #31; crates/publish/src/sw.js): stories the reader
// opened open again offline with their text and lead photo, search says it needs the
// network, a page never opened shows the edition's offline page listing them, with a
// network that hangs a saved story shows from its copy within 4 s, and every edition
// installs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIST, launch } from './harness.mjs';
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
