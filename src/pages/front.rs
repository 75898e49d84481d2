//! The front page: top stories, then a block per section.

use leptos::prelude::*;
use stylers::style;

use crate::api::{self, config};
use crate::browser::router::href;
use crate::components::error_box::ErrorBox;
use crate::components::loading::Loading;
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
    view! { class = class,
        <Title text=""/>
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
