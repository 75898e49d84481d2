//! A story in a list: image, title (the link), lead and time.

use leptos::prelude::*;
use stylers::style;

use crate::browser::router::href;
use crate::components::live_marker::live_marker;
use crate::components::picture::Picture;
use crate::components::published::Published;
use crate::takeover::Staged;
use newsfront_core::contract::Summary;
use newsfront_core::logic::edition::Edition;
use newsfront_core::logic::routes;

#[component]
pub fn StoryCard(
    story: Summary,
    edition: Edition,
    /// Lead stories are larger.
    #[prop(optional)]
    lead: bool,
    /// Image beside the text (on wide screens) rather than above it, for long lists.
    #[prop(optional)]
    row: bool,
    /// Heading level of the title, so each list fits the page's outline (1 to 3).
    #[prop(default = 3)]
    level: u8,
    /// Open the story in a new tab (a partner's widget).
    #[prop(optional)]
    new_tab: bool,
    /// A small photo beside the title and no summary: the stories beside a front
    /// page's lead, which then fill its height rather than run far below it.
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let class = style! {
        .card {
            display: grid;
            grid-template-columns: 1fr;
            gap: 0.5rem;
            padding: 1rem 0;
            border-bottom: 1px solid var(--rule);
        }
        .title {
            margin: 0;
            font-family: var(--font-head);
            font-size: 1.125rem;
            line-height: 1.3;
        }
        .lead .title {
            font-size: 1.5rem;
        }
        .title a {
            color: var(--text);
            text-decoration: none;
        }
        .title a:hover {
            text-decoration: underline;
        }
        .title a::after {
            content: raw_str("");
            position: absolute;
            inset: 0;
        }
        .summary {
            margin: 0;
            color: var(--muted);
            line-height: 1.5;
        }
        .meta {
            font-size: 0.8125rem;
            color: var(--muted);
        }
        .card {
            position: relative;
        }
        .compact.with-image {
            grid-template-columns: 7rem 1fr;
            gap: 0.75rem;
            align-items: start;
        }
        .compact .title {
            font-size: 1rem;
        }
        @media (min-width: 640px) {
            .row.with-image {
                grid-template-columns: 14rem 1fr;
                gap: 1.25rem;
            }
        }
    };
    let link = href(&routes::article(edition, &story.section.slug, &story.slug));
    let image = story.image.clone();
    // How wide the card's photo is drawn: 14rem beside the text in a long list, two
    // thirds of the page for a front page's lead, a column of the grid for the rest; the
    // page's width less its margins on a phone. A lead is the page's largest paint.
    let sizes = if compact {
        "7rem"
    } else if row {
        "(min-width: 640px) 14rem, calc(100vw - 2rem)"
    } else if lead {
        "(min-width: 900px) 46rem, calc(100vw - 2rem)"
    } else {
        "(min-width: 900px) 23rem, calc(100vw - 2rem)"
    };
    let has_image = image.is_some();
    let title_link = view! { class = class,
        <a href=link target=new_tab.then_some("_blank") rel=new_tab.then_some("noopener")>
            {story.title.clone()}
        </a>
    };
    let title = match level {
        1 => view! { class = class, <h1 class="title">{title_link}</h1> }.into_any(),
        2 => view! { class = class, <h2 class="title">{title_link}</h2> }.into_any(),
        _ => view! { class = class, <h3 class="title">{title_link}</h3> }.into_any(),
    };
    // A list of cards is most of a front or section page: a take-over builds each on its own.
    view! { class = class,
        <Staged>
            <article class="card" class:lead=lead class:row=row class:compact=compact class:with-image=has_image>
                {image.map(|image| view! { <Picture image sizes decorative=true crop=true eager=lead/> })}
                <div class="text">
                    {story.live.map(live_marker)}
                    {title}
                    {story.lead.clone().filter(|_| !compact).map(|l| view! { class = class, <p class="summary">{l}</p> })}
                    {story.published_at.clone().map(|at| view! { class = class, <p class="meta"><Published at/></p> })}
                </div>
            </article>
        </Staged>
    }
}
