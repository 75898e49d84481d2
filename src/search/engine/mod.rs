//! The search engine, pure Rust with no browser code: words as it compares them
//! (`fold`), what a query asks (`ask`), the index and its ranking (`index`), the words of a result to mark
//! (`highlight`), and the messages between the page and the worker it runs in
//! (`protocol`); and the archive index, many small files fetched per query
//! (`archive`).

pub mod archive;
pub mod ask;
pub mod fold;
pub mod highlight;
pub mod index;
pub mod protocol;
