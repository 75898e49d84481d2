// Pre-rendered pages (crates/publish/src/): readable with scripts off, taken over by the app
// with no visible change, then navigated on the client.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serve, watchedPage } from './harness.mjs';

const ARTICLE = 'world/council-plan-1';
let site;
let withJs;
let withoutJs;

before(async () => {
  site = await serve();
  withJs = await launch();
  withoutJs = await launch({ javaScriptEnabled: false });
});

after(async () => {
  await withJs?.close();
  await withoutJs?.close();
  site?.server.close();
});

/// The text of the page's body as a reader could read it, without scripts and data
/// blocks, in one line.
const bodyText = () => {
  const body = document.body.cloneNode(true);
  body.querySelectorAll('script, noscript').forEach((e) => e.remove());
  return body.textContent.replace(/\s+/g, ' ').trim();
};

/// Holds back the app's Wasm until the returned function is called: the pre-rendered
/// page stays as it is, without the app, for as long as a test needs.
async function holdWasm(page) {
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  await page.route(/\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/// What `read` finds on the article's pre-rendered page before the app starts, and then
/// after the take-over.
async function beforeAndAfter(page, read) {
  const release = await holdWasm(page);
  const loading = page.goto(`${site.url}${ARTICLE}`);
  await page.locator('main h1').waitFor();
  const before = await read();
  release();
  await loading;
  await page.waitForSelector('html[data-app]');
  return [before, await read()];
}

test('with scripts off, an article reads in full: text, images, links', async () => {
  const page = await watchedPage(withoutJs);
  const response = await page.goto(`${site.url}${ARTICLE}`);
  assert.equal(response.status(), 200);
  assert.equal(await page.textContent('h1'), 'Northport council agrees new plan for water supply');
  assert.ok((await page.locator('article.story .body p').count()) >= 3, 'the body paragraphs');
  const hero = page.locator('article.story figure img').first();
  assert.ok(await hero.evaluate((img) => img.complete && img.naturalWidth > 0), 'the hero image loads');
  assert.ok(await page.isVisible('.byline'));
  assert.ok(await page.isVisible('#feed-heading'), "the section's feed");
  // Controls that need the app are hidden; links work as they are.
  for (const sel of ['.theme-toggle', '.text-size', '.share .print', '.share .copy-link', 'header button[aria-haspopup]']) {
    assert.equal(await page.isVisible(sel), false, `${sel} hidden without scripts`);
  }
  assert.ok(await page.isVisible('.share a[href^="https://x.com/intent/tweet"]'), 'the share links stay');
  await page.click('header nav a[href="politics"]');
  await page.waitForURL(/\/politics$/);
  assert.equal(await page.textContent('main h1'), 'Politics');
  const links = await page.$$eval('.section-feed article h2 a', (as) => as.map((a) => a.href));
  assert.ok(links.length >= 10, `the feed's first page: ${links.length} links`);
  await page.goto(links[0]);
  assert.ok((await page.textContent('h1')).length > 10);
  assert.deepEqual(page.problems(), []);
  await page.close();
});

test('every edition and page kind is there with scripts off', async () => {
  const page = await watchedPage(withoutJs);
  for (const [path, h1] of [['', 'Top stories'], ['ru/', 'Главное'], ['arm/economy', null], ['ru/world/council-plan-1-ru', null]]) {
    const response = await page.goto(`${site.url}${path}`);
    assert.equal(response.status(), 200, path);
    const text = await page.textContent('main h1');
    if (h1) assert.equal(text, h1, path);
    else assert.ok(text.trim().length > 0, path);
    assert.ok((await page.locator('main article').count()) > 0, `${path}: stories`);
  }
  await page.close();
});

test('the app takes the page over: same text, no error or warning, no refetch, no shift', async () => {
  for (const path of [ARTICLE, 'world', '', 'arm/world/council-plan-1-hy']) {
    const page = await watchedPage(withJs);
    const warnings = [];
    // Playwright's own notice that it keeps the service worker out (harness.mjs) is not
    // the page's.
    page.on('console', (m) => m.type() === 'warning' && !/blocked by Playwright/.test(m.text()) && warnings.push(m.text()));
    const api = [];
    page.on('request', (r) => r.url().includes('/api/') && !r.url().includes('/img/') && api.push(r.url()));
    await page.addInitScript((textFn) => {
      const text = new Function(`return (${textFn})()`);
      document.addEventListener('readystatechange', () => {
        if (document.readyState === 'interactive') window.__before = text();
      });
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    }, bodyText.toString());
    await page.goto(`${site.url}${path}`);
    await page.waitForFunction(() => !document.querySelector('script[data-handover]'));
    await page.waitForTimeout(300);
    const before = await page.evaluate(() => window.__before);
    // The printed address is the configured public origin's in the pre-rendered page
    // (the build's SITE_ORIGIN) and the served one in the app.
    const after = (await page.evaluate(bodyText)).replaceAll(site.origin, 'http://localhost:8080');
    assert.ok(before.length > 500, `/${path}: pre-rendered text was there before the app ran`);
    assert.equal(after, before, `/${path}: the text is the same after the take-over`);
    const leftovers = await page.evaluate(() => document.body.innerHTML.includes('<!--prerendered-->'));
    assert.equal(leftovers, false, `/${path}: the pre-rendered nodes are gone`);
    assert.equal(await page.locator('main h1').count(), 1, `/${path}: one h1`);
    assert.deepEqual(api, [], `/${path}: nothing fetched again`);
    assert.ok((await page.evaluate(() => window.__shift)) < 0.001, `/${path}: no layout shift`);
    assert.deepEqual(warnings, [], `/${path}: console warnings`);
    assert.deepEqual(page.problems(), [], path);
    await page.close();
  }
});

test('after the take-over, links navigate on the client and controls work', async () => {
  const page = await watchedPage(withJs);
  await page.goto(`${site.url}${ARTICLE}`);
  await page.waitForFunction(() => !document.querySelector('script[data-handover]'));
  await page.evaluate(() => { window.__samePage = true; });
  // A control the pre-rendered page could not run.
  await page.click('.text-size .larger');
  assert.equal(await page.getAttribute('html', 'data-text-step'), '2');
  await page.click('header nav a[href="/politics"]');
  await page.waitForURL(/\/politics$/);
  await page.waitForSelector('.section-feed article');
  assert.equal(await page.evaluate(() => window.__samePage), true, 'no full reload');
  await page.goBack();
  await page.waitForSelector('article.story h1');
  assert.equal(await page.evaluate(() => window.__samePage), true, 'Back stays in the app');
  assert.deepEqual(page.problems(), []);
  await page.close();
});

test('a reader who tabbed before the app started keeps the focus on the same control', async () => {
  const page = await watchedPage(withJs);
  // The app's Wasm is held back until the reader has moved the focus with the keyboard.
  const release = await holdWasm(page);
  const loading = page.goto(`${site.url}${ARTICLE}`);
  const politics = page.locator('header nav a[href="politics"]');
  await politics.waitFor();
  await politics.focus();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), 'economy', 'the pre-rendered link');
  release();
  await loading;
  await page.waitForSelector('html[data-app]');
  const focus = await page.evaluate(() => ({
    text: document.activeElement === document.body ? '(nothing)' : document.activeElement.textContent,
    href: document.activeElement.getAttribute('href'),
    visible: document.activeElement.matches(':focus-visible'),
  }));
  assert.deepEqual(focus, { text: 'Economy', href: '/economy', visible: true }, "the app's own link has the focus");
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Society', 'and Tab goes on from there');
  assert.deepEqual(page.problems(), []);
  await page.close();
});

test("a night reader's pre-rendered page already shows the switch in the night theme", async () => {
  const page = await watchedPage(withJs);
  await page.addInitScript(() => localStorage.setItem('newsfront.theme', 'dark'));
  const fill = () => page.locator('.theme-toggle path').evaluate((path) => getComputedStyle(path).fill);
  const [before, after] = await beforeAndAfter(page, fill);
  assert.notEqual(before, 'none', 'the moon is filled before the app starts');
  assert.notEqual(before, 'rgba(0, 0, 0, 0)', 'the moon is filled before the app starts');
  assert.equal(after, before, 'and the same after the take-over');
  await page.click('.theme-toggle');
  assert.equal(await fill(), 'rgba(0, 0, 0, 0)', 'the day theme empties it');
  assert.deepEqual(page.problems(), []);
  await page.close();
});

test('at the largest text size, the pre-rendered A+ already looks disabled', async () => {
  const page = await watchedPage(withJs);
  await page.addInitScript(() => localStorage.setItem('newsfront.text-step', '6'));
  const looks = () => page.evaluate(() => ['.smaller', '.larger'].map((b) => getComputedStyle(document.querySelector(`.text-size ${b}`)).opacity));
  const [before, after] = await beforeAndAfter(page, looks);
  assert.deepEqual(before, ['1', '0.45'], 'A- as usual, A+ dimmed, before the app starts');
  assert.deepEqual(after, before, 'the same after the take-over');
  assert.equal(await page.locator('.text-size .larger').isDisabled(), true);
  await page.click('.text-size .smaller');
  assert.deepEqual(await looks(), ['1', '1'], 'one step down, both work');
  assert.deepEqual(page.problems(), []);
  await page.close();
});

test('news published after the build is offered as "N new stories" and goes in on request, with no shift', async () => {
  for (const [path, doc, list] of [['', 'api/en/front.json', 'top'], ['world', 'api/en/sections/world/1.json', 'items']]) {
    const page = await watchedPage(withJs);
    await page.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((entries) => {
        for (const e of entries.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    let published = false;
    let asked = 0;
    await page.route(`**/${doc}`, async (route) => {
      asked += 1;
      const response = await route.fetch();
      const body = await response.json();
      if (published) body[list].unshift({ ...body[list][0], slug: 'just-published', title: 'A story just published' });
      await route.fulfill({ response, json: body });
    });
    await page.goto(`${site.url}${path}`);
    await page.waitForFunction(() => !document.querySelector('script[data-handover]'));
    await page.mouse.wheel(0, 700);
    await page.waitForFunction(() => window.scrollY > 0);
    const scrolled = await page.evaluate(() => window.scrollY);
    // The reader comes back to the tab: the page asks again; nothing new, nothing shown.
    const comeBack = () => page.evaluate(() => document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));
    await comeBack();
    for (let i = 0; i < 100 && asked === 0; i++) await page.waitForTimeout(50);
    await page.waitForTimeout(300);
    assert.equal(asked, 1, `/${path}: asked again when the reader came back`);
    assert.equal(await page.locator('button.new-stories').isVisible(), false, `/${path}: nothing new, nothing offered`);
    published = true;
    await comeBack();
    const button = page.locator('button.new-stories');
    await button.waitFor();
    assert.equal((await button.textContent()).trim(), '1 new story', `/${path}`);
    assert.equal(await page.locator('main a', { hasText: 'A story just published' }).count(), 0, `/${path}: not put in unasked`);
    assert.equal(await page.evaluate(() => window.scrollY), scrolled, `/${path}: what the reader looks at stays`);
    assert.ok((await page.evaluate(() => window.__shift)) < 0.001, `/${path}: no layout shift`);
    await button.click();
    await page.locator('main a', { hasText: 'A story just published' }).first().waitFor();
    assert.equal(await button.isVisible(), false, `/${path}: the offer is gone once taken`);
    await page.waitForFunction(() => document.activeElement?.id === 'main');
    assert.equal(await page.evaluate(() => window.scrollY), 0, `/${path}: the reader is taken to the news`);
    const stories = await page.$$eval('main article :is(h2, h3) a', (as) => as.map((a) => a.textContent.trim()));
    assert.equal(stories.filter((t) => t === 'A story just published').length, 1, `/${path}: once`);
    assert.equal(stories[0], 'A story just published', `/${path}: on top`);
    assert.deepEqual(page.problems(), [], path);
    await page.close();
  }
});
