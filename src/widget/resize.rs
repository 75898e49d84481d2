//! Tells the partner's page how tall the widget is, so that its iframe fits the
//! content with no scroll bar. The protocol, shared with `public/embed.js`:
//!
//! 1. widget → parent, to any origin: `{newsfront: "ready"}` (it carries nothing).
//! 2. parent → widget: `{newsfront: "hello"}`, accepted only from `window.parent`; its
//!    origin becomes the only one the widget writes to.
//! 3. widget → parent, to that origin: `{newsfront: "size", height}`, now and on
//!    every change of the widget's size.
//!
//! Anything else, or from anyone else, is ignored; the loader checks origin, source
//! frame and shape on its side.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Object, Reflect};
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};

const KEY: &str = "newsfront";

fn message(kind: &str, height: Option<i32>) -> JsValue {
    let m = Object::new();
    let _ = Reflect::set(&m, &KEY.into(), &kind.into());
    if let Some(h) = height {
        let _ = Reflect::set(&m, &"height".into(), &h.into());
    }
    m.into()
}

fn kind_of(data: &JsValue) -> Option<String> {
    if !data.is_object() {
        return None;
    }
    Reflect::get(data, &KEY.into()).ok()?.as_string()
}

struct Link {
    parent: web_sys::Window,
    partner: RefCell<Option<String>>,
    widget: web_sys::HtmlDivElement,
}

impl Link {
    fn send_size(&self) {
        let Some(origin) = self.partner.borrow().clone() else {
            return;
        };
        let bottom =
            self.widget.get_bounding_client_rect().bottom() + window().scroll_y().unwrap_or(0.0);
        let _ = self
            .parent
            .post_message(&message("size", Some(bottom.ceil() as i32)), &origin);
    }
}

/// Starts the protocol once `root` (the widget's outermost element) is in the page.
/// Does nothing when the widget is not in a frame.
pub fn report(root: NodeRef<Div>) {
    // Kept by the component, not by `on_load`'s effect: that effect runs again if the
    // element is attached again, and its cleanup would end the reports for good.
    let kept = StoredValue::new_local(None::<Listening>);
    on_cleanup(move || {
        if let Some(l) = kept.try_update_value(Option::take).flatten() {
            l.stop();
        }
    });
    root.on_load(move |widget| {
        let Some(parent) = window().parent().ok().flatten() else {
            return;
        };
        if Object::is(&parent, &window()) {
            return;
        }
        let link = Rc::new(Link {
            parent,
            partner: RefCell::new(None),
            widget,
        });
        let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new({
            let link = link.clone();
            move |e: web_sys::MessageEvent| {
                let from_parent = e.source().is_some_and(|s| Object::is(&s, &link.parent));
                if !from_parent || kind_of(&e.data()).as_deref() != Some("hello") {
                    return;
                }
                // A partner page without an origin of its own (a file, a sandbox) can
                // only be addressed as "*"; a height is no secret.
                let origin = e.origin();
                let target = if origin == "null" {
                    "*".to_string()
                } else {
                    origin
                };
                *link.partner.borrow_mut() = Some(target);
                link.send_size();
            }
        });
        let on_resize = Closure::<dyn Fn()>::new({
            let link = link.clone();
            move || link.send_size()
        });
        let _ = window()
            .add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
        let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
        if let Some(o) = &observer {
            o.observe(&link.widget);
        }
        // Browsers hold back resize reports (and painting) in a frame that is off
        // screen, so a widget below the fold would keep the size it had while loading.
        // Changes to its content are reported at once, measured on the spot.
        let mutations = web_sys::MutationObserver::new(on_resize.as_ref().unchecked_ref()).ok();
        if let Some(m) = &mutations {
            let options = web_sys::MutationObserverInit::new();
            options.set_child_list(true);
            options.set_subtree(true);
            options.set_character_data(true);
            let _ = m.observe_with_options(&link.widget, &options);
        }
        let _ = link.parent.post_message(&message("ready", None), "*");
        kept.set_value(Some(Listening {
            on_message,
            _on_resize: on_resize,
            observer,
            mutations,
        }));
    });
}

/// What keeps the reports going, until the widget leaves the page.
struct Listening {
    on_message: Closure<dyn Fn(web_sys::MessageEvent)>,
    _on_resize: Closure<dyn Fn()>,
    observer: Option<web_sys::ResizeObserver>,
    mutations: Option<web_sys::MutationObserver>,
}

impl Listening {
    fn stop(self) {
        let _ = window().remove_event_listener_with_callback(
            "message",
            self.on_message.as_ref().unchecked_ref(),
        );
        if let Some(o) = self.observer {
            o.disconnect();
        }
        if let Some(m) = self.mutations {
            m.disconnect();
        }
    }
}
