//! Taking over a pre-rendered page (`prerender`): the documents it was rendered from
//! are handed to the API cache, the app renders the same page from them in one go,
//! and only then are the pre-rendered nodes removed, all in one task, so the browser
//! never paints anything in between and nothing moves.
//!
//! Not Leptos's hydration: that needs the `hydrate` build, whose resources hand their
//! data over in inline scripts (which our Content-Security-Policy forbids), and it
//! costs bundle size we do not have.

use wasm_bindgen::JsCast;

use crate::api::handover;

const START: &str = "prerendered";
const END: &str = "/prerendered";

/// The pre-rendered nodes in `<body>` (between the two marker comments, inclusive).
fn prerendered(body: &web_sys::HtmlElement) -> Vec<web_sys::Node> {
    let mut nodes = Vec::new();
    let mut inside = false;
    let mut next = body.first_child();
    while let Some(node) = next {
        next = node.next_sibling();
        let marker = node
            .dyn_ref::<web_sys::Comment>()
            .map(|c| c.data())
            .unwrap_or_default();
        if marker == START {
            inside = true;
        }
        if inside {
            nodes.push(node);
        }
        if marker == END {
            break;
        }
    }
    nodes
}

/// Mounts the app, in place of the pre-rendered page when there is one.
pub fn mount<V: leptos::prelude::IntoView + 'static>(app: fn() -> V) {
    let document = leptos::prelude::document();
    if let Some(block) = document.get_element_by_id(handover::ELEMENT_ID) {
        handover::receive(&block.text_content().unwrap_or_default());
        block.remove();
    }
    let old = document.body().map(|b| prerendered(&b)).unwrap_or_default();
    leptos::mount::mount_to_body(app);
    for node in old {
        if let Some(parent) = node.parent_node() {
            let _ = parent.remove_child(&node);
        }
    }
}
