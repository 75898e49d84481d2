// Reader controls in a real browser: night theme, text size, copy link, share, print,
// editions; with storage that throws and without the Clipboard API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, shellPage, useBrowser, watchedPage } from './harness.mjs';

const env = useBrowser();

const EN_STORY = 'world/council-plan-1';
const RU_STORY = 'ru/world/council-plan-1-ru';

/// Records the page's background and theme at DOMContentLoaded, before any Wasm runs.
async function recordFirstPaint(page) {
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      window.__firstPaint = {
        theme: document.documentElement.getAttribute('data-theme'),
        background: getComputedStyle(document.body).backgroundColor,
      };
    });
  });
}

for (const [edition, path, label] of [['en', EN_STORY, 'Night theme'], ['ru', RU_STORY, 'Ночная тема']]) {
  test(`night theme toggles, persists and applies before first paint (${edition})`, async () => {
    const page = await watchedPage(env.context);
    await recordFirstPaint(page);
    await page.goto(`${env.site.url}${path}`);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.waitForSelector('article.story h1');
    const toggle = page.getByRole('button', { name: label });
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false', 'follows the light system theme');
    const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
    const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.notEqual(dark, light);

    await page.reload();
    await page.waitForSelector('article.story h1');
    const first = await page.evaluate(() => window.__firstPaint);
    assert.deepEqual(first, { theme: 'dark', background: dark }, 'dark before the app started');
    assert.equal(await page.getByRole('button', { name: label }).getAttribute('aria-pressed'), 'true');
    await page.getByRole('button', { name: label }).click();
    await page.evaluate(() => localStorage.clear());
    assert.deepEqual(page.problems(), []);
    await page.close();
  });

  test(`text size is bounded at both ends and kept (${edition})`, async () => {
    const page = await watchedPage(env.context);
    await page.goto(`${env.site.url}${path}`);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.waitForSelector('article.story h1');
    const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.body')).fontSize));
    // The whole story grows, not the body alone.
    const PARTS = ['article.story h1', '.standfirst', '.body p', 'article.story figcaption', 'article.story .meta'];
    const sizes = () => page.evaluate((parts) => Object.fromEntries(parts.map((p) => [p, parseFloat(getComputedStyle(document.querySelector(p)).fontSize)])), PARTS);
    const before = await sizes();
    const larger = page.locator('.text-size button.larger');
    const smaller = page.locator('.text-size button.smaller');
    const base = await size();
    let clicks = 0;
    while (await larger.isEnabled()) {
      await larger.click();
      clicks++;
    }
    assert.ok(clicks >= 4, `${clicks} steps up`);
    assert.ok((await size()) >= base * 1.9, 'reaches 200 %');
    const after = await sizes();
    for (const p of PARTS) assert.ok(after[p] >= before[p] * 1.9, `${p}: ${before[p]}px to ${after[p]}px`);
    assert.match(await larger.textContent(), edition === 'en' ? /^A\+Text is at its largest$/ : /самый крупный/);
    const noOverflow = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    assert.ok(noOverflow, 'no sideways scrolling at 200 %');
    await page.reload();
    await page.waitForSelector('article.story h1');
    assert.ok((await size()) >= base * 1.9, 'kept across reload');
    while (await smaller.isEnabled()) await smaller.click();
    assert.ok((await size()) < base, 'goes below the default');
    assert.equal(await larger.isEnabled(), true);
    await page.evaluate(() => localStorage.clear());
    assert.deepEqual(page.problems(), []);
    await page.close();
  });
}

test('copy link puts the exact URL on the clipboard and says so', async () => {
  await env.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.site.origin });
  const page = await watchedPage(env.context);
  await page.goto(`${env.site.url}${RU_STORY}`);
  await page.waitForSelector('article.story h1');
  await page.click('button.copy-link');
  const toast = page.locator('.share [role=status]');
  await page.waitForFunction(() => document.querySelector('.share [role=status]').textContent.length > 0);
  assert.equal(await toast.textContent(), 'Ссылка скопирована');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${env.site.url}${RU_STORY}`);
  await page.waitForFunction(() => document.querySelector('.share [role=status]').textContent === '', null, { timeout: 6000 });
  assert.deepEqual(page.problems(), []);
  await page.close();
});

test('without the Clipboard API the link is shown selected to copy', async () => {
  const page = await watchedPage(env.context);
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
  });
  await page.goto(`${env.site.url}${EN_STORY}`);
  await page.waitForSelector('article.story h1');
  await page.click('button.copy-link');
  const input = page.locator('.share input');
  await input.waitFor();
  assert.equal(await input.inputValue(), `${env.site.url}${EN_STORY}`);
  const selected = await page.evaluate(() => {
    const i = document.activeElement;
    return i.tagName === 'INPUT' && i.selectionStart === 0 && i.selectionEnd === i.value.length;
  });
  assert.ok(selected, 'focused and selected');
  assert.match(await page.textContent('.share .fallback label'), /Copy this link/);
  assert.deepEqual(page.problems(), []);
  await page.close();
});

for (const [edition, path, prompt] of [['ru', RU_STORY, /Понравилась статья/], ['en', EN_STORY, /Liked the story\? Share it on social media!/]]) {
test(`share links carry the page URL and title (${edition})`, async () => {
  const page = await watchedPage(env.context);
  await page.goto(`${env.site.url}${path}`);
  await page.waitForSelector('article.story h1');
  const title = await page.textContent('article.story h1');
  const url = `${env.site.url}${path}`;
  const links = await page.$$eval('.share a', (as) => as.map((a) => ({ href: a.href, rel: a.rel, target: a.target })));
  assert.equal(links.length, 3);
  for (const l of links) {
    assert.equal(l.rel, 'noopener noreferrer');
    assert.equal(l.target, '_blank');
    const params = new URL(l.href).searchParams;
    assert.equal(params.get('url') ?? params.get('u'), url);
  }
  assert.equal(new URL(links[0].href).searchParams.get('text'), title);
  assert.match(links[0].href, /^https:\/\/x\.com\//);
  assert.match(links[1].href, /^https:\/\/www\.facebook\.com\//);
  assert.match(links[2].href, /^https:\/\/t\.me\//);
  assert.match(await page.textContent('.share .prompt'), prompt);
  await page.close();
});
}

for (const [edition, path] of [['en', EN_STORY], ['hy', 'arm/world/council-plan-1-hy']]) {
test(`print shows the story and hides the rest (${edition})`, async () => {
  const page = await watchedPage(env.context);
  await page.goto(`${env.site.url}${path}`);
  await page.waitForSelector('article.story h1');
  await page.emulateMedia({ media: 'print' });
  const visible = async (sel) => page.locator(sel).first().isVisible();
  for (const sel of ['body > header', 'footer', 'aside.ad', '.share', 'a.follow', '.text-size', 'a.label', '.views', '.tags', '#feed-heading', '#related-heading']) {
    assert.equal(await visible(sel), false, `${sel} hidden in print`);
  }
  for (const sel of ['article.story h1', 'article.story .meta', '.body p', 'figure img', 'figcaption', '.byline', '.source', '.print-only']) {
    assert.equal(await visible(sel), true, `${sel} printed`);
  }
  assert.equal(await page.textContent('.print-only'), `${env.site.url}${path}`);
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await visible('.print-only'), false);
  await page.close();
});
}

test('the native share sheet comes first where the device has one', async () => {
  const page = await watchedPage(env.context);
  await page.addInitScript(() => {
    navigator.share = (data) => {
      window.__shared = data;
      return Promise.resolve();
    };
  });
  await page.goto(`${env.site.url}${EN_STORY}`);
  await page.waitForSelector('article.story h1');
  const first = page.locator('.share .actions > *').first();
  assert.equal(await first.textContent(), 'Share');
  await first.click();
  await page.waitForFunction(() => window.__shared);
  const shared = await page.evaluate(() => window.__shared);
  assert.deepEqual(shared, { url: `${env.site.url}${EN_STORY}`, title: await page.textContent('article.story h1') });
  await page.close();
});

for (const [theme, scheme] of [['light', 'light'], ['night', 'dark']]) {
  test(`the ${theme} theme meets WCAG AA contrast on every kind of page`, async () => {
    const page = await watchedPage(env.context);
    await page.emulateMedia({ colorScheme: scheme });
    for (const path of ['', 'ru/world', EN_STORY, 'arm/world/council-plan-1-hy', 'no-such-section']) {
      await page.goto(`${env.site.url}${path}`);
      await page.waitForSelector('main h1');
      await page.waitForTimeout(200);
      const violations = await axe(page, { runOnly: ['color-contrast'] });
      assert.deepEqual(violations, [], `${theme} /${path}`);
    }
    await page.close();
  });
}

test('text at 200 % fits a phone screen', async () => {
  const page = await watchedPage(env.context);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${env.site.url}${EN_STORY}`);
  await page.waitForSelector('article.story h1');
  while (await page.locator('.text-size button.larger').isEnabled()) await page.click('.text-size button.larger');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${overflow}px of sideways scrolling`);
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

test('the edition switch keeps the reader on the translated story and section', async () => {
  const page = await watchedPage(env.context);
  await page.goto(`${env.site.url}${EN_STORY}`);
  await page.waitForSelector('article.story h1');
  await page.click('.editions a[hreflang=ru]');
  await page.waitForURL(`${env.site.url}${RU_STORY}`);
  await page.waitForSelector('article.story h1');
  assert.equal(await page.getAttribute('html', 'lang'), 'ru');
  assert.match(await page.textContent('article.story h1'), /Северный Порт/);
  assert.equal(await page.getAttribute('.editions a[hreflang=ru]', 'aria-current'), 'true');

  await page.click('nav a[href="/ru/economy"]');
  await page.waitForSelector('.section-feed article');
  await page.waitForFunction(() => document.querySelector('.editions a[hreflang=hy]').getAttribute('href') === '/arm/economy');
  await page.click('.editions a[hreflang=hy]');
  await page.waitForURL(`${env.site.url}arm/economy`);
  assert.equal(await page.getAttribute('html', 'lang'), 'hy');
  assert.equal(await page.textContent('main h1'), 'Տնտեսություն');
  assert.deepEqual(page.problems(), []);
  await page.close();
});

test('an article without a translation leads to the other edition\'s front page', async () => {
  const page = await shellPage(env.context);
  await page.route(/api\/en\/articles\/council-plan-1\.json$/, async (route) => {
    const response = await route.fetch();
    const json = await response.json();
    json.translations = [];
    await route.fulfill({ response, json });
  });
  await page.goto(`${env.site.url}${EN_STORY}`);
  await page.waitForSelector('article.story h1');
  assert.equal(await page.getAttribute('.editions a[hreflang=ru]', 'href'), '/ru/');
  await page.close();
});

test('storage that throws leaves every control working', async () => {
  const page = await watchedPage(env.context);
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('storage is disabled', 'SecurityError');
      },
    });
  });
  await page.goto(`${env.site.url}${EN_STORY}`);
  await page.waitForSelector('article.story h1');
  const toggle = page.getByRole('button', { name: 'Night theme' });
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  await page.click('.text-size button.larger');
  assert.equal(await page.getAttribute('html', 'data-text-step'), '2');
  await page.click('.editions a[hreflang=hy]');
  await page.waitForSelector('article.story h1');
  assert.equal(await page.getAttribute('html', 'lang'), 'hy');
  assert.deepEqual(page.problems(), []);
  await page.close();
});
