// Partner widgets and social embeds. The site is served with its `_headers` applied,
// as a static host would; a "partner" page is served from a second origin (another
// port) with the loader, and must get working, well-sized, isolated widgets.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync, readdirSync } from 'node:fs';
import { DIST, launch, shellPage, watchedPage } from './harness.mjs';
import { startServer } from './static-server.mjs';

const env = {};
const partnerPages = new Map();

before(async () => {
  env.context = await launch();
  const site = await startServer({ root: DIST, headers: true });
  env.site = site;
  env.origin = `http://127.0.0.1:${site.address().port}`;
  const partner = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const body = partnerPages.get(path);
    if (path === '/favicon.ico') return res.writeHead(204).end();
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body || 'not here');
  });
  await new Promise((r) => partner.listen(0, '127.0.0.1', r));
  env.partnerServer = partner;
  // "localhost", not 127.0.0.1: another origin than the site's, as on the web.
  env.partner = `http://localhost:${partner.address().port}`;
});

after(async () => {
  await env.context?.close();
  env.site?.close();
  env.partnerServer?.close();
});

/// Serves `html` as a partner's page at `path` and returns its URL.
function partnerPage(path, html) {
  partnerPages.set(path, `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Partner</title></head>
<body style="margin:0;font:16px sans-serif"><h1>A partner's page</h1>${html}
<script src="${env.origin}/embed.js" async></script></body></html>`);
  return `${env.partner}${path}`;
}

const article = JSON.parse(readFileSync(`${DIST}api/ru/sections/world/1.json`, 'utf8')).items[0];

/// Waits until every widget frame of the page reports its height and the frame fits it.
async function settled(page, count) {
  await page.waitForFunction((n) => document.querySelectorAll('iframe').length === n, count);
  for (const frame of page.frames().filter((f) => f.url().includes('/embed/'))) {
    await frame.waitForSelector('main h1 a');
    await frame.waitForSelector('.credit a');
  }
  // The last size message may still be on its way: give the frames a moment to fit.
  for (let tries = 0; tries < 25; tries++) {
    const handles = await page.$$('iframe');
    let fit = true;
    for (const h of handles) {
      const frame = await h.contentFrame();
      const bottom = await frame.evaluate(() => document.querySelector('.widget')?.getBoundingClientRect().bottom);
      const height = (await h.boundingBox()).height;
      if (bottom !== undefined && Math.abs(height - bottom) > 2) fit = false;
    }
    if (fit) break;
    await page.waitForTimeout(200);
  }
  return page.$$eval('iframe', (fs) => fs.map((f) => f.getBoundingClientRect().height));
}

async function frameMetrics(frame) {
  return frame.evaluate(() => {
    const widget = document.querySelector('.widget');
    const texts = [...document.querySelectorAll('main a, main p, main time')];
    return {
      scrollable: document.documentElement.scrollHeight > window.innerHeight + 1,
      scrollHeight: document.documentElement.scrollHeight,
      widgetBottom: Math.ceil(widget.getBoundingClientRect().bottom),
      viewport: window.innerHeight,
      clipped: texts.filter((t) => t.getBoundingClientRect().bottom > window.innerHeight + 1).length,
      theme: document.documentElement.dataset.theme,
      headlines: document.querySelectorAll('ol li').length,
      credit: document.querySelector('.credit')?.textContent,
      lang: document.documentElement.lang,
    };
  });
}

test('widgets on a partner page: shown, sized to their content, each on its own', async () => {
  const page = await watchedPage(env.context);
  await page.goto(partnerPage('/two.html', `
    <div id="a" data-embed="section/world" data-count="3" data-theme="light"></div>
    <p>Between the widgets.</p>
    <div id="b" data-embed="article/world/${article.slug}" data-edition="ru" data-theme="dark"></div>
    <div style="height: 800px">Below this, a widget that loads off screen (browsers throttle such frames).</div>
    <div id="c" data-embed="section/politics" data-count="8"></div>`));
  const heights = await settled(page, 3);
  const byId = {};
  for (const id of ['a', 'b', 'c']) {
    const handle = await page.$(`#${id} iframe`);
    byId[id] = await handle.contentFrame();
    assert.equal(await handle.getAttribute('sandbox'), 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox');
    assert.equal(await handle.getAttribute('loading'), 'lazy');
    assert.ok((await handle.getAttribute('title')).length > 0, 'the frame has a title');
  }
  // What the reader sees: each frame in view (browsers update an off-screen frame's
  // own idea of its size only once it is shown; the loader sized it meanwhile).
  const inView = async (id) => {
    await page.locator(`#${id} iframe`).scrollIntoViewIfNeeded();
    await page.waitForTimeout(150);
    return frameMetrics(byId[id]);
  };
  const mc = await inView('c');
  const mb = await inView('b');
  const ma = await inView('a');
  assert.equal(ma.headlines, 3);
  assert.equal(mc.headlines, 8);
  assert.equal(ma.theme, 'light');
  assert.equal(mb.theme, 'dark');
  assert.equal(mb.lang, 'ru');
  assert.match(ma.credit, /^From Meridian News$/);
  assert.match(mb.credit, /^Источник:/);
  for (const [name, m, h] of [['a', ma, heights[0]], ['b', mb, heights[1]], ['c', mc, heights[2]]]) {
    assert.equal(m.scrollable, false, `${name}: no scroll bar (${JSON.stringify(m)}, frame ${h})`);
    assert.equal(m.clipped, 0, `${name}: no clipped text`);
    assert.ok(Math.abs(h - m.widgetBottom) <= 2, `${name}: frame ${h}px fits content ${m.widgetBottom}px`);
  }
  assert.ok(heights[2] > heights[0] + 100, 'eight headlines are taller than three');
  assert.deepEqual(page.problems(), []);
  await page.close();
});

test('a widget link opens the full story in a new tab', async () => {
  const page = await watchedPage(env.context);
  await page.goto(partnerPage('/one.html', '<div data-embed="section/world" data-count="2"></div>'));
  await settled(page, 1);
  const frame = await (await page.$('iframe')).contentFrame();
  const link = frame.locator('ol li a').first();
  assert.equal(await link.getAttribute('target'), '_blank');
  assert.match(await link.getAttribute('rel'), /noopener/);
  const title = await link.textContent();
  const [story] = await Promise.all([env.context.waitForEvent('page'), link.click()]);
  await story.waitForSelector('article.story h1');
  assert.equal(new URL(story.url()).origin, env.origin);
  assert.equal(await story.textContent('article.story h1'), title);
  assert.equal(await story.evaluate(() => window.opener), null, 'the story cannot reach the partner page');
  await story.close();
  await page.close();
});

test('forged size messages from the partner page or another frame change nothing', async () => {
  const page = await watchedPage(env.context);
  partnerPages.set('/evil.html', '<!DOCTYPE html><title>evil</title><p>evil</p>');
  await page.goto(partnerPage('/forged.html', `
    <div data-embed="section/world" data-count="4"></div>
    <iframe id="other" src="${env.origin}/embed/section/culture?count=1" title="not the loader's"></iframe>
    <iframe id="evil" src="/evil.html" title="another frame"></iframe>`));
  await page.waitForFunction(() => document.querySelectorAll('[data-embed] iframe').length === 1);
  const widget = await (await page.$('[data-embed] iframe')).contentFrame();
  await widget.waitForSelector('ol li a');
  await page.waitForTimeout(300);
  const height = () => page.$eval('[data-embed] iframe', (f) => f.style.height);
  const before = await height();
  assert.notEqual(before, '', 'the loader sized the frame');

  // From the partner page itself.
  await page.evaluate(() => window.postMessage({ newsfront: 'size', height: 7 }, '*'));
  // From a frame of the site's own origin that the loader did not make.
  const other = await (await page.$('#other')).contentFrame();
  await other.waitForSelector('ol li a');
  await other.evaluate(() => parent.postMessage({ newsfront: 'size', height: 9 }, '*'));
  // From a frame of another origin, to the partner page and to the widget.
  const evil = await (await page.$('#evil')).contentFrame();
  await evil.waitForSelector('p');
  await evil.evaluate(() => {
    parent.postMessage({ newsfront: 'size', height: 11 }, '*');
    parent.frames[0].postMessage({ newsfront: 'hello' }, '*');
  });
  // From the real widget, but not in the agreed shape.
  await widget.evaluate(() => {
    parent.postMessage({ newsfront: 'size', height: '13px' }, '*');
    parent.postMessage({ newsfront: 'size', height: 1e9 }, '*');
    parent.postMessage('newsfront:size:15', '*');
  });
  await page.waitForTimeout(500);
  assert.equal(await height(), before);
  assert.deepEqual(page.problems(), []);
  await page.close();
});

test('placeholders added after the page loaded get their widget', async () => {
  const page = await watchedPage(env.context);
  await page.goto(partnerPage('/later.html', '<div data-embed="section/sport" data-count="2"></div>'));
  await settled(page, 1);
  await page.evaluate(() => {
    const wrap = document.createElement('section');
    wrap.innerHTML = '<div data-embed="section/economy" data-count="2" data-edition="arm"></div>';
    document.body.appendChild(wrap);
    const bad = document.createElement('div');
    bad.setAttribute('data-embed', '../../admin');
    document.body.appendChild(bad);
  });
  await settled(page, 2);
  const frame = await (await page.$('section iframe')).contentFrame();
  assert.equal((await frameMetrics(frame)).lang, 'hy');
  assert.equal(await page.getAttribute('[data-embed="../../admin"]', 'data-embed-state'), 'invalid');
  assert.deepEqual(page.problems(), []);
  await page.close();
});

test('_headers: pages refuse to be framed, widgets may be, hashed assets are immutable', async () => {
  const head = async (path) => (await fetch(`${env.origin}${path}`)).headers;
  const story = await head(`/world/${article.slug}`);
  assert.match(story.get('content-security-policy'), /frame-ancestors 'none'/);
  assert.equal(story.get('x-frame-options'), 'DENY');
  assert.equal(story.get('cache-control'), 'no-cache');
  const widget = await head('/ru/embed/section/world');
  assert.match(widget.get('content-security-policy'), /frame-ancestors \*$/);
  assert.doesNotMatch(widget.get('content-security-policy'), /'none'$/);
  assert.equal(widget.get('x-frame-options'), null);
  const wasm = readdirSync(DIST).find((f) => f.endsWith('.wasm'));
  assert.equal((await head(`/${wasm}`)).get('cache-control'), 'public, max-age=31536000, immutable');

  const page = await watchedPage(env.context);
  await page.goto(partnerPage('/clickjack.html', `
    <iframe id="story" src="${env.origin}/world/${article.slug}" title="story"></iframe>
    <iframe id="widget" src="${env.origin}/embed/section/world" title="widget"></iframe>`));
  const widgetFrame = await (await page.$('#widget')).contentFrame();
  await widgetFrame.waitForSelector('ol li a');
  await page.waitForTimeout(500);
  const storyFrame = await (await page.$('#story')).contentFrame();
  const shown = await storyFrame.evaluate(() => document.querySelectorAll('main').length).catch(() => 0);
  assert.equal(shown, 0, 'the story page did not render inside the partner frame');
  // Chromium reports the refused frame in the console (and its error page); that is
  // the point here.
  assert.deepEqual(page.problems().filter((p) => !/frame-ancestors|chrome-error:/.test(p)), []);
  await page.close();
});

test('a widget shows what failed and recovers on Retry', async () => {
  // A widget the build has no page for yet (a section newer than the last publish) is
  // the app's, which fetches its data.
  const page = await shellPage(env.context);
  let fail = true;
  await page.route('**/api/en/sections/world/1.json', (route) =>
    fail ? route.fulfill({ status: 503, body: 'down' }) : route.fallback());
  await page.goto(`${env.origin}/embed/section/world?count=2`);
  await page.waitForSelector('[role=alert]:has-text("This section could not be loaded.")');
  assert.match(await page.textContent('[role=alert]'), /503/);
  fail = false;
  await page.click('text=Retry');
  await page.waitForSelector('ol li a');
  assert.equal(await page.locator('ol li').count(), 2);
  assert.equal(await page.locator('body > header, body > footer').count(), 0, 'no site header or footer');
  await page.close();
});

test('a pre-rendered widget runs no app; one newer than the build works through the app', async () => {
  const page = await watchedPage(env.context);
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  // The story under another section's address: not a page of the build.
  await page.goto(partnerPage('/static.html', `
    <div id="a" data-embed="section/world" data-count="3"></div>
    <div id="b" data-embed="article/world/council-plan-1" data-theme="dark"></div>
    <div id="c" data-embed="article/culture/council-plan-1"></div>`));
  await settled(page, 3);
  const frames = {};
  for (const id of ['a', 'b', 'c']) frames[id] = await (await page.$(`#${id} iframe`)).contentFrame();
  const app = requests.filter((p) => /\.wasm$|newsfront|start-|deferred-|\/api\//.test(p));
  assert.ok(app.some((p) => p.endsWith('.wasm')), 'the third widget runs the app');
  const appFrame = frames.c.url();
  // What the pre-rendered frames loaded: their page, CSS, their script.
  const loaded = async (frame) => frame.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
  for (const id of ['a', 'b']) {
    const files = await loaded(frames[id]);
    assert.deepEqual(files.filter((p) => /\.wasm$|newsfront|start-|deferred-|crash-|\/api\/.*\.json$/.test(p)), [], `${id}: ${files}`);
    assert.ok(files.some((p) => /\/widget-[0-9a-f]{16}\.js$/.test(p)), `${id} loads its script: ${files}`);
  }
  assert.equal(await frames.a.locator('ol li').count(), 3, 'the count asked for, out of the ten pre-rendered');
  assert.equal(await frames.b.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.equal(await frames.b.textContent('main h1'), await frames.c.textContent('main h1'), 'the same story either way');
  for (const id of ['a', 'b', 'c']) {
    const m = await frameMetrics(frames[id]);
    assert.equal(m.scrollable, false, `${id}: no scroll bar`);
  }
  // The app's widget crashes: its notice reloads the widget, not the site's front page
  // (which refuses to be framed).
  await frames.c.evaluate(() => setTimeout(() => { throw new WebAssembly.RuntimeError('unreachable'); }));
  await frames.c.waitForSelector('#crash:visible');
  assert.equal(await frames.c.getAttribute('#crash a', 'href'), appFrame);
  assert.deepEqual(page.problems().filter((p) => !/unreachable/.test(p)), []);
  await page.close();
});

test('social embeds load nothing foreign until the reader asks, then a sandboxed player', async () => {
  const page = await watchedPage(env.context);
  const foreign = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(env.origin)) foreign.push(r.url());
  });
  await page.route('https://www.youtube-nocookie.com/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!DOCTYPE html><title>player</title><p>a player</p>' }));
  await page.goto(`${env.origin}/culture/consultation-opens-138`);
  await page.waitForSelector('article.story h1');
  const cards = page.locator('figure.embed');
  assert.equal(await cards.count(), 2, 'a YouTube and a Facebook post');
  await page.waitForTimeout(500);
  assert.deepEqual(foreign, [], 'no request to a provider before the click');
  assert.equal(await page.locator('figure.embed iframe').count(), 0);

  const played = page.waitForRequest((r) => r.url().startsWith('https://www.youtube-nocookie.com/embed/'));
  await cards.first().locator('button').click();
  const frame = cards.first().locator('iframe');
  await frame.waitFor();
  assert.equal(await frame.getAttribute('src'), 'https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ');
  assert.match(await frame.getAttribute('sandbox'), /^allow-scripts allow-same-origin allow-popups/);
  assert.ok((await frame.getAttribute('title')).length > 0);
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'IFRAME', 'focus moves to the player');
  await played;
  assert.ok(foreign.every((u) => u.startsWith('https://www.youtube-nocookie.com/')), foreign.join());
  assert.equal(await page.locator('figure.embed iframe').count(), 1, 'the other post is still a card');
  assert.deepEqual(page.problems(), []);
  await page.close();
});

test('unknown providers and bad addresses stay link cards, never frames', async () => {
  const page = await shellPage(env.context);
  const body = JSON.parse(readFileSync(`${DIST}api/en/articles/consultation-opens-138.json`, 'utf8'));
  body.body = [
    { type: 'embed', provider: 'vimeo', url: 'https://vimeo.com/1', title: 'Unknown provider' },
    { type: 'embed', provider: 'youtube', url: 'https://evil.example/watch?v=aqz-KE-bpKQ', title: 'Not YouTube' },
    { type: 'embed', provider: 'twitter', url: 'javascript:alert(1)', title: 'Script' },
    { type: 'paragraph', content: [{ text: 'After the embeds.' }] },
  ];
  await page.route('**/api/en/articles/consultation-opens-138.json', (route) => route.fulfill({ json: body }));
  await page.goto(`${env.origin}/culture/consultation-opens-138`);
  await page.waitForSelector('text=After the embeds.');
  assert.equal(await page.locator('figure.embed').count(), 3);
  assert.equal(await page.locator('figure.embed button, figure.embed iframe').count(), 0);
  assert.equal(await page.locator('figure.embed a[href^="javascript"]').count(), 0);
  assert.equal(await page.getAttribute('figure.embed a >> nth=1', 'href'), 'https://evil.example/watch?v=aqz-KE-bpKQ');
  assert.deepEqual(page.problems(), []);
  await page.close();
});

test('the crash notice appears when the app traps, with a reload link', async () => {
  const page = await watchedPage(env.context);
  await page.goto(`${env.origin}/world`);
  await page.waitForSelector('.section-feed article');
  assert.equal(await page.isVisible('#crash'), false);
  await page.evaluate(() => {
    setTimeout(() => { throw new WebAssembly.RuntimeError('unreachable'); });
  });
  await page.waitForSelector('#crash:visible');
  assert.equal(await page.textContent('#crash p'), 'Something went wrong and this page stopped working.');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Reload the page');
  assert.equal(await page.getAttribute('#crash a', 'href'), `${env.origin}/world`);
  await page.close();
});
