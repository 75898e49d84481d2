//! A news-site frontend: a Leptos single-page app compiled to WebAssembly. Built
//! natively, the same components render its pages to HTML for the build tools
//! (`newsfront-publish`, crates/publish). The README's map says where things are; the
//! pure core (contract, logic, sanitiser, search engine) is the crate `newsfront-core`
//! (crates/core), which has no browser code.

// Natively (the pre-render step) the view types are not erased and nest deeply.
#![recursion_limit = "256"]

pub mod api;
pub mod app;
pub mod browser;
pub mod components;
pub mod pages;
pub mod search;
pub mod state;
pub mod takeover;
pub mod widget;

/// Starts the app in the page's `<body>`, taking over a pre-rendered page.
pub fn start() {
    #[cfg(target_arch = "wasm32")]
    browser::references::install();
    browser::scroll_memory::install();
    takeover::mount(app::App);
}
