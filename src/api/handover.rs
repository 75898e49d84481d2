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
    /// API URL → JSON text, each taken at its first use. Global (docs/architecture.md,
    /// "Shared state"): filled from the page before the app exists.
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
pub use native::{Documents, take};

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::cell::RefCell;
    use std::rc::Rc;

    use leptos::prelude::use_context;
    use send_wrapper::SendWrapper;

    type Source = Rc<dyn Fn(&str) -> Option<String>>;

    /// What the pre-render step gives one page to read (API URL → text; `None`: there
    /// is no such document), and the note of every lookup, misses included: the
    /// documents found go into the page, and all of them make its fingerprint. A
    /// context of the page, made on the thread that renders it.
    #[derive(Clone)]
    pub struct Documents(SendWrapper<Rc<Lookups>>);

    struct Lookups {
        source: Source,
        read: RefCell<Vec<(String, Option<String>)>>,
    }

    impl Documents {
        pub fn new(source: Source) -> Documents {
            Documents(SendWrapper::new(Rc::new(Lookups {
                source,
                read: RefCell::new(Vec::new()),
            })))
        }

        /// Every lookup so far, in order, each once: (API URL, text); taken, once the
        /// page is rendered.
        pub fn take_read(&self) -> Vec<(String, Option<String>)> {
            self.0.read.take()
        }
    }

    pub fn take(url: &str) -> Option<String> {
        let documents = use_context::<Documents>()?;
        let lookups = &documents.0;
        if let Some((_, text)) = lookups.read.borrow().iter().find(|(u, _)| u == url) {
            return text.clone();
        }
        let text = (lookups.source)(url);
        lookups
            .read
            .borrow_mut()
            .push((url.to_string(), text.clone()));
        text
    }
}
