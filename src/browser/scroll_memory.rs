//! Back and Forward return the reader to where they were on a page.
//!
//! The scroll position is written into the current history entry's state as the reader
//! scrolls; a page that has rendered its content asks `restore` to go back there. A new
//! navigation has no saved position, so it starts at the top. The browser's own
//! restoration is turned off: it runs before our content is back and lands short.

use std::cell::Cell;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

const KEY: &str = "scrollY";
/// Browsers limit how often history state may be replaced; one write per pause is enough.
const SAVE_AFTER_MS: i32 = 200;

thread_local! {
    /// The save waiting for a pause in scrolling. Global (docs/architecture.md, "Shared
    /// state"): the window's scroll events outlive every view.
    static PENDING: Cell<Option<i32>> = const { Cell::new(None) };
}

fn save() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(history) = window.history() else {
        return;
    };
    let y = window.scroll_y().unwrap_or(0.0);
    let state = js_sys::Object::new();
    // The entry's state is ours alone: `router` pushes entries without one.
    if js_sys::Reflect::set(&state, &KEY.into(), &y.into()).is_ok() {
        let _ = history.replace_state(&state, "");
    }
}

pub fn install() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(history) = window.history() {
        let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    }
    let on_scroll = Closure::<dyn Fn()>::new(|| {
        let Some(window) = web_sys::window() else {
            return;
        };
        if let Some(t) = PENDING.get() {
            window.clear_timeout_with_handle(t);
        }
        let save_later = Closure::once_into_js(|| {
            PENDING.set(None);
            save();
        });
        let t = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                save_later.unchecked_ref(),
                SAVE_AFTER_MS,
            )
            .ok();
        PENDING.set(t);
    });
    let _ = window.add_event_listener_with_callback("scroll", on_scroll.as_ref().unchecked_ref());
    // A click may start a navigation before the pause is over: save first. Capture
    // phase, so this runs before the router's own click handler.
    let on_click = Closure::<dyn Fn()>::new(save);
    let _ = window.add_event_listener_with_callback_and_bool(
        "click",
        on_click.as_ref().unchecked_ref(),
        true,
    );
    // The listeners live as long as the page.
    on_scroll.forget();
    on_click.forget();
}

/// Scrolls to the top and keeps that as the entry's position (a list that renders
/// again restores it, and the click that asked saved the old one first).
pub fn to_top() {
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
        save();
    }
}

/// Restores the saved position once the page just rendered is laid out.
pub fn restore_after_render() {
    if cfg!(target_arch = "wasm32") {
        leptos::prelude::request_animation_frame(restore);
    }
}

/// Scrolls to the position saved in the current history entry, if it has one.
pub fn restore() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let y = window
        .history()
        .ok()
        .and_then(|h| h.state().ok())
        .and_then(|s| js_sys::Reflect::get(&s, &KEY.into()).ok())
        .and_then(|v| v.as_f64());
    if let Some(y) = y {
        window.scroll_to_with_x_and_y(0.0, y);
    }
}
