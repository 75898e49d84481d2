#!/bin/sh
# Trunk pre-build hook: compile the app so that build.rs writes target/stylers.css
# (the component styles) before Trunk reads it.
set -e
if [ "$TRUNK_PROFILE" = "release" ]; then
  exec cargo build --release --target wasm32-unknown-unknown --bin newsfront
else
  exec cargo build --target wasm32-unknown-unknown --bin newsfront
fi
