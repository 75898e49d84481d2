//! The front page: top stories, then a block per section.

use leptos::prelude::*;
use stylers::style;

use crate::api::{self, config};
use crate::browser::freshness;
use crate::browser::router::href;
use crate::components::error_box::ErrorBox;
use crate::components::loading::Loading;
use crate::components::new_stories::NewStories;
use crate::components::story_card::StoryCard;
use crate::components::title::Title;
use crate::contract::paths;
use crate::contract::{Front, FrontSection};
use crate::logic::edition::Edition;
use crate::logic::routes;
use crate::state::Reader;

#[component]
pub fn FrontPage(edition: Edition) -> impl IntoView {
    let class = style! {
        .top {
            display: grid;
            grid-template-columns: 1fr;
            gap: 0 2rem;
        }
        @media (min-width: 900px) {
            .top {
                grid-template-columns: 2fr 1fr;
            }
            .top > li:first-child {
                grid-row: span 3;
            }
        }
        ul {
            list-style: none;
            margin: 0;
            padding: 0;
        }
    };
    let reader = Reader::get();
    let front = api::Fetched::<Front>::new(move || config::api_path(&paths::front(edition)));
    let retry = Callback::new(move |_| front.refetch());
    // The front page looks again for news now and then, and offers it.
    let newer = RwSignal::new(None::<(usize, Front)>);
    let url = config::api_path(&paths::front(edition));
    freshness::keep_checking(move || {
        let url = url.clone();
        leptos::task::spawn_local(async move {
            let (Ok(fresh), Some(shown)) = (api::get_fresh::<Front>(url).await, front.current())
            else {
                return;
            };
            let slugs = |f: &Front| -> Vec<String> {
                f.top
                    .iter()
                    .chain(f.sections.iter().flat_map(|s| s.items.iter()))
                    .map(|s| s.slug.clone())
                    .collect()
            };
            let old = slugs(&shown);
            let new = slugs(&fresh)
                .into_iter()
                .filter(|s| !old.contains(s))
                .count();
            newer.try_set((new > 0).then_some((new, fresh)));
        });
    });
    let waiting = Signal::derive(move || newer.with(|n| n.as_ref().map_or(0, |w| w.0)));
    let show_newer = Callback::new(move |()| {
        if let Some((_, fresh)) = newer.try_update(Option::take).flatten() {
            front.replace(fresh);
        }
    });
    view! { class = class,
        <Title text=""/>
        <NewStories count=waiting on_show=show_newer/>
        <div class="page-wide">
            <h1 class="visually-hidden">{move || reader.text().top_stories}</h1>
            {move || match front.get() {
                None => view! { <Loading height="100vh"/> }.into_any(),
                Some(Err(error)) => view! {
                    <ErrorBox what=Signal::derive(move || reader.text().fail_front) error on_retry=retry/>
                }.into_any(),
                Some(Ok(front)) => {
                    crate::browser::scroll_memory::restore_after_render();
                    let top = front.top.into_iter().enumerate().map(|(i, story)| view! { class = class,
                        <li><StoryCard story edition lead=i == 0 level=2/></li>
                    }).collect_view();
                    let sections = front.sections.into_iter()
                        .map(|section| view! { <FrontBlock edition section/> })
                        .collect_view();
                    view! { class = class,
                        <ul class="top">{top}</ul>
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
