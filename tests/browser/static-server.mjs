// A plain static host for the built site, as a CDN would serve it: files as they are,
// and 404.html (with status 404) for any path that is not a file. Optionally mounted
// under a sub-path, with <base href> rewritten the way a deployer would edit it.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};

/// The rules of a `_headers` file (Cloudflare Pages' reading: every rule whose path
/// matches applies, in order; `! Name` drops a header an earlier rule set).
function headerRules(text) {
  const rules = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const pattern = line.trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
      rules.push({ match: new RegExp(`^${pattern}$`), lines: [] });
    } else if (rules.length) {
      rules.at(-1).lines.push(line.trim());
    }
  }
  return rules;
}

function headersFor(rules, path) {
  const headers = {};
  for (const rule of rules.filter((r) => r.match.test(path))) {
    for (const line of rule.lines) {
      if (line.startsWith('!')) {
        delete headers[line.slice(1).trim().toLowerCase()];
        continue;
      }
      const at = line.indexOf(':');
      const name = line.slice(0, at).trim().toLowerCase();
      const value = line.slice(at + 1).trim();
      headers[name] = headers[name] ? `${headers[name]}, ${value}` : value;
    }
  }
  return headers;
}

/// A folder is answered with its index.html (a pre-rendered page). Other unknown paths
/// get the app's shell, 404.html: with status 200 for `spa: true`, as nginx's
/// `try_files $uri $uri/index.html /404.html =200` or Netlify's `_redirects` do;
/// otherwise with 404.
/// `headers: true` applies the build's `_headers` as a static host would. Pages whose
/// path matches `shell` get 404.html with status 200, as if the build had none there
/// (a story newer than the last publish): the app renders them.
export function startServer({ root, port = 0, mount = '/', spa = false, headers = false, shell = null, compress = false }) {
  // `compress: true` answers with brotli as a CDN does (quality 5, an on-the-fly
  // setting), for text, scripts and Wasm, when the browser asks for it; photos as they are.
  const compressed = new Map();
  const brotli = (key, body) => {
    if (!compressed.has(key)) {
      compressed.set(key, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }));
    }
    return compressed.get(key);
  };
  const rulesOnce = headers ? readFile(join(root, '_headers'), 'utf8').then(headerRules) : Promise.resolve([]);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      let path = decodeURIComponent(url.pathname);
      if (!path.startsWith(mount)) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('outside the mount');
        return;
      }
      path = '/' + path.slice(mount.length);
      const file = normalize(join(root, path));
      if (!file.startsWith(normalize(root))) {
        res.writeHead(403);
        res.end();
        return;
      }
      let target = file;
      let status = 200;
      const info = await stat(target).catch(() => null);
      if (info && info.isDirectory()) target = join(target, 'index.html');
      const asShell = shell && shell.test(path) && !extname(path);
      let body = asShell ? null : await readFile(target).catch(() => null);
      if (!body) {
        status = spa || asShell ? 200 : 404;
        target = join(root, '404.html');
        body = await readFile(target);
      }
      const type = TYPES[extname(target)] || 'application/octet-stream';
      if (type.startsWith('text/html') && mount !== '/') {
        body = Buffer.from(body.toString().replace('<base href="/">', `<base href="${mount}">`));
      }
      const extra = headersFor(await rulesOnce, path);
      // An ETag from the content, and 304 for a request that names it, as CDNs answer
      // (a live story's `latest.json` asked for again and unchanged costs no body).
      const etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 16)}"`;
      if (status == 200 && req.headers['if-none-match'] == etag) {
        res.writeHead(304, { etag, ...extra });
        res.end();
        return;
      }
      if (compress && !type.startsWith('image/') && /\bbr\b/.test(req.headers['accept-encoding'] || '')) {
        body = brotli(`${target}\n${mount}\n${etag}`, body);
        extra['content-encoding'] = 'br';
      }
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', etag, ...extra });
      res.end(body);
    } catch (e) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(e));
    }
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.argv[2] || 'dist';
  const port = Number(process.argv[3] || 8080);
  const mount = process.argv[4] || '/';
  startServer({ root, port, mount, headers: true }).then(() => {
    console.log(`serving ${root} at http://localhost:${port}${mount}`);
  });
}
