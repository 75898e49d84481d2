// Shared set-up for the browser tests: the release build served by a plain static
// server, Debian's Chromium driven by playwright-core, and a page that records every
// console error, uncaught exception and CSP violation so tests can assert there were none.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './static-server.mjs';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/// Runs axe-core on the page; returns the violations as "rule: target" lines.
export async function axe(page, options = {}) {
  // Evaluated through the DevTools protocol: an injected <script> would (rightly) be
  // refused by the page's Content-Security-Policy.
  await page.evaluate(AXE);
  const result = await page.evaluate((opts) => window.axe.run(document, opts), options);
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${n.failureSummary})`));
}

export const DIST = new URL('../../dist/', import.meta.url).pathname;

const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function launch(options = {}) {
  // A new, empty profile each run: nothing cached from an earlier run.
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'newsfront-')), {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ARGS,
    viewport: { width: 1280, height: 900 },
    // The site's service worker answers requests that `page.route` never sees: the tests
    // of faults route requests, so only the tests of reading offline let it run
    // (offline.test.mjs).
    serviceWorkers: 'block',
    ...options,
  }).then((context) => {
    context.scriptsOff = options.javaScriptEnabled === false;
    return context;
  });
}

/// One browser and one served site for a test file, closed after its last test.
/// The returned object's `context` and `site` are set once the file's tests start.
export function useBrowser() {
  const env = {};
  before(async () => {
    env.context = await launch();
    env.site = await serve();
  });
  after(async () => {
    await env.context?.close();
    env.site?.server.close();
  });
  return env;
}

export async function serve(mount = '/') {
  const server = await startServer({ root: DIST, mount });
  const { port } = server.address();
  return { server, origin: `http://127.0.0.1:${port}`, url: `http://127.0.0.1:${port}${mount}` };
}

/// A page that collects problems. `problems()` lists them; deep links served by the
/// static host's 404.html (the page's or a frame's) are expected to log their own 404
/// and are not counted.
export async function watchedPage(context) {
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const loc = m.location().url || '';
    const isDocument404 = m.text().includes('404') && page.frames().some((f) => f.url() === loc);
    if (!isDocument404) problems.push(`console: ${m.text()} (${loc})`);
  });
  page.on('pageerror', (e) => problems.push(`exception: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    d.dismiss();
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.problems = () => problems;
  // A pre-rendered page shows before the app runs and starts it on intent
  // (crates/publish/src/early.js): navigations point the mouse at a link in view, as a reader
  // about to follow one would, and wait for the take-over (`<html data-app>`). Tests of the
  // page before the app use `page.mainFrame().goto`.
  if (!context.scriptsOff) {
    for (const name of ['goto', 'reload', 'goBack', 'goForward']) {
      const go = page[name].bind(page);
      page[name] = async (...args) => {
        const response = await go(...args);
        const link = await page
          .evaluate(() => {
            for (const a of document.querySelectorAll('a[href]')) {
              const r = a.getBoundingClientRect();
              if (a.origin == location.origin && !a.target && r.width && r.top >= 0 && r.bottom <= innerHeight) {
                return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
              }
            }
            return null;
          })
          .catch(() => null);
        if (link) {
          await page.mouse.move(link.x, link.y);
          await page.mouse.move(0, 0);
        }
        // Not for other sites' pages (partner pages), and not past a crash (its test
        // looks for the crash notice itself).
        await page
          .waitForFunction(
            () => document.documentElement.hasAttribute('data-app') || !document.querySelector('meta[name="api-base"]'),
            null,
            { timeout: 5000 },
          )
          .catch(() => {});
        return response;
      };
    }
  }
  // Every test fails on a Content-Security-Policy violation, whether or not it looks
  // at `problems()`: closing the page checks. A test that provokes one on purpose
  // calls `page.expectViolation()` first.
  let violationExpected = false;
  page.expectViolation = () => {
    violationExpected = true;
  };
  const close = page.close.bind(page);
  page.close = async () => {
    const violations = problems.filter((p) => p.includes('CSP violation'));
    await close();
    if (!violationExpected) assert.deepEqual(violations, [], 'Content-Security-Policy violations');
  };
  return page;
}

/// Answers every page address of `page` with the app's shell (404.html) instead of its
/// pre-rendered page, as for a story published after the last build: the app then
/// fetches everything itself. Tests of what the app does with the backend's answers
/// use it, since a pre-rendered page brings its answers along. `timeoutMs` also sets a
/// shorter API time-out, for time-out tests.
export async function withoutPrerender(page, { timeoutMs } = {}) {
  await page.route(/\/([^/.]*|[^/]*\.html)$/, async (route) => {
    if (route.request().resourceType() !== 'document') return route.fallback();
    const url = new URL(route.request().url());
    const shell = await route.fetch({ url: `${url.origin}/404.html` });
    let body = await shell.text();
    if (timeoutMs) {
      body = body.replace(
        '<meta name="api-base" content="api/">',
        `<meta name="api-base" content="api/"><meta name="api-timeout-ms" content="${timeoutMs}">`,
      );
    }
    await route.fulfill({ status: 200, contentType: 'text/html', body });
  });
}

/// A watched page that never gets a pre-rendered page (see `withoutPrerender`).
export async function shellPage(context) {
  const page = await watchedPage(context);
  await withoutPrerender(page);
  return page;
}

export async function storyLinks(page) {
  return page.$$eval('.section-feed article :is(h2, h3) a', (as) => as.map((a) => a.getAttribute('href')));
}
