// Accessibility: axe-core finds nothing on any kind of page, in both themes and all
// three editions; the page can be used with the keyboard alone, in a sensible order,
// with the focus always visible; landmarks and one h1 per page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, useBrowser, watchedPage } from './harness.mjs';

const env = useBrowser();

const PAGES = {
  en: ['', 'world', 'world/council-plan-1', 'politics/residents-debate-2', 'politics/residents-debate-2/updates/p-100', 'no/such/page/here', 'search?q=council', 'search?q=hrbor'],
  ru: ['ru/', 'ru/economy', 'ru/world/council-plan-1-ru', 'ru/politics/residents-debate-2-ru', 'ru/no-such-section', 'ru/search?q=%D1%81%D0%BE%D0%B2%D0%B5%D1%82'],
  hy: ['arm/', 'arm/culture', 'arm/world/council-plan-1-hy', 'arm/politics/residents-debate-2-hy', 'arm/politics/residents-debate-2-hy/updates/p-100', 'arm/world/no-such-story', 'arm/search'],
};

// Pages of the build's own without the app's frame: the offline pages (issue #31).
const OWN_PAGES = ['offline/', 'arm/offline/'];

// Partner widgets: the page alone, without the site's header and footer.
const WIDGETS = [
  'embed/section/world', 'embed/article/world/council-plan-1',
  'ru/embed/section/economy', 'ru/embed/article/world/council-plan-1-ru',
  'arm/embed/section/culture?theme=dark', 'arm/embed/article/world/council-plan-1-hy?theme=light',
];

for (const scheme of ['light', 'dark']) {
  test(`axe finds no violation on any page (${scheme} theme, three editions)`, async () => {
    const page = await watchedPage(env.context);
    await page.emulateMedia({ colorScheme: scheme });
    const found = [];
    for (const path of [...Object.values(PAGES).flat(), ...OWN_PAGES, ...WIDGETS]) {
      await page.goto(`${env.site.url}${path}`);
      await page.waitForSelector('main h1');
      await page.waitForTimeout(200);
      for (const v of await axe(page)) found.push(`/${path} ${v}`);
    }
    assert.deepEqual(found, []);
    // The not-found pages' own API requests answer 404; nothing else may complain.
    const problems = page.problems().filter((p) => !/404 \(Not Found\) \(\S*no-such/.test(p));
    assert.deepEqual(problems, []);
    await page.close();
  });
}

test('every page has its landmarks and exactly one h1', async () => {
  const page = await watchedPage(env.context);
  for (const path of Object.values(PAGES).flat()) {
    await page.goto(`${env.site.url}${path}`);
    await page.waitForSelector('main h1');
    const counts = await page.evaluate(() => ({
      h1: document.querySelectorAll('h1').length,
      banner: document.querySelectorAll('body > header').length,
      // The site's navigation; a live story's key events are a second one, in the story.
      nav: document.querySelectorAll('nav:not(main nav)').length,
      main: document.querySelectorAll('main').length,
      contentinfo: document.querySelectorAll('body > footer').length,
      unnamed: [...document.querySelectorAll('main nav')].filter((n) => !n.getAttribute('aria-labelledby')).length,
    }));
    assert.deepEqual(counts, { h1: 1, banner: 1, nav: 1, main: 1, contentinfo: 1, unnamed: 0 }, path);
  }
  for (const path of WIDGETS) {
    await page.goto(`${env.site.url}${path}`);
    await page.waitForSelector('main h1 a');
    const counts = await page.evaluate(() => ({
      h1: document.querySelectorAll('h1').length,
      header: document.querySelectorAll('body > header').length,
      main: document.querySelectorAll('main').length,
      footer: document.querySelectorAll('body > footer').length,
    }));
    assert.deepEqual(counts, { h1: 1, header: 0, main: 1, footer: 0 }, path);
  }
  await page.close();
});

test('the keyboard alone reaches every control in reading order, focus always visible', async () => {
  const page = await watchedPage(env.context);
  await page.goto(`${env.site.url}world/council-plan-1`);
  await page.waitForSelector('article.story .share');
  await page.waitForSelector('header .links a');
  await page.waitForSelector('a.follow');
  // The feed below the story loads once it comes near the screen; a reader tabbing at a
  // human pace finds it there, so bring it in before tabbing at a machine's pace.
  await page.evaluate(() => document.querySelector('#feed-heading').scrollIntoView());
  await page.waitForSelector('.section-feed .more button');
  await page.evaluate(() => window.scrollTo(0, 0));
  const stops = [];
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    // Past the last control the focus leaves the page.
    if (await page.evaluate(() => document.activeElement === document.body)) break;
    const stop = await page.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      const visible = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      const name = (el.getAttribute('aria-label') || el.textContent || '').trim().replace(/\s+/g, ' ');
      return { tag: el.tagName, name, cls: el.className, visible };
    });
    stops.push(stop);
  }
  const invisible = stops.filter((s) => !s.visible);
  assert.deepEqual(invisible, [], 'every focused element shows a focus ring');
  const names = stops.map((s) => s.name);
  const order = ['Skip to content', 'Meridian News', 'X (Twitter)', 'Open search', 'EN', 'Night theme', 'World', 'A-', 'A+', 'Share on X (Twitter)', 'Print', 'Copy link', 'Follow us on Telegram', 'Load more stories', 'X (Twitter)'];
  let at = -1;
  for (const want of order) {
    const next = names.findIndex((n, i) => i > at && n.startsWith(want));
    assert.ok(next > at, `${want} after ${names[at]} in ${names.join(' | ')}`);
    at = next;
  }
  await page.close();
});

test('the skip link moves the focus to the content', async () => {
  const page = await watchedPage(env.context);
  await page.goto(`${env.site.url}world`);
  await page.waitForSelector('.section-feed article');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to content');
  assert.ok(await page.locator('.skip-link').isVisible(), 'visible when focused');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  await page.keyboard.press('Tab');
  const inside = await page.evaluate(() => document.querySelector('main').contains(document.activeElement));
  assert.ok(inside, 'the next Tab stays in the content');
  await page.close();
});

test('reduced motion turns transitions and smooth scrolling off', async () => {
  const page = await watchedPage(env.context);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`${env.site.url}world/council-plan-1`);
  await page.waitForSelector('article.story h1');
  const durations = await page.evaluate(() =>
    [...document.querySelectorAll('*')].map((el) => getComputedStyle(el).transitionDuration).filter((d) => parseFloat(d) > 0.001),
  );
  assert.deepEqual(durations, []);
  await page.close();
});
