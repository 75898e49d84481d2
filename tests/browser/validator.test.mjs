// Valid HTML: every kind of page through the Nu Html Checker (npm `vnu-jar`, the W3C
// validator's engine, on Debian's Java), as served (what a reader with scripts off, a
// crawler or a link preview gets) and as the document stands once the app has taken it
// over or rendered it (scripts on). Zero errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vnu from 'vnu-jar';
import { useBrowser, watchedPage } from './harness.mjs';

const env = useBrowser();

const PAGES = {
  front: '',
  'front (ru)': 'ru/',
  section: 'world',
  article: 'world/council-plan-1',
  'article (hy)': 'arm/world/council-plan-1-hy',
  'live story': 'politics/residents-debate-2',
  'live story (ru)': 'ru/politics/residents-debate-2-ru',
  "live story's older page": 'politics/residents-debate-2/updates/p-100',
  search: 'search?q=council',
  'not found': 'no-such-page',
  'headlines widget': 'embed/section/world?count=3',
  'story widget': 'ru/embed/article/world/council-plan-1-ru',
  'widget newer than the build': 'embed/article/culture/council-plan-1',
  'offline page (ru)': 'ru/offline/',
};

/// The checker's errors per file, as "name: line: message".
function validate(files) {
  let out;
  try {
    out = execFileSync('java', ['-jar', vnu, '--errors-only', '--format', 'json', ...files.map((f) => f.path)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    // It exits 1 when it found errors and writes its report to standard error.
    out = e.stderr;
  }
  const report = JSON.parse(out || '{"messages":[]}');
  const name = new Map(files.map((f) => [`file:${f.path}`, f.name]));
  return report.messages.map((m) => `${name.get(m.url) || m.url}: ${m.lastLine}: ${m.message}`);
}

test('every kind of page is valid HTML, with scripts off and on', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsfront-vnu-'));
  const files = [];
  const keep = (name, html) => {
    const path = join(dir, `${files.length}.html`);
    writeFileSync(path, html);
    files.push({ name, path });
  };
  for (const [kind, path] of Object.entries(PAGES)) {
    const served = await fetch(`${env.site.url}${path}`);
    keep(`${kind}, as served`, await served.text());
    const page = await watchedPage(env.context);
    await page.goto(`${env.site.url}${path}`);
    // The app has taken the page over (watchedPage waits for that) or rendered it, and
    // fetched what it shows.
    await page.waitForLoadState('networkidle');
    assert.ok(await page.locator('main a, main h1').count() > 0, `${kind}: the page shows something`);
    keep(`${kind}, scripts on`, await page.evaluate(() => `<!DOCTYPE html>\n${document.documentElement.outerHTML}`));
    await page.close();
  }
  assert.equal(files.length, 2 * Object.keys(PAGES).length);
  assert.deepEqual(validate(files), []);
});

test('the checker finds errors where there are some', () => {
  // So that an empty list above means valid pages, not a checker that did not run.
  const dir = mkdtempSync(join(tmpdir(), 'newsfront-vnu-'));
  const path = join(dir, 'bad.html');
  writeFileSync(path, '<!DOCTYPE html><html lang="en"><title>x</title><p><!></p><img src="a.png" sizes="10vw" alt="">');
  const errors = validate([{ name: 'bad', path }]);
  assert.ok(errors.some((e) => /Bogus comment/.test(e)), errors.join('\n'));
  assert.ok(errors.some((e) => /sizes/.test(e)), errors.join('\n'));
});
