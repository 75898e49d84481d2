//! The search worker's side: opens an edition's index and answers queries. The
//! archive index (`newsfront_core::search::archive`) is read file by file as queries need them, the
//! files kept in a bounded cache; a site without one has its one-file index fetched
//! whole and made here into an archive index held in memory, so one engine answers.
//! Runs in a Web Worker (`src/bin/search_worker.rs`), so neither the engine's code,
//! its fetches nor its work weigh on the page.

use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};
use std::rc::Rc;

use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};

use newsfront_core::contract::{IndexedArticle, SearchIndex, SearchResults, SectionRef, Summary};
use newsfront_core::search::archive::build::in_memory;
use newsfront_core::search::archive::layout::{ENTRY, Entry, holds, is_story, story_name};
use newsfront_core::search::archive::query::{self, Files, Step, Typos};
use newsfront_core::search::highlight::{marked, query_words};
use newsfront_core::search::protocol::{
    BenchReport, DECODE, Failure, OFFLINE, Reply, Request, TIMEOUT,
};

/// Bytes of archive files kept: a few queries' worth, so that the worker's memory
/// stays the same for any archive (the browser's HTTP cache keeps the rest: every
/// file but the entry is named by its content).
const CACHE_BYTES: usize = 2 << 20;
/// Rounds of fetches a query may take (it needs at most seven).
const MAX_ROUNDS: usize = 12;

/// Fetched files, the oldest dropped past `limit` bytes.
struct Cache {
    files: HashMap<String, Vec<u8>>,
    order: VecDeque<String>,
    bytes: usize,
    limit: usize,
}

impl Default for Cache {
    fn default() -> Cache {
        Cache {
            files: HashMap::new(),
            order: VecDeque::new(),
            bytes: 0,
            limit: CACHE_BYTES,
        }
    }
}

impl Files for Cache {
    fn get(&self, name: &str) -> Option<&[u8]> {
        self.files.get(name).map(Vec::as_slice)
    }
}

impl Cache {
    fn insert(&mut self, name: String, bytes: Vec<u8>) {
        self.bytes += bytes.len();
        if let Some(old) = self.files.insert(name.clone(), bytes) {
            self.bytes -= old.len();
        } else {
            self.order.push_back(name);
        }
        while self.bytes > self.limit && self.order.len() > 1 {
            let Some(oldest) = self.order.pop_front() else {
                break;
            };
            if let Some(gone) = self.files.remove(&oldest) {
                self.bytes -= gone.len();
            }
        }
    }
}

struct Archive {
    /// The folder, ending in `/` (relative to the worker's address); none for an index
    /// held whole in memory (made from a one-file index).
    folder: Option<String>,
    entry: Entry,
    files: Cache,
}

/// The archive folder and one-file index a query asks for (`Request::Query`).
type Source = [String; 2];

struct State {
    /// What was opened, and for which source.
    opened: Option<(Source, Archive)>,
    /// The opening under way: queries that arrive meanwhile wait for it rather than
    /// fetch the index again (the page's warm-up query and the reader's first).
    opening: Option<(Source, js_sys::Promise)>,
    typos: Typos,
    build_ms: f64,
}

fn now() -> f64 {
    js_sys::global()
        .unchecked_into::<web_sys::WorkerGlobalScope>()
        .performance()
        .map_or(0.0, |p| p.now())
}

fn memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .unchecked_into::<js_sys::WebAssembly::Memory>()
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length() as f64
}

/// The body of a 2xx answer at `url`. `fresh`: revalidated (the entry, the one file
/// whose name stays when it changes).
async fn fetch(url: &str, timeout_ms: u32, fresh: bool) -> Result<Vec<u8>, Failure> {
    let signal = web_sys::AbortSignal::timeout_with_u32(timeout_ms);
    let started = now();
    let failed = || {
        if now() - started + 1.0 >= f64::from(timeout_ms) {
            TIMEOUT
        } else {
            OFFLINE
        }
    };
    let mut request = gloo_net::http::Request::get(url).abort_signal(Some(&signal));
    if fresh {
        request = request.cache(web_sys::RequestCache::NoCache);
    }
    let response = request.send().await.map_err(|_| failed())?;
    if !response.ok() {
        return Err(Failure::from(response.status()));
    }
    response.binary().await.map_err(|_| failed())
}

fn summary(a: IndexedArticle) -> Summary {
    Summary {
        // The index knows the section's slug only; the page has the titles.
        section: SectionRef {
            slug: a.section.clone(),
            title: a.section,
        },
        slug: a.slug,
        title: a.title,
        lead: a.lead,
        published_at: a.published_at,
        image: None,
        views: None,
        live: a.live,
    }
}

fn failed(id: u32, failure: Failure) -> Reply {
    Reply {
        id,
        failure: Some(failure),
        ..Reply::default()
    }
}

/// A page of results, marked.
fn answer(
    id: u32,
    q: String,
    articles: Vec<IndexedArticle>,
    total: usize,
    matched: &[String],
) -> Reply {
    let marks = articles
        .iter()
        .map(|a| marked(&a.title, a.lead.as_deref(), matched))
        .collect();
    Reply {
        id,
        ok: true,
        page: Some(SearchResults {
            query: q,
            total: Some(total as u64),
            items: articles.into_iter().map(summary).collect(),
            next: None,
        }),
        marks,
        ..Reply::default()
    }
}

/// The archive's entry, revalidated (the one file whose name stays when it changes).
async fn fetch_entry(folder: &str, timeout_ms: u32) -> Result<Entry, Failure> {
    let bytes = fetch(&format!("{folder}{ENTRY}"), timeout_ms, true).await?;
    Entry::decode(&bytes).ok_or(DECODE)
}

/// Opens the source a query asks for, unless it is open or being opened.
async fn open(state: &Rc<RefCell<State>>, source: Source, timeout_ms: u32) -> Result<(), Failure> {
    let promise = {
        let s = state.borrow();
        if s.opened.as_ref().is_some_and(|(k, _)| *k == source) {
            return Ok(());
        }
        let under_way = s.opening.as_ref().filter(|(k, _)| *k == source);
        under_way.map(|(_, p)| p.clone())
    };
    let promise = promise.unwrap_or_else(|| {
        let (st, key) = (state.clone(), source.clone());
        let p = wasm_bindgen_futures::future_to_promise(async move {
            load(&st, key, timeout_ms)
                .await
                .map(|()| JsValue::TRUE)
                .map_err(|f| JsValue::from_f64(f64::from(f)))
        });
        state.borrow_mut().opening = Some((source.clone(), p.clone()));
        p
    });
    let result = wasm_bindgen_futures::JsFuture::from(promise).await;
    let mut s = state.borrow_mut();
    if s.opening.as_ref().is_some_and(|(k, _)| *k == source) {
        s.opening = None;
    }
    result
        .map(|_| ())
        .map_err(|e| e.as_f64().map_or(DECODE, |f| f as Failure))
}

/// Fetches and opens a source: the archive's entry, else (404: a site built without
/// the archive index) the one-file index, made into an archive index in memory.
async fn load(state: &RefCell<State>, source: Source, timeout_ms: u32) -> Result<(), Failure> {
    let start = now();
    let [folder, index] = &source;
    let opened = match fetch_entry(folder, timeout_ms).await {
        Ok(entry) => Archive {
            folder: Some(folder.clone()),
            entry,
            files: Cache::default(),
        },
        Err(404) => {
            let bytes = fetch(index, timeout_ms, false).await?;
            let parsed = serde_json::from_slice::<SearchIndex>(&bytes).map_err(|_| DECODE)?;
            let (entry, files) = in_memory(parsed.articles);
            Archive {
                folder: None,
                entry,
                files: Cache {
                    bytes: files.values().map(Vec::len).sum(),
                    files,
                    order: VecDeque::new(),
                    limit: usize::MAX,
                },
            }
        }
        Err(e) => return Err(e),
    };
    let mut s = state.borrow_mut();
    s.build_ms = now() - start;
    s.opened = Some((source, opened));
    Ok(())
}

/// A query on the archive: the engine's rounds, each round's files fetched together.
async fn archive_query(
    state: &RefCell<State>,
    q: &str,
    offset: usize,
    limit: usize,
    timeout_ms: u32,
) -> Result<(Vec<IndexedArticle>, query::Found), Failure> {
    // Whether the entry was fetched again during this query.
    let mut reloaded = false;
    for _ in 0..MAX_ROUNDS {
        let (step, folder) = {
            let s = state.borrow();
            let Some((_, a)) = &s.opened else {
                return Err(DECODE);
            };
            let step = query::search(&a.entry, &a.files, &s.typos, q, offset, limit);
            (step, a.folder.clone())
        };
        match step {
            Step::Done(found) => {
                let s = state.borrow();
                let Some((_, a)) = &s.opened else {
                    return Err(DECODE);
                };
                let articles = found
                    .ids
                    .iter()
                    .filter_map(|&id| serde_json::from_slice(a.files.get(&story_name(id))?).ok())
                    .collect();
                return Ok((articles, found));
            }
            Step::Fetch(names) => {
                // An index held in memory has every file.
                let Some(folder) = folder else {
                    return Err(DECODE);
                };
                let got = futures::future::join_all(names.iter().map(|n| {
                    let url = format!("{folder}{n}");
                    async move { fetch(&url, timeout_ms, false).await }
                }))
                .await;
                let mut stale = false;
                {
                    let mut s = state.borrow_mut();
                    let Some((_, a)) = &mut s.opened else {
                        return Err(DECODE);
                    };
                    for (name, file) in names.into_iter().zip(got) {
                        let file = match file {
                            // A story taken down since the entry was read: the query
                            // goes on without it.
                            Err(404) if is_story(&name) => Vec::new(),
                            // A file another build replaced: the entry is older.
                            Err(404) if !reloaded => {
                                stale = true;
                                continue;
                            }
                            // What a CDN's error page or a damaged copy would be.
                            Ok(bytes) if !is_story(&name) && !holds(&name, &bytes) => {
                                return Err(DECODE);
                            }
                            other => other?,
                        };
                        a.files.insert(name, file);
                    }
                }
                if stale {
                    reloaded = true;
                    let entry = fetch_entry(&folder, timeout_ms).await?;
                    let mut s = state.borrow_mut();
                    if let Some((_, a)) = &mut s.opened {
                        a.entry = entry;
                        a.files = Cache::default();
                    }
                }
            }
        }
    }
    Err(DECODE)
}

async fn handle(state: Rc<RefCell<State>>, request: Request) -> String {
    let reply = match request {
        Request::Query {
            id,
            q,
            offset,
            limit,
            archive,
            index,
            timeout_ms,
        } => {
            if let Err(e) = open(&state, [archive, index], timeout_ms).await {
                return serde_json::to_string(&failed(id, e)).unwrap_or_default();
            }
            match archive_query(&state, &q, offset, limit, timeout_ms).await {
                Ok((articles, found)) => Reply {
                    suggestion: found.suggestion,
                    ..answer(id, q, articles, found.total, &found.matched)
                },
                Err(e) => failed(id, e),
            }
        }
        Request::Mark { id, q, texts } => {
            let words = query_words(&q);
            Reply {
                id,
                ok: true,
                marks: texts
                    .iter()
                    .map(|(title, lead)| marked(title, lead.as_deref(), &words))
                    .collect(),
                ..Reply::default()
            }
        }
        Request::Bench {
            queries,
            limit,
            repeat,
        } => {
            let s = state.borrow();
            let Some((_, a)) = &s.opened else {
                return String::new();
            };
            let mut times_ms = Vec::with_capacity(queries.len());
            let mut top = Vec::with_capacity(queries.len());
            // An archive's queries fetch files: the script times those itself.
            if a.folder.is_none() {
                let repeat = repeat.max(1);
                for q in &queries {
                    let start = now();
                    let mut step = None;
                    for _ in 0..repeat {
                        step = Some(query::search(&a.entry, &a.files, &s.typos, q, 0, limit));
                    }
                    times_ms.push((now() - start) / f64::from(repeat));
                    let ids = match step {
                        Some(Step::Done(found)) => found.ids,
                        _ => Vec::new(),
                    };
                    let story = |id| a.files.get(&story_name(id));
                    let slugs = ids
                        .into_iter()
                        .filter_map(|id| serde_json::from_slice::<IndexedArticle>(story(id)?).ok());
                    top.push(slugs.map(|story| story.slug).collect());
                }
            }
            let report = BenchReport {
                build_ms: s.build_ms,
                memory_bytes: memory_bytes(),
                articles: a.entry.ids as usize,
                times_ms,
                top,
            };
            return serde_json::to_string(&report).unwrap_or_default();
        }
    };
    serde_json::to_string(&reply).unwrap_or_default()
}

/// Starts answering the page's messages, each as it comes (a query waiting for its
/// files does not hold up the next).
pub fn run() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let state = Rc::new(RefCell::new(State {
        opened: None,
        opening: None,
        typos: Typos::default(),
        build_ms: 0.0,
    }));
    let reply_to = scope.clone();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let Some(text) = e.data().as_string() else {
                return;
            };
            let Ok(request) = serde_json::from_str::<Request>(&text) else {
                return;
            };
            let (state, reply_to) = (state.clone(), reply_to.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let answer = handle(state, request).await;
                let _ = reply_to.post_message(&JsValue::from_str(&answer));
            });
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    // Messages sent before this point were lost (the Wasm was still loading): say that
    // the worker listens now. Reply 0 is this greeting.
    let hello = Reply {
        id: 0,
        ok: true,
        ..Reply::default()
    };
    let _ = scope.post_message(&JsValue::from_str(
        &serde_json::to_string(&hello).unwrap_or_default(),
    ));
}
