#!/usr/bin/env bash
# Keeps the pure folders pure: no browser bindings, no views, no reactive state, and
# no code from the folders that have them. Pure code is what `cargo test` checks
# natively and what both the app and the pre-render step can lean on.
set -uo pipefail
cd "$(dirname "$0")/.."

PURE=(src/contract src/logic src/sanitize src/search/engine)
# Crates and calls that reach the browser or the view layer.
BROWSER='\b(web_sys|js_sys|wasm_bindgen|wasm_bindgen_futures|gloo_net|send_wrapper|leptos|stylers)\b|\b(document|window)\(\)'
# The crate's own modules that pure code may use.
ALLOWED='crate::(contract|logic|sanitize|search::engine)\b'

status=0
for dir in "${PURE[@]}"; do
  while IFS= read -r hit; do
    echo "check-layout: $hit  (pure folder $dir uses browser or view code)"
    status=1
  done < <(grep -rnE "$BROWSER" "$dir" --include='*.rs' | grep -vE '^[^:]+:[0-9]+:\s*//')
  while IFS= read -r hit; do
    echo "check-layout: $hit  (pure folder $dir uses a module that is not pure)"
    status=1
  done < <(grep -rnoE 'crate::[a-z_]+(::[a-z_]+)?' "$dir" --include='*.rs' | grep -vE ":$ALLOWED")
done
[ $status -eq 0 ] && echo "check-layout: ${PURE[*]} are pure"
exit $status
