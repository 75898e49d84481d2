#!/usr/bin/env bash
# Runs every check: format, lints, native tests, the release build, the size budget,
# and the browser tests against the built site. Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
# The lints and native tests need only the toolchain; the rest (Debian's and npm's
# packages, Trunk and wasm-bindgen, built: most of a cold run's set-up) installs beside
# them and is waited for before the release build.
scripts/setup.sh rust || exit 1
setup_log=$(mktemp)
scripts/setup.sh >"$setup_log" 2>&1 &
setup=$!
# The Wasm build's settings (std rebuilt, flags) for the Wasm steps only: natively they
# would rebuild std unoptimised for the host, and the native tests ran 3.7 times slower.
wasm() { (. scripts/build/wasm-env.sh && "$@"); }

# Each step says when it began (seconds since the start): where a run's time goes.
step() { printf '\n\033[1m== %s\033[0m (at %ss)\n' "$*" "$SECONDS"; }
passed=0
failed=0
log=$(mktemp)

step "format"
cargo fmt --all --check || exit 1

step "lints"
# The pure core (crates/core) has no browser or view crate among its dependencies: the
# compiler keeps it pure.
cargo clippy --workspace --all-targets --quiet -- -D warnings || exit 1
# The browser code (every #[cfg(target_arch = "wasm32")] item) is only built for Wasm.
wasm cargo clippy --target wasm32-unknown-unknown --lib --bin newsfront --bin search_worker --quiet -- -D warnings || exit 1

step "native tests"
cargo test --workspace 2>&1 | tee "$log"
native=${PIPESTATUS[0]}
passed=$((passed + $(grep -oE '^test result: .* ([0-9]+) passed' "$log" | grep -oE '[0-9]+ passed' | awk '{s += $1} END {print s + 0}')))
failed=$((failed + $(grep -oE '[0-9]+ failed;' "$log" | awk '{s += $1} END {print s + 0}')))

step "set-up (installing since the start)"
wait $setup
setup_status=$?
cat "$setup_log"
rm -f "$setup_log"
[ $setup_status -eq 0 ] || exit 1

step "release build"
wasm trunk build --release --offline || exit 1

step "size budget"
node scripts/report/size-report.mjs
size=$?
if [ $size -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

step "lighthouse"
node scripts/report/lighthouse.mjs
lh=$?
if [ $lh -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

step "archive search beside Pagefind and MiniSearch (a small corpus: correctness only)"
node scripts/bench/archive-search-bench.mjs --check 300
bench=$?
if [ $bench -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

step "browser tests"
# Two files at a time: most of a browser test is waiting (for the app, a time-out).
node --test --test-concurrency=2 --test-reporter=spec tests/browser/*.test.mjs 2>&1 | tee "$log"
browser=${PIPESTATUS[0]}
passed=$((passed + $(grep -oE '^ℹ pass [0-9]+' "$log" | awk '{s += $3} END {print s + 0}')))
failed=$((failed + $(grep -oE '^ℹ fail [0-9]+' "$log" | awk '{s += $3} END {print s + 0}')))
rm -f "$log"

step "done"
echo "$passed passed, $failed failed"
[ "$native" -eq 0 ] && [ "$size" -eq 0 ] && [ "$lh" -eq 0 ] && [ "$bench" -eq 0 ] && [ "$browser" -eq 0 ] && [ "$failed" -eq 0 ]
