//! Everything that talks to the newsroom's backend: where its resources are (`config`),
//! one fetch with a time-out that aborts when its view goes away, and a small cache so
//! that going Back shows what was already loaded without asking again.

pub mod config;
pub mod handover;

use std::any::Any;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

use newsfront_core::contract::{self, ApiDocument};

/// Why a resource could not be shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApiError {
    /// No answer at all: offline, DNS, connection dropped, CORS.
    Offline,
    /// No complete answer within the time-out.
    Timeout,
    /// An answer with a status other than 2xx.
    Status(u16),
    /// A 2xx answer whose body is not the contract's JSON.
    Decode,
}

/// Cached answers are reused for this long; after it a page asks again, so a reader
/// who keeps the tab open still gets fresh news.
const CACHE_MS: f64 = 5.0 * 60.0 * 1000.0;
const CACHE_ENTRIES: usize = 256;

struct Entry {
    at: f64,
    value: Rc<dyn Any>,
}

thread_local! {
    /// Global (docs/architecture.md, "Shared state"): it outlives the views that fill
    /// it, so that Back shows what was loaded.
    static CACHE: RefCell<HashMap<String, Entry>> = RefCell::new(HashMap::new());
}

/// Milliseconds since the epoch (no clock in the pre-render step, which keeps nothing).
pub fn now() -> f64 {
    if cfg!(target_arch = "wasm32") {
        js_sys::Date::now()
    } else {
        0.0
    }
}

/// A cached copy of the resource at `url`, if one is fresh, else the one the
/// pre-rendered page handed over.
pub fn cached<T: ApiDocument>(url: &str) -> Option<T> {
    let handed = || decode::<T>(&handover::take(url)?, url);
    // The pre-render step keeps no cache: every page notes each document it uses.
    if !cfg!(target_arch = "wasm32") {
        return handed();
    }
    let hit = CACHE.with_borrow(|c| {
        c.get(url)
            .filter(|e| now() - e.at < CACHE_MS)
            .and_then(|e| e.value.downcast_ref::<T>().cloned())
    });
    hit.or_else(|| {
        let value = handed()?;
        remember(url, &value);
        Some(value)
    })
}

/// Keeps `value` as the copy of the resource at `url` (a newer one the reader asked
/// for, which a `Fetched` of it then shows).
pub fn remember<T: ApiDocument>(url: &str, value: &T) {
    CACHE.with_borrow_mut(|c| {
        if c.len() >= CACHE_ENTRIES {
            let t = now();
            c.retain(|_, e| t - e.at < CACHE_MS);
            if c.len() >= CACHE_ENTRIES {
                c.clear();
            }
        }
        c.insert(
            url.to_string(),
            Entry {
                at: now(),
                value: Rc::new(value.clone()),
            },
        );
    });
}

/// Fetches and decodes the resource at `url` (absolute), from the cache when it is
/// fresh there. The request is aborted when the reactive owner that started it is
/// cleaned up (the reader navigated away) or when the time-out passes.
pub async fn get<T: ApiDocument>(url: String) -> Result<T, ApiError> {
    if let Some(hit) = cached::<T>(&url) {
        return Ok(hit);
    }
    let text = fetch_with_timeout(&url, false).await?;
    let value: T = decode(&text, &url).ok_or(ApiError::Decode)?;
    remember(&url, &value);
    Ok(value)
}

/// Decodes a document fetched from `url` (absolute).
pub fn decode<T: ApiDocument>(text: &str, url: &str) -> Option<T> {
    contract::decode(text, url, &config::document_base()).ok()
}

/// The text at `url` (absolute) asked for again, not from the cache (`browser::freshness`):
/// the browser revalidates its copy with the server (`If-None-Match` where the host
/// gives an `ETag`), so an unchanged document costs a request and no body.
pub async fn get_again(url: &str) -> Result<String, ApiError> {
    fetch_with_timeout(url, true).await
}

/// The body of a 2xx answer. Not generic, so that its code is in the bundle once
/// rather than once per resource type.
async fn fetch_with_timeout(url: &str, revalidate: bool) -> Result<String, ApiError> {
    let controller = web_sys::AbortController::new().map_err(|_| ApiError::Offline)?;
    let signal = controller.signal();
    let timed_out = Rc::new(std::cell::Cell::new(false));
    let on_timeout = {
        let controller = controller.clone();
        let timed_out = Rc::clone(&timed_out);
        Closure::once(move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    let window = web_sys::window().ok_or(ApiError::Offline)?;
    let timer = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            on_timeout.as_ref().unchecked_ref(),
            config::timeout_ms(),
        )
        .unwrap_or_default();
    {
        let controller = send_wrapper::SendWrapper::new(controller);
        Owner::on_cleanup(move || controller.abort());
    }
    let result = fetch_text(url, &signal, revalidate).await;
    window.clear_timeout_with_handle(timer);
    drop(on_timeout);
    result.map_err(|e| match e {
        ApiError::Offline if timed_out.get() => ApiError::Timeout,
        other => other,
    })
}

async fn fetch_text(
    url: &str,
    signal: &web_sys::AbortSignal,
    revalidate: bool,
) -> Result<String, ApiError> {
    let mut request = gloo_net::http::Request::get(url).abort_signal(Some(signal));
    if revalidate {
        request = request.cache(web_sys::RequestCache::NoCache);
    }
    let response = request.send().await.map_err(|_| ApiError::Offline)?;
    if !response.ok() {
        return Err(ApiError::Status(response.status()));
    }
    response.text().await.map_err(|_| ApiError::Offline)
}

/// A resource that loads under the current reactive owner: `get()` is `None` while it
/// loads, then the result. It loads again when the URL it was built from changes, or on
/// `refetch()`; a load that is no longer wanted is cancelled (and its request aborted).
///
/// Ours rather than Leptos's `LocalResource`: that one's async machinery is compiled
/// once per resource type and cost about 6 KB (brotli) of the bundle for our three
/// types; this needs only a signal and an effect per type.
pub struct Fetched<T: 'static> {
    state: RwSignal<Option<Result<T, ApiError>>, LocalStorage>,
    again: RwSignal<u32>,
}

impl<T: 'static> Clone for Fetched<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for Fetched<T> {}

impl<T: ApiDocument> Fetched<T> {
    pub fn new(url: impl Fn() -> String + 'static) -> Self {
        // What is at hand is shown in the first render: that is how a pre-rendered page
        // is taken over without a visible change.
        let first = untrack(&url);
        let at_hand = cached::<T>(&first);
        let shown = at_hand.is_some().then_some(first);
        let state = RwSignal::new_local(at_hand.map(Ok));
        let again = RwSignal::new(0u32);
        Effect::new(move |previous: Option<()>| {
            again.track();
            let url = url();
            if previous.is_none() && shown.as_deref() == Some(url.as_str()) {
                return;
            }
            state.set(cached::<T>(&url).map(Ok));
            if state.with_untracked(Option::is_none) {
                leptos::task::spawn_local_scoped_with_cancellation(async move {
                    let result = get::<T>(url).await;
                    state.set(Some(result));
                });
            }
        });
        Fetched { state, again }
    }

    /// The result once loaded (a clone); tracked.
    pub fn get(&self) -> Option<Result<T, ApiError>> {
        self.state.get()
    }

    /// What is shown now, once loaded; untracked.
    pub fn with_current<R>(&self, f: impl FnOnce(&T) -> R) -> Option<R> {
        self.state
            .with_untracked(|s| s.as_ref().and_then(|r| r.as_ref().ok()).map(f))
    }

    /// Loads again (after an error, for Retry; from the cache, after `remember`).
    pub fn refetch(&self) {
        self.again.update(|n| *n += 1);
    }
}
