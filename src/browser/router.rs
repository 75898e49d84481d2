//! Client-side navigation: a click on a link within the site changes the page without
//! a reload, Back and Forward work, and every view reads the address from one place.
//!
//! Ours rather than leptos_router: the app has a single route (what a path means is
//! `logic::routes`, a plain function), and the crate's route matching and async
//! navigation machinery cost 21.6 KB (brotli) of the first load, measured with
//! `scripts/report/size-report.mjs`.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

use crate::state::Location;
use newsfront_core::logic::uri;

/// The address the pre-render step renders, a context of the page it renders: natively
/// there is no window to read it from.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Clone)]
pub struct Address {
    /// Below the base, starting with `/`.
    pub path: String,
    /// Without `?`.
    pub query: String,
}

/// The base's path (`/` or `/news/`) and the address as the window has it.
#[cfg(not(target_arch = "wasm32"))]
fn read(_base: &str) -> (String, String) {
    use_context::<Address>().map_or_else(Default::default, |a| (a.path, a.query))
}

#[cfg(target_arch = "wasm32")]
fn read(base: &str) -> (String, String) {
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    let below = path
        .strip_prefix(base.trim_end_matches('/'))
        .unwrap_or(&path)
        .to_string();
    let query = location.search().unwrap_or_default();
    (below, query.trim_start_matches('?').to_string())
}

/// Whether a click on `anchor` is one the app takes over: a plain left click on a link
/// to a page of this site (not a file, not a new tab, not a jump within the page).
fn takes_over(ev: &web_sys::MouseEvent, base: &str) -> Option<String> {
    if ev.default_prevented()
        || ev.button() != 0
        || ev.meta_key()
        || ev.ctrl_key()
        || ev.shift_key()
        || ev.alt_key()
    {
        return None;
    }
    let target: web_sys::Element = ev.target()?.dyn_into().ok()?;
    let anchor: web_sys::HtmlAnchorElement = target.closest("a[href]").ok()??.dyn_into().ok()?;
    let opens_elsewhere = !matches!(anchor.target().as_str(), "" | "_self");
    if opens_elsewhere || anchor.has_attribute("download") || anchor.rel() == "external" {
        return None;
    }
    let here = window().location();
    let to = web_sys::Url::new(&anchor.href()).ok()?;
    let path = to.pathname();
    let last = path.rsplit('/').next().unwrap_or_default();
    let is_file = last.rsplit_once('.').is_some_and(|(_, ext)| {
        (2..=4).contains(&ext.len()) && ext.chars().all(|c| c.is_ascii_alphanumeric())
    });
    let same_page = Some(path.clone()) == here.pathname().ok()
        && Some(to.search()) == here.search().ok()
        && !to.hash().is_empty();
    let inside = to.origin() == here.origin().ok()? && path.starts_with(base);
    (inside && !is_file && !same_page).then(|| anchor.href())
}

impl Location {
    /// Starts following the address; `base` is the path of the document's base.
    pub fn provide(base: String) -> Location {
        let (path, query) = read(&base);
        let location = Location {
            base: StoredValue::new(base.clone()),
            path: RwSignal::new(path),
            query: RwSignal::new(query),
        };
        provide_context(location);
        if cfg!(target_arch = "wasm32") {
            listen(location, base);
        }
        location
    }

    /// Goes to `href` (absolute, or relative to the document) as a new history entry,
    /// at the top of the new page.
    pub fn navigate(&self, href: &str) {
        let Ok(history) = window().history() else {
            return;
        };
        if history
            .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href))
            .is_err()
        {
            return;
        }
        self.sync();
        window().scroll_to_with_x_and_y(0.0, 0.0);
    }

    fn sync(&self) {
        let (path, query) = read(&self.base.get_value());
        self.path.set(path);
        self.query.set(query);
    }
}

/// Follows Back/Forward and takes over clicks on the site's links, for the page's life.
fn listen(location: Location, base: String) {
    let on_pop = Closure::<dyn Fn()>::new(move || location.sync());
    let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        if let Some(href) = takes_over(&ev, &base) {
            ev.prevent_default();
            location.navigate(&href);
        }
    });
    let w = window();
    let _ = w.add_event_listener_with_callback("popstate", on_pop.as_ref().unchecked_ref());
    let _ = w.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    on_pop.forget();
    on_click.forget();
}

/// A reader-facing link: a path from `logic::routes` joined to the site's base.
pub fn href(path_below_base: &str) -> String {
    let base = crate::api::config::document_base();
    format!("{}{}", uri::path_of(&base), path_below_base)
}

/// A reader-facing link made absolute (`https://host/base/path`), for sharing.
pub fn absolute_href(path_below_base: &str) -> String {
    uri::resolve(&crate::api::config::document_base(), &href(path_below_base))
}

/// The link to the results page for `query`.
pub fn search_href(edition: newsfront_core::logic::edition::Edition, query: &str) -> String {
    format!(
        "{}?q={}",
        href(&newsfront_core::logic::routes::search(edition)),
        uri::encode_component(query.trim())
    )
}
