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

/// `<html data-app>`: from here on the page's controls work (a pre-rendered page's do
/// nothing before). Tests wait for it before they use them.
fn mark_ready() {
    if let Some(root) = leptos::prelude::document().document_element() {
        let _ = root.set_attribute("data-app", "");
    }
}

/// Mounts the app, in place of the pre-rendered page when there is one.
///
/// The app is built in a detached element first, and put in place in a task of its own:
/// two shorter tasks rather than one long one, so the page answers input in between
/// (the total blocking time Lighthouse reports). Building it needs no style or layout;
/// putting it in place needs no script of ours.
pub fn mount<V: leptos::prelude::IntoView + 'static>(app: fn() -> V) {
    let document = leptos::prelude::document();
    if let Ok(blocks) = document.query_selector_all(&format!("script[{}]", handover::ATTRIBUTE)) {
        for i in 0..blocks.length() {
            let Some(block) = blocks
                .item(i)
                .and_then(|b| b.dyn_into::<web_sys::Element>().ok())
            else {
                continue;
            };
            if let Some(path) = block.get_attribute(handover::ATTRIBUTE) {
                handover::receive(&path, block.text_content().unwrap_or_default());
            }
            block.remove();
        }
    }
    let Some(body) = document.body() else {
        return;
    };
    let old = prerendered(&body);
    let (Some(first), Ok(holder)) = (old.first().cloned(), document.create_element("div")) else {
        leptos::mount::mount_to_body(app);
        mark_ready();
        return;
    };
    let holder: web_sys::HtmlElement = holder.unchecked_into();
    leptos::mount::mount_to(holder.clone(), app).forget();
    leptos::prelude::set_timeout(
        move || {
            let fragment = leptos::prelude::document().create_document_fragment();
            while let Some(child) = holder.first_child() {
                let _ = fragment.append_child(&child);
            }
            let _ = body.insert_before(&fragment, Some(&first));
            for node in old {
                let _ = body.remove_child(&node);
            }
            mark_ready();
        },
        std::time::Duration::ZERO,
    );
}
