//! The page's side of search, behind one `search` function: either the engine in its
//! Web Worker (started the first time the reader opens search; it fetches the index
//! itself, so the page never handles it) or the backend's endpoint (contract section 6)
//! when `site.json` gives one.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::api::{self, ApiError, config};
use newsfront_core::contract::paths;
use newsfront_core::contract::url::FetchUrl;
use newsfront_core::contract::{SearchConfig, SearchResults, Site, Summary};
use newsfront_core::logic::edition::Edition;
use newsfront_core::logic::paged::Page;
use newsfront_core::logic::routes;
use newsfront_core::logic::uri;
use newsfront_core::search::highlight::Marked;
use newsfront_core::search::protocol::{DECODE, Failure, OFFLINE, Reply, Request, TIMEOUT};

/// Results per request to the worker: what the overlay shows, and a step of the
/// results page (each result is a file of the archive index to fetch).
pub const PAGE_SIZE: usize = 10;

/// Where an edition's search runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SearchSource {
    /// The worker, on the archive index the build wrote (its folder below the base),
    /// else on the one-file index (`protocol::Request::Query`).
    Local { archive: String, index: String },
    /// The endpoint template, with `{q}` and `{page}`.
    Remote(String),
}

impl SearchSource {
    /// From `site.json`: its endpoint; else the build's archive index, or the index
    /// it names (without one, the contract's default path) for a site built without.
    pub fn of(edition: Edition, site: Option<&Site>) -> SearchSource {
        let index = match site.and_then(|s| s.search.clone()) {
            Some(SearchConfig::Endpoint(t)) => return SearchSource::Remote(t.as_str().to_string()),
            Some(SearchConfig::Index(url)) => url.as_str().to_string(),
            None => config::api_path(&paths::search_index(edition)),
        };
        SearchSource::Local {
            // Relative: the worker's own address (the base) resolves it.
            archive: routes::search_archive(edition),
            index,
        }
    }
}

/// Where the next page of results comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum More {
    Offset(usize),
    Url(FetchUrl),
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Hits {
    pub items: Vec<Summary>,
    pub total: Option<usize>,
    pub more: Option<More>,
    pub suggestion: Option<String>,
    /// What to mark in each result shown so far, by slug (`newsfront_core::search::highlight`).
    pub marks: HashMap<String, Marked>,
}

impl Page for Hits {
    type More = More;

    fn take_items(&mut self) -> Vec<Summary> {
        std::mem::take(&mut self.items)
    }

    fn more(&self) -> Option<More> {
        self.more.clone()
    }

    fn carry(&mut self, previous: Self) {
        for (slug, marks) in previous.marks {
            self.marks.entry(slug).or_insert(marks);
        }
    }
}

/// One page of results for `query`: the first when `more` is `None`.
pub async fn search(
    source: &SearchSource,
    query: &str,
    more: Option<More>,
) -> Result<Hits, ApiError> {
    match source {
        SearchSource::Local { archive, index } => local(archive, index, query, more).await,
        SearchSource::Remote(template) => remote(template, query, more).await,
    }
}

/// Starts the worker and has it open the index ahead of the first query.
pub fn prepare(source: &SearchSource) {
    if let SearchSource::Local { archive, index } = source {
        let (archive, index) = (archive.clone(), index.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let _ = local(&archive, &index, "", None).await;
        });
    }
}

// ---- the backend's endpoint ----

async fn remote(template: &str, query: &str, more: Option<More>) -> Result<Hits, ApiError> {
    let url = match more {
        Some(More::Url(next)) => next.as_str().to_string(),
        _ => template
            .replace("{q}", &uri::encode_component(query.trim()))
            .replace("{page}", "1"),
    };
    let page = api::get::<SearchResults>(url).await?;
    // The worker marks the query's words as the engine reads them; without it the
    // results show unmarked.
    let marks = mark(query, &page.items).await.unwrap_or_default();
    Ok(Hits {
        marks: by_slug(&page.items, marks),
        items: page.items,
        total: page.total.map(|t| t as usize),
        more: page.next.map(More::Url),
        suggestion: None,
    })
}

async fn mark(query: &str, items: &[Summary]) -> Result<Vec<Marked>, ApiError> {
    let texts = items
        .iter()
        .map(|s| (s.title.clone(), s.lead.clone()))
        .collect();
    let q = query.to_string();
    let reply = engine()?.call(|id| Request::Mark { id, q, texts }).await?;
    Ok(reply.marks)
}

fn by_slug(items: &[Summary], marks: Vec<Marked>) -> HashMap<String, Marked> {
    items.iter().map(|s| s.slug.clone()).zip(marks).collect()
}

// ---- the worker ----

type Pending = Rc<RefCell<HashMap<u32, (js_sys::Function, js_sys::Function)>>>;

struct Engine {
    worker: web_sys::Worker,
    /// Settles when the worker greets (it listens), or fails after the time-out.
    listening: js_sys::Promise,
    pending: Pending,
    next_id: std::cell::Cell<u32>,
    _on_message: Closure<dyn Fn(web_sys::MessageEvent)>,
    _on_error: Closure<dyn Fn(web_sys::Event)>,
}

// Global (docs/architecture.md, "Shared state"): one worker for the page, kept between
// searches, whichever view asks.
thread_local! {
    static ENGINE: RefCell<Option<Rc<Engine>>> = const { RefCell::new(None) };
    /// Replies that arrived, until their caller takes them.
    static REPLIES: RefCell<HashMap<u32, Reply>> = RefCell::new(HashMap::new());
}

/// An error as a number, in the worker's replies and in the promises here.
fn code(e: ApiError) -> Failure {
    match e {
        ApiError::Offline => OFFLINE,
        ApiError::Timeout => TIMEOUT,
        ApiError::Decode => DECODE,
        ApiError::Status(code) => Failure::from(code),
    }
}

fn of_code(code: Failure) -> ApiError {
    match code {
        TIMEOUT => ApiError::Timeout,
        DECODE => ApiError::Decode,
        code if code >= 100 => ApiError::Status(code as u16),
        _ => ApiError::Offline,
    }
}

fn error_value(e: ApiError) -> JsValue {
    JsValue::from_f64(f64::from(code(e)))
}

fn error_of(v: &JsValue) -> ApiError {
    of_code(v.as_f64().map_or(OFFLINE, |f| f as Failure))
}

fn engine() -> Result<Rc<Engine>, ApiError> {
    if let Some(e) = ENGINE.with_borrow(Clone::clone) {
        return Ok(e);
    }
    let url = uri::resolve(
        &config::document_base(),
        newsfront_core::logic::routes::SEARCH_WORKER,
    );
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
            config::timeout_ms(),
            &error_value(ApiError::Timeout),
        );
        pending.borrow_mut().insert(0, (resolve, reject));
    });
    let engine = Rc::new(Engine {
        worker,
        listening,
        pending,
        next_id: std::cell::Cell::new(1),
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

async fn local(
    archive: &str,
    index: &str,
    query: &str,
    more: Option<More>,
) -> Result<Hits, ApiError> {
    let offset = match more {
        Some(More::Offset(o)) => o,
        _ => 0,
    };
    let answer = engine()?
        .call(|id| Request::Query {
            id,
            q: query.to_string(),
            offset,
            limit: PAGE_SIZE,
            archive: archive.to_string(),
            index: index.to_string(),
            timeout_ms: config::timeout_ms() as u32,
        })
        .await?;
    let Reply {
        ok: true,
        page: Some(page),
        marks,
        suggestion,
        ..
    } = answer
    else {
        return Err(answer.failure.map_or(ApiError::Decode, of_code));
    };
    let total = page.total.map_or(0, |t| t as usize);
    let next = offset + page.items.len();
    Ok(Hits {
        marks: by_slug(&page.items, marks),
        items: page.items,
        total: Some(total),
        more: (next < total).then_some(More::Offset(next)),
        suggestion,
    })
}
