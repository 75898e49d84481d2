//! One search result: the title (the link) and lead with the matched words marked,
//! then section and date.

use leptos::prelude::*;
use stylers::style;

use crate::browser::router::href;
use crate::components::live_marker::live_marker;
use crate::components::published::Published;
use crate::search::marked_text::MarkedText;
use crate::state::SiteData;
use newsfront_core::contract::Summary;
use newsfront_core::logic::edition::Edition;
use newsfront_core::logic::routes;
use newsfront_core::search::highlight::Marked;

#[component]
pub fn SearchResult(
    story: Summary,
    edition: Edition,
    /// What to mark in the title and lead.
    marks: Marked,
    /// Told when the link is followed (the overlay closes).
    #[prop(optional)]
    on_open: Option<Callback<()>>,
) -> impl IntoView {
    let class = style! {
        .result {
            padding: 0.75rem 0;
            border-bottom: 1px solid var(--rule);
        }
        .title {
            display: block;
            font-family: var(--font-head);
            font-size: 1.125rem;
            font-weight: 700;
            line-height: 1.3;
            color: var(--text);
            text-decoration: none;
        }
        .title:hover {
            text-decoration: underline;
        }
        .lead {
            margin: 0.25rem 0;
            color: var(--muted);
            line-height: 1.5;
        }
        .meta {
            margin: 0;
            font-size: 0.8125rem;
            color: var(--muted);
        }
    };
    let link = href(&routes::article(edition, &story.section.slug, &story.slug));
    let site = SiteData::get();
    let slug = story.section.slug.clone();
    let section = move || {
        site.site()
            .and_then(|s| s.sections.into_iter().find(|x| x.slug == slug))
            .map_or_else(|| slug.clone(), |s| s.title)
    };
    let Marked { title, lead } = marks;
    let lead = story
        .lead
        .map(|l| view! { class = class, <p class="lead"><MarkedText text=l marks=lead/></p> });
    view! { class = class,
        <div class="result">
            <a class="title result-link" href=link on:click=move |_| if let Some(cb) = on_open { cb.run(()) }>
                <MarkedText text=story.title marks=title/>
            </a>
            {lead}
            <p class="meta">
                {story.live.map(|status| view! { {live_marker(status)} " " })}
                {section}
                {story.published_at.map(|at| view! { " · " <Published at date_only=true/> })}
            </p>
        </div>
    }
}
