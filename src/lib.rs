//! A news-site frontend: a Leptos single-page app compiled to WebAssembly.
//!
//! Pure logic (contract decoding, URLs, dates, the sanitiser, the route table) is plain
//! Rust tested natively; `app`, `routes` and `components` are the views.

// Natively (the pre-render step) the view types are not erased and nest deeply.
#![recursion_limit = "256"]

pub mod api;
pub mod app;
pub mod components;
pub mod contract;
pub mod dates;
pub mod edition;
pub mod feed;
pub mod i18n;
pub mod players;
pub mod prefs;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod reader;
pub mod router;
pub mod routes;
pub mod sanitize;
pub mod scroll_memory;
pub mod search;
pub mod search_client;
pub mod share;
pub mod takeover;
pub mod uri;
pub mod url_policy;
pub mod widget;

/// Starts the app in the page's `<body>`, taking over a pre-rendered page.
pub fn start() {
    scroll_memory::install();
    takeover::mount(app::App);
}
