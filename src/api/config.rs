//! Where the site and the backend are. The API base is read once from
//! `<meta name="api-base">` and resolved against the document's base URL, so one build
//! can be pointed at another backend, or served under a sub-path, by editing index.html.
//!
//! In the browser it is read from the page once, at start, by whatever asks first (a
//! view, the decoder, the take-over): the one global of this module, as the page is one.
//! The pre-render step has no page to read: it makes a `Config` and passes it to each
//! page it renders, as a context of that page.

#[cfg(target_arch = "wasm32")]
use std::cell::OnceCell;

use newsfront_core::logic::uri;

#[cfg(target_arch = "wasm32")]
const DEFAULT_API_BASE: &str = "api/";
const DEFAULT_TIMEOUT_MS: i32 = 10_000;

#[derive(Clone)]
pub struct Config {
    document_base: String,
    api_base: String,
    timeout_ms: i32,
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    static CONFIG: OnceCell<Config> = const { OnceCell::new() };
}

#[cfg(target_arch = "wasm32")]
fn meta(document: &web_sys::Document, name: &str) -> Option<String> {
    document
        .query_selector(&format!("meta[name=\"{name}\"]"))
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .map(|c| c.trim().to_string())
        .filter(|c| !c.is_empty())
}

#[cfg(not(target_arch = "wasm32"))]
impl Config {
    /// Where the site and its API are, for the pre-render step: the public base URL
    /// (`<base href>` made absolute) and the API base as `<meta name=api-base>` has it.
    pub fn new(document_base: &str, api_base: &str) -> Config {
        Config {
            document_base: with_slash(document_base.to_string()),
            api_base: with_slash(uri::resolve(document_base, api_base)),
            timeout_ms: DEFAULT_TIMEOUT_MS,
        }
    }

    /// The document's base URL, ending in `/`.
    pub fn document_base(&self) -> &str {
        &self.document_base
    }

    /// The API base, absolute, ending in `/`.
    pub fn api_base(&self) -> &str {
        &self.api_base
    }

    /// A path below the API base, made absolute.
    pub fn api_path(&self, path: &str) -> String {
        format!("{}{}", self.api_base, path)
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn with_config<R>(f: impl FnOnce(&Config) -> R) -> R {
    let config = leptos::prelude::use_context::<Config>();
    f(config
        .as_ref()
        .expect("the pre-render step gives each page its Config"))
}

#[cfg(target_arch = "wasm32")]
fn with_config<R>(f: impl FnOnce(&Config) -> R) -> R {
    CONFIG.with(|cell| {
        f(cell.get_or_init(|| {
            let document = web_sys::window().and_then(|w| w.document());
            let document_base = document
                .as_ref()
                .and_then(|d| d.base_uri().ok().flatten())
                .unwrap_or_else(|| "http://localhost/".to_string());
            let api = document
                .as_ref()
                .and_then(|d| meta(d, "api-base"))
                .unwrap_or_else(|| DEFAULT_API_BASE.to_string());
            let timeout_ms = document
                .as_ref()
                .and_then(|d| meta(d, "api-timeout-ms"))
                .and_then(|t| t.parse().ok())
                .filter(|t| *t > 0)
                .unwrap_or(DEFAULT_TIMEOUT_MS);
            Config {
                api_base: with_slash(uri::resolve(&document_base, &api)),
                document_base,
                timeout_ms,
            }
        }))
    })
}

fn with_slash(mut s: String) -> String {
    if !s.ends_with('/') {
        s.push('/');
    }
    s
}

/// The document's base URL (`<base href>` resolved), ending in `/`.
pub fn document_base() -> String {
    with_config(|c| c.document_base.clone())
}

/// How long one request may take before it counts as failed.
pub fn timeout_ms() -> i32 {
    with_config(|c| c.timeout_ms)
}

/// The API base, absolute, ending in `/`.
pub fn api_base() -> String {
    with_config(|c| c.api_base.clone())
}

/// A path below the API base (`contract::paths`), made absolute.
pub fn api_path(path: &str) -> String {
    with_config(|c| format!("{}{}", c.api_base, path))
}
