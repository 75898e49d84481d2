// The hostile-content suite in the browser: every vector of
// tests/fixtures/xss-vectors.txt served as article markup, and hostile text and URLs in
// every field of the contract that has them. Nothing may run (a dialog fails the test),
// no handler or script URL may reach the DOM, no foreign request or frame may be made,
// and the harmless text around each vector must show.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useBrowser, shellPage } from './harness.mjs';

const env = useBrowser();

const VECTORS = readFileSync(new URL('../fixtures/xss-vectors.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l && !l.startsWith('#'));

const EVIL_TEXT = '<img src=x onerror=alert("text")><script>alert("text")</script>';
const EVIL_URL = 'javascript:alert("url")';

/// Everything in the page that could run or load something it should not.
async function liveThings(page) {
  return page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) {
        if (a.name.startsWith('on')) out.push(`${el.tagName} ${a.name}`);
        if (/^\s*(javascript|vbscript|data):/i.test(a.value) && a.name !== 'content') out.push(`${el.tagName} ${a.name}=${a.value}`);
      }
    }
    for (const el of document.querySelectorAll('main iframe, main object, main embed, main script, main style, main form, main svg script, body base, body meta, meta[http-equiv=refresh]')) {
      out.push(el.tagName);
    }
    return out;
  });
}

/// Requests that leave the site. Images from web origins are allowed (an old article's
/// pictures live on its CDN); nothing else is.
async function watchForeign(page) {
  const foreign = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.hostname !== '127.0.0.1' && !(r.resourceType() === 'image' && u.protocol === 'https:')) foreign.push(r.url());
  });
  return foreign;
}

/// Problems other than the vectors' made-up images (`src=x`, the hostile host) failing
/// to load, which is what a browser does with a broken image.
const realProblems = (page) =>
  page.problems().filter((p) => !/Failed to load resource: .*\((https:\/\/evil\.example\/|http:\/\/127\.0\.0\.1:\d+\/x)/.test(p));

test(`${VECTORS.length} hostile markup vectors run nothing and keep the text around them`, async () => {
  assert.ok(VECTORS.length >= 100);
  const page = await shellPage(env.context);
  const foreign = await watchForeign(page);
  await page.route(/\/api\/en\/articles\/council-plan-1\.json$/, async (route) => {
    const response = await route.fetch();
    const article = await response.json();
    article.body = VECTORS.map((v, i) => ({ type: 'html', html: `<p>before-${i}.</p>${v}<p>after-${i}.</p>` }));
    await route.fulfill({ response, json: article });
  });
  await page.goto(`${env.site.url}world/council-plan-1`);
  await page.waitForSelector('article.story h1');
  // Give handlers a chance to fire: hover and click over the body.
  for (const el of await page.$$('.body .html-block *')) {
    await el.hover({ timeout: 200 }).catch(() => {});
  }
  await page.waitForTimeout(300);
  const text = await page.textContent('.body');
  const missing = VECTORS.flatMap((v, i) => (text.includes(`before-${i}.`) && text.includes(`after-${i}.`) ? [] : [v]));
  assert.deepEqual(missing, []);
  assert.deepEqual(await liveThings(page), []);
  assert.deepEqual(foreign, []);
  assert.equal(await page.title(), `${await page.textContent('article.story h1')} — Meridian News`);
  assert.deepEqual(realProblems(page), []);
  await page.close();
});

test('hostile text and URLs in every field of the contract stay text', async () => {
  const page = await shellPage(env.context);
  const foreign = await watchForeign(page);
  const hostileSummary = (s) => ({
    ...s,
    title: EVIL_TEXT + s.title,
    lead: EVIL_TEXT,
    image: { src: EVIL_URL, width: 10, height: 10, alt: EVIL_TEXT },
    section: { slug: s.section.slug, title: EVIL_TEXT },
  });
  await page.route(/\/api\/en\/site\.json$/, async (route) => {
    const response = await route.fetch();
    const site = await response.json();
    site.name = EVIL_TEXT + 'Site';
    site.notice = EVIL_TEXT;
    site.copyright = EVIL_TEXT;
    site.telegram = EVIL_URL;
    site.social = site.social.map((s) => ({ ...s, url: EVIL_URL }));
    site.apps = site.apps.map((a) => ({ ...a, url: 'data:text/html,<script>alert(1)</script>' }));
    site.sections = site.sections.map((s) => ({ ...s, title: EVIL_TEXT, tagline: EVIL_TEXT }));
    site.editions = site.editions.map((e) => ({ ...e, label: EVIL_TEXT }));
    await route.fulfill({ response, json: site });
  });
  await page.route(/\/api\/en\/sections\/world\/1\.json$/, async (route) => {
    const response = await route.fetch();
    const feed = await response.json();
    feed.section.title = EVIL_TEXT;
    feed.section.tagline = EVIL_TEXT;
    feed.items = feed.items.map(hostileSummary);
    feed.next = EVIL_URL;
    await route.fulfill({ response, json: feed });
  });
  await page.route(/\/api\/en\/articles\/council-plan-1\.json$/, async (route) => {
    const response = await route.fetch();
    const a = await response.json();
    Object.assign(a, {
      title: EVIL_TEXT,
      lead: EVIL_TEXT,
      source: EVIL_TEXT,
      authors: [{ name: EVIL_TEXT }],
      image: { src: EVIL_URL, srcset: `${EVIL_URL} 1x`, width: 10, height: 10, alt: EVIL_TEXT, caption: EVIL_TEXT, credit: EVIL_TEXT },
      tags: [{ slug: 'x', title: EVIL_TEXT }],
      related: a.related.map(hostileSummary),
      section: { slug: 'world', title: EVIL_TEXT },
      body: [
        { type: 'paragraph', content: [{ text: EVIL_TEXT, marks: ['strong'], href: EVIL_URL }] },
        { type: 'heading', level: 2, content: [{ text: EVIL_TEXT }] },
        { type: 'quote', content: [{ text: EVIL_TEXT }], cite: EVIL_TEXT },
        { type: 'list', ordered: false, items: [[{ text: EVIL_TEXT, href: 'vbscript:msgbox(1)' }]] },
        { type: 'image', src: 'https://evil.example/pixel.gif', width: 1, height: 1, alt: EVIL_TEXT, caption: EVIL_TEXT },
        { type: 'embed', provider: 'youtube', url: EVIL_URL, title: EVIL_TEXT },
        { type: 'embed', provider: '<script>', url: 'https://evil.example/embed', title: EVIL_TEXT },
      ],
      translations: [{ lang: 'ru', slug: '../../evil' }],
    });
    await route.fulfill({ response, json: a });
  });
  for (const path of ['world', 'world/council-plan-1']) {
    await page.goto(`${env.site.url}${path}`);
    await page.waitForSelector('main h1');
    await page.waitForTimeout(300);
    assert.deepEqual(await liveThings(page), [], path);
    const shown = await page.textContent('main');
    assert.ok(shown.includes('<script>alert("text")</script>'), `${path}: hostile text shows as text`);
  }
  assert.deepEqual(foreign, []);
  assert.equal(await page.locator('main iframe').count(), 0);
  const switchHref = await page.getAttribute('.editions a[hreflang=ru]', 'href');
  assert.ok(switchHref.startsWith('/ru/world/'), `a hostile translation slug stays inside the site: ${switchHref}`);
  assert.deepEqual(realProblems(page), []);
  await page.close();
});
