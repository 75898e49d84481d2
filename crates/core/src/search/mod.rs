//! The search engine, pure Rust with no browser code: words as it compares them
//! (`fold`), what a query asks (`ask`), the index, its files and its ranking
//! (`archive`: many small files fetched per query, or held in memory for a site's
//! one-file index), the words of a result to mark (`highlight`), and the messages
//! between the page and the worker it runs in (`protocol`).

pub mod archive;
pub mod ask;
pub mod fold;
pub mod highlight;
pub mod protocol;
