//! One older page of a live story's posts at an address of its own
//! (`routes::live_updates`), as the newsroom wrote it with the corrections and
//! take-downs its newest page carries (`live::older_page`): every post can be reached
//! without JavaScript, a page at a time, and a key event's link opens the page that
//! holds its post.

use leptos::prelude::*;
use stylers::style;

use super::post::post_view;
use crate::api;
use crate::browser::router::href;
use crate::components::error_box::ErrorBox;
use crate::components::loading::Loading;
use crate::state::Reader;
use newsfront_core::contract::url::FetchUrl;
use newsfront_core::contract::{Live, PostsPage};
use newsfront_core::logic::edition::Edition;
use newsfront_core::logic::live::{older_page, page_name};
use newsfront_core::logic::routes;

#[component]
pub fn OlderUpdates(
    live: Live,
    /// The page (`live::page_url`).
    url: FetchUrl,
    edition: Edition,
    section: String,
    slug: String,
) -> impl IntoView {
    let class = style! {
        .posts {
            list-style: none;
            padding: 0;
        }
        .pages {
            display: flex;
            justify-content: space-between;
            padding: 1rem 0;
        }
    };
    let reader = Reader::get();
    let latest_url = live.posts.clone();
    let page = api::Fetched::<PostsPage>::new(move || url.as_str().to_string());
    let latest = api::Fetched::<PostsPage>::new(move || latest_url.as_str().to_string());
    let retry = Callback::new(move |()| {
        page.refetch();
        latest.refetch();
    });
    let story = href(&routes::article(edition, &section, &slug));
    // Clock times: these posts are old, and the pre-render's page is the app's.
    let now = Signal::stored(0.0);
    let list = move || match (page.get(), latest.get()) {
        (Some(Err(error)), _) | (_, Some(Err(error))) => view! {
            <ErrorBox what=Signal::derive(move || reader.text().fail_posts) error on_retry=retry/>
        }
        .into_any(),
        (Some(Ok(page)), Some(Ok(latest))) => {
            let older = page
                .next
                .as_ref()
                .and_then(|next| page_name(next, &live.posts))
                .map(|next| href(&routes::live_updates(edition, &section, &slug, &next)));
            let posts = older_page(page, Some(&latest))
                .into_iter()
                .map(|post| view! { class = class, <li>{post_view(post, now, false)}</li> })
                .collect_view();
            let newest = format!("{story}#live-heading");
            view! { class = class,
                <ol class="posts">{posts}</ol>
                <nav class="pages" aria-labelledby="updates-heading">
                    <a class="button" href=newest>{move || reader.text().posts_heading}</a>
                    {older.map(|older| view! { class = class,
                        <a class="button" href=older rel="next">{move || reader.text().older_posts}</a>
                    })}
                </nav>
            }
            .into_any()
        }
        _ => view! { <Loading height="60vh"/> }.into_any(),
    };
    view! { class = class,
        <h2 id="updates-heading">{move || reader.text().older_posts}</h2>
        {list}
    }
    .into_any()
}
