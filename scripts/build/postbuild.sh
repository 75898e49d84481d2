#!/bin/sh
# Trunk post-build hook. First the demo's photos, too large to commit: drawn once into
# target/photos (scripts/make/make-photos.mjs) and copied where the demo's stories name them.
# Then the native pre-render step (crates/publish/src/) makes Trunk's page into the site's
# shell (crates/publish/src/shell.rs: start-up script in a file, the Content-Security-Policy,
# 404.html, _headers) and pre-renders every page of the API tree into it. A native
# build, so the Wasm build's std settings (scripts/build/wasm-env.sh) are left out.
set -e
dist="${TRUNK_STAGING_DIR:-dist}"
node scripts/make/make-photos.mjs target/photos
mkdir -p "$dist/api/img"
cp target/photos/*.jpg target/photos/*.webp target/photos/*.avif "$dist/api/img/"
# wasm-bindgen writes the app's glue unminified; minified (esbuild, from npm) it is
# 6.2 KB (brotli) of the app's load rather than 7.6. Its file name stays Trunk's hash of
# the glue, which still changes whenever the glue does; the shell's `integrity` for it
# is made anew.
sri() { node -e 'process.stdout.write(require("crypto").createHash("sha384").update(require("fs").readFileSync(process.argv[1])).digest("base64"))' "$1"; }
for glue in "$dist"/newsfront-*.js; do
  before=$(sri "$glue")
  node_modules/.bin/esbuild "$glue" --minify --outfile="$glue" --allow-overwrite --log-level=warning
  sed -i "s|sha384-$before|sha384-$(sri "$glue")|" "$dist/index.html"
done
exec env -u CARGO_UNSTABLE_BUILD_STD cargo run --quiet -p newsfront-publish --bin prerender -- --dist "$dist" "$@"
