//! The headlines widget (`/{ed}/embed/section/{section}?count=N`): a section's latest
//! stories, for a partner's page.

use leptos::prelude::*;
use stylers::style;

use crate::api::{self, config};
use crate::browser::router::href;
use crate::components::error_box::ErrorBox;
use crate::components::loading::Loading;
use crate::components::published::Published;
use crate::components::title::Title;
use crate::state::Location;
use crate::state::Reader;
use crate::widget::{self, WidgetFrame};
use newsfront_core::contract::FeedPage;
use newsfront_core::contract::paths;
use newsfront_core::logic::edition::Edition;
use newsfront_core::logic::routes;

#[component]
pub fn HeadlinesWidget(edition: Edition, section: String) -> impl IntoView {
    let class = style! {
        h1 {
            margin: 0 0 0.25rem 0;
            font-family: var(--font-head);
            font-size: 1.125rem;
            text-transform: uppercase;
        }
        h1 a {
            color: var(--text);
            text-decoration: none;
        }
        ol {
            list-style: none;
            margin: 0;
            padding: 0;
        }
        li {
            padding: 0.5rem 0;
            border-top: 1px solid var(--rule);
        }
        li a {
            display: block;
            color: var(--text);
            font-weight: 600;
            line-height: 1.35;
            text-decoration: none;
        }
        li a:hover {
            text-decoration: underline;
        }
        .meta {
            font-size: 0.8125rem;
            color: var(--muted);
        }
    };
    let count = widget::count(untrack(|| Location::get().query("count")).as_deref());
    let reader = Reader::get();
    let section_path = href(&routes::section(edition, &section));
    let page =
        api::Fetched::<FeedPage>::new(move || config::api_path(&paths::section(edition, &section)));
    let retry = Callback::new(move |_| page.refetch());
    let title = move || {
        page.get()
            .and_then(Result::ok)
            .map(|p| p.section.title)
            .unwrap_or_default()
    };
    // About one headline's height each, so the partner's page does not move.
    let reserve = format!("{}rem", count * 4);
    view! { class = class,
        <Title text=title/>
        <WidgetFrame>
            {move || match page.get() {
                None => view! { <Loading height=reserve.clone()/> }.into_any(),
                Some(Err(error)) => view! {
                    <ErrorBox what=Signal::derive(move || reader.text().fail_feed) error on_retry=retry/>
                }.into_any(),
                Some(Ok(page)) => {
                    let items = page.items.into_iter().take(count).map(|story| {
                        let link = href(&routes::article(edition, &story.section.slug, &story.slug));
                        view! { class = class,
                            <li>
                                <a href=link target="_blank" rel="noopener">{story.title}</a>
                                {story.published_at.map(|at| view! { class = class,
                                    <span class="meta"><Published at/></span>
                                })}
                            </li>
                        }
                    }).collect_view();
                    view! { class = class,
                        <h1><a href=section_path.clone() target="_blank" rel="noopener">{page.section.title}</a></h1>
                        <ol class="headlines">{items}</ol>
                    }.into_any()
                }
            }}
        </WidgetFrame>
    }
}
