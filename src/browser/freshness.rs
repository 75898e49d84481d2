//! Looking again for news while the reader reads: a pre-rendered page, or one the cache
//! kept, can be minutes older than the newsroom's data. The lists a reader comes for
//! (the front page, a section's feed) ask again in the background, every few minutes
//! while the tab is visible and whenever the reader comes back to it, and offer what is
//! new (`components::new_stories`); nothing moves under the reader's eyes.

use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;

use crate::api;

const EVERY: Duration = Duration::from_secs(3 * 60);

/// Calls `news` with the text of the document at `url` fetched again, every few
/// minutes while the tab is visible and when it becomes visible again, for as long as
/// the calling component lives. Not in the pre-render step, which shows what it read.
pub fn watch(url: String, news: impl Fn(String) + 'static) {
    if cfg!(target_arch = "wasm32") {
        watch_with(url, Rc::new(news));
    }
}

/// Not generic, so that its code is in the bundle once.
fn watch_with(url: String, news: Rc<dyn Fn(String)>) {
    let check = move || {
        if document().hidden() {
            return;
        }
        let (url, news) = (url.clone(), Rc::clone(&news));
        leptos::task::spawn_local(async move {
            if let Ok(text) = api::get_text(&url).await {
                news(text);
            }
        });
    };
    let again = window_event_listener_untyped("visibilitychange", {
        let check = check.clone();
        move |_| check()
    });
    let every = set_interval_with_handle(check, EVERY).ok();
    on_cleanup(move || {
        again.remove();
        if let Some(every) = every {
            every.clear();
        }
    });
}
