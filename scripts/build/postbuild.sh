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
exec env -u CARGO_UNSTABLE_BUILD_STD cargo run --quiet -p newsfront-publish --bin prerender -- --dist "$dist" "$@"
