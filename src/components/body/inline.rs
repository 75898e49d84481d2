//! Runs of text with marks (strong, em) and links (only those the URL policy allowed
//! at decoding are there; the text of any other stays plain).

use crate::components::attr::Checked;
use leptos::prelude::*;

use newsfront_core::contract::{Inline, Mark};

#[component]
pub fn Inlines(content: Vec<Inline>) -> impl IntoView {
    content
        .into_iter()
        .map(|i| {
            let mut v: AnyView = i.text.into_any();
            for mark in &i.marks {
                v = match mark {
                    Mark::Strong => view! { <strong>{v}</strong> }.into_any(),
                    Mark::Em => view! { <em>{v}</em> }.into_any(),
                };
            }
            match i.href {
                Some(href) => {
                    view! { <a href=Checked(href) rel="noopener noreferrer">{v}</a> }.into_any()
                }
                None => v,
            }
        })
        .collect_view()
}
