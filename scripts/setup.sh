#!/usr/bin/env bash
# Installs what building and testing need, each piece only when it is missing, from
# the package registries only (crates.io, npm, PyPI, Debian). Safe to run again and again.
#   scripts/setup.sh          everything (build + browser tests)
#   scripts/setup.sh build    only what building and serving need
#   scripts/setup.sh rust     only the toolchain's Wasm target and std source, and the
#                             html5lib suites (what the lints and native tests need:
#                             scripts/test.sh builds those while the rest installs)
set -euo pipefail
cd "$(dirname "$0")/.."

want=${1:-all}
say() { printf '\033[1m[setup %4ss]\033[0m %s\n' "$SECONDS" "$*"; }
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

# The pinned nightly (rust-toolchain.toml) and its Wasm target.
if ! rustup target list --installed --toolchain nightly 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32 target to nightly"
  rustup target add wasm32-unknown-unknown --toolchain nightly
fi

# The standard library's source: the release build compiles std itself (scripts/build/wasm-env.sh).
if ! rustup component list --installed --toolchain nightly 2>/dev/null | grep -q '^rust-src'; then
  say "adding rust-src to nightly"
  rustup component add rust-src --toolchain nightly
fi

# The html5lib test suites (the tokenizer and tree-construction cases parsers share),
# from PyPI: html5lib 1.1's source ships them. Read by the sanitiser's tests (native and
# tests/browser/differential.test.mjs); MIT-licensed, kept out of the repository.
suite=.tools/html5lib-tests
if [ ! -f "$suite/LICENSE" ]; then
  say "fetching the html5lib test suites (PyPI: html5lib 1.1)"
  mkdir -p .tools
  python3 - "$suite" <<'PY'
import hashlib, io, pathlib, shutil, sys, tarfile, urllib.request
url = "https://files.pythonhosted.org/packages/ac/b6/b55c3f49042f1df3dcd422b7f224f939892ee94f22abcf503a9b7339eaf2/html5lib-1.1.tar.gz"
data = urllib.request.urlopen(url, timeout=120).read()
assert hashlib.sha256(data).hexdigest() == "b2e5b40261e20f354d198eae92afc10d750afb487ed5e50f9c4eaf07c184146f", "html5lib 1.1: unexpected checksum"
out = pathlib.Path(sys.argv[1])
tmp = out.with_name(out.name + ".part")
shutil.rmtree(tmp, ignore_errors=True)
prefix = "html5lib-1.1/html5lib/tests/testdata/"
with tarfile.open(fileobj=io.BytesIO(data)) as tar:
    for m in tar.getmembers():
        name = m.name[len(prefix):]
        if m.isfile() and m.name.startswith(prefix) and name.split("/")[0] in ("tokenizer", "tree-construction", "LICENSE"):
            path = tmp / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(tar.extractfile(m).read())
tmp.rename(out)
PY
fi

[ "$want" = rust ] && exit 0

# Debian's packages and npm's download while cargo builds the two tools (a cold
# machine's set-up is mostly those two builds). Each logs to a file, shown if it fails.
logs=$(mktemp -d)
apt=()
if [ "$want" = all ]; then
  [ -x /usr/bin/chromium ] || apt+=(chromium chromium-driver fonts-noto-core)
  # Java for the Nu Html Checker (npm `vnu-jar`, tests/browser/validator.test.mjs).
  command -v java >/dev/null || apt+=(default-jre-headless)
  # Real vocabularies for the search benchmarks' corpus (`demo-gen --vocabulary`).
  [ -f /usr/share/hunspell/hy_AM.dic ] || apt+=(wamerican-large hunspell-ru myspell-hy)
fi
pids=()
if [ ${#apt[@]} -gt 0 ]; then
  say "installing from Debian: ${apt[*]}"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt[@]}") >"$logs/apt" 2>&1 &
  pids+=("$!:apt")
fi
# npm: wasm-opt (binaryen) and esbuild for the build, playwright-core for the browser tests.
if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  npm ci --no-audit --no-fund >"$logs/npm" 2>&1 &
  pids+=("$!:npm")
fi

# The two tools are built to be built quickly: unoptimised (`--debug`). Side by side
# so, both took 3.7 min on a 2-core machine, against 7.0 at opt-level 1 and 8.1 one
# after the other at full optimisation; a release build of the app took 23.4 s with
# either pair (their work is small beside cargo's and wasm-opt's) (2026-12-05).
tool() {
  cargo +stable install --debug "$@"
}
# Trunk: 0.22 needs a newer rustc than the machine's stable, so 0.21.14, built on stable.
if [ "$(trunk --version 2>/dev/null)" != "trunk 0.21.14" ]; then
  say "building trunk 0.21.14"
  tool trunk@0.21.14 --locked >"$logs/trunk" 2>&1 &
  pids+=("$!:trunk")
fi
# wasm-bindgen-cli must be exactly the wasm-bindgen of Cargo.lock. Not --locked: a
# yanked dependency in its own lock file would fail the install.
bindgen=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $bindgen" ]; then
  say "building wasm-bindgen-cli $bindgen"
  tool wasm-bindgen-cli --version "$bindgen" --force >"$logs/bindgen" 2>&1 &
  pids+=("$!:bindgen")
fi
failed=0
for p in "${pids[@]}"; do
  if wait "${p%%:*}"; then
    say "${p#*:}: done"
  else
    say "${p#*:}: FAILED"; cat "$logs/${p#*:}"; failed=1
  fi
done
rm -rf "$logs"
[ $failed -eq 0 ] || exit 1
say "ready"
