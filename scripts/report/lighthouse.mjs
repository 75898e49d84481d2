// Lighthouse (12.x, mobile preset) on the front page, a section and an article of the
// release build, served by the plain static server. Prints the four category scores.
// Accessibility, best practices and SEO must be 100 (exit 1 otherwise); performance is
// reported only, since this machine's timings are noisy.
// Usage: node scripts/report/lighthouse.mjs   (after `trunk build --release`)
import lighthouse from 'lighthouse';
import { lighthouseSite } from './lighthouse-site.mjs';

const dist = new URL('../../dist/', import.meta.url).pathname;
const site = await lighthouseSite(dist);
const base = site.base;

const pages = { front: '', section: 'world', article: 'world/council-plan-1' };
const categories = ['performance', 'accessibility', 'best-practices', 'seo'];
const rows = [];
let failed = false;
for (const [name, path] of Object.entries(pages)) {
  const result = await lighthouse(`${base}${path}`, { port: site.port, output: 'json', logLevel: 'error', onlyCategories: categories });
  const lhr = result.lhr;
  const scores = categories.map((c) => Math.round((lhr.categories[c].score ?? 0) * 100));
  rows.push([name, ...scores]);
  for (const c of categories.slice(1)) {
    if (lhr.categories[c].score !== 1) {
      failed = true;
      const misses = lhr.categories[c].auditRefs
        .map((r) => lhr.audits[r.id])
        .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual');
      for (const a of misses) console.log(`  ${name} ${c}: ${a.id} — ${a.title}`);
    }
  }
  const m = lhr.audits;
  console.log(`  ${name}: LCP ${m['largest-contentful-paint'].displayValue}, CLS ${m['cumulative-layout-shift'].displayValue}, TBT ${m['total-blocking-time'].displayValue}`);
}
await site.close();
console.log(['page', ...categories].map((c) => c.padEnd(15)).join(''));
for (const r of rows) console.log(r.map((c) => String(c).padEnd(15)).join(''));
process.exit(failed ? 1 : 0);
