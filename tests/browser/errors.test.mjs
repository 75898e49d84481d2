// Failed requests, time-outs, malformed JSON and hostile content: each shows what
// failed with a Retry that recovers, keeps what the page already shows, runs nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { storyLinks, useBrowser, shellPage, withoutPrerender } from './harness.mjs';

const env = useBrowser();

const ARTICLE = /\/api\/en\/articles\/council-plan-1\.json$/;

/// Breaks the article resource in one way, checks the message, mends it, retries.
async function failThenRetry(fault, expected, { timeout } = {}) {
  const page = await shellPage(env.context);
  if (timeout) await withoutPrerender(page, { timeoutMs: timeout });
  let broken = true;
  await page.route(ARTICLE, (route) => (broken ? fault(route) : route.fallback()));
  await page.goto(`${env.site.url}world/council-plan-1`);
  const alert = page.locator('main [role=alert]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /This story could not be loaded/);
  assert.match(await alert.textContent(), expected);
  await page.waitForSelector('header nav a[href="/world"]'); // the header stays, whatever failed in main
  broken = false;
  await alert.locator('button', { hasText: 'Retry' }).click();
  await page.waitForSelector('article.story h1');
  assert.equal(await page.locator('main [role=alert]').count(), 0);
  await page.close();
  return page.problems().filter((p) => !p.includes('Failed to load resource'));
}

test('HTTP 500 shows the status and recovers on Retry', async () => {
  const problems = await failThenRetry((r) => r.fulfill({ status: 500, body: 'oops' }), /error 500/);
  assert.deepEqual(problems, []);
});

test('a time-out says so and recovers on Retry', async () => {
  const problems = await failThenRetry(
    async (r) => {
      await new Promise((res) => setTimeout(res, 3500));
      await r.fulfill({ status: 200, contentType: 'application/json', body: '{}' }).catch(() => {});
    },
    /took too long/,
    { timeout: 2000 },
  );
  assert.deepEqual(problems, []);
});

test('malformed JSON is reported as unreadable and recovers on Retry', async () => {
  const problems = await failThenRetry(
    (r) => r.fulfill({ status: 200, contentType: 'application/json', body: '{"slug": "council-plan-1", "title": ' }),
    /cannot read/,
  );
  assert.deepEqual(problems, []);
});

test('no network is reported and recovers on Retry', async () => {
  const problems = await failThenRetry((r) => r.abort('internetdisconnected'), /could not be reached/);
  assert.deepEqual(problems, []);
});

test('a failed later feed page keeps the stories already shown', async () => {
  const page = await shellPage(env.context);
  let broken = true;
  await page.route(/sections\/economy\/2\.json$/, (r) => (broken ? r.fulfill({ status: 503 }) : r.fallback()));
  await page.goto(`${env.site.url}economy`);
  await page.waitForSelector('.section-feed article');
  const before = (await storyLinks(page)).length;
  await page.click('text=Load more stories');
  const alert = page.locator('.section-feed [role=alert]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /More stories could not be loaded/);
  assert.equal((await storyLinks(page)).length, before, 'page 1 stays');
  broken = false;
  await alert.locator('button').click();
  await page.waitForFunction((n) => document.querySelectorAll('.section-feed article').length > n, before);
  await page.close();
});

test('site.json failing leaves the page readable, with Retry in the header', async () => {
  const page = await shellPage(env.context);
  let broken = true;
  await page.route(/\/api\/en\/site\.json$/, (r) => (broken ? r.fulfill({ status: 500 }) : r.fallback()));
  await page.goto(`${env.site.url}world/council-plan-1`);
  await page.waitForSelector('article.story h1');
  const alert = page.locator('header [role=alert]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /list of sections could not be loaded/);
  broken = false;
  await alert.locator('button').click();
  await page.waitForSelector('header nav a[href="/world"]');
  await page.close();
});

test('hostile html blocks and fields run nothing and keep their text', async () => {
  const page = await shellPage(env.context);
  const foreign = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.hostname !== '127.0.0.1') foreign.push(r.url());
  });
  await page.route(ARTICLE, async (route) => {
    const response = await route.fetch();
    const article = await response.json();
    article.title = '<img src=x onerror="window.__xss=1">Headline';
    article.authors = [{ name: '<script>window.__xss=2</script>Writer' }];
    article.image = { src: 'javascript:window.__xss=3', width: 10, height: 10, alt: '"><svg onload=window.__xss=4>' };
    article.body = [
      { type: 'paragraph', content: [{ text: 'before ' }, { text: 'bad link', href: 'javascript:window.__xss=5' }] },
      {
        type: 'html',
        html: 'safe text<script>window.__xss=6</script><img src=x onerror="window.__xss=7">'
          + '<iframe src="https://evil.example/"></iframe><a href="jAvAsCrIpT:window.__xss=8">click</a>'
          + '<svg><script>window.__xss=9</script></svg><style>body{display:none}</style>'
          + '<form action="https://evil.example"><input autofocus onfocus="window.__xss=10"></form>'
          + '<p onmouseover="window.__xss=11">after</p>',
      },
      { type: 'embed', provider: 'youtube', url: 'javascript:window.__xss=12', title: 'embed' },
    ];
    await route.fulfill({ response, json: article });
  });
  await page.goto(`${env.site.url}world/council-plan-1`);
  await page.waitForSelector('article.story h1');
  await page.hover('text=after');
  await page.click('text=click').catch(() => {});
  await page.click('text=bad link').catch(() => {});
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.equal(await page.textContent('article.story h1'), '<img src=x onerror="window.__xss=1">Headline');
  const body = await page.textContent('.body');
  for (const t of ['before', 'bad link', 'safe text', 'click', 'after', 'embed']) assert.ok(body.includes(t), t);
  const unsafe = await page.evaluate(() =>
    [...document.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes]
        .filter((a) => a.name.startsWith('on') || /^\s*(javascript|vbscript|data):/i.test(a.value))
        .map((a) => `${el.tagName} ${a.name}=${a.value}`),
    ),
  );
  assert.deepEqual(unsafe, []);
  assert.equal(await page.locator('main iframe, main script, main svg script, main form').count(), 0);
  assert.deepEqual(foreign, []);
  assert.equal(await page.isVisible('body'), true);
  await page.close();
});

test('a strict Content-Security-Policy ships with the pages and holds', async () => {
  const page = await shellPage(env.context);
  await page.goto(`${env.site.url}world/council-plan-1`);
  await page.waitForSelector('article.story h1');
  const policy = await page.getAttribute('meta[http-equiv=Content-Security-Policy]', 'content');
  const directives = Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  // Besides the site's own files, the hashes of the page's three inline scripts (the
  // theme, the crash notice, the app's starter), and nothing else.
  const [self, wasm, ...hashes] = directives['script-src'];
  assert.deepEqual([self, wasm], ["'self'", "'wasm-unsafe-eval'"]);
  // (From the page as served: the app's take-over drops the starter.)
  const served = await (await page.request.get(`${env.site.url}world/council-plan-1`)).text();
  const inline = [...served.matchAll(/<script(?: data-crash)?>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  assert.equal(inline.length, 3);
  const digest = (code) => `'sha256-${createHash('sha256').update(code).digest('base64')}'`;
  assert.deepEqual(hashes.sort(), inline.map(digest).sort());
  assert.deepEqual(directives['object-src'], ["'none'"]);
  assert.deepEqual(directives['base-uri'], ["'self'"]);
  assert.deepEqual(directives['form-action'], ["'self'"]);
  assert.ok(!policy.includes('unsafe-inline') && !policy.includes("'unsafe-eval'"));
  // Injected inline script is refused and reported.
  page.expectViolation();
  const refused = await page.evaluate(
    () =>
      new Promise((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true });
        const s = document.createElement('script');
        s.textContent = 'window.__inline = 1';
        document.body.append(s);
      }),
  );
  assert.match(refused, /^script-src/);
  assert.equal(await page.evaluate(() => window.__inline), undefined);
  const headers = readFileSync(new URL('../../dist/_headers', import.meta.url), 'utf8');
  assert.match(headers, /Content-Security-Policy: .*frame-ancestors 'none'/);
  await page.close();
});
