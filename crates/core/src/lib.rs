//! The news frontend's pure core, shared by the app (Wasm) and the build tools (native).
//! No browser code and no views: it builds and tests without the wasm32 target, Leptos
//! or `web-sys`. Its layers, each using only those above it:
//! - `logic`: the basics (URI references, editions, dates, the reader-facing URL scheme,
//!   interface text) and the pure features (share and player links, paged lists);
//! - `contract`: the newsroom's JSON (`shared/api-contract.md`), decoded into checked
//!   values;
//! - `sanitize`: the allow-list sanitiser for the contract's `html` blocks;
//! - `search`: the search engine (folding, index, ranking, marking matched words).

pub mod contract;
pub mod logic;
pub mod sanitize;
pub mod search;
