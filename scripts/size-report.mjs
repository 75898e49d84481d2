// Size report: what a reader downloads on the first load of an article (HTML, JS,
// Wasm, CSS), compressed with brotli as a CDN would serve it, against the budget; and
// the partner widget loader (embed.js) against its own. A partner widget's first load
// is the article's files (same app) plus the loader.
// Exits 1 when a total is over budget. Usage: node scripts/size-report.mjs [dist]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const BUDGET_KB = 200;
const LOADER_BUDGET_KB = 3;
const dist = process.argv[2] || 'dist';
const html = readFileSync(join(dist, 'index.html'), 'utf8');

const br = (buf) =>
  brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

const assets = new Set(['index.html']);
for (const m of html.matchAll(/(?:href|src)="\.?\/?([^"]+\.(?:css|js|wasm))"/g)) assets.add(m[1]);
for (const m of html.matchAll(/['"]\.?\/?([^'"]+\.(?:js|wasm))['"]/g)) assets.add(m[1]);

let total = 0;
const rows = [];
for (const file of assets) {
  const buf = readFileSync(join(dist, file));
  const size = br(buf);
  total += size;
  rows.push([file.replace(/-[0-9a-f]{8,16}(?=[._])/, ''), buf.length, size]);
}
const kb = (n) => (n / 1024).toFixed(1).padStart(7);
console.log('first load of an article (brotli, quality 11)');
console.log('file'.padEnd(34), 'raw KB'.padStart(8), 'br KB'.padStart(8));
for (const [name, raw, size] of rows) console.log(name.padEnd(34), kb(raw), ' ', kb(size));
console.log('total'.padEnd(34), ''.padStart(8), ' ', kb(total), `  budget ${BUDGET_KB} KB`);

// The data the article needs as well, for information (not in the budget).
const json = ['api/en/site.json', 'api/en/articles/council-plan-1.json'];
const data = json.reduce((s, f) => s + br(readFileSync(join(dist, f))), 0);
console.log(`article data (site.json + article JSON, brotli): ${kb(data).trim()} KB`);

const loader = br(readFileSync(join(dist, 'embed.js')));
console.log(`\nwidget loader embed.js (brotli): ${kb(loader).trim()} KB   budget ${LOADER_BUDGET_KB} KB`);
console.log(`partner widget first load (loader + app): ${kb(loader + total).trim()} KB`);

let over = false;
if (loader > LOADER_BUDGET_KB * 1024) {
  console.log(`embed.js OVER BUDGET by ${kb(loader - LOADER_BUDGET_KB * 1024).trim()} KB`);
  over = true;
}
if (total > BUDGET_KB * 1024) {
  console.log(`OVER BUDGET by ${kb(total - BUDGET_KB * 1024).trim()} KB`);
  over = true;
} else {
  console.log(`article within budget (${kb(BUDGET_KB * 1024 - total).trim()} KB to spare)`);
}
process.exit(over ? 1 : 0);
