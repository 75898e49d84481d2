//! What the page and the search worker say to each other: JSON text through
//! `postMessage`. Results travel in the shape of the backend's own search results
//! (contract section 6), which the page decodes anyway for remote search.

use serde::{Deserialize, Serialize};

use super::highlight::Marked;
use crate::contract::SearchResults;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Request {
    /// The search index's JSON as fetched (contract section 5).
    Build { id: u32, text: String },
    Query {
        id: u32,
        q: String,
        offset: usize,
        limit: usize,
    },
    /// The marks of results the page got elsewhere (the backend's endpoint): the
    /// words of `q` in each (title, lead).
    Mark {
        id: u32,
        q: String,
        texts: Vec<(String, Option<String>)>,
    },
    /// Times each query inside the worker, as the mean of `repeat` runs
    /// (`scripts/search-bench.mjs`).
    Bench {
        queries: Vec<String>,
        limit: usize,
        repeat: u32,
    },
}

/// The worker's answer to `Build` and `Query`; also, with id 0, its greeting once it
/// listens (messages sent earlier are lost).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Reply {
    pub id: u32,
    /// Whether the worker holds a usable index (false: missing, or the fetched text
    /// was not the contract's JSON).
    pub ok: bool,
    #[serde(default)]
    pub page: Option<SearchResults>,
    /// What to mark in each result of `page` (or of a `Mark` request), in order.
    #[serde(default)]
    pub marks: Vec<Marked>,
    /// When nothing matched: the nearest query that would.
    #[serde(default)]
    pub suggestion: Option<String>,
}

/// The answer to `Request::Bench`, read by the benchmark script, not by the app.
#[derive(Debug, Clone, Serialize)]
pub struct BenchReport {
    pub build_ms: f64,
    pub memory_bytes: f64,
    pub articles: usize,
    pub terms: usize,
    pub times_ms: Vec<f64>,
    /// The slugs of each query's first results.
    pub top: Vec<Vec<String>>,
}
