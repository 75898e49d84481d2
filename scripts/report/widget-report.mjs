// Partner widgets, measured (issue #18). Run after `trunk build --release`:
//   node scripts/report/widget-report.mjs [RUNS]
//
// Lighthouse 12 (mobile preset) on a partner's page, served from another origin, with
// three widgets (two headlines boxes and a story card) in its first screen, two ways in
// one run, alternating, RUNS runs each (default 3), medians:
// - as built: the pre-rendered widget pages, which run no app (public/widget.js only);
// - through the app: the same widget addresses answered with the app's shell, as for a
//   widget the build has no page for yet (and as every widget was before #18).
// Printed, not a test: these machines are noisy. The size report gates the bytes.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../tests/browser/static-server.mjs';

const root = new URL('../../', import.meta.url).pathname;
const dist = join(root, 'dist');
const runs = Number(process.argv[2] || 3);

const built = await startServer({ root: dist, headers: true });
const app = await startServer({ root: dist, headers: true, shell: /\/embed\// });
const partnerRoot = mkdtempSync(join(tmpdir(), 'newsfront-partner-'));
mkdirSync(partnerRoot, { recursive: true });
const partner = await startServer({ root: partnerRoot });
const origin = (server) => `http://127.0.0.1:${server.address().port}`;
// The partner's page on "localhost": another origin than the site's 127.0.0.1.
const pageFor = (site, name) => {
  writeFileSync(join(partnerRoot, `${name}.html`), `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>A partner's page</title></head>
<body style="margin:0 1rem;font:16px/1.5 sans-serif"><h1>A partner's page</h1>
<p>The partner's own text, above the widgets it embeds from the news site.</p>
<div data-embed="section/world" data-count="3"></div>
<div data-embed="article/world/council-plan-1"></div>
<div data-embed="section/culture" data-count="3" data-edition="ru"></div>
<script src="${origin(site)}/embed.js" async></script></body></html>`);
  return `http://localhost:${partner.address().port}/${name}.html`;
};
const pages = { 'as built': pageFor(built, 'built'), 'through the app': pageFor(app, 'app') };

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM || '/usr/bin/chromium',
  userDataDir: mkdtempSync(join(tmpdir(), 'newsfront-lh-')),
  chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const samples = Object.fromEntries(Object.keys(pages).map((k) => [k, []]));
for (let i = 0; i < runs; i++) {
  for (const [name, url] of Object.entries(pages)) {
    const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    const a = lhr.audits;
    const requests = a['network-requests'].details.items;
    samples[name].push({
      score: lhr.categories.performance.score * 100,
      tbt: a['total-blocking-time'].numericValue,
      lcp: a['largest-contentful-paint'].numericValue,
      cls: a['cumulative-layout-shift'].numericValue,
      tti: a.interactive.numericValue,
      bytes: a['total-byte-weight'].numericValue,
      wasm: requests.filter((r) => r.url.endsWith('.wasm')).length,
      requests: requests.length,
    });
  }
}
await chrome.kill();
for (const s of [built, app, partner]) s.close();

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`Lighthouse mobile, a partner's page with three widgets, ${runs} runs each, medians`);
console.log('widgets'.padEnd(18) + 'score'.padEnd(8) + 'TBT ms'.padEnd(9) + 'LCP ms'.padEnd(9) + 'CLS'.padEnd(7) + 'TTI ms'.padEnd(9) + 'KB'.padEnd(9) + 'requests'.padEnd(10) + 'Wasm loads');
for (const [name, list] of Object.entries(samples)) {
  const m = (k) => median(list.map((x) => x[k]));
  console.log(name.padEnd(18) + String(Math.round(m('score'))).padEnd(8) + String(Math.round(m('tbt'))).padEnd(9) + String(Math.round(m('lcp'))).padEnd(9) + m('cls').toFixed(2).padEnd(7) + String(Math.round(m('tti'))).padEnd(9) + (m('bytes') / 1024).toFixed(1).padEnd(9) + String(m('requests')).padEnd(10) + m('wasm'));
}
