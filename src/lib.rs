//! A news-site frontend: a Leptos single-page app compiled to WebAssembly, and the
//! native step that pre-renders its pages. The README's module map says where things
//! are; `scripts/check-layout.sh` keeps the pure folders (`contract`, `logic`,
//! `sanitize`, `search/engine`) free of browser code.

// Natively (the pre-render step) the view types are not erased and nest deeply.
#![recursion_limit = "256"]

pub mod api;
pub mod app;
pub mod browser;
pub mod components;
pub mod contract;
pub mod logic;
pub mod pages;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod sanitize;
pub mod search;
pub mod state;
pub mod takeover;
pub mod widget;

/// Starts the app in the page's `<body>`, taking over a pre-rendered page.
pub fn start() {
    browser::scroll_memory::install();
    takeover::mount(app::App);
}
