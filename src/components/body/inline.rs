//! Runs of text with marks (strong, em) and links. Only links the URL policy allows
//! are followed; any other `href` leaves its text as plain text.

use leptos::prelude::*;

use crate::contract::{Inline, Mark};

#[component]
pub fn Inlines(content: Vec<Inline>) -> impl IntoView {
    let base = crate::api::urls::document_base();
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
            match i.href.and_then(|h| crate::url_policy::link(&h, &base)) {
                Some(href) => view! { <a href=href rel="noopener noreferrer">{v}</a> }.into_any(),
                None => v,
            }
        })
        .collect_view()
}
