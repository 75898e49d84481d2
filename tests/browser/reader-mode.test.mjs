// Reader mode as browsers do it: Mozilla's Readability (Firefox's reader view), on
// jsdom, over the pre-rendered story pages as the static host serves them. It must find
// each sampled story's title, byline and whole body, and none of the site's navigation,
// share controls or footer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { DIST, serve } from './harness.mjs';

const squash = (text) => text.replace(/\s+/g, ' ').trim();
const inline = (runs) => runs.map((r) => r.text).join('');

/// Every text a reader must find in the story's body, block by block.
function bodyTexts(article) {
  return article.body.flatMap((b) => {
    switch (b.type) {
      case 'paragraph':
      case 'heading':
      case 'quote':
        return [inline(b.content)];
      case 'list':
        return b.items.map(inline);
      default:
        return [];
    }
  }).map(squash).filter(Boolean);
}

test('reader mode gets title, byline and the whole body of sampled stories, and no site furniture', async () => {
  const site = await serve();
  try {
    let checked = 0;
    for (const [lang, prefix] of [['en', ''], ['ru', 'ru/'], ['hy', 'arm/']]) {
      const feed = JSON.parse(readFileSync(`${DIST}api/${lang}/sections/world/1.json`, 'utf8'));
      for (const item of feed.items.slice(0, 4)) {
        const article = JSON.parse(readFileSync(`${DIST}api/${lang}/articles/${item.slug}.json`, 'utf8'));
        const url = `${site.url}${prefix}${item.section.slug}/${item.slug}`;
        const html = await (await fetch(url)).text();
        const dom = new JSDOM(html, { url });
        const document = dom.window.document;
        // The site's own furniture, as it is on this page.
        const furniture = ['body > header nav', 'footer', '.share', '.text-size']
          .flatMap((sel) => [...document.querySelectorAll(sel)])
          .map((e) => squash(e.textContent))
          .filter((t) => t.length > 12);
        assert.ok(furniture.length >= 3, `${url}: the page has its navigation, share bar and footer`);
        const read = new Readability(document).parse();
        assert.ok(read, `${url}: Readability found an article`);
        assert.equal(squash(read.title), squash(article.title), url);
        for (const author of article.authors || []) assert.match(read.byline || '', new RegExp(author.name), `${url}: byline`);
        const text = squash(read.textContent);
        for (const t of bodyTexts(article)) assert.ok(text.includes(t), `${url}: "${t}" missing from reader mode`);
        for (const f of furniture) assert.ok(!text.includes(f), `${url}: reader mode shows "${f.slice(0, 60)}"`);
        checked++;
      }
    }
    assert.equal(checked, 12);
  } finally {
    site.server.close();
  }
});
