//! An `html` block from an older article. Its markup is untrusted: decoding rebuilt it
//! as a tree of allowed elements (`sanitize`), and this component creates those DOM
//! nodes one by one (tag names from the allow-list, attribute values as plain strings, text as text
//! nodes). Nothing is ever parsed by the browser as markup.

use leptos::html::Div;
use leptos::prelude::*;

use newsfront_core::sanitize::{MATHML, Node};

/// Formulas are MathML elements, not HTML ones of the same name.
const MATHML_NS: &str = "http://www.w3.org/1998/Math/MathML";

fn build(document: &web_sys::Document, parent: &web_sys::Node, nodes: &[Node]) {
    for node in nodes {
        match node {
            Node::Text(t) => {
                let _ = parent.append_child(&document.create_text_node(t));
            }
            Node::Element {
                tag,
                attrs,
                children,
            } => {
                let el = if MATHML.contains(tag) {
                    document.create_element_ns(Some(MATHML_NS), tag)
                } else {
                    document.create_element(tag)
                };
                let Ok(el) = el else {
                    continue;
                };
                for (name, value) in attrs {
                    let _ = el.set_attribute(name, value);
                }
                build(document, &el, children);
                let _ = parent.append_child(&el);
            }
        }
    }
}

#[component]
pub fn HtmlBlock(nodes: Vec<Node>) -> impl IntoView {
    if !cfg!(target_arch = "wasm32") {
        // The pre-render step writes the same tree as escaped HTML text.
        let html = newsfront_core::sanitize::to_html(&nodes);
        return view! { <div class="html-block" inner_html=html></div> }.into_any();
    }
    let container = NodeRef::<Div>::new();
    container.on_load(move |div| {
        build(&document(), &div, &nodes);
    });
    view! { <div class="html-block" node_ref=container></div> }.into_any()
}
