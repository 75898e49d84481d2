#!/bin/sh
# Trunk post-build hook: the native pre-render step (src/prerender/) makes Trunk's page
# into the site's shell (src/prerender/shell.rs: start-up script in a file, the
# Content-Security-Policy, 404.html, _headers) and pre-renders every page of the API
# tree into it. A native build, so the Wasm build's std settings (scripts/wasm-env.sh)
# are left out.
set -e
exec env -u CARGO_UNSTABLE_BUILD_STD cargo run --quiet --bin prerender -- --dist "${TRUNK_STAGING_DIR:-dist}" "$@"
