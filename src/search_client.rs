//! The page's side of search, behind one `search` function: either the engine in its
//! Web Worker (started, and the edition's index fetched and handed to it, the first
//! time the reader opens search) or the backend's endpoint (contract section 6) when
//! `site.json` gives one.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::api::{self, ApiError, urls};
use crate::contract::{SearchConfig, SearchPage, Site, Summary};
use crate::edition::Edition;
use crate::search::protocol::{Reply, Request};
use crate::uri;

/// Results per request.
pub const PAGE_SIZE: usize = 20;

/// Where an edition's search runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The URL of the index the worker searches.
    Local(String),
    /// The endpoint template, with `{q}` and `{page}`.
    Remote(String),
}

impl Source {
    /// From `site.json`; without it (or without its `search`), the contract's default
    /// index path.
    pub fn of(edition: Edition, site: Option<&Site>) -> Source {
        match site.and_then(|s| s.search.clone()) {
            Some(SearchConfig::Endpoint(t)) => Source::Remote(t),
            Some(SearchConfig::Index(url)) => Source::Local(url),
            None => Source::Local(uri::resolve(&urls::site(edition), "search-index.json")),
        }
    }
}

/// Where the next page of results comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum More {
    Offset(usize),
    Url(String),
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    pub items: Vec<Summary>,
    pub total: Option<usize>,
    pub more: Option<More>,
    pub suggestion: Option<String>,
    /// The words to highlight: the indexed words that matched (local search) or the
    /// query's own words (the backend does not say).
    pub highlight: Vec<String>,
}

/// One page of results for `query`: the first when `more` is `None`.
pub async fn search(source: &Source, query: &str, more: Option<More>) -> Result<Page, ApiError> {
    match source {
        Source::Local(index) => local(index, query, more).await,
        Source::Remote(template) => remote(template, query, more).await,
    }
}

/// Starts the worker and the index download ahead of the first query.
pub fn prepare(source: &Source) {
    if let Source::Local(index) = source {
        let index = index.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let _ = index_ready(&index).await;
        });
    }
}

// ---- the backend's endpoint ----

async fn remote(template: &str, query: &str, more: Option<More>) -> Result<Page, ApiError> {
    let url = match more {
        Some(More::Url(next)) => next,
        _ => template
            .replace("{q}", &uri::encode_component(query.trim()))
            .replace("{page}", "1"),
    };
    if !matches!(uri::scheme(&url).as_deref(), Some("http" | "https")) {
        return Err(ApiError::Decode);
    }
    let page = api::get::<SearchPage>(url).await?;
    Ok(Page {
        items: page.items,
        total: page.total.map(|t| t as usize),
        more: page.next.map(More::Url),
        suggestion: None,
        highlight: words(query),
    })
}

/// A word as highlighting compares it: lower case, "ё" as "е" (as the engine reads it).
pub fn fold_simply(word: &str) -> String {
    word.to_lowercase().replace('ё', "е")
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(fold_simply)
        .collect()
}

// ---- the worker ----

type Pending = Rc<RefCell<HashMap<u32, (js_sys::Function, js_sys::Function)>>>;

struct Engine {
    worker: web_sys::Worker,
    /// Settles when the worker greets (it listens), or fails after the time-out.
    listening: js_sys::Promise,
    pending: Pending,
    next_id: std::cell::Cell<u32>,
    /// The index the worker holds (or is building), and its readiness.
    index: RefCell<Option<(String, js_sys::Promise)>>,
    _on_message: Closure<dyn Fn(web_sys::MessageEvent)>,
    _on_error: Closure<dyn Fn(web_sys::Event)>,
}

thread_local! {
    static ENGINE: RefCell<Option<Rc<Engine>>> = const { RefCell::new(None) };
    /// Replies that arrived, until their caller takes them.
    static REPLIES: RefCell<HashMap<u32, Reply>> = RefCell::new(HashMap::new());
}

fn error_value(e: ApiError) -> JsValue {
    match e {
        ApiError::Offline => JsValue::from_f64(-1.0),
        ApiError::Timeout => JsValue::from_f64(-2.0),
        ApiError::Decode => JsValue::from_f64(-3.0),
        ApiError::Status(code) => JsValue::from_f64(f64::from(code)),
    }
}

fn error_of(v: &JsValue) -> ApiError {
    match v.as_f64().map(|f| f as i32) {
        Some(-2) => ApiError::Timeout,
        Some(-3) => ApiError::Decode,
        Some(code) if code > 0 => ApiError::Status(code as u16),
        _ => ApiError::Offline,
    }
}

fn engine() -> Result<Rc<Engine>, ApiError> {
    if let Some(e) = ENGINE.with_borrow(Clone::clone) {
        return Ok(e);
    }
    let url = uri::resolve(&urls::document_base(), "search_worker_loader.js");
    let worker = web_sys::Worker::new(&url).map_err(|_| ApiError::Offline)?;
    let pending: Pending = Rc::default();
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new({
        let pending = pending.clone();
        move |e: web_sys::MessageEvent| {
            let Some(text) = e.data().as_string() else {
                return;
            };
            let Ok(reply) = serde_json::from_str::<Reply>(&text) else {
                return;
            };
            let waiting = pending.borrow_mut().remove(&reply.id);
            if let Some((resolve, _)) = waiting {
                REPLIES.with_borrow_mut(|r| r.insert(reply.id, reply));
                let _ = resolve.call1(&JsValue::NULL, &JsValue::TRUE);
            }
        }
    });
    // The worker could not load or crashed: fail what waits, and start afresh next time.
    let on_error = Closure::<dyn Fn(web_sys::Event)>::new({
        let pending = pending.clone();
        move |_| {
            for (_, (_, reject)) in pending.borrow_mut().drain() {
                let _ = reject.call1(&JsValue::NULL, &error_value(ApiError::Offline));
            }
            ENGINE.with_borrow_mut(|e| {
                if let Some(e) = e.take() {
                    e.worker.terminate();
                }
            });
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let listening = js_sys::Promise::new(&mut |resolve, reject| {
        // No greeting in time: the worker's code could not be loaded.
        let _ = leptos::prelude::window().set_timeout_with_callback_and_timeout_and_arguments_1(
            &reject,
            urls::timeout_ms(),
            &error_value(ApiError::Timeout),
        );
        pending.borrow_mut().insert(0, (resolve, reject));
    });
    let engine = Rc::new(Engine {
        worker,
        listening,
        pending,
        next_id: std::cell::Cell::new(1),
        index: RefCell::new(None),
        _on_message: on_message,
        _on_error: on_error,
    });
    ENGINE.with_borrow_mut(|e| *e = Some(engine.clone()));
    Ok(engine)
}

impl Engine {
    async fn call(&self, request: impl FnOnce(u32) -> Request) -> Result<Reply, ApiError> {
        if let Err(e) = JsFuture::from(self.listening.clone()).await {
            // Start afresh on the next attempt.
            ENGINE.with_borrow_mut(|slot| slot.take());
            self.worker.terminate();
            return Err(error_of(&e));
        }
        let id = self.next_id.get();
        self.next_id.set(id + 1);
        let text = serde_json::to_string(&request(id)).map_err(|_| ApiError::Decode)?;
        let promise = js_sys::Promise::new(&mut |resolve, reject| {
            self.pending.borrow_mut().insert(id, (resolve, reject));
        });
        self.worker
            .post_message(&JsValue::from_str(&text))
            .map_err(|_| ApiError::Offline)?;
        JsFuture::from(promise).await.map_err(|e| error_of(&e))?;
        REPLIES
            .with_borrow_mut(|r| r.remove(&id))
            .ok_or(ApiError::Decode)
    }
}

/// Waits until the worker holds the index at `url`, fetching it the first time (and
/// again after a failure, so Retry works).
async fn index_ready(url: &str) -> Result<Rc<Engine>, ApiError> {
    let engine = engine()?;
    let existing = engine
        .index
        .borrow()
        .as_ref()
        .filter(|(u, _)| u == url)
        .map(|(_, p)| p.clone());
    let promise = match existing {
        Some(p) => p,
        None => {
            let url_owned = url.to_string();
            let e = engine.clone();
            let p = wasm_bindgen_futures::future_to_promise(async move {
                let text = api::get_text(&url_owned).await.map_err(error_value)?;
                match e.call(|id| Request::Build { id, text }).await {
                    Ok(reply) if reply.ok => Ok(JsValue::TRUE),
                    Ok(_) => Err(error_value(ApiError::Decode)),
                    Err(err) => Err(error_value(err)),
                }
            });
            *engine.index.borrow_mut() = Some((url.to_string(), p.clone()));
            p
        }
    };
    match JsFuture::from(promise).await {
        Ok(_) => Ok(engine),
        Err(e) => {
            engine.index.borrow_mut().take();
            Err(error_of(&e))
        }
    }
}

async fn local(index: &str, query: &str, more: Option<More>) -> Result<Page, ApiError> {
    let engine = index_ready(index).await?;
    let offset = match more {
        Some(More::Offset(o)) => o,
        _ => 0,
    };
    let answer = engine
        .call(|id| Request::Query {
            id,
            q: query.to_string(),
            offset,
            limit: PAGE_SIZE,
        })
        .await?;
    let Reply {
        ok: true,
        page: Some(page),
        matched,
        suggestion,
        ..
    } = answer
    else {
        return Err(ApiError::Decode);
    };
    let total = page.total.map_or(0, |t| t as usize);
    let next = offset + page.items.len();
    Ok(Page {
        items: page.items,
        total: Some(total),
        more: (next < total).then_some(More::Offset(next)),
        suggestion,
        highlight: matched,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_words_are_folded_like_the_engine_folds_them() {
        assert_eq!(words("ИРАН, ёлка — Geneva!"), ["иран", "елка", "geneva"]);
        assert!(words(" … ").is_empty());
    }
}
