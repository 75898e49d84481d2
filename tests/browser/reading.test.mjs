// The reading path in a real browser against the release build: front page, section
// feeds with infinite scroll, articles, Back, deep links, not-found pages, sub-path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serve, storyLinks, useBrowser, watchedPage } from './harness.mjs';

const env = useBrowser();

test('front → section → article → Back returns to the same place, pages kept', async () => {
  const page = await watchedPage(env.context);
  const feedRequests = [];
  page.on('request', (r) => {
    if (r.url().includes('/sections/world/')) feedRequests.push(r.url());
  });
  await page.goto(env.site.url);
  await page.waitForSelector('.top article');
  assert.equal(await page.title(), 'Meridian News');
  assert.ok((await page.$$('section h2')).length >= 6, 'a block per section');

  await page.click('nav a[href="/world"]');
  await page.waitForSelector('.section-feed article');
  assert.equal(new URL(page.url()).pathname, '/world');
  assert.equal(await page.textContent('h1'), 'World');
  assert.match(await page.title(), /^World — Meridian News$/);
  assert.equal(await page.getAttribute('nav a[href="/world"]', 'aria-current'), 'page');

  // Load a second page, then scroll somewhere in the middle of the list.
  await page.click('text=Load more stories');
  await page.waitForFunction(() => document.querySelectorAll('.section-feed article').length > 10);
  const target = page.locator('.section-feed article :is(h2, h3) a').nth(12);
  await target.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, 100));
  await page.waitForTimeout(400);
  const y = await page.evaluate(() => window.scrollY);
  assert.ok(y > 800, `scrolled down (${y})`);
  const requestsBefore = feedRequests.length;
  const cards = (await storyLinks(page)).length;

  const href = await target.getAttribute('href');
  await target.click();
  await page.waitForSelector('article.story h1');
  assert.equal(new URL(page.url()).pathname, href);
  assert.ok((await page.evaluate(() => window.scrollY)) < 50, 'a new page starts at the top');

  await page.goBack();
  await page.waitForSelector('.section-feed article');
  await page.waitForFunction((n) => document.querySelectorAll('.section-feed article').length === n, cards);
  await page.waitForTimeout(300);
  const back = await page.evaluate(() => window.scrollY);
  assert.ok(Math.abs(back - y) < 60, `back at ${back}, was at ${y}`);
  assert.equal(feedRequests.length, requestsBefore, 'no feed page was fetched again');
  assert.deepEqual(page.problems(), []);
  await page.close();
});

test('infinite scroll loads pages 2 and 3 with no repeated story', async () => {
  const page = await watchedPage(env.context);
  const pages = new Set();
  page.on('response', (r) => {
    const m = r.url().match(/sections\/politics\/(\d+)\.json$/);
    if (m && r.ok()) pages.add(m[1]);
  });
  await page.goto(`${env.site.url}politics`);
  await page.waitForSelector('.section-feed article');
  for (let i = 0; i < 20 && !(await page.isVisible('text=You have seen every story')); i++) {
    await page.mouse.wheel(0, 4000);
    await page.waitForTimeout(250);
  }
  // Page 1 came with the pre-rendered page; only the later ones are fetched.
  assert.deepEqual([...pages].sort(), ['2', '3']);
  const links = await storyLinks(page);
  assert.equal(new Set(links).size, links.length, 'each story once');
  assert.ok(links.length >= 21, `${links.length} stories`);
  assert.equal(await page.isVisible('text=Load more stories'), false, 'no button after the last page');
  assert.deepEqual(page.problems(), []);
  await page.close();
});

test('without IntersectionObserver the Load more button still pages through', async () => {
  const page = await watchedPage(env.context);
  await page.addInitScript(() => {
    delete window.IntersectionObserver;
  });
  await page.goto(`${env.site.url}sport`);
  await page.waitForSelector('.section-feed article');
  const first = (await storyLinks(page)).length;
  await page.focus('text=Load more stories');
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => document.querySelectorAll('.section-feed article').length > n, first);
  assert.deepEqual(page.problems(), []);
  await page.close();
});

test('deep links and reloads work for an article and a section, in every edition', async () => {
  const page = await watchedPage(env.context);
  await page.goto(`${env.site.url}ru/economy`);
  await page.waitForSelector('.section-feed article');
  assert.equal(await page.textContent('h1'), 'Экономика');
  assert.equal(await page.getAttribute('html', 'lang'), 'ru');

  await page.goto(`${env.site.url}arm/world/council-plan-1-hy`);
  await page.waitForSelector('article.story h1');
  assert.equal(await page.getAttribute('html', 'lang'), 'hy');
  assert.match(await page.textContent('article.story time'), /2026/);
  await page.reload();
  await page.waitForSelector('article.story h1');
  const title = await page.textContent('article.story h1');
  assert.equal(await page.title(), `${title} — Մերիդիան`);
  assert.match(await page.textContent('.credits'), /Դիտումներ/);
  assert.deepEqual(page.problems(), []);
  await page.close();
});

test('an article shows every part of the page', async () => {
  const page = await watchedPage(env.context);
  await page.goto(`${env.site.url}world/council-plan-1`);
  await page.waitForSelector('article.story h1');
  await page.waitForSelector('header .links a'); // site.json's parts
  await page.waitForSelector('aside.ad');
  const story = page.locator('article.story');
  assert.equal(await story.locator('a.label').getAttribute('href'), '/world');
  assert.match(await story.locator('time').first().getAttribute('datetime'), /^2026-11-26T09:00:00\+04:00$/);
  assert.equal(await story.locator('time').first().textContent(), '26 November 2026 09:00');
  assert.ok(await story.locator('figure img[width="1200"][height="675"]').count());
  assert.match(await story.locator('.byline').textContent(), /^By /);
  assert.match(await story.locator('.views').textContent(), /^Views: \d+/);
  const ad = await story.locator('aside.ad').boundingBox();
  assert.ok(ad.width <= 728 && Math.abs(ad.width / ad.height - 728 / 90) < 0.1, `the ad slot keeps its shape from site.json: ${ad.width}x${ad.height}`);
  assert.equal(await story.locator('a.follow').textContent(), 'Follow us on Telegram');
  assert.match(await page.textContent('footer'), /hyperlink to the source/);
  const socials = await page.$$eval('header .links a', (as) => as.map((a) => a.getAttribute('aria-label')));
  assert.deepEqual(socials, ['X (Twitter)', 'YouTube', 'Instagram', 'Facebook', 'Telegram', 'Download on the App Store', 'Get it on Google Play']);
  assert.ok(await page.locator('#related-heading').isVisible());
  assert.deepEqual(page.problems(), []);
  await page.close();
});

test('unknown addresses get a not-found page with a way back', async () => {
  const page = await watchedPage(env.context);
  for (const path of ['no/such/page/here', 'no-such-section', 'world/no-such-story', 'ru/world/no-such-story']) {
    await page.goto(`${env.site.url}${path}`);
    await page.waitForSelector('.not-found h1');
    const ru = path.startsWith('ru/');
    assert.equal(await page.textContent('.not-found h1'), ru ? 'Страница не найдена' : 'Page not found', path);
    assert.equal(await page.getAttribute('.not-found a', 'href'), ru ? '/ru/' : '/', path);
  }
  await page.click('.not-found a');
  await page.waitForSelector('.top article');
  await page.close();
});

test('the site works under a sub-path set by <base href>', async () => {
  const sub = await serve('/news/');
  const page = await watchedPage(env.context);
  const apiCalls = [];
  page.on('request', (r) => r.url().includes('/api/') && apiCalls.push(new URL(r.url()).pathname));
  await page.goto(`${sub.url}ru/culture`);
  await page.waitForSelector('.section-feed article');
  const href = (await storyLinks(page))[0];
  assert.match(href, /^\/news\/ru\/culture\//);
  await page.click(`a[href="${href}"]`);
  await page.waitForSelector('article.story h1');
  assert.ok(apiCalls.length > 0 && apiCalls.every((p) => p.startsWith('/news/api/')), apiCalls.join());
  assert.equal(await page.getAttribute('header a.brand', 'href'), '/news/ru/');
  assert.deepEqual(page.problems(), []);
  await page.close();
  sub.server.close();
});

test('pages do not shift while their content arrives', async () => {
  const page = await watchedPage(env.context);
  await page.setViewportSize({ width: 412, height: 823 });
  await page.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  for (const path of ['', 'world', 'world/council-plan-1', 'ru/economy', 'arm/world/council-plan-1-hy']) {
    await page.goto(`${env.site.url}${path}`);
    await page.waitForSelector('main h1');
    await page.waitForTimeout(500);
    const shift = await page.evaluate(() => window.__shift);
    assert.ok(shift < 0.01, `/${path}: cumulative layout shift ${shift.toFixed(3)}`);
  }
  await page.close();
});
