// The demo's photos (issue #17): 24 landscapes of our own making (six sections, four
// views each), drawn here pixel by pixel from a fixed seed and encoded by sharp (libvips)
// as JPEG, WebP and AVIF (effort 0: a quarter of effort 2's time for the same bytes) in
// the widths a story's `srcset` offers. They weigh what a photo desk's pictures weigh
// (a 1200-wide JPEG of about 75 KB), so the page's image loading is measured with real
// bytes. Too large to commit (about 12 MB), so a build makes them once: scripts/build/postbuild.sh copies them into the site's api/img/. The names and
// sizes are what crates/publish/src/bin/demo_gen/ writes into the stories.
//   node scripts/make/make-photos.mjs [folder]      (default target/photos; skips when made)
import sharp from 'sharp';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

export const SECTIONS = ['world', 'politics', 'economy', 'society', 'sport', 'culture'];
export const WIDTHS = [480, 800, 1200, 1600];
const HUES = [210, 0, 140, 30, 100, 280];
const W = 1600;
const H = 900;

const root = new URL('../..', import.meta.url).pathname;
const out = process.argv[2] || join(root, 'target/photos');
// Made again only when this script (the drawing or the encoders' settings) or sharp changes.
const stamp = createHash('sha256')
  .update(readFileSync(new URL(import.meta.url)))
  .update(JSON.stringify(sharp.versions))
  .digest('hex');
if (existsSync(join(out, 'stamp')) && readFileSync(join(out, 'stamp'), 'utf8') === stamp) process.exit(0);
mkdirSync(out, { recursive: true });

// A small deterministic hash noise: value noise with smooth steps, summed over octaves.
function hash(x, y, seed) {
  let h = (x * 374761393 + y * 668265263 + seed * 2147483647) | 0;
  h = Math.imul(h ^ (h >>> 13), 1274126177);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}
function noise(x, y, seed) {
  const xi = Math.floor(x), yi = Math.floor(y);
  const fx = x - xi, fy = y - yi;
  const sx = fx * fx * (3 - 2 * fx), sy = fy * fy * (3 - 2 * fy);
  const a = hash(xi, yi, seed), b = hash(xi + 1, yi, seed);
  const c = hash(xi, yi + 1, seed), d = hash(xi + 1, yi + 1, seed);
  return a + (b - a) * sx + (c - a) * sy + (a - b - c + d) * sx * sy;
}
function fbm(x, y, seed, octaves) {
  let sum = 0, amp = 0.5, f = 1;
  for (let o = 0; o < octaves; o++) {
    sum += amp * noise(x * f, y * f, seed + o);
    amp /= 2;
    f *= 2;
  }
  return sum;
}
function hsl(h, s, l) {
  const k = (n) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  return [0, 8, 4].map((n) => 255 * (l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1))));
}

function draw(section, view) {
  const h = HUES[section];
  const seed = section * 4 + view + 1;
  const [cx, cy, r] = [[400, 300, 150], [1200, 260, 190], [800, 220, 130], [330, 330, 210]][view];
  const sky = hsl(h, 0.35, 0.62), haze = hsl((h + 40) % 360, 0.4, 0.86), sun = hsl((h + 40) % 360, 0.7, 0.93);
  const far = hsl(h, 0.22, 0.5), near = hsl(h, 0.3, 0.32), field = hsl((h + 20) % 360, 0.34, 0.42);
  // The ridgelines of two ranges of hills and the field's horizon.
  const ridge = (x, base, height, s) => base - height * fbm(x / 260, 0, s, 5);
  const px = Buffer.alloc(W * H * 3);
  for (let x = 0; x < W; x++) {
    const farTop = ridge(x, 560, 260, seed * 11);
    const nearTop = ridge(x, 700, 200, seed * 13);
    for (let y = 0; y < H; y++) {
      let c;
      if (y < farTop) {
        const t = y / farTop;
        c = sky.map((v, i) => v + (haze[i] - v) * t);
        const d = Math.hypot(x - cx, y - cy);
        const glow = Math.max(0, 1 - d / (r * 2.2)) ** 2;
        const cloud = Math.max(0, fbm(x / 180, y / 60, seed * 3, 5) - 0.52) * 1.6;
        c = c.map((v, i) => (d < r ? sun[i] : v + (sun[i] - v) * glow) * (1 - cloud) + 245 * cloud);
      } else if (y < nearTop) {
        const t = fbm(x / 40, y / 40, seed * 5, 5);
        c = far.map((v) => v * (0.75 + 0.5 * t) + 18 * (1 - (y - farTop) / 200));
      } else {
        const depth = (y - nearTop) / (H - nearTop);
        const t = fbm(x / (30 + 60 * depth), y / (12 + 30 * depth), seed * 7, 6);
        const base = depth < 0.25 ? near : field;
        c = base.map((v) => v * (0.6 + 0.8 * t));
      }
      // Fine detail (leaves, stones, haze) and grain: what a camera's picture has and
      // what makes its bytes.
      const fine = (fbm(x / 3, y / 3, seed * 19, 3) - 0.5) * (y < farTop ? 10 : 70);
      const grain = (hash(x, y, seed * 17) - 0.5) * 12 + fine;
      const o = (y * W + x) * 3;
      for (let i = 0; i < 3; i++) px[o + i] = Math.max(0, Math.min(255, c[i] + grain));
    }
  }
  return px;
}

const bytes = { jpg: {}, webp: {}, avif: {} };
const t0 = performance.now();
for (let s = 0; s < SECTIONS.length; s++) {
  for (let v = 0; v < 4; v++) {
    const raw = draw(s, v);
    for (const w of WIDTHS) {
      const img = () => sharp(raw, { raw: { width: W, height: H, channels: 3 } }).resize(w);
      const [jpg, webp, avif] = await Promise.all([
        img().jpeg({ quality: 78, mozjpeg: true }).toBuffer(),
        img().webp({ quality: 72 }).toBuffer(),
        img().avif({ quality: 50, effort: 0 }).toBuffer(),
      ]);
      const files = { jpg, webp, avif };
      for (const [ext, buf] of Object.entries(files)) {
        writeFileSync(join(out, `${SECTIONS[s]}-${v}-${w}.${ext}`), buf);
        (bytes[ext][w] ??= []).push(buf.length);
      }
    }
  }
}
writeFileSync(join(out, 'stamp'), stamp);
console.log(`[photos] 24 photos in ${WIDTHS.length} widths and 3 formats: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
const kb = (xs) => (xs.reduce((a, b) => a + b, 0) / xs.length / 1024).toFixed(0);
for (const [ext, by] of Object.entries(bytes)) {
  console.log(`[photos] ${ext}: ${WIDTHS.map((w) => `${w} ${kb(by[w])} KB`).join(', ')} (mean of 24)`);
}
