#!/usr/bin/env bash
# Installs what building and testing need, each piece only when it is missing, from
# the package registries only (crates.io, npm, Debian). Safe to run again and again.
#   scripts/setup.sh          everything (build + browser tests)
#   scripts/setup.sh build    only what building and serving need
set -euo pipefail
cd "$(dirname "$0")/.."

want=${1:-all}
say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

# The pinned nightly (rust-toolchain.toml) and its Wasm target.
if ! rustup target list --installed --toolchain nightly 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32 target to nightly"
  rustup target add wasm32-unknown-unknown --toolchain nightly
fi

# The standard library's source: the release build compiles std itself (scripts/wasm-env.sh).
if ! rustup component list --installed --toolchain nightly 2>/dev/null | grep -q '^rust-src'; then
  say "adding rust-src to nightly"
  rustup component add rust-src --toolchain nightly
fi

# Trunk: 0.22 needs a newer rustc than the machine's stable, so 0.21.14, built on stable.
if [ "$(trunk --version 2>/dev/null)" != "trunk 0.21.14" ]; then
  say "installing trunk 0.21.14 (about 7 minutes on a cold machine)"
  cargo +stable install trunk@0.21.14 --locked
fi

# wasm-bindgen-cli must be exactly the wasm-bindgen of Cargo.lock. Not --locked: a
# yanked dependency in its own lock file would fail the install.
bindgen=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $bindgen" ]; then
  say "installing wasm-bindgen-cli $bindgen"
  cargo +stable install wasm-bindgen-cli --version "$bindgen" --force
fi

# npm: wasm-opt (binaryen) for the build, playwright-core for the browser tests.
if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  npm ci --no-audit --no-fund
fi

if [ "$want" = all ] && [ ! -x /usr/bin/chromium ]; then
  say "installing Chromium from Debian"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-noto-core
fi
# Java for the Nu Html Checker (npm `vnu-jar`, tests/browser/validator.test.mjs).
if [ "$want" = all ] && ! command -v java >/dev/null; then
  say "installing Java from Debian"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless
fi
# Real vocabularies for the search benchmarks' corpus (`demo-gen --vocabulary`).
if [ "$want" = all ] && [ ! -f /usr/share/hunspell/hy_AM.dic ]; then
  say "installing word lists from Debian"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wamerican-large hunspell-ru myspell-hy
fi
say "ready"
