use leptos::prelude::*;
use stylers::style;

use super::Inlines;
use newsfront_core::contract::Inline;

#[component]
pub fn Quote(content: Vec<Inline>, cite: Option<String>) -> impl IntoView {
    let class = style! {
        figure {
            margin: 2rem 0;
            padding: 0.25rem 0 0.25rem 1.25rem;
            border-left: 4px solid var(--accent);
        }
        blockquote {
            margin: 0;
            font-family: var(--font-head);
            font-size: 125%;
            line-height: 1.45;
        }
        figcaption {
            margin-top: 0.5rem;
            color: var(--muted);
            font-size: 87.5%;
        }
    };
    view! { class = class,
        <figure>
            <blockquote><p><Inlines content/></p></blockquote>
            {cite.map(|c| view! { class = class, <figcaption>"— " {c}</figcaption> })}
        </figure>
    }
}
