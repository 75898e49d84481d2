#!/usr/bin/env bash
# Serves the site with its bundled demo data on http://localhost:8080.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
. scripts/wasm-env.sh
exec trunk serve --release --offline --port "${PORT:-8080}"
