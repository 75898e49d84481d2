//! The front page: top stories, then a block per section.

use leptos::prelude::*;
use stylers::style;

use crate::api::{self, config};
use crate::browser::freshness;
use crate::browser::router::href;
use crate::components::error_box::ErrorBox;
use crate::components::loading::Loading;
use crate::components::new_stories::new_stories;
use crate::components::story_card::StoryCard;
use crate::components::title::Title;
use crate::state::Reader;
use newsfront_core::contract::paths;
use newsfront_core::contract::{Front, FrontSection};
use newsfront_core::logic::edition::Edition;
use newsfront_core::logic::routes;

#[component]
pub fn FrontPage(edition: Edition) -> impl IntoView {
    let class = style! {
        .top,
        .side {
            display: grid;
            grid-template-columns: 1fr;
            gap: 0 2rem;
        }
        @media (min-width: 640px) {
            .side {
                grid-template-columns: 1fr 1fr;
            }
        }
        @media (min-width: 900px) {
            .top {
                grid-template-columns: 2fr 1fr;
                align-items: start;
            }
            .side {
                grid-template-columns: 1fr;
            }
        }
        ul {
            list-style: none;
            margin: 0;
            padding: 0;
        }
    };
    let reader = Reader::get();
    let url = config::api_path(&paths::front(edition));
    let front = api::Fetched::<Front>::new({
        let url = url.clone();
        move || url.clone()
    });
    let retry = Callback::new(move |_| front.refetch());
    // A newer front page is kept in the cache at once (a later visit shows it) and
    // offered as "N new stories"; this page shows it when the reader asks.
    let waiting = RwSignal::new(0usize);
    freshness::watch(url.clone(), move |text| {
        let Some(fresh) = api::decode::<Front>(&text, &url) else {
            return;
        };
        // A few dozen stories: a scan is smaller in the bundle than a hash set.
        let new = front.with_current(|shown| {
            fresh
                .slugs()
                .filter(|s| !shown.slugs().any(|o| o == *s))
                .count()
        });
        if let Some(new) = new.filter(|n| *n > 0) {
            api::remember(&url, &fresh);
            waiting.try_set(new);
        }
    });
    let show_newer = Callback::new(move |()| front.refetch());
    view! { class = class,
        <Title text=""/>
        {new_stories(waiting, show_newer)}
        <div class="page-wide">
            <h1 class="visually-hidden">{move || reader.text().top_stories}</h1>
            {move || match front.get() {
                None => view! { <Loading height="100vh"/> }.into_any(),
                Some(Err(error)) => view! {
                    <ErrorBox what=Signal::derive(move || reader.text().fail_front) error on_retry=retry/>
                }.into_any(),
                Some(Ok(front)) => {
                    crate::browser::scroll_memory::restore_after_render();
                    // The lead (a live story, in breaking news), and the others beside it,
                    // compact, so the block is as tall as the lead at every width.
                    let mut top = front.top.into_iter();
                    let lead = top.next().map(|story| view! { <StoryCard story edition lead=true level=2/> });
                    let side = top.map(|story| view! { class = class,
                        <li><StoryCard story edition level=2 compact=true/></li>
                    }).collect_view();
                    let sections = front.sections.into_iter()
                        .map(|section| view! { <FrontBlock edition section/> })
                        .collect_view();
                    view! { class = class,
                        <div class="top">
                            <div>{lead}</div>
                            <ul class="side">{side}</ul>
                        </div>
                        {sections}
                    }.into_any()
                }
            }}
        </div>
    }
}

#[component]
fn FrontBlock(edition: Edition, section: FrontSection) -> impl IntoView {
    let class = style! {
        section {
            margin-top: 2.5rem;
        }
        h2 {
            margin: 0;
            padding-bottom: 0.25rem;
            border-bottom: 2px solid var(--text);
            font-family: var(--font-head);
            text-transform: uppercase;
            font-size: 1.25rem;
        }
        h2 a {
            color: var(--text);
            text-decoration: none;
        }
        ul {
            list-style: none;
            margin: 0;
            padding: 0;
            display: grid;
            grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
            gap: 0 2rem;
        }
    };
    let link = href(&routes::section(edition, &section.slug));
    let items = section
        .items
        .into_iter()
        .map(|story| view! { class = class, <li><StoryCard story edition/></li> })
        .collect_view();
    view! { class = class,
        <section>
            <h2><a href=link>{section.title}</a></h2>
            <ul>{items}</ul>
        </section>
    }
}
