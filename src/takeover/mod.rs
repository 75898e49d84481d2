//! Taking over a pre-rendered page (`newsfront-publish`): the documents it was rendered from
//! are handed to the API cache, the app renders the same page from them out of sight,
//! and only then, in one task, are the pre-rendered nodes replaced, so the browser never
//! paints anything in between and nothing moves.
//!
//! Building the whole page at once was one long task on a slow phone (over 200 ms at
//! Lighthouse's 4x CPU slowdown), and input waits for it (total blocking time). So the
//! parts of the page wrapped in `Staged` are built each in a task of their own.
//!
//! Not Leptos's hydration: that needs the `hydrate` build, whose resources hand their
//! data over in inline scripts (which our Content-Security-Policy forbids), and which
//! made this app's Wasm 21.9 KB (brotli) bigger when measured (205.8 KB against 183.9).
//! Hydration also walks the whole page in one task, which staging avoids.

use std::cell::RefCell;
use std::collections::VecDeque;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::api::handover;

const START: &str = "prerendered";
const END: &str = "/prerendered";

thread_local! {
    /// While a take-over builds the page: the `Staged` parts still to build, in page order.
    /// Global (docs/architecture.md, "Shared state"): a page has one take-over, over
    /// before the reader can navigate.
    static WAITING: RefCell<Option<VecDeque<RwSignal<bool>>>> = const { RefCell::new(None) };
}

/// Part of the page that a take-over builds in a task of its own (see the module's
/// comment). Otherwise, including on the server and after client navigation, it is
/// built at once like any other view.
#[component]
pub fn Staged(children: Children) -> impl IntoView {
    let ready = WAITING.with_borrow_mut(|waiting| {
        waiting.as_mut().map(|waiting| {
            let ready = RwSignal::new(false);
            waiting.push_back(ready);
            ready
        })
    });
    match ready {
        None => children().into_any(),
        Some(ready) => {
            let children = StoredValue::new_local(Some(children));
            (move || {
                if !ready.get() {
                    return None;
                }
                let children = children.try_update_value(Option::take).flatten()?;
                Some(children())
            })
            .into_any()
        }
    }
}

/// In a new task, builds the next waiting part, or calls `done` when none is left.
fn build_next(done: impl FnOnce() + 'static) {
    set_timeout(
        move || match WAITING.with_borrow_mut(|w| w.as_mut().and_then(VecDeque::pop_front)) {
            Some(ready) => {
                // Gone if the reader has already navigated elsewhere.
                ready.try_set(true);
                build_next(done);
            }
            None => {
                WAITING.set(None);
                done();
            }
        },
        std::time::Duration::ZERO,
    );
}

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

/// Where `element` is among `nodes`: its index among its parent's elements, from the
/// top. The app's copy of the page has the same elements, so what the reader did before
/// the app started (focus, an open dialog, typed text) is found there again.
fn path_of(nodes: &[web_sys::Node], element: &web_sys::Element) -> Option<Vec<usize>> {
    let mut element = element.clone();
    let mut path = Vec::new();
    loop {
        let top = elements(nodes).position(|n| n == element.as_ref());
        if let Some(top) = top {
            path.push(top);
            path.reverse();
            return Some(path);
        }
        let mut index = 0;
        let mut sibling = element.previous_element_sibling();
        while let Some(s) = sibling {
            index += 1;
            sibling = s.previous_element_sibling();
        }
        path.push(index);
        element = element.parent_element()?;
    }
}

/// The elements in `body` matching `selector` that are among `nodes`, with their places.
fn found(
    body: &web_sys::HtmlElement,
    nodes: &[web_sys::Node],
    selector: &str,
) -> Vec<(Vec<usize>, web_sys::Element)> {
    let Ok(list) = body.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| {
            let element = list.item(i)?.dyn_into::<web_sys::Element>().ok()?;
            Some((path_of(nodes, &element)?, element))
        })
        .collect()
}

fn elements(nodes: &[web_sys::Node]) -> impl Iterator<Item = &web_sys::Node> {
    nodes
        .iter()
        .filter(|n| n.node_type() == web_sys::Node::ELEMENT_NODE)
}

/// The element at `path` (see `path_of`) among `nodes`.
fn follow(nodes: &[web_sys::Node], path: &[usize]) -> Option<web_sys::HtmlElement> {
    let (top, rest) = path.split_first()?;
    let mut element = elements(nodes)
        .nth(*top)?
        .dyn_ref::<web_sys::Element>()?
        .clone();
    for &index in rest {
        element = element.first_element_child()?;
        for _ in 0..index {
            element = element.next_element_sibling()?;
        }
    }
    element.dyn_into().ok()
}

/// Puts the app's page in place of the pre-rendered one, with what the reader did on it
/// before the app (crates/publish/src/early.js: the search dialog opened, text typed in it,
/// the focus) carried over; the typed text reaches the app as if typed again.
fn swap(body: &web_sys::HtmlElement, old: Vec<web_sys::Node>, holder: &web_sys::HtmlElement) {
    let focused = document()
        .active_element()
        .and_then(|f| Some((path_of(&old, &f)?, f)));
    let dialogs = found(body, &old, "dialog[open]");
    let typed: Vec<(Vec<usize>, String)> = found(body, &old, "dialog[open] input")
        .into_iter()
        .filter_map(|(path, input)| {
            let value = input.dyn_into::<web_sys::HtmlInputElement>().ok()?.value();
            (!value.is_empty()).then_some((path, value))
        })
        .collect();
    let mut new = Vec::new();
    let fragment = document().create_document_fragment();
    while let Some(child) = holder.first_child() {
        let _ = fragment.append_child(&child);
        new.push(child);
    }
    let _ = body.insert_before(&fragment, old.first());
    for node in old {
        let _ = body.remove_child(&node);
    }
    for (path, _) in dialogs {
        if let Some(dialog) =
            follow(&new, &path).and_then(|d| d.dyn_into::<web_sys::HtmlDialogElement>().ok())
        {
            let _ = dialog.show_modal();
        }
    }
    for (path, value) in &typed {
        if let Some(input) =
            follow(&new, path).and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            input.set_value(value);
            if let Ok(event) = web_sys::Event::new("input") {
                let _ = input.dispatch_event(&event);
            }
        }
    }
    if let Some((path, was)) = focused {
        let same = |e: &web_sys::HtmlElement| {
            e.tag_name() == was.tag_name() && e.text_content() == was.text_content()
        };
        if let Some(element) = follow(&new, &path).filter(same) {
            let _ = element.focus();
        }
    }
}

/// `<html data-app>`: from here on the page's controls work (a pre-rendered page's do
/// nothing before). Tests wait for it before they use them.
fn mark_ready() {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-app", "");
    }
}

/// Mounts the app, in place of the pre-rendered page when there is one.
///
/// The app is built in a detached element, part by part, and put in place in a task of
/// its own. Building it needs no style or layout; putting it in place needs no script
/// of ours.
pub fn mount<V: leptos::prelude::IntoView + 'static>(app: fn() -> V) {
    let document = document();
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
    let (false, Ok(holder)) = (old.is_empty(), document.create_element("div")) else {
        leptos::mount::mount_to_body(app);
        mark_ready();
        return;
    };
    let holder: web_sys::HtmlElement = holder.unchecked_into();
    WAITING.set(Some(VecDeque::new()));
    // In a task of its own too: this one has instantiated the Wasm module.
    set_timeout(
        move || {
            leptos::mount::mount_to(holder.clone(), app).forget();
            build_next(move || {
                swap(&body, old, &holder);
                mark_ready();
            });
        },
        std::time::Duration::ZERO,
    );
}
