// The icons an installed site shows (issue #31): the site's mark, a white "M" over the
// red rule of the header and link-preview cards, on the header's dark colour; 192 and
// 512 pixels, and a 512 "maskable" one whose mark stays inside the middle 80 % that every
// platform's mask keeps. Drawn by headless Chromium, written to public/icons/ and
// committed (a few KB each). Run again after the mark changes:
//   node scripts/make/make-icons.mjs
import { chromium } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';

const root = new URL('../..', import.meta.url).pathname;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
mkdirSync(`${root}public/icons`, { recursive: true });
for (const [name, size, inset] of [['icon-192', 192, 0.12], ['icon-512', 512, 0.12], ['maskable-512', 512, 0.24]]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const mark = size * (1 - 2 * inset);
  await page.setContent(`<!DOCTYPE html><html><body style="margin:0">
<div style="width:${size}px;height:${size}px;background:#111318;display:flex;align-items:center;justify-content:center">
  <div style="width:${mark}px;height:${mark}px;display:flex;flex-direction:column;align-items:center;justify-content:center;
    font-family:'Noto Sans',sans-serif;color:#ffffff;font-weight:700;font-size:${mark * 0.72}px;line-height:1">M
    <div style="margin-top:${mark * 0.06}px;width:${mark * 0.62}px;height:${mark * 0.08}px;background:#e0464b"></div>
  </div>
</div></body></html>`);
  writeFileSync(`${root}public/icons/${name}.png`, await page.screenshot({ type: 'png' }));
  await page.close();
}
await browser.close();
