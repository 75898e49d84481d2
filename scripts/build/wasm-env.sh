# Settings for the Wasm build, sourced by the scripts that run Trunk. They make the
# bundle smaller; each figure is brotli, measured with scripts/report/size-report.mjs:
# - erase_components: Leptos type-erases each component behind one boxed view instead
#   of a nested generic type (about 13 KB), with no change in behaviour.
# - location-detail=none, fmt-debug=none: no file paths in panic messages and no `{:?}`
#   formatting code (about 4 KB).
# - std rebuilt at opt-level "z" with panics that abort at once (about 13 KB): no
#   unwinding or panic-message code. A panic traps; public/crash.js then shows the
#   reader the crash notice.
# - cross-crate-inline-threshold=always: functions of the other crates (the pure core,
#   std, Leptos) may be inlined before link-time optimisation as if they were ours:
#   184.8 KB against 189.5 (the crate split had cost 0.9 KB without it; the search
#   worker 5 KB smaller raw).
# - std's optimize_for_size feature (its smaller sort, formatting and collection code):
#   184.4 KB against 184.6 (189,058 -> 188,864 bytes, 2026-12-05). This replaces std's
#   default features, which are only the unwinding that panic=immediate-abort drops.
# Here rather than in .cargo/config.toml: building std needs an explicit target, and
# the native tests should not rebuild it.
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components -Zlocation-detail=none -Zfmt-debug=none -Zunstable-options -Cpanic=immediate-abort -Zcross-crate-inline-threshold=always"
