// The fault matrix: each kind of failure on each resource. Every cell must show, in the
// place of that resource, what failed with a Retry; keep the rest of the page; and
// recover on Retry once the fault is gone. (A 404 for an article or a section is an
// address that leads nowhere: the not-found page, with a way back.) The matrix is
// printed as a table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, shellPage, withoutPrerender } from './harness.mjs';

const env = useBrowser();

const FAULTS = {
  'HTTP 500': (route) => route.fulfill({ status: 500, body: 'Internal Server Error' }),
  'HTTP 404': (route) => route.fulfill({ status: 404, body: 'Not Found' }),
  'HTTP 429': (route) => route.fulfill({ status: 429, headers: { 'retry-after': '1' }, body: 'Too Many Requests' }),
  'time-out': async (route) => {
    await new Promise((r) => setTimeout(r, 3500));
    await route.fulfill({ status: 200, contentType: 'application/json', body: '{}' }).catch(() => {});
  },
  'dropped connection': (route) => route.abort('connectionreset'),
  'malformed JSON': (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"name": "x",,}' }),
  'truncated JSON': async (route) => {
    const body = await (await route.fetch()).text();
    await route.fulfill({ status: 200, contentType: 'application/json', body: body.slice(0, body.length / 2) });
  },
  'wrong field types': async (route) => {
    const body = await (await route.fetch()).body();
    // A binary file (the search index's): other bytes of the same length.
    if (!/^\s*[{[]/.test(body.toString('latin1', 0, 8))) {
      return route.fulfill({ status: 200, contentType: 'application/octet-stream', body: Buffer.from(body).reverse() });
    }
    const json = JSON.parse(body.toString('utf8'));
    for (const k of ['name', 'title', 'section', 'items', 'top', 'body', 'articles']) if (k in json) json[k] = 5;
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(json) });
  },
  offline: (route) => route.abort('internetdisconnected'),
};

const RESOURCES = {
  'site.json': {
    url: /\/api\/en\/site\.json$/,
    path: 'world/council-plan-1',
    alert: 'header [role=alert]',
    message: /list of sections could not be loaded/,
    kept: 'article.story h1',
    recovered: 'header nav a[href="/world"]',
  },
  'front page': {
    url: /\/api\/en\/front\.json$/,
    path: '',
    alert: 'main [role=alert]',
    message: /front page could not be loaded/,
    kept: 'body > header .brand',
    recovered: '.top article',
  },
  'section page 1': {
    url: /\/api\/en\/sections\/world\/1\.json$/,
    path: 'world',
    alert: 'main [role=alert]',
    message: /This section could not be loaded/,
    kept: 'body > header .brand',
    recovered: '.section-feed article',
    notFound: true,
  },
  'later feed page': {
    url: /\/api\/en\/sections\/world\/2\.json$/,
    path: 'world',
    before: async (page) => {
      await page.waitForSelector('.section-feed article');
      // Scrolled into view for the click, the button is near the feed's end, where the
      // feed asks for the next page by itself and shows the failure in its place: then
      // the click has nothing left to press, and the request went out all the same.
      await page.click('text=Load more stories', { timeout: 5000 }).catch(() => {});
    },
    alert: '.section-feed [role=alert]',
    message: /More stories could not be loaded/,
    kept: '.section-feed article',
    recovered: '.section-feed li:nth-child(11) article',
  },
  article: {
    url: /\/api\/en\/articles\/council-plan-1\.json$/,
    path: 'world/council-plan-1',
    alert: 'main [role=alert]',
    message: /This story could not be loaded/,
    kept: 'body > header .brand',
    recovered: 'article.story h1',
    notFound: true,
  },
  // The archive index's entry: without one (404) the worker falls back to the
  // one-file index, as on a site built without the archive.
  'search index': {
    url: /\/search\/en\/entry\.bin$/,
    path: 'search?q=council',
    alert: 'main [role=alert]',
    message: /Search could not be loaded/,
    kept: 'body > header .brand',
    recovered: 'main .result',
    notFound: { shows: 'main .result', label: 'one-file index' },
  },
  // The files a query fetches, named by their content: one that is not what its name
  // says is not read; one missing is looked for in the entry again (another build
  // replaced it), then reported.
  'search files': {
    url: /\/search\/en\/(r\/)?[dpwt][0-9a-f]+\.bin$/,
    path: 'search?q=council',
    alert: 'main [role=alert]',
    message: /Search could not be loaded/,
    kept: 'body > header .brand',
    recovered: 'main .result',
  },
};

const WHY = {
  'HTTP 500': /error 500/,
  'HTTP 404': /error 404/,
  'HTTP 429': /error 429/,
  'time-out': /took too long/,
  'dropped connection': /could not be reached/,
  'malformed JSON': /cannot read/,
  'truncated JSON': /cannot read/,
  'wrong field types': /cannot read/,
  offline: /could not be reached/,
};

const matrix = {};

for (const [resource, r] of Object.entries(RESOURCES)) {
  test(`fault matrix: ${resource}`, async () => {
    matrix[resource] = {};
    for (const [fault, inject] of Object.entries(FAULTS)) {
      const page = await shellPage(env.context);
      // Long enough that, on a busy machine, only the faulted request times out.
      await withoutPrerender(page, { timeoutMs: 2000 });
      let broken = true;
      await page.route(r.url, (route) => (broken ? inject(route) : route.fallback()));
      await page.goto(`${env.site.url}${r.path}`);
      if (r.before) await r.before(page);
      if (fault === 'HTTP 404' && r.notFound === true) {
        await page.waitForSelector('.not-found h1');
        assert.ok(await page.locator('.not-found a').count(), `${resource} × ${fault}: a way back`);
        matrix[resource][fault] = 'not found';
        await page.close();
        continue;
      }
      if (fault === 'HTTP 404' && r.notFound) {
        await page.waitForSelector(r.notFound.shows);
        assert.equal(await page.locator(r.alert).count(), 0, `${resource} × ${fault}: no alert`);
        matrix[resource][fault] = r.notFound.label;
        await page.close();
        continue;
      }
      const alert = page.locator(r.alert);
      await alert.waitFor({ timeout: 10000 });
      const text = await alert.textContent();
      assert.match(text, r.message, `${resource} × ${fault}`);
      assert.match(text, WHY[fault], `${resource} × ${fault}: says why`);
      // The rest of the page may still be arriving when the fault shows.
      await page.locator(r.kept).first().waitFor({ timeout: 10000 }).catch(() => {});
      assert.ok(await page.locator(r.kept).count(), `${resource} × ${fault}: the rest stays`);
      broken = false;
      await alert.locator('button').click();
      await page.waitForSelector(r.recovered, { timeout: 10000 });
      assert.equal(await page.locator(r.alert).count(), 0, `${resource} × ${fault}: the message goes`);
      matrix[resource][fault] = 'Retry ok';
      await page.close();
    }
  });
}

test('print the fault matrix', () => {
  const faults = Object.keys(FAULTS);
  const rows = Object.entries(matrix).map(([res, cells]) => [res, ...faults.map((f) => cells[f] || '—')]);
  const widths = ['resource', ...faults].map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => '| ' + cells.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
  console.log([line(['resource', ...faults]), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n'));
  assert.equal(rows.length, Object.keys(RESOURCES).length);
  assert.ok(rows.every((r) => r.slice(1).every((c) => c !== '—')));
});
