//! A publication time, machine-readable for `<time>` and readable in the edition's language.

use leptos::prelude::*;

use crate::state::Reader;
use newsfront_core::logic::dates::Timestamp;

#[component]
pub fn Published(at: Timestamp, #[prop(optional)] date_only: bool) -> impl IntoView {
    let reader = Reader::get();
    let datetime = at.datetime().to_string();
    view! {
        <time datetime=datetime>
            {move || {
                let e = reader.edition.get();
                if date_only { at.date(e) } else { at.display(e) }
            }}
        </time>
    }
}
