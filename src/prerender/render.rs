//! One page of the app rendered to HTML by the same components the browser runs.

use leptos::prelude::*;

use crate::takeover::handover;

/// What the app shows at `path` (below the site's base) with `query`, and the API
/// documents it used: (API URL, text).
pub fn page(path: &str, query: &str) -> (String, Vec<(String, String)>) {
    crate::browser::router::render_path(path, query);
    handover::begin_page();
    let owner = Owner::new();
    let html = owner.with(|| view! { <crate::app::App/> }.to_html());
    owner.cleanup();
    (html, handover::page_documents())
}
