//! What the page and the search worker say to each other: JSON text through
//! `postMessage`. Results travel in the shape of the backend's own search results
//! (contract section 6), which the page decodes anyway for remote search.

use serde::{Deserialize, Serialize};

use super::highlight::Marked;
use crate::contract::SearchResults;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Request {
    /// A page of results, from the edition's index, which the worker opens first if
    /// it holds another (or none): the archive index in the folder `archive` (ending
    /// in `/`; relative to the worker's address, the site's base), else (none there: a
    /// site built without it) the one-file index at `index` (contract section 5). The
    /// worker fetches them itself, each request given up after `timeout_ms`. An empty
    /// `q` only opens the index, ahead of the reader's first query.
    Query {
        id: u32,
        q: String,
        offset: usize,
        limit: usize,
        archive: String,
        index: String,
        timeout_ms: u32,
    },
    /// The marks of results the page got elsewhere (the backend's endpoint): the
    /// words of `q` in each (title, lead).
    Mark {
        id: u32,
        q: String,
        texts: Vec<(String, Option<String>)>,
    },
    /// Times each query on an index held in memory (a one-file index) inside the
    /// worker, as the mean of `repeat` runs; for an archive, reports its memory only. Sent by
    /// `scripts/bench/search-bench.mjs` and `archive-search-bench.mjs`, which write it
    /// themselves: the page never sends it, and its bundle is smaller without the code.
    #[serde(skip_serializing)]
    Bench {
        queries: Vec<String>,
        limit: usize,
        repeat: u32,
    },
}

/// The worker's answer to `Query`; also, with id 0, its greeting once it listens
/// (messages sent earlier are lost).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Reply {
    pub id: u32,
    /// Whether the worker holds a usable index and answered.
    pub ok: bool,
    /// When not: why, as `Failure` says.
    #[serde(default)]
    pub failure: Option<Failure>,
    #[serde(default)]
    pub page: Option<SearchResults>,
    /// What to mark in each result of `page` (or of a `Mark` request), in order.
    #[serde(default)]
    pub marks: Vec<Marked>,
    /// When nothing matched: the nearest query that would.
    #[serde(default)]
    pub suggestion: Option<String>,
}

/// Why the worker could not answer, as the page's fetches say it (`api::ApiError`):
/// an HTTP status, or one of the codes below. An unsigned number, as the ids are: as a
/// serde enum it cost the page's bundle 0.7 KB (brotli), as an `i32` 0.4 KB.
pub type Failure = u32;
pub const OFFLINE: Failure = 1;
pub const TIMEOUT: Failure = 2;
/// Not an index: a file that does not decode.
pub const DECODE: Failure = 3;

/// The answer to `Request::Bench`, read by the benchmark script, not by the app.
#[derive(Debug, Clone, Serialize)]
pub struct BenchReport {
    pub build_ms: f64,
    pub memory_bytes: f64,
    pub articles: usize,
    pub times_ms: Vec<f64>,
    /// The slugs of each query's first results.
    pub top: Vec<Vec<String>>,
}
