#!/usr/bin/env bash
# Runs every check: format, lints, native tests, the release build, the size budget,
# and the browser tests against the built site. Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh || exit 1
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
. scripts/wasm-env.sh

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
cargo clippy --target wasm32-unknown-unknown --lib --bin newsfront --bin search_worker --quiet -- -D warnings || exit 1

step "native tests"
cargo test --workspace 2>&1 | tee "$log"
native=${PIPESTATUS[0]}
passed=$((passed + $(grep -oE '^test result: .* ([0-9]+) passed' "$log" | grep -oE '[0-9]+ passed' | awk '{s += $1} END {print s + 0}')))
failed=$((failed + $(grep -oE '[0-9]+ failed;' "$log" | awk '{s += $1} END {print s + 0}')))

step "release build"
trunk build --release --offline || exit 1

step "size budget"
node scripts/size-report.mjs
size=$?
if [ $size -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

step "lighthouse"
node scripts/lighthouse.mjs
lh=$?
if [ $lh -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

step "archive search beside Pagefind and MiniSearch (a small corpus: correctness only)"
node scripts/archive-search-bench.mjs --check 300
bench=$?
if [ $bench -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

step "browser tests"
node --test --test-concurrency=1 --test-reporter=spec tests/browser/*.test.mjs 2>&1 | tee "$log"
browser=${PIPESTATUS[0]}
passed=$((passed + $(grep -oE '^ℹ pass [0-9]+' "$log" | awk '{s += $3} END {print s + 0}')))
failed=$((failed + $(grep -oE '^ℹ fail [0-9]+' "$log" | awk '{s += $3} END {print s + 0}')))
rm -f "$log"

step "done"
echo "$passed passed, $failed failed"
[ "$native" -eq 0 ] && [ "$size" -eq 0 ] && [ "$lh" -eq 0 ] && [ "$bench" -eq 0 ] && [ "$browser" -eq 0 ] && [ "$failed" -eq 0 ]
