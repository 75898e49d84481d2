//! A pre-rendered page carries the JSON documents it was rendered from, so the app that
//! takes it over shows the same thing at once, without asking the backend again.
//!
//! In the page each sits in a `<script type="application/json" data-handover="PATH">`
//! (data, not script, so the Content-Security-Policy has nothing to allow), PATH being
//! its place below the API base. One element per document rather than one JSON object:
//! the browser finds them, and the app needs no decoder for an envelope. In the
//! pre-render step the same lookups go to the API tree being rendered, and every path a
//! page looked up is noted so that exactly those documents go into it.

use std::cell::RefCell;
use std::collections::HashMap;

/// The attribute that marks a hand-over element and holds its path.
pub const ATTRIBUTE: &str = "data-handover";

thread_local! {
    /// API URL → JSON text, each taken at its first use.
    static HANDED: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
}

/// Keeps a document handed over for `path` (below the API base).
pub fn receive(path: &str, document: String) {
    HANDED.with_borrow_mut(|h| h.insert(crate::api::config::api_path(path), document));
}

/// The document handed over for `url`, if there is one (once).
#[cfg(target_arch = "wasm32")]
pub fn take(url: &str) -> Option<String> {
    HANDED.with_borrow_mut(|h| h.remove(url))
}

#[cfg(not(target_arch = "wasm32"))]
pub use native::{begin_page, page_documents, set_source, take};

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::cell::RefCell;

    type Source = Box<dyn Fn(&str) -> Option<String>>;

    thread_local! {
        static SOURCE: RefCell<Option<Source>> = RefCell::new(None);
        static USED: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
    }

    /// Where the pre-render step reads documents: API URL → text.
    pub fn set_source(source: impl Fn(&str) -> Option<String> + 'static) {
        SOURCE.with_borrow_mut(|s| *s = Some(Box::new(source)));
    }

    /// Starts noting the documents of a new page.
    pub fn begin_page() {
        USED.with_borrow_mut(Vec::clear);
    }

    /// The documents the page looked up since `begin_page`: (API URL, text).
    pub fn page_documents() -> Vec<(String, String)> {
        USED.with_borrow(Clone::clone)
    }

    pub fn take(url: &str) -> Option<String> {
        let text = SOURCE.with_borrow(|s| s.as_ref().and_then(|s| s(url)))?;
        USED.with_borrow_mut(|used| {
            if !used.iter().any(|(u, _)| u == url) {
                used.push((url.to_string(), text.clone()));
            }
        });
        Some(text)
    }
}
