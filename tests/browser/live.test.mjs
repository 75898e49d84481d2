// Live stories (issue #30, contract section 7) against the release build: the page with
// and without scripts, posts arriving while the reader reads (published into a copy of
// the built site by the demo's own `demo-gen --live-update`, as `scripts/serve.sh`
// does), corrections, take-downs, a reader further down who is offered the new posts
// rather than pushed, and polls that fail.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, launch, watchedPage } from './harness.mjs';
import { startServer } from './static-server.mjs';

const root = new URL('../..', import.meta.url).pathname;
// The demo's live story leads its front page.
const lead = JSON.parse(readFileSync(join(DIST, 'api/en/front.json'), 'utf8')).top[0];
const STORY = `${lead.section.slug}/${lead.slug}`;
const LATEST = `api/en/live/${lead.slug}/latest.json`;

const env = {};
before(async () => {
  // A copy of the build (hard links: the demo writes each file anew, so the build
  // itself is never touched) that this file's changes go to.
  env.dir = mkdtempSync(join(tmpdir(), 'newsfront-live-'));
  execFileSync('cp', ['-al', DIST, join(env.dir, 'site')]);
  env.root = join(env.dir, 'site');
  // With the build's _headers, as a CDN serves it (`no-cache`: the browser keeps a copy
  // and asks with its ETag).
  env.server = await startServer({ root: env.root, headers: true });
  env.url = `http://127.0.0.1:${env.server.address().port}/`;
  env.context = await launch();
  env.noScripts = await launch({ javaScriptEnabled: false });
  env.poll = JSON.parse(readFileSync(join(env.root, 'api/en/site.json'), 'utf8')).live_poll_seconds;
});
after(async () => {
  await env.context?.close();
  await env.noScripts?.close();
  env.server?.close();
  rmSync(env.dir, { recursive: true, force: true });
});

/// Publishes the `step`-th change of the demo's live stories into the copy.
function publish(step) {
  execFileSync(join(root, 'target/debug/demo-gen'), ['--live-update', '--out', join(env.root, 'api'), '--step', String(step)]);
}

const latest = () => JSON.parse(readFileSync(join(env.root, LATEST), 'utf8'));
const postIds = (page) => page.$$eval('#live-posts li.live-post > article', (a) => a.map((e) => e.id));
/// A look at once, as when the reader comes back to the tab.
const lookNow = (page) => page.evaluate(() => document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));

test('a live story reads without scripts: marker, key events that jump to their posts, pinned post, posts newest first', async () => {
  const page = await env.noScripts.newPage();
  await page.goto(env.url + STORY);
  assert.equal((await page.textContent('article.story .live-marker')).trim(), 'Live');
  const events = await page.$$eval('nav.events a', (a) => a.map((e) => e.getAttribute('href')));
  assert.ok(events.length >= 10, `${events.length} key events`);
  assert.equal(await page.$$eval('nav.events > ol > li', (l) => l.length), 5, 'the newest five, the rest folded');
  // The newest key event's post is on the page: its link works without scripts.
  assert.ok(await page.$(events[0]), `${events[0]} is on the page`);
  assert.match(await page.textContent('.pinned'), /Pinned/);
  const ids = await postIds(page);
  const json = latest().posts.filter((p) => !p.deleted).map((p) => `post-${p.id}`);
  assert.deepEqual(ids, json, 'the newest page of posts, in its order');
  // Each post's time is a machine-readable <time>; the clock time for every reader here.
  const time = await page.$eval('#live-posts time', (t) => [t.getAttribute('datetime'), t.textContent]);
  assert.match(time[0], /^\d{4}-\d\d-\d\dT/);
  assert.match(time[1], /\d\d:\d\d$/);
  // Lists mark it: the front page's card, and the ended story's.
  await page.goto(env.url);
  const marks = await page.$$eval('.live-marker', (m) => m.map((e) => e.textContent.trim()));
  assert.ok(marks.includes('Live'), `front page markers: ${marks}`);
  await page.close();
});

test('without scripts every post is reached: older pages one by one from the story, and a key event on an older page opens it', async () => {
  const page = await env.noScripts.newPage();
  await page.goto(env.url + STORY);
  // Every post the JSON has, newest page first, following `next` (taken-down ones aside).
  const all = [];
  const gone = new Set(latest().posts.filter((p) => p.deleted).map((p) => p.id));
  for (let doc = latest(), dir = join(env.root, LATEST, '..'); ; ) {
    all.push(...doc.posts.filter((p) => !p.deleted && !gone.has(p.id)).map((p) => `post-${p.id}`));
    if (!doc.next) break;
    doc = JSON.parse(readFileSync(join(dir, doc.next), 'utf8'));
  }
  const seen = await postIds(page);
  // Links are relative to <base href>: their resolved `href`.
  let link = await page.$eval('section.live .older a', (a) => a.href);
  let pages = 0;
  while (link) {
    await page.goto(link);
    pages++;
    assert.match(await page.title(), /^Older updates · /);
    assert.equal(await page.getAttribute('meta[name=robots]', 'content'), 'noindex, follow');
    seen.push(...(await page.$$eval('main ol.posts > li article', (a) => a.map((e) => e.id))));
    const next = await page.$('a[rel=next]');
    link = next && (await next.evaluate((a) => a.href));
  }
  assert.ok(pages >= 10, `${pages} older pages`);
  assert.deepEqual(seen, all, 'every post once, newest first');
  // The oldest key event: its link opens the older page with its post.
  await page.goto(env.url + STORY);
  const href = await page.locator('nav.events details a').last().evaluate((a) => a.href);
  assert.match(href, /\/updates\/[^/#]+#post-/);
  await page.goto(href);
  assert.ok(await page.$(`#${href.split('#')[1]}`), `${href} holds its post`);
  // "Latest updates" leads back to the story's posts.
  await page.click('nav.pages a:not([rel])');
  await page.waitForURL(new RegExp(`${STORY}#live-heading$`));
  await page.close();
});

test('a post published arrives within one poll interval plus 2 s; a correction replaces it in place; a take-down removes it; an unchanged poll costs no body', async () => {
  const page = await watchedPage(env.context);
  const polls = [];
  page.on('requestfinished', async (r) => {
    if (!r.url().endsWith(LATEST)) return;
    const asked = (await r.allHeaders())['if-none-match'];
    polls.push({ asked: !!asked, body: (await r.sizes()).responseBodySize });
  });
  await page.goto(env.url + STORY);
  await page.waitForSelector('#live-posts article');
  // Each post says how long ago it was published while fresh; the clock time stays in
  // its title and for screen readers.
  const before = await postIds(page);
  const newest = Number(before[0].replace('post-p-', ''));

  publish(1);
  const published = Date.now();
  await page.waitForSelector(`#post-p-${newest + 1}`, { timeout: (env.poll + 4) * 1000 });
  const took = (Date.now() - published) / 1000;
  assert.ok(took <= env.poll + 2, `arrived after ${took.toFixed(1)} s (poll every ${env.poll} s)`);
  assert.deepEqual((await postIds(page)).slice(1), before, 'on top, the rest in place');
  const fresh = await page.$eval(`#post-p-${newest + 1} time`, (t) => [t.textContent, t.title]);
  assert.match(fresh[0], /just now|min ago/);
  assert.match(fresh[1], /\d\d:\d\d$/);
  assert.equal(await page.textContent('section.live p.visually-hidden[role=status]'), '1 new update', 'announced once');

  // Nothing new: the browser asks with the ETag, and the answer has no body (304).
  const asked = polls.length;
  await lookNow(page);
  await page.waitForFunction(() => true);
  await page.waitForTimeout(500);
  assert.equal(polls.length, asked + 1, 'one request');
  assert.deepEqual(polls.at(-1), { asked: true, body: 0 }, JSON.stringify(polls));

  // A correction (demo step 4: the third post shown gets an update line).
  const third = (await postIds(page))[2];
  publish(4);
  await lookNow(page);
  await page.waitForFunction((id) => /Updated/.test(document.getElementById(id)?.querySelector('.when')?.textContent || ''), third);
  assert.equal((await postIds(page))[2], third, 'corrected where it stood');

  // A take-down (step 8: the second post shown).
  const second = (await postIds(page))[1];
  publish(8);
  await lookNow(page);
  await page.waitForFunction((id) => !document.getElementById(id), second);
  assert.ok(!(await postIds(page)).includes(second));
  assert.deepEqual(page.problems(), []);
  await page.close();
});

test('a reader who only reads gets the updates: the app comes once the page and its lead photo have loaded', async () => {
  const page = await watchedPage(env.context);
  // No intent at all: the page as it arrives, not touched.
  await page.mainFrame().goto(env.url + STORY);
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-app'), null, { timeout: 15000 });
  const [photo, wasm] = await page.evaluate(() => {
    const src = document.querySelector('img[fetchpriority=high]').currentSrc;
    const entries = performance.getEntriesByType('resource');
    return [entries.find((e) => e.name == src).responseEnd, entries.find((e) => e.name.endsWith('.wasm')).startTime];
  });
  assert.ok(wasm >= photo, `the app's Wasm asked for at ${wasm.toFixed(0)} ms, the lead photo in at ${photo.toFixed(0)} ms`);
  const newest = (await postIds(page))[0];
  publish(2);
  await lookNow(page);
  await page.waitForFunction((id) => document.querySelector('#live-posts article').id != id, newest);
  assert.deepEqual(page.problems(), []);
  await page.close();
});

test('a reader scrolled into the posts is offered the new ones: nothing moves, focus stays, then the button takes them there', async () => {
  const page = await watchedPage(env.context);
  await page.goto(env.url + STORY);
  await page.waitForSelector('#live-posts article');
  // The page was built before the last test's changes: it catches up first.
  await lookNow(page);
  await page.waitForSelector('#post-p-241');
  await page.evaluate(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
    }).observe({ type: 'layout-shift', buffered: false });
  });
  // Into the middle of the posts, with a link of one of them focused.
  const middle = page.locator('#live-posts li.live-post').nth(8);
  await middle.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, 200));
  await page.locator('#live-posts li.live-post > article').nth(8).focus();
  await page.waitForTimeout(300);
  const y = await page.evaluate(() => window.scrollY);
  const focused = await page.evaluate(() => document.activeElement.id);
  const first = (await postIds(page))[0];

  const steps = [...Array(20).keys()].map((i) => i + 10).filter((s) => s % 5 != 4 && s % 9 != 8);
  for (const step of steps) publish(step);
  await lookNow(page);
  const button = page.locator('section.live .new-stories');
  await button.waitFor({ state: 'visible' });
  const n = Number((await button.textContent()).match(/\d+/)[0]);
  assert.equal(n, steps.length, 'every new post offered');
  assert.equal((await postIds(page))[0], first, 'none shown yet');
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(() => window.scrollY), y, 'the page did not move');
  assert.equal(await page.evaluate(() => document.activeElement.id), focused, 'focus stayed');
  assert.equal(await page.evaluate(() => window.__shift), 0, 'no layout shift');

  await button.click();
  await page.waitForFunction((f) => document.querySelector('#live-posts article').id != f, first);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'live-posts', 'taken to the newest');
  const top = await page.evaluate(() => document.getElementById('live-posts').getBoundingClientRect().top);
  assert.ok(Math.abs(top) < 100, `the posts' top is in view (${top})`);
  assert.ok(await button.isHidden());
  assert.deepEqual(page.problems(), []);
  await page.close();
});

test('older posts load in place (the link, as the reader scrolls, and to reach a key event on an older page); an older page\'s own address works with the app too', async () => {
  const page = await watchedPage(env.context);
  await page.goto(env.url + STORY);
  await page.waitForSelector('#live-posts article');
  const first = (await postIds(page)).length;
  await page.mouse.move(5, 5);
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-app'));
  await page.click('section.live .older a');
  await page.waitForFunction((n) => document.querySelectorAll('#live-posts li.live-post').length > n, first);
  assert.equal(page.url(), env.url + STORY, 'loaded in place, not followed');
  const shown = (await postIds(page)).length;
  // The oldest key event: its post is pages away.
  await page.click('nav.events summary');
  const last = page.locator('nav.events details a').last();
  // Its link names the older page that holds the post (for a reader without scripts);
  // the app loads the pages in place instead.
  const target = (await last.getAttribute('href')).split('#')[1];
  assert.ok(!(await page.$(`#${target}`)), 'not on the page yet');
  await last.click();
  await page.waitForFunction((id) => document.activeElement?.id == id, target, { timeout: 20000 });
  assert.ok((await postIds(page)).length > shown + 100, 'older pages loaded on the way');
  // An older page opened with the app: taken over as it is, its links live.
  await page.goto(`${env.url}${STORY}/updates/p-100`);
  await page.mouse.move(5, 5);
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-app'));
  const ids = await page.$$eval('main ol.posts > li article', (a) => a.map((e) => e.id));
  assert.equal(ids.length, 20, ids.join());
  await page.click('a[rel=next]');
  await page.waitForURL(/updates\/p-80$/);
  await page.waitForFunction((first) => document.querySelector('main ol.posts article')?.id != first, ids[0]);
  assert.deepEqual(page.problems(), []);
  await page.close();
});

test('search results mark the live story, and only it', async () => {
  const page = await watchedPage(env.context);
  await page.goto(`${env.url}search?q=${encodeURIComponent(lead.title)}`);
  const result = page.locator('main .result', { has: page.locator(`a[href$="${STORY}"]`) });
  await result.waitFor();
  assert.equal((await result.locator('.live-marker').textContent()).trim(), 'Live');
  const marked = await page.$$eval('main .result', (rs) => rs.filter((r) => r.querySelector('.live-marker')).length);
  const stories = JSON.parse(readFileSync(join(env.root, 'api/en/front.json'), 'utf8'));
  assert.ok(marked >= 1 && marked <= 2, `${marked} results marked (the live story, perhaps the ended one)`);
  assert.ok(stories.top[0].live, 'the front page lists it as live');
  assert.deepEqual(page.problems(), []);
  await page.close();
});

test('polls that fail say nothing at first, then a quiet notice with Retry; what is shown stays', async () => {
  const page = await watchedPage(env.context);
  await page.goto(env.url + STORY);
  await page.waitForSelector('#live-posts article');
  const ids = await postIds(page);
  await page.route(`**/${LATEST}`, (route) => route.abort());
  await lookNow(page);
  await page.waitForTimeout(400);
  await lookNow(page);
  await page.waitForTimeout(400);
  assert.equal(await page.$('section.live .quiet'), null, 'two failures: nothing said');
  await lookNow(page);
  const notice = page.locator('section.live .quiet');
  await notice.waitFor();
  assert.match(await notice.textContent(), /could not be checked/);
  assert.deepEqual(await postIds(page), ids, 'nothing lost');
  await page.unroute(`**/${LATEST}`);
  await notice.locator('button').click();
  await notice.waitFor({ state: 'detached' });
  // Failed requests log to the console by themselves; nothing else may.
  assert.deepEqual(page.problems().filter((p) => !p.includes('net::ERR_FAILED')), []);
  await page.close();
});
