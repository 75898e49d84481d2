//! The search worker's side: builds the index from the JSON the page hands over, then
//! answers queries. Runs in a Web Worker (`src/bin/search_worker.rs`), so neither the
//! engine's code nor its work weighs on the page.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::engine::highlight::{marked, query_words};
use super::engine::index::Index;
use super::engine::protocol::{BenchReport, Reply, Request};
use crate::contract::{IndexedArticle, SearchIndex, SearchResults, SectionRef, Summary};

#[derive(Default)]
struct State {
    index: Option<Index>,
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

fn summary(a: &IndexedArticle) -> Summary {
    Summary {
        slug: a.slug.clone(),
        title: a.title.clone(),
        lead: a.lead.clone(),
        // The index knows the section's slug only; the page has the titles.
        section: SectionRef {
            slug: a.section.clone(),
            title: a.section.clone(),
        },
        published_at: a.published_at.clone(),
        image: None,
        views: None,
    }
}

fn handle(state: &mut State, request: Request) -> String {
    let reply = match request {
        Request::Build { id, text } => {
            let start = now();
            state.index = serde_json::from_str::<SearchIndex>(&text)
                .ok()
                .map(|parsed| Index::build(parsed.articles));
            state.build_ms = now() - start;
            Reply {
                id,
                ok: state.index.is_some(),
                ..Reply::default()
            }
        }
        Request::Query {
            id,
            q,
            offset,
            limit,
        } => match state.index.as_mut() {
            None => Reply {
                id,
                ..Reply::default()
            },
            Some(index) => {
                let results = index.search(&q, offset, limit);
                let articles = results.found.iter().map(|&d| &index.articles[d]);
                let marks = articles
                    .clone()
                    .map(|a| marked(&a.title, a.lead.as_deref(), &results.matched))
                    .collect();
                Reply {
                    id,
                    ok: true,
                    page: Some(SearchResults {
                        query: q,
                        total: Some(results.total as u64),
                        items: articles.map(summary).collect(),
                        next: None,
                    }),
                    marks,
                    suggestion: results.suggestion,
                }
            }
        },
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
            let Some(index) = state.index.as_mut() else {
                return String::new();
            };
            let mut times_ms = Vec::with_capacity(queries.len());
            let mut top = Vec::with_capacity(queries.len());
            let repeat = repeat.max(1);
            for q in &queries {
                let start = now();
                for _ in 1..repeat {
                    index.search(q, 0, limit);
                }
                let r = index.search(q, 0, limit);
                times_ms.push((now() - start) / f64::from(repeat));
                top.push(
                    r.found
                        .iter()
                        .map(|&d| index.articles[d].slug.clone())
                        .collect(),
                );
            }
            let report = BenchReport {
                build_ms: state.build_ms,
                memory_bytes: memory_bytes(),
                articles: index.articles.len(),
                terms: index.terms(),
                times_ms,
                top,
            };
            return serde_json::to_string(&report).unwrap_or_default();
        }
    };
    serde_json::to_string(&reply).unwrap_or_default()
}

/// Starts answering the page's messages.
pub fn run() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let state = Rc::new(RefCell::new(State::default()));
    let reply_to = scope.clone();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let Some(text) = e.data().as_string() else {
                return;
            };
            let Ok(request) = serde_json::from_str::<Request>(&text) else {
                return;
            };
            let answer = handle(&mut state.borrow_mut(), request);
            let _ = reply_to.post_message(&JsValue::from_str(&answer));
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
