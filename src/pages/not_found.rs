//! The page for an address that leads nowhere, with a way back.

use leptos::prelude::*;
use stylers::style;

use crate::browser::router::href;
use crate::components::title::Title;
use crate::state::Reader;
use newsfront_core::logic::routes;

#[component]
pub fn NotFound() -> impl IntoView {
    let class = style! {
        .not-found {
            margin-block: 3rem;
            min-height: 40vh;
        }
    };
    let reader = Reader::get();
    let text = move || reader.text();
    view! { class = class,
        <Title text=move || text().not_found_title/>
        <section class="not-found page-narrow">
            <h1>{move || text().not_found_title}</h1>
            <p>{move || text().not_found_text}</p>
            <p><a class="button" href=move || href(&routes::front(reader.edition.get()))>{move || text().back_home}</a></p>
        </section>
    }
}
