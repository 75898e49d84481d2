use leptos::prelude::*;

use super::Inlines;
use newsfront_core::contract::Inline;

#[component]
pub fn List(ordered: bool, items: Vec<Vec<Inline>>) -> impl IntoView {
    let items = items
        .into_iter()
        .map(|content| view! { <li><Inlines content/></li> })
        .collect_view();
    if ordered {
        view! { <ol>{items}</ol> }.into_any()
    } else {
        view! { <ul>{items}</ul> }.into_any()
    }
}
