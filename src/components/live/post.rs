//! One post of a live story: its time (how long ago while fresh, the clock time on
//! hover and for assistive technology), title, blocks and authors.

use std::sync::Arc;

use leptos::prelude::*;
use stylers::style;

use crate::components::body::body;
use crate::state::Reader;
use newsfront_core::contract::{Post, byline};
use newsfront_core::logic::dates::Timestamp;
use newsfront_core::logic::i18n;
use newsfront_core::logic::live::anchor;

/// `now`: the reader's clock in ms (0 in the pre-render step, which shows clock times);
/// `pinned`: the post the newsroom keeps on top (no anchor: it is not in the list). A
/// plain function, not a component: the props machinery cost more than the call.
pub fn post_view(post: Arc<Post>, now: Signal<f64>, pinned: bool) -> impl IntoView {
    let class = style! {
        .post {
            position: relative;
            padding: 1rem 0 1.25rem 1rem;
            border-top: 1px solid var(--rule);
            border-left: 3px solid var(--rule);
            scroll-margin-top: 1rem;
        }
        .post:target,
        .post:focus {
            border-left-color: var(--accent);
            outline: none;
        }
        .key {
            border-left-color: var(--accent);
        }
        .pinned {
            border: none;
            padding-left: 0;
        }
        .when {
            display: flex;
            gap: 0.75rem;
            align-items: baseline;
            font-family: var(--font-ui);
            font-size: 0.8125rem;
            color: var(--muted);
        }
        .when time {
            font-weight: 700;
            color: var(--text);
        }
        h3 {
            font-family: var(--font-head);
            font-size: 1.25rem;
            line-height: 1.3;
            margin: 0.5rem 0;
        }
        .by {
            margin: 0.5rem 0 0 0;
            color: var(--muted);
            font-size: 83.33%;
        }
    };
    let reader = Reader::get();
    let post = Arc::unwrap_or_clone(post);
    let authors = byline(&post.authors);
    let id = (!pinned).then(|| anchor(&post.id));
    view! { class = class,
        <article class="post" class:key=post.key_event class:pinned=pinned id=id tabindex="-1">
            <p class="when">
                {pinned.then(|| view! { class = class, <strong>{move || reader.text().pinned_post}</strong> })}
                {post.published_at.map(|at| post_time(at, now))}
                {post.updated_at.map(|at| view! { class = class,
                    <span>{move || reader.text().updated} " " {at.display(reader.edition.get())}</span>
                })}
            </p>
            {post.title.map(|t| view! { class = class, <h3>{t}</h3> })}
            {body(post.body)}
            {(!authors.is_empty()).then(|| view! { class = class,
                <p class="by">{move || reader.text().by} " " {authors}</p>
            })}
        </article>
    }
}

/// "3 min ago" while fresh, else the clock time; the clock time always in `title` and
/// for screen readers, which read the time itself rather than the relative form. One
/// shape either way (the pre-render's and the app's), so a take-over changes only text.
/// Only a post fresh when shown follows the clock: with 2,000 posts, every post
/// re-reading it each 30 s was a 229 ms task at 4x CPU.
fn post_time(at: Timestamp, now: Signal<f64>) -> impl IntoView {
    let reader = Reader::get();
    let datetime = at.datetime().to_string();
    let unix = at.unix();
    let at = StoredValue::new(at);
    let absolute = move || at.with_value(|at| at.display(reader.edition.get()));
    let ago = move |now: f64| {
        (now > 0.0)
            .then(|| i18n::ago(reader.edition.get_untracked(), (now / 1000.0) as i64 - unix))
            .flatten()
    };
    let fresh = ago(now.get_untracked()).is_some();
    let shown = move || {
        if fresh {
            ago(now.get()).unwrap_or_else(absolute)
        } else {
            absolute()
        }
    };
    view! {
        <time datetime=datetime title=absolute>
            <span aria-hidden="true">{shown}</span>
            <span class="visually-hidden">{absolute}</span>
        </time>
    }
}
