// What the Lighthouse scripts share: the built site on the plain static server, and a
// headless Chromium for Lighthouse to drive (a new, empty profile each run).
import * as chromeLauncher from 'chrome-launcher';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../tests/browser/static-server.mjs';

export async function lighthouseSite(dist) {
  // Deep links answered with 200, as the README's nginx rule does (a plain static
  // host's 404.html answers 404, which Lighthouse refuses to score); compressed, as a
  // CDN serves the pages (the size report's brotli figures are what a reader fetches).
  const server = await startServer({ root: dist, spa: true, compress: true });
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM || '/usr/bin/chromium',
    userDataDir: mkdtempSync(join(tmpdir(), 'newsfront-lh-')),
    chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    base: `http://127.0.0.1:${server.address().port}/`,
    port: chrome.port,
    close: async () => {
      await chrome.kill();
      server.close();
    },
  };
}
