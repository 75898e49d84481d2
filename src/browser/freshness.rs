//! Looking again for news while the reader reads: a pre-rendered page, or one the cache
//! kept, can be minutes older than the newsroom's data. The lists a reader comes for
//! (the front page, a section's feed) ask again every few minutes, a live story's posts
//! every few seconds; always while the tab is visible, seldom while it is hidden, and at
//! once when the reader comes back to it. What is new is offered
//! (`components::new_stories`, `components::live`); nothing moves under the reader's eyes.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;

use crate::api::{self, ApiError};

/// How often the lists look again.
const LISTS: Duration = Duration::from_secs(3 * 60);

/// While the tab is hidden, a look at most this often: a reader who comes back gets a
/// look at once anyway, and a tab left open in the background costs little.
const HIDDEN: Duration = Duration::from_secs(5 * 60);

/// Calls `news` with the text of the document at `url` fetched again, every few
/// minutes, for as long as the calling component lives. Not in the pre-render step,
/// which shows what it read.
pub fn watch(url: String, news: impl Fn(String) + 'static) {
    poll(url, LISTS, move |answer| {
        if let Ok(text) = answer {
            news(text);
        }
    });
}

/// Calls `answer` with each fetch of the document at `url`, every `every` while the tab
/// is visible (see `HIDDEN`), for as long as the calling component lives. The trigger it
/// returns asks at once (Retry).
pub fn poll(
    url: String,
    every: Duration,
    answer: impl Fn(Result<String, ApiError>) + 'static,
) -> Trigger {
    let now = Trigger::new();
    if cfg!(target_arch = "wasm32") {
        poll_with(url, every, Rc::new(answer), now);
    }
    now
}

/// Not generic, so that its code is in the bundle once.
fn poll_with(
    url: String,
    every: Duration,
    answer: Rc<dyn Fn(Result<String, ApiError>)>,
    now: Trigger,
) {
    let last = Rc::new(Cell::new(api::now()));
    let check = move |whenever: bool| {
        let hidden = document().hidden();
        if !whenever && hidden && api::now() - last.get() < HIDDEN.as_millis() as f64 {
            return;
        }
        last.set(api::now());
        let (url, answer) = (url.clone(), Rc::clone(&answer));
        leptos::task::spawn_local(async move {
            answer(api::get_again(&url).await);
        });
    };
    let again = window_event_listener_untyped("visibilitychange", {
        let check = check.clone();
        move |_| {
            if !document().hidden() {
                check(true);
            }
        }
    });
    Effect::new({
        let check = check.clone();
        move |first: Option<()>| {
            now.track();
            if first.is_some() {
                check(true);
            }
        }
    });
    let every = set_interval_with_handle(move || check(false), every).ok();
    on_cleanup(move || {
        again.remove();
        if let Some(every) = every {
            every.clear();
        }
    });
}
