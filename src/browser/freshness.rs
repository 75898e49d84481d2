//! Looking again for news while the reader reads: a pre-rendered page, or one the cache
//! kept, can be minutes older than the newsroom's data. Lists that the reader sees
//! first (the front page, a section) ask again in the background and offer what is new
//! (`components::new_stories`); nothing changes under the reader's eyes.

use std::time::Duration;

use leptos::prelude::*;

/// The first look, once the page has settled; then one every few minutes.
const FIRST: Duration = Duration::from_secs(30);
const EVERY: Duration = Duration::from_secs(3 * 60);

fn visible() -> bool {
    document().visibility_state() == web_sys::VisibilityState::Visible
}

/// Runs `check` after `FIRST`, then every `EVERY` while the tab is visible (a hidden
/// tab asks nothing), for as long as the calling component lives. Not in the
/// pre-render step, which shows what the build read.
pub fn keep_checking(check: impl Fn() + Clone + 'static) {
    if !cfg!(target_arch = "wasm32") {
        return;
    }
    let timer = set_timeout_with_handle(check.clone(), FIRST).ok();
    let every = set_interval_with_handle(
        move || {
            if visible() {
                check();
            }
        },
        EVERY,
    )
    .ok();
    on_cleanup(move || {
        if let Some(t) = timer {
            t.clear();
        }
        if let Some(i) = every {
            i.clear();
        }
    });
}
