//! The story widget (`/{ed}/embed/article/{section}/{slug}`): one story as a card
//! (image, title, lead, time) for a partner's page.

use crate::components::title::Title;
use leptos::prelude::*;
use stylers::style;

use crate::api::{self, urls};
use crate::components::error_box::ErrorBox;
use crate::components::loading::Loading;
use crate::components::published::Published;
use crate::contract::Article;
use crate::edition::Edition;
use crate::reader::Reader;
use crate::routes::{href, table};
use crate::widget::WidgetFrame;

#[component]
pub fn StoryWidget(edition: Edition, section: String, slug: String) -> impl IntoView {
    let class = style! {
        .story {
            position: relative;
        }
        img {
            display: block;
            width: 100%;
            height: auto;
            aspect-ratio: 16 / 9;
            object-fit: cover;
            border-radius: 4px;
            background: var(--placeholder);
        }
        h1 {
            margin: 0.5rem 0 0.25rem 0;
            font-family: var(--font-head);
            font-size: 1.25rem;
            line-height: 1.3;
        }
        h1 a {
            color: var(--text);
            text-decoration: none;
        }
        h1 a::after {
            content: raw_str("");
            position: absolute;
            inset: 0;
        }
        h1 a:hover {
            text-decoration: underline;
        }
        .lead {
            margin: 0 0 0.25rem 0;
            color: var(--muted);
            line-height: 1.5;
        }
        .meta {
            margin: 0;
            font-size: 0.8125rem;
            color: var(--muted);
        }
    };
    let reader = Reader::get();
    let link = href(&table::article(edition, &section, &slug));
    let article = api::Fetched::<Article>::new(move || urls::article(edition, &slug));
    let retry = Callback::new(move |_| article.refetch());
    let title = move || {
        article
            .get()
            .and_then(Result::ok)
            .map(|a| a.title)
            .unwrap_or_default()
    };
    let base = urls::document_base();
    view! { class = class,
        <Title text=title/>
        <WidgetFrame>
            {move || match article.get() {
                None => view! { <Loading height="24rem"/> }.into_any(),
                Some(Err(error)) => view! {
                    <ErrorBox what=Signal::derive(move || reader.text().fail_article) error on_retry=retry/>
                }.into_any(),
                Some(Ok(a)) => {
                    let image = a.image.as_ref().and_then(|i| {
                        Some((crate::url_policy::media(&i.src, &base)?, i.clone()))
                    });
                    view! { class = class,
                        <article class="story">
                            {image.map(|(src, i)| view! { class = class,
                                <img src=src alt="" width=i.width height=i.height decoding="async"/>
                            })}
                            <h1><a href=link.clone() target="_blank" rel="noopener">{a.title}</a></h1>
                            {a.lead.map(|l| view! { class = class, <p class="lead">{l}</p> })}
                            {a.published_at.map(|at| view! { class = class, <p class="meta"><Published at/></p> })}
                        </article>
                    }.into_any()
                }
            }}
        </WidgetFrame>
    }
}
