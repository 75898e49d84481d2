//! One search result: the title (the link) and lead with the matched words marked,
//! then section and date.

use leptos::prelude::*;
use stylers::style;

use crate::app::SiteData;
use crate::components::marked_text::MarkedText;
use crate::components::published::Published;
use crate::contract::Summary;
use crate::edition::Edition;
use crate::routes::{href, table};

#[component]
pub fn SearchResult(
    story: Summary,
    edition: Edition,
    /// The words to mark in the title and lead.
    highlight: std::sync::Arc<Vec<String>>,
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
    let link = href(&table::article(edition, &story.section.slug, &story.slug));
    let site = SiteData::get();
    let slug = story.section.slug.clone();
    let section = move || {
        site.site()
            .and_then(|s| s.sections.into_iter().find(|x| x.slug == slug))
            .map_or_else(|| slug.clone(), |s| s.title)
    };
    let lead = story.lead.map(|l| {
        let highlight = highlight.clone();
        view! { class = class, <p class="lead"><MarkedText text=l highlight/></p> }
    });
    view! { class = class,
        <div class="result">
            <a class="title result-link" href=link on:click=move |_| if let Some(cb) = on_open { cb.run(()) }>
                <MarkedText text=story.title highlight/>
            </a>
            {lead}
            <p class="meta">
                {section}
                {story.published_at.map(|at| view! { " · " <Published at date_only=true/> })}
            </p>
        </div>
    }
}
