//! A live story's posts (contract, section 7): the key events to jump from, the pinned
//! post, then the posts newest first, older pages as the reader scrolls. While the story
//! is live its newest page is asked for again (`browser::freshness`): a reader at the
//! top sees new posts appear; one reading further down is offered "3 new updates"
//! instead, so nothing moves under their eyes. Corrections replace their post, take-downs
//! remove it (`logic::live`). A few failed looks in a row say so quietly, with Retry;
//! what is shown stays.

mod post;
mod updates;

use std::time::Duration;

use leptos::html::Div;
use leptos::prelude::*;
use stylers::style;

use crate::api;
use crate::browser::paged_list::Status;
use crate::browser::router::href;
use crate::browser::{freshness, near_end};
use crate::components::error_box::ErrorBox;
use crate::components::new_stories::new_items;
use crate::state::{Reader, SiteData};
use crate::takeover::Staged;
use newsfront_core::contract::{KeyEvent, Live, LiveStatus, PostsPage};
use newsfront_core::logic::edition::Edition;
use newsfront_core::logic::i18n;
use newsfront_core::logic::live::{Blocks, Timeline, anchor, key_events, page_name};
use newsfront_core::logic::routes;
use post::post_view;
pub use updates::OlderUpdates;

/// Given by the pre-render step: the older page (its name, `live::page_name`) of each
/// key event's post that is not on the newest page, so that without JavaScript its
/// link opens that page. The app has none: a click loads the pages in place. (Post id,
/// page name) pairs: a story has a few dozen key events, and a map's code cost bytes.
#[derive(Clone, Default)]
pub struct PostPages(pub Vec<(String, String)>);

/// How often the newest posts are asked for when `site.json` does not say.
const POLL_SECONDS: u32 = 30;
/// Key events listed before "All key events".
const KEY_EVENTS_SHOWN: usize = 5;
/// Failed looks in a row before the reader is told.
const QUIET_FAILURES: u32 = 3;

/// `edition`, `section`, `slug`: the story's, for the addresses of its older pages.
#[component]
pub fn LiveBlog(live: Live, edition: Edition, section: String, slug: String) -> impl IntoView {
    let class = style! {
        .live {
            margin: 2rem 0 0 0;
        }
        .live h2 {
            font-family: var(--font-head);
            font-size: 1.25rem;
            margin: 0 0 0.75rem 0;
        }
        .events {
            margin: 0 0 1.5rem 0;
            padding: 1rem 1.25rem;
            background: var(--accent-soft);
            border-radius: 6px;
        }
        .events ol {
            list-style: none;
            margin: 0;
            padding: 0;
        }
        .events li {
            padding: 0.25rem 0;
        }
        .events summary {
            cursor: pointer;
            padding: 0.5rem 0 0.25rem 0;
            font-family: var(--font-ui);
            font-weight: 700;
        }
        .events time {
            display: inline-block;
            min-width: 3.5rem;
            font-family: var(--font-ui);
            font-weight: 700;
            color: var(--muted);
        }
        .pinned {
            margin: 0 0 1.5rem 0;
            padding: 0 1.25rem;
            background: var(--accent-soft);
            border-radius: 6px;
        }
        .posts {
            list-style: none;
            margin: 0;
            padding: 0;
        }
        .posts:focus {
            outline: none;
        }
        .quiet {
            color: var(--muted);
            font-size: 0.9375rem;
        }
        .older {
            display: flex;
            justify-content: center;
            padding: 1rem 0;
        }
    };
    let reader = Reader::get();
    let site = SiteData::get();
    let latest = live.posts.as_str().to_string();
    // What is at hand (a pre-rendered page's posts) is shown in the first render.
    let timeline = RwSignal::new(api::cached::<PostsPage>(&latest).map(Timeline::new));

    // The reader's clock, for "3 min ago"; 0 in the pre-render step (clock times).
    let now = RwSignal::new(api::now());
    if cfg!(target_arch = "wasm32")
        && let Ok(tick) =
            set_interval_with_handle(move || now.set(api::now()), Duration::from_secs(30))
    {
        on_cleanup(move || tick.clear());
    }

    let list = NodeRef::<Div>::new();
    let waiting = RwSignal::new(0usize);
    let announced = RwSignal::new(String::new());
    let failures = RwSignal::new(0u32);
    let poll_now = (live.status == LiveStatus::Live).then(|| {
        let every = site
            .0
            .with_current(|s| s.live_poll_seconds)
            .flatten()
            .unwrap_or(POLL_SECONDS)
            .clamp(5, 600);
        let url = latest.clone();
        freshness::poll(
            latest.clone(),
            Duration::from_secs(every.into()),
            move |answer| {
                let Some(page) = answer.ok().and_then(|t| api::decode::<PostsPage>(&t, &url))
                else {
                    failures.update(|f| *f += 1);
                    return;
                };
                failures.set(0);
                // Reading below the top of the posts: new ones wait to be asked for.
                let hold = list
                    .get_untracked()
                    .is_some_and(|l| l.get_bounding_client_rect().top() < 0.0);
                let mut added = 0;
                timeline.update(|t| match t {
                    Some(t) => {
                        added = t.merge(page, hold).added;
                        if !hold {
                            added += t.release();
                        }
                        waiting.set(t.held.len());
                    }
                    None => *t = Some(Timeline::new(page)),
                });
                if added > 0 {
                    announced.set(i18n::new_updates(reader.edition.get_untracked(), added));
                }
            },
        )
    });
    let show_held = Callback::new(move |()| {
        timeline.update(|t| {
            if let Some(t) = t {
                t.release();
            }
        });
    });

    // The newest page when it was not at hand, then older pages: as the reader nears
    // the end, or with the button. One loader, one status, one Retry.
    let older = RwSignal::new(Status::Idle);
    let newest = StoredValue::new(latest.clone());
    let load_older = move || {
        let next = timeline.with_untracked(|t| match t {
            Some(t) => t.older.as_ref().map(|u| u.as_str().to_string()),
            None => Some(newest.get_value()),
        });
        let Some(url) = next else { return };
        if older.get_untracked() == Status::Loading {
            return;
        }
        older.set(Status::Loading);
        leptos::task::spawn_local(async move {
            match api::get::<PostsPage>(url).await {
                Ok(page) => {
                    timeline.try_update(|t| match t {
                        Some(t) => t.push_older(page),
                        None => *t = Some(Timeline::new(page)),
                    });
                    older.try_set(Status::Idle);
                }
                Err(e) => {
                    older.try_set(Status::Failed(e));
                }
            }
        });
    };
    if cfg!(target_arch = "wasm32") && timeline.with_untracked(Option::is_none) {
        load_older();
    }
    let has_older = move || timeline.with(|t| t.as_ref().is_some_and(|t| t.older.is_some()));
    let sentinel = NodeRef::<Div>::new();
    if let Some(near) = near_end::watch(sentinel) {
        Effect::new(move |_| {
            if near.get() && has_older() && older.get() == Status::Idle {
                request_animation_frame(move || {
                    if near_end::still_near(sentinel) {
                        load_older();
                    }
                });
            }
        });
    }
    let retry = Callback::new(move |()| load_older());

    // A key event whose post is on a page not loaded yet: load until it is, then go.
    let wanted = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        let Some(id) = wanted.get() else { return };
        if timeline.with(|t| t.as_ref().is_some_and(|t| t.shows(&id))) {
            wanted.set(None);
            request_animation_frame(move || {
                if let Some(post) = document().get_element_by_id(&anchor(&id)) {
                    let post = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(post);
                    let _ = post.focus();
                }
            });
        } else if has_older() && older.get() == Status::Idle {
            load_older();
        }
    });

    let pinned = live.pinned.clone();
    let live = StoredValue::new(live);
    // A memo: an older page rarely changes the list, and the list is drawn again only
    // when it does (with 167 events that was a third of each page's work).
    let events = Memo::new(move |_| {
        live.with_value(|live| {
            timeline.with(|t| match t {
                Some(t) => key_events(live, t),
                None => live.key_events.clone(),
            })
        })
    });
    // The newest few at once, the rest behind "All key events" (a `<details>`, which
    // opens without JavaScript).
    let pages = StoredValue::new(use_context::<PostPages>().unwrap_or_default());
    let updates = StoredValue::new(move |name: &str| {
        href(&routes::live_updates(edition, &section, &slug, name))
    });
    let event_item = move |e: KeyEvent| {
        let page = pages.with_value(|p| p.0.iter().find(|(id, _)| *id == e.post).cloned());
        let href = match page.map(|(_, name)| name) {
            Some(name) => format!("{}#{}", updates.with_value(|at| at(&name)), anchor(&e.post)),
            None => format!("#{}", anchor(&e.post)),
        };
        let id = e.post.clone();
        let go = move |ev: leptos::ev::MouseEvent| {
            let shown = timeline.with_untracked(|t| t.as_ref().is_some_and(|t| t.shows(&id)));
            if !shown {
                ev.prevent_default();
                wanted.set(Some(id.clone()));
            }
        };
        view! { class = class,
            <li>
                {e.at.map(|at| view! { class = class, <time datetime=at.datetime().to_string()>{at.clock()}</time> })}
                <a href=href on:click=go>{e.title}</a>
            </li>
        }
    };
    let event_list = move |mut first: Vec<KeyEvent>| {
        let rest = first.split_off(first.len().min(KEY_EVENTS_SHOWN));
        view! { class = class,
            <ol>{first.into_iter().map(event_item).collect_view()}</ol>
            {(!rest.is_empty()).then(|| view! { class = class,
                <details>
                    <summary>{move || reader.text().all_key_events}</summary>
                    <ol>{rest.into_iter().map(event_item).collect_view()}</ol>
                </details>
            })}
        }
    };
    let now: Signal<f64> = now.into();
    let blocks = StoredValue::new(Blocks::default());

    view! { class = class,
        // `data-live`: the page's own script starts the app once the page has loaded
        // (crates/publish/src/early.js), for the updates, which are why a reader is here.
        <section class="live" aria-labelledby="live-heading" data-live=poll_now.is_some().then_some("")>
            {move || {
                let list = events.get();
                (!list.is_empty()).then(|| view! { class = class,
                    <nav class="events" aria-labelledby="events-heading">
                        <h2 id="events-heading">{move || reader.text().key_events}</h2>
                        {event_list(list)}
                    </nav>
                })
            }}
            {pinned.map(|post| view! { class = class,
                <div class="pinned">{post_view(post.into(), now, true)}</div>
            })}
            <h2 id="live-heading">{move || reader.text().posts_heading}</h2>
            {new_items(waiting, show_held, i18n::new_updates, "live-posts")}
            <p class="visually-hidden" role="status">{move || announced.get()}</p>
            {move || (failures.get() >= QUIET_FAILURES).then(|| view! { class = class,
                <p class="quiet" role="status">
                    {move || reader.text().fail_updates} " "
                    <button type="button" class="button" on:click=move |_| {
                        if let Some(again) = poll_now {
                            again.notify();
                        }
                    }>{move || reader.text().retry}</button>
                </p>
            })}
            // In blocks (`live::Blocks`: a block off screen is skipped whole, base.css).
            <div class="posts" id="live-posts" tabindex="-1" node_ref=list>
                <For
                    each=move || timeline.with(|t| {
                        let posts = t.as_ref().map(|t| t.posts.as_slice()).unwrap_or_default();
                        blocks.try_update_value(|b| b.group(posts)).unwrap_or_default()
                    })
                    key=|b| b.key
                    children=move |block| view! {
                        <ol class="live-block">
                            {block.posts.into_iter().map(|post| view! {
                                <li class="live-post"><Staged>{post_view(post, now, false)}</Staged></li>
                            }).collect_view()}
                        </ol>
                    }
                />
            </div>
            {move || match older.get() {
                Status::Failed(error) => Some(view! {
                    <ErrorBox what=Signal::derive(move || reader.text().fail_posts) error on_retry=retry/>
                }.into_any()),
                // A link to the older page's own address where it has one (it works
                // without JavaScript); the app loads the page in place instead.
                Status::Idle if has_older() => {
                    let next = timeline.with(|t| {
                        let next = t.as_ref()?.older.as_ref()?;
                        live.with_value(|l| page_name(next, &l.posts))
                    });
                    let load = move |ev: leptos::ev::MouseEvent| {
                        ev.prevent_default();
                        load_older();
                    };
                    Some(match next {
                        Some(name) => view! { class = class,
                            <div class="older">
                                <a class="button" href=updates.with_value(|at| at(&name)) on:click=load>
                                    {move || reader.text().older_posts}
                                </a>
                            </div>
                        }.into_any(),
                        None => view! { class = class,
                            <div class="older needs-script">
                                <button type="button" class="button" on:click=load>
                                    {move || reader.text().older_posts}
                                </button>
                            </div>
                        }.into_any(),
                    })
                }
                _ => None,
            }}
            <div node_ref=sentinel aria-hidden="true"></div>
        </section>
    }
}
