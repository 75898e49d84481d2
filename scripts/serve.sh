#!/usr/bin/env bash
# Serves the site with its bundled demo data on http://localhost:8080: the release
# build (pre-rendered pages included), served as a static host would serve it, with the
# build's _headers (Content-Security-Policy and the rest). The demo's live story goes on
# meanwhile: a post every 20-30 s (now and then a correction or a take-down) into the
# served tree, as a newsroom would publish them (demo-gen --live-update).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
. scripts/build/wasm-env.sh
trunk build --release --offline
env -u CARGO_UNSTABLE_BUILD_STD cargo build --quiet -p newsfront-publish --bin demo-gen
target/debug/demo-gen --live-update --out dist/api --every 20 &
appender=$!
trap 'kill $appender 2>/dev/null' EXIT
node tests/browser/static-server.mjs dist "${PORT:-8080}"
