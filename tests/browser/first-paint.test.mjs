// A pre-rendered page works from its first paint, before the app (issue #29): the app's
// start-up script is held back, and every reader control is used on the page as it was
// served; then the app is let in and takes over what the reader did, with no tap acting
// twice. The page's own script is crates/publish/src/early.js.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, watchedPage } from './harness.mjs';

const env = useBrowser();

const STORY = 'world/council-plan-1';

/// A watched page whose app does not start until `release()` is called; `asked()` says
/// whether the page has asked for it.
async function withoutApp() {
  const page = await watchedPage(env.context);
  const held = [];
  let released = false;
  await page.route(/\/start-[0-9a-f]+\.js$/, (route) => (released ? route.fallback() : held.push(route)));
  await page.addInitScript(() => {
    window.__printed = 0;
    window.print = () => window.__printed++;
  });
  page.asked = () => held.length > 0;
  page.release = async () => {
    released = true;
    for (const route of held.splice(0)) await route.fallback();
    await page.waitForSelector('html[data-app]', { timeout: 15000 });
  };
  page.open = async (path) => {
    released = false;
    // Not the harness's goto, which waits for the app.
    await page.mainFrame().goto(`${env.site.url}${path}`);
    await page.waitForSelector('article.story h1');
    assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-app')), false, 'the app is held back');
  };
  return page;
}

test('before the app: night theme, A-/A+ and print work, are kept, and the app takes them over', async () => {
  const page = await withoutApp();
  await page.open(STORY);
  await page.evaluate(() => localStorage.clear());

  const toggle = page.locator('button.theme-toggle');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  await toggle.click();
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  assert.equal(await page.evaluate(() => localStorage.getItem('newsfront.theme')), 'dark');

  const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('article.story h1')).fontSize));
  const larger = page.locator('.text-size button.larger');
  const base = await size();
  let clicks = 0;
  while (await larger.isEnabled()) {
    await larger.click();
    clicks++;
  }
  assert.equal(clicks, 5, 'from the default step to the largest');
  assert.ok((await size()) >= base * 1.5, `the headline grows: ${base}px to ${await size()}px`);
  assert.equal(await larger.textContent(), 'A+Text is at its largest');
  assert.equal(await larger.getAttribute('title'), 'Text is at its largest');
  await page.locator('.text-size button.smaller').click();
  assert.equal(await page.getAttribute('html', 'data-text-step'), '5');
  assert.equal(await page.evaluate(() => localStorage.getItem('newsfront.text-step')), '5');
  assert.equal(await larger.textContent(), 'A+Larger text');

  await page.click('button.print');
  assert.equal(await page.evaluate(() => window.__printed), 1);

  // Reading and these controls never ask for the app: only intent does (a pointer on a
  // link here).
  await page.waitForLoadState('load');
  await page.waitForTimeout(1000);
  assert.equal(page.asked(), false, 'the app is not loaded for a reader who only reads');
  await page.hover('header nav a');
  for (let i = 0; i < 50 && !page.asked(); i++) await page.waitForTimeout(100);
  assert.equal(page.asked(), true, 'a pointer on a link asks for the app');
  await page.release();
  // The app's own controls now, in the state the reader left: one tap, one step.
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  await larger.click();
  assert.equal(await page.getAttribute('html', 'data-text-step'), '6');
  assert.equal(await larger.isEnabled(), false);
  await toggle.click();
  assert.equal(await page.getAttribute('html', 'data-theme'), 'light');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  await page.click('button.print');
  assert.equal(await page.evaluate(() => window.__printed), 2, 'one print per tap');

  // A page opened with those settings shows its controls as they are, before the app.
  await page.open(STORY);
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  assert.equal(await larger.isEnabled(), false);
  assert.equal(await larger.textContent(), 'A+Text is at its largest');
  await page.evaluate(() => localStorage.clear());
  assert.deepEqual(page.problems(), []);
  await page.close();
});

test('before the app: copy link with the clipboard, and without it', async () => {
  await env.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.site.origin });
  const page = await withoutApp();
  await page.open(STORY);
  await page.click('button.copy-link');
  await page.waitForFunction(() => document.querySelector('.share [role=status]').textContent === 'Link copied');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${env.site.url}${STORY}`);
  await page.waitForFunction(() => document.querySelector('.share [role=status]').textContent === '', null, { timeout: 6000 });
  await page.close();

  const bare = await withoutApp();
  await bare.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
  });
  await bare.open(STORY);
  await bare.click('button.copy-link');
  const input = bare.locator('.share .fallback input');
  await input.waitFor();
  assert.equal(await input.inputValue(), `${env.site.url}${STORY}`);
  assert.equal(await bare.locator('.share .fallback label').textContent(), 'Copy this link:');
  const selected = await bare.evaluate(() => {
    const i = document.activeElement;
    return i.id === 'share-url' && i.selectionStart === 0 && i.selectionEnd === i.value.length;
  });
  assert.ok(selected, 'focused and selected');
  // Styled as the app styles it: the share bar's scoped class is on it.
  const scoped = await bare.evaluate(() => [...document.querySelector('.share .actions').classList].find((c) => c !== 'actions'));
  assert.ok(scoped && (await input.getAttribute('class')).includes(scoped), `scoped class ${scoped}`);
  assert.deepEqual(bare.problems(), []);
  await bare.close();
});

test('before the app: search opens at once, keeps what is typed, and the app answers it', async () => {
  const page = await withoutApp();
  await page.open(STORY);
  await page.click('button.search-open');
  const field = page.locator('.search-dialog input[type=search]');
  assert.equal(await page.evaluate(() => document.querySelector('.search-dialog').open), true);
  assert.equal(await page.locator('#search-prompt').textContent(), 'What are you looking for?');
  assert.equal(await page.evaluate(() => document.activeElement.type), 'search', 'focus in the field');
  await page.keyboard.type('council');
  await page.release();
  // The app's dialog, open, with the text and the focus, and its results.
  await page.waitForSelector('.search-dialog .result-link', { timeout: 15000 });
  assert.equal(await field.inputValue(), 'council');
  assert.equal(await page.evaluate(() => document.querySelector('.search-dialog').open), true);
  assert.equal(await page.evaluate(() => document.activeElement.type), 'search');
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.querySelector('.search-dialog').open), false);
  assert.deepEqual(page.problems(), []);
  await page.close();
});

test('before the app: Enter in search opens the results page; Escape closes; the edition switch links', async () => {
  const page = await withoutApp();
  await page.open(STORY);
  await page.click('button.search-open');
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.querySelector('.search-dialog').open), false);
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('search-open')), true, 'focus back on the button');
  // An empty query goes nowhere.
  await page.click('button.search-open');
  await page.keyboard.press('Enter');
  assert.equal(new URL(page.url()).pathname, `/${STORY}`);
  await page.keyboard.type('council plan');
  await Promise.all([page.waitForURL(/\/search\?q=council%20plan$/, { waitUntil: 'commit' }), page.keyboard.press('Enter')]);
  await page.release();
  await page.waitForSelector('main .result-link', { timeout: 15000 });

  await page.open(STORY);
  // The translation, not the other edition's front page (links are relative to <base>).
  assert.equal(await page.$eval('.editions a[hreflang=ru]', (a) => new URL(a.href).pathname), '/ru/world/council-plan-1-ru');
  await Promise.all([page.waitForURL(/\/ru\/world\/council-plan-1-ru$/, { waitUntil: 'commit' }), page.click('.editions a[hreflang=ru]')]);
  await page.waitForSelector('article.story h1');
  assert.equal(await page.getAttribute('html', 'lang'), 'ru');
  assert.deepEqual(page.problems(), []);
  await page.close();
});
