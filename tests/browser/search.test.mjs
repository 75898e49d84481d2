// Search in the browser: the overlay with the keyboard alone, the results page (deep
// link, reload, more as the reader scrolls, no results, failure and Retry) and the
// backend's endpoint instead of the local index.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, useBrowser, watchedPage } from './harness.mjs';

const env = useBrowser();

const OPEN = 'header button[aria-haspopup=dialog]';

test('overlay: opens on demand, results as one types, keyboard all the way', async () => {
  const page = await watchedPage(env.context);
  const fetched = [];
  page.on('request', (r) => {
    if (/search-index\.json|search_worker|\/search\/en\//.test(r.url())) fetched.push(r.url());
  });
  await page.goto(env.site.url);
  await page.waitForSelector('.top article');
  assert.deepEqual(fetched, [], 'nothing of search loads before it is opened');

  await page.focus(OPEN);
  await page.keyboard.press('Enter');
  await page.waitForSelector('dialog[open]');
  assert.equal(await page.evaluate(() => document.activeElement.type), 'search', 'focus moves to the field');
  assert.equal(await page.textContent('dialog h2'), 'What are you looking for?');
  await page.keyboard.type('counc');
  // Results come per keystroke: wait for those of the whole query (on a busy machine an
  // earlier keystroke's may show first).
  await page
    .waitForFunction(() => {
      const marks = [...document.querySelectorAll('dialog .result mark')];
      return marks.length > 0 && marks.every((m) => m.textContent.toLowerCase().startsWith('counc'));
    }, null, { timeout: 5000 })
    .catch(() => {});
  assert.equal(fetched.filter((u) => u.endsWith('/search/en/entry.bin')).length, 1,
    'the archive index opens when search does, once (the warm-up and the first query share it)');
  assert.ok(fetched.some((u) => /\/search\/en\/s\/\d+\.json$/.test(u)), 'the results\' stories are fetched');
  assert.ok(!fetched.some((u) => u.endsWith('search-index.json')), 'the one-file index is not fetched');
  assert.match(await page.textContent('dialog [role=status]'), /^\d+ results?$/);
  const marks = await page.$$eval('dialog .result mark', (ms) => ms.map((m) => m.textContent.toLowerCase()));
  assert.ok(marks.length > 0 && marks.every((m) => m.startsWith('counc')), marks.join());
  assert.ok(await page.locator('dialog .result .meta time').count(), 'results show their date');

  await page.keyboard.press('ArrowDown');
  const first = await page.evaluate(() => document.activeElement.getAttribute('href'));
  assert.match(first, /^\/\w+\/[\w-]+$/);
  await page.keyboard.press('ArrowDown');
  const second = await page.evaluate(() => document.activeElement.getAttribute('href'));
  assert.notEqual(second, first);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.evaluate(() => document.activeElement.type), 'search', 'back in the field');

  await page.keyboard.press('Escape');
  await page.waitForSelector('dialog[open]', { state: 'detached' }).catch(() => {});
  assert.equal(await page.locator('dialog[open]').count(), 0, 'Escape closes');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-haspopup')), 'dialog', 'focus returns to the button');

  // Again: the results are still there; Enter on one opens it.
  await page.keyboard.press('Enter');
  await page.waitForSelector('dialog[open] .result');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForSelector('article.story h1');
  assert.equal(new URL(page.url()).pathname, first);
  assert.equal(await page.locator('dialog[open]').count(), 0, 'the overlay closed');
  assert.deepEqual(page.problems(), []);
  await page.close();
});

test('Enter in the field opens the results page, which survives a reload', async () => {
  const page = await watchedPage(env.context);
  await page.goto(`${env.site.url}world`);
  await page.click(OPEN);
  await page.fill('dialog input', 'council plan');
  await page.keyboard.press('Enter');
  await page.waitForSelector('main .result');
  const url = new URL(page.url());
  assert.equal(url.pathname, '/search');
  assert.equal(url.searchParams.get('q'), 'council plan');
  assert.equal(await page.inputValue('main form input'), 'council plan');
  // The first step of results (the page may already be loading the next).
  const first = () => page.$$eval('main .result .title', (as) => as.slice(0, 10).map((a) => a.textContent));
  const before = await first();
  assert.ok(before.length > 0);
  assert.match(await page.title(), /^Search: council plan — Meridian News$/);

  await page.reload();
  await page.waitForSelector('main .result');
  assert.deepEqual(await first(), before);
  assert.deepEqual(page.problems(), []);
  await page.close();
});

test('results page: a deep link in each script, more results as the reader scrolls', async () => {
  const page = await watchedPage(env.context);
  const answer = await page.goto(`${env.site.url}ru/search?q=${encodeURIComponent('СОВЕТ')}`);
  assert.equal(answer.status(), 200, 'a page of the build, not the static host\'s 404');
  await page.waitForSelector('main .result');
  assert.match(await page.textContent('main [role=status]'), /результат/);
  assert.ok((await page.$$eval('main .result mark', (ms) => ms.map((m) => m.textContent))).includes('Совет'));

  await page.goto(`${env.site.url}arm/search?q=${encodeURIComponent('ԽՈՐՀՈՒՐԴԸ')}`);
  await page.waitForSelector('main .result');
  assert.equal(await page.getAttribute('html', 'lang'), 'hy');

  // "of" is in most English titles: more than one page of results.
  await page.goto(`${env.site.url}search?q=of`);
  await page.waitForSelector('main .result');
  // Ten at a time: the next as the end of the list comes near.
  assert.equal((await page.locator('main .result').count()) % 10, 0);
  const shown = await page.locator('main .result').count();
  await page.locator('main .result').last().scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForFunction((n) => document.querySelectorAll('main .result').length > n, shown);
  const links = await page.$$eval('main .result .title', (as) => as.map((a) => a.getAttribute('href')));
  assert.equal(new Set(links).size, links.length, 'no result twice');
  assert.deepEqual(page.problems(), []);
  await page.close();
});

test('no results: says so, suggests the nearest indexed word, gives tips', async () => {
  const page = await watchedPage(env.context);
  await page.goto(`${env.site.url}search?q=hrbor`);
  await page.waitForSelector('main >> text=No stories match');
  await page.waitForSelector('main >> text=Check the spelling');
  const suggestion = page.locator('main a[href*="search?q="]');
  assert.equal(await suggestion.textContent(), 'harbour');
  await suggestion.click();
  await page.waitForSelector('main .result');
  assert.equal(new URL(page.url()).searchParams.get('q'), 'harbour');

  await page.goto(`${env.site.url}search?q=${encodeURIComponent('?! …')}`);
  await page.waitForSelector('main >> text=No stories match');
  await page.goto(`${env.site.url}search`);
  await page.waitForSelector('main >> text=Type at least one word');
  assert.deepEqual(page.problems(), []);
  await page.close();
});

test('the index failing shows Retry in the overlay, and Retry recovers', async () => {
  const page = await watchedPage(env.context);
  let fail = true;
  await page.route(/\/search\/en\/entry\.bin$/, (route) =>
    fail ? route.fulfill({ status: 500, body: 'down' }) : route.fallback());
  await page.goto(env.site.url);
  await page.click(OPEN);
  await page.fill('dialog input', 'council');
  await page.waitForSelector('dialog [role=alert]');
  assert.match(await page.textContent('dialog [role=alert]'), /Search could not be loaded[\s\S]*500/);
  fail = false;
  await page.click('dialog [role=alert] button');
  await page.waitForSelector('dialog .result');
  assert.equal(await page.locator('dialog [role=alert]').count(), 0);
  await page.close();
});

test('remote mode: the same page pages through the backend\'s results, and retries', async () => {
  const page = await watchedPage(env.context);
  const asked = [];
  await page.route(/\/api\/en\/site\.json$/, async (route) => {
    const site = await (await route.fetch()).json();
    site.search = { endpoint: 'search/results?q={q}&page={page}' };
    await route.fulfill({ json: site });
  });
  let down = true;
  await page.route(/\/api\/en\/search\/results/, async (route) => {
    const url = new URL(route.request().url());
    asked.push(url.search);
    if (down) return route.fulfill({ status: 503, body: 'busy' });
    const n = Number(url.searchParams.get('page'));
    const items = Array.from({ length: 20 }, (_, i) => ({
      slug: `remote-${n}-${i}`,
      title: `Remote ${url.searchParams.get('q')} story ${n}.${i}`,
      section: { slug: 'world', title: 'World' },
      published_at: '2026-11-20T10:00:00+04:00',
    }));
    await route.fulfill({
      json: { query: url.searchParams.get('q'), total: 40, items, next: n === 1 ? 'results?q=tide&page=2' : null },
    });
  });
  let local = 0;
  page.on('request', (r) => { if (/search-index\.json|\/search\/en\//.test(r.url())) local += 1; });
  await page.goto(`${env.site.url}search?q=tide`);
  // The endpoint failing: what failed, with Retry.
  await page.waitForSelector('main [role=alert]');
  assert.match(await page.textContent('main [role=alert]'), /Search could not be loaded[\s\S]*503/);
  down = false;
  asked.length = 0;
  await page.click('main [role=alert] button');
  await page.waitForSelector('main .result');
  assert.equal(await page.locator('main .result').count(), 20);
  assert.equal(await page.textContent('main .result mark'), 'tide');
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForFunction(() => document.querySelectorAll('main .result').length === 40);
  assert.deepEqual(asked, ['?q=tide&page=1', '?q=tide&page=2']);
  assert.equal(local, 0, 'the local index is not fetched');
  await page.waitForSelector('main >> text=No more results.');
  // The browser logs the 503 it was given on purpose; nothing else.
  assert.deepEqual(page.problems().filter((p) => !p.includes('status of 503')), []);
  await page.close();
});

for (const scheme of ['light', 'dark']) {
  test(`axe finds nothing in the open overlay with results (${scheme})`, async () => {
    const page = await watchedPage(env.context);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${env.site.url}ru/`);
    await page.click(OPEN);
    await page.fill('dialog input', 'совет');
    await page.waitForSelector('dialog .result mark');
    assert.deepEqual(await axe(page), []);
    await page.close();
  });
}
