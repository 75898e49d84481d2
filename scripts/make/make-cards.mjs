// The link-preview cards (issue #17): one 1200x630 PNG per edition, the `og:image` of
// pages without a photo of their own (crates/publish/src/head.rs). Drawn from each edition's
// site.json by headless Chromium, written to public/cards/ and committed (about 20 KB
// each). Run again after a site's name changes:
//   node scripts/make/make-cards.mjs
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';

const root = new URL('../..', import.meta.url).pathname;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
for (const lang of ['en', 'ru', 'hy']) {
  const site = JSON.parse(readFileSync(`${root}public/api/${lang}/site.json`, 'utf8'));
  const escape = (t) => t.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  await page.setContent(`<!DOCTYPE html><html lang="${lang}"><body style="margin:0">
<div style="box-sizing:border-box;width:1200px;height:630px;padding:96px;background:#121418;color:#e8eaed;
  display:flex;flex-direction:column;justify-content:center;border-bottom:24px solid #c4161c;
  font-family:'Noto Sans','Noto Sans Armenian',sans-serif">
  <div style="font-size:112px;font-weight:700;line-height:1.1">${escape(site.name)}</div>
  <div style="margin-top:40px;width:160px;height:10px;background:#e0464b"></div>
</div></body></html>`);
  writeFileSync(`${root}public/cards/${lang}.png`, await page.screenshot({ type: 'png' }));
}
await browser.close();
