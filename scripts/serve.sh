#!/usr/bin/env bash
# Serves the site with its bundled demo data on http://localhost:8080: the release
# build (pre-rendered pages included), served as a static host would serve it, with the
# build's _headers (Content-Security-Policy and the rest).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
. scripts/build/wasm-env.sh
trunk build --release --offline
exec node tests/browser/static-server.mjs dist "${PORT:-8080}"
