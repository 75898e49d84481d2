// Link previews as the networks' scrapers see them: npm `open-graph-scraper` over the
// built site on the plain static host, for every kind of page a reader shares (front,
// section, story) in each edition. Each has a title, description, URL, type and a
// raster image of at least 1200x630 that answers 200.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import ogs from 'open-graph-scraper';
import { serve } from './harness.mjs';

const PAGES = {
  '': 'website', 'ru/': 'website', 'arm/': 'website', world: 'website', 'ru/economy': 'website',
  'world/council-plan-1': 'article', 'ru/world/council-plan-1-ru': 'article', 'arm/world/council-plan-1-hy': 'article',
};

/// Width and height from a PNG's header, or a JPEG's first frame header.
function dimensions(bytes) {
  if (bytes.subarray(1, 4).toString() === 'PNG') return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
  for (let i = 2; i + 9 < bytes.length;) {
    const marker = bytes[i + 1];
    if (marker >= 0xc0 && marker <= 0xc3) return [bytes.readUInt16BE(i + 7), bytes.readUInt16BE(i + 5)];
    i += 2 + bytes.readUInt16BE(i + 2);
  }
  return [0, 0];
}

test('every kind of shared page has a preview the networks show', async () => {
  const site = await serve();
  try {
    for (const [path, type] of Object.entries(PAGES)) {
      const { result } = await ogs({ url: `${site.url}${path}` });
      assert.ok(result.ogTitle?.length > 0, `${path}: og:title`);
      assert.ok(result.ogDescription?.length > 0, `${path}: og:description`);
      assert.ok(result.ogUrl?.startsWith('http'), `${path}: og:url`);
      assert.equal(result.ogType, type, path);
      assert.equal(result.twitterCard, 'summary_large_image', path);
      const image = result.ogImage?.[0];
      assert.ok(image?.url, `${path}: og:image`);
      // The site's own origin in the tags is the public one: fetch it from this host.
      const local = new URL(new URL(image.url).pathname, site.url);
      const answer = await fetch(local);
      assert.equal(answer.status, 200, `${path}: ${image.url}`);
      assert.match(answer.headers.get('content-type'), /^image\/(png|jpeg|webp)/, `${path}: a raster image`);
      const [w, h] = dimensions(Buffer.from(await answer.arrayBuffer()));
      assert.ok(w >= 1200 && h >= 630, `${path}: ${w}x${h}`);
      assert.equal(Number(image.width), w, `${path}: og:image:width`);
      assert.equal(Number(image.height), h, `${path}: og:image:height`);
    }
  } finally {
    site.server.close();
  }
});
