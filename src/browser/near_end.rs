//! Whether the end of a list is near the viewport, for lists that load more as the
//! reader scrolls (section feeds, search results).

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

/// How close to the end of the list (in CSS pixels) the next page starts loading.
/// (An integer: formatting a float would pull float printing into the bundle.) The
/// pre-rendered page's own script starts the app at the same distance (`early.js`).
pub const NEAR_END_PX: i32 = 800;

/// Whether `sentinel` is within reach now (the observer's last report may predate a
/// page that was just laid out).
pub fn still_near(sentinel: NodeRef<Div>) -> bool {
    let Some(el) = sentinel.get_untracked() else {
        return false;
    };
    let viewport = window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    el.get_bounding_client_rect().top() < viewport + f64::from(NEAR_END_PX)
}

/// Keeps `near` telling whether `target` is within `NEAR_END_PX` of the viewport.
///
/// Direct rather than leptos-use's `use_intersection_observer`: its reactive wrapper
/// cost about 2 KB (brotli) of a bundle at the edge of its budget, for one observer
/// on one element.
fn observe(target: NodeRef<Div>, near: RwSignal<bool>) {
    // Kept by the caller's owner, not by `on_load`'s effect, whose cleanup would run
    // if the element were attached again.
    type Kept = (
        web_sys::IntersectionObserver,
        Closure<dyn Fn(js_sys::Array)>,
    );
    let kept = StoredValue::new_local(None::<Kept>);
    on_cleanup(move || {
        if let Some((observer, _)) = kept.try_update_value(Option::take).flatten() {
            observer.disconnect();
        }
    });
    target.on_load(move |el| {
        let on_change = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
            if let Some(e) = entries.iter().last() {
                let e: web_sys::IntersectionObserverEntry = e.unchecked_into();
                near.set(e.is_intersecting());
            }
        });
        let options = web_sys::IntersectionObserverInit::new();
        options.set_root_margin(&format!("{NEAR_END_PX}px"));
        let Ok(observer) = web_sys::IntersectionObserver::new_with_options(
            on_change.as_ref().unchecked_ref(),
            &options,
        ) else {
            return;
        };
        observer.observe(&el);
        kept.set_value(Some((observer, on_change)));
    });
}

/// A signal that tells whether `sentinel` (an empty element after the list) is within
/// reach; `None` where the browser has no IntersectionObserver (a button must do).
/// The observer only reports changes: a list should keep loading while this is true,
/// so a short page that leaves the end in view still fills up.
pub fn watch(sentinel: NodeRef<Div>) -> Option<RwSignal<bool>> {
    // The pre-render step renders what a browser with the observer shows.
    if cfg!(target_arch = "wasm32")
        && !js_sys::Reflect::has(&window(), &"IntersectionObserver".into()).unwrap_or(false)
    {
        return None;
    }
    let near = RwSignal::new(false);
    observe(sentinel, near);
    Some(near)
}
