// Trunk post-build step (Trunk.toml): makes the built pages fit a strict
// Content-Security-Policy and able to serve deep links from a plain static host.
//
// - Trunk starts the app with an inline <script type="module">; a CSP without
//   'unsafe-inline' would block it, so it moves to a hashed file of its own.
// - The CSP goes into each page as a <meta> tag, and into `_headers` (the file static
//   hosts such as Netlify and Cloudflare Pages read) with the rules a meta tag cannot
//   carry (frame-ancestors).
// - 404.html is a copy of index.html: static hosts serve it for unknown paths.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('usage: node scripts/postbuild.mjs DIST_DIR');

let html = readFileSync(join(dir, 'index.html'), 'utf8');

const inline = html.match(/<script type="module">([\s\S]*?)<\/script>/);
if (inline) {
  const code = inline[1].trim() + '\n';
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const name = `start-${hash}.js`;
  writeFileSync(join(dir, name), code);
  html = html.replace(inline[0], `<script type="module" src="./${name}"></script>`);
}

// connect-src allows the API base when it is on another origin.
const apiBase = (html.match(/<meta name="api-base" content="([^"]*)">/) || [])[1] || '';
const apiOrigin = /^https?:\/\//.test(apiBase) ? ` ${new URL(apiBase).origin}` : '';

const policy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' https: data:",
  "font-src 'self'",
  `connect-src 'self'${apiOrigin}`,
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

html = html.replace(
  '<meta charset="utf-8">',
  `<meta charset="utf-8">\n  <meta http-equiv="Content-Security-Policy" content="${policy}">`,
);
writeFileSync(join(dir, 'index.html'), html);
writeFileSync(join(dir, '404.html'), html);

writeFileSync(
  join(dir, '_headers'),
  `/*
  Content-Security-Policy: ${policy}; frame-ancestors 'none'
  X-Content-Type-Options: nosniff
  Referrer-Policy: strict-origin-when-cross-origin
`,
);
