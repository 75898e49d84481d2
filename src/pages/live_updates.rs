//! An older page of a live story's posts (`routes::live_updates`; `ArticlePage` fetches
//! the story): its live marker and title (a link back to it), then the page
//! (`components::live::OlderUpdates`).

use leptos::prelude::*;
use stylers::style;

use crate::browser::router::href;
use crate::components::live::OlderUpdates;
use crate::components::live_marker::live_marker;
use crate::components::title::Title;
use crate::pages::not_found::NotFound;
use crate::state::Reader;
use newsfront_core::contract::Article;
use newsfront_core::logic::edition::Edition;
use newsfront_core::logic::live::page_url;
use newsfront_core::logic::routes;

/// A plain function, not a component: `ArticlePage` calls it with the story it loaded.
pub fn older_updates(edition: Edition, article: Article, section: String, name: String) -> AnyView {
    let class = style! {
        .updates {
            padding-top: 1.5rem;
        }
        h1 {
            font-family: var(--font-head);
            font-size: 1.75rem;
        }
    };
    let Some((live, url)) = article.live.and_then(|live| {
        let url = page_url(&name, &live.posts)?;
        Some((live, url))
    }) else {
        return view! { <NotFound/> }.into_any();
    };
    let reader = Reader::get();
    let slug = article.slug;
    let title = article.title;
    view! { class = class,
        <Title text=format!("{} · {title}", reader.text().older_posts)/>
        <article class="updates page-narrow">
            {live_marker(live.status)}
            <h1><a href=href(&routes::article(edition, &section, &slug))>{title}</a></h1>
            <OlderUpdates live url edition section slug/>
        </article>
    }
    .into_any()
}
