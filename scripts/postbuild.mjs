// Trunk post-build step (Trunk.toml): makes the built pages fit a strict
// Content-Security-Policy and able to serve deep links from a plain static host.
//
// - Trunk starts the app with an inline <script type="module">; a CSP without
//   'unsafe-inline' would block it, so it moves to a hashed file of its own.
// - The CSP goes into each page as a <meta> tag, and into `_headers` (the file static
//   hosts such as Netlify and Cloudflare Pages read) with the rules a meta tag cannot
//   carry (frame-ancestors).
// - 404.html is a copy of index.html: static hosts serve it for unknown paths.
// - `_headers` also carries the framing and cache rules: partner widgets
//   (/{ed}/embed/...) may be framed by any site, every other page by none; hashed
//   assets are immutable, everything else is revalidated.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
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
  // Pre-rendered pages start the app only once they have been painted, so the page's
  // own text and images come first (src/prerender/ swaps this file in).
  writeFileSync(
    join(dir, `deferred-${hash}.js`),
    `// Starts the app after the pre-rendered page's first paint.\nrequestAnimationFrame(() => setTimeout(() => import('./${name}')));\n`,
  );
}

// The reader's theme and text size must apply before the first paint (public/prefs.js).
// As a file it is one more round trip before anything shows; inlined, with its hash in
// the policy's script-src (a hash allows that one script, not inline script at large).
let prefsHash = '';
const prefsTag = html.match(/<script src="\.\/(prefs-[0-9a-f]+\.js)"[^>]*><\/script>/);
if (prefsTag) {
  const code = readFileSync(join(dir, prefsTag[1]), 'utf8');
  prefsHash = ` 'sha256-${createHash('sha256').update(code).digest('base64')}'`;
  html = html.replace(prefsTag[0], () => `<script>${code}</script>`);
  unlinkSync(join(dir, prefsTag[1]));
}

// Chromium ignores `integrity` on a preload of the Wasm (a fetch destination) and
// warns about it on every page (crbug.com/981419): dropped, it changes nothing.
html = html.replace(/(<link rel="preload"[^>]*as="fetch"[^>]*?) integrity="[^"]*"/g, '$1');
html = html.replace(/(<link rel="preload"[^>]*?) integrity="[^"]*"([^>]*as="fetch")/g, '$1$2');

// connect-src allows the API base when it is on another origin.
const apiBase = (html.match(/<meta name="api-base" content="([^"]*)">/) || [])[1] || '';
const apiOrigin = /^https?:\/\//.test(apiBase) ? ` ${new URL(apiBase).origin}` : '';

// The social players an article may load after the reader's click (src/players.rs).
const FRAME_HOSTS = 'https://www.youtube-nocookie.com https://platform.twitter.com https://t.me https://www.instagram.com https://www.facebook.com';

const directives = (frames) => [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval'${prefsHash}`,
  "style-src 'self'",
  "img-src 'self' https: data:",
  "font-src 'self'",
  `connect-src 'self'${apiOrigin}`,
  `frame-src ${frames}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
const policy = directives(FRAME_HOSTS);

html = html.replace(
  '<meta charset="utf-8">',
  `<meta charset="utf-8">\n  <meta http-equiv="Content-Security-Policy" content="${policy}">`,
);
writeFileSync(join(dir, 'index.html'), html);
writeFileSync(join(dir, '404.html'), html);

// The widget picker frames this site's widgets, so it may frame 'self'.
const demoPolicy = directives(`'self' ${FRAME_HOSTS}`);
const demo = join(dir, 'embed-demo.html');
writeFileSync(
  demo,
  readFileSync(demo, 'utf8').replace(
    '<meta charset="utf-8">',
    `<meta charset="utf-8">\n  <meta http-equiv="Content-Security-Policy" content="${demoPolicy}">`,
  ),
);

// Cloudflare Pages' format: every matching rule applies, in order, and `! Name` drops
// a header an earlier rule set. The README has the same rules for nginx.
const EDITIONS = ['', 'ru/', 'arm/'];
const IMMUTABLE = 'Cache-Control: public, max-age=31536000, immutable';
const hashed = readdirSync(dir).filter((f) => /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/.test(f));
const rules = [
  ['/*', [
    `Content-Security-Policy: ${policy}; frame-ancestors 'none'`,
    'X-Frame-Options: DENY',
    'X-Content-Type-Options: nosniff',
    'Referrer-Policy: strict-origin-when-cross-origin',
    'Cache-Control: no-cache',
  ]],
  ...EDITIONS.map((ed) => [`/${ed}embed/*`, [
    '! Content-Security-Policy',
    '! X-Frame-Options',
    `Content-Security-Policy: ${policy}; frame-ancestors *`,
  ]]),
  // The widget picker shows live widgets: it frames this site itself.
  ['/embed-demo.html', [
    '! Content-Security-Policy',
    `Content-Security-Policy: ${demoPolicy}; frame-ancestors 'none'`,
  ]],
  // Partners link the loader by a fixed name: cached briefly, not for ever.
  ['/embed.js', ['! Cache-Control', 'Cache-Control: public, max-age=3600']],
  ...hashed.map((f) => [`/${f}`, ['! Cache-Control', IMMUTABLE]]),
];
writeFileSync(
  join(dir, '_headers'),
  rules.map(([path, lines]) => `${path}\n${lines.map((l) => `  ${l}\n`).join('')}`).join('\n'),
);

// Last: every page of the API tree as static HTML (src/prerender/), built from the
// shell written above (404.html). A native build, so the Wasm build's std settings
// (scripts/wasm-env.sh) are left out.
const env = { ...process.env };
delete env.CARGO_UNSTABLE_BUILD_STD;
const prerender = spawnSync(
  'cargo',
  ['run', '--quiet', '--bin', 'prerender', '--', '--dist', dir, ...process.argv.slice(3)],
  { stdio: 'inherit', env },
);
if (prerender.status !== 0) process.exit(prerender.status || 1);
