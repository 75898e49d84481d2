//! A section's stories, page after page: the next page loads as the reader nears the
//! end (IntersectionObserver), and a "Load more" button does the same for keyboard
//! users and browsers without the observer. What was loaded is kept, so that coming
//! Back from a story shows the same pages without fetching them again.

use std::cell::RefCell;
use std::collections::HashMap;

use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local_scoped_with_cancellation;
use stylers::style;

use crate::api::{self, ApiError, urls};
use crate::components::error_box::ErrorBox;
use crate::components::near_end;
use crate::components::story_card::StoryCard;
use crate::contract::{FeedPage, SectionInfo};
use crate::edition::Edition;
use crate::feed::Feed;
use crate::reader::Reader;

/// What the feed is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Idle,
    Loading,
    Failed(ApiError),
}

#[derive(Clone)]
struct Saved {
    feed: Feed,
    section: Option<SectionInfo>,
    at: f64,
}

/// Feeds are kept as long as the API cache keeps their pages.
const KEEP_MS: f64 = 5.0 * 60.0 * 1000.0;

thread_local! {
    static SAVED: RefCell<HashMap<(Edition, String), Saved>> = RefCell::new(HashMap::new());
}

fn saved(key: &(Edition, String)) -> Option<Saved> {
    // Each pre-rendered page is rendered afresh, from documents it hands over.
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    SAVED.with_borrow(|s| s.get(key).filter(|f| api::now() - f.at < KEEP_MS).cloned())
}

/// The section's title and tagline as the feed reports them, once its first page is in.
#[derive(Clone, Copy)]
pub struct FeedSection(pub RwSignal<Option<SectionInfo>>);

#[component]
pub fn SectionFeed(
    edition: Edition,
    section: String,
    /// Load the next page by itself when the reader nears the end.
    #[prop(default = true)]
    infinite: bool,
    /// Told the section's title and tagline when the first page arrives.
    #[prop(optional)]
    on_section: Option<FeedSection>,
    /// Told when the first page fails with 404 (there is no such section).
    #[prop(optional)]
    on_missing: Option<Callback<()>>,
    /// Heading level of the story titles, to fit the page's outline.
    #[prop(default = 3)]
    level: u8,
) -> impl IntoView {
    let class = style! {
        .feed {
            list-style: none;
            margin: 0;
            padding: 0;
        }
        .status {
            min-height: 3rem;
            padding: 1rem 0;
            color: var(--muted);
        }
        .more {
            display: flex;
            justify-content: center;
            padding: 1rem 0 2rem 0;
        }
    };
    let key = (edition, section.clone());
    let restored = saved(&key);
    let feed = RwSignal::new(
        restored
            .as_ref()
            .map(|s| s.feed.clone())
            .unwrap_or_default(),
    );
    let status = RwSignal::new(Status::Idle);
    if let (Some(saved), Some(target)) = (&restored, on_section) {
        target.0.set(saved.section.clone());
    }
    let reader = Reader::get();

    // Loads run under the component's owner, not under whatever effect or event
    // handler asked for them: they end when the feed leaves the page, not when the
    // asking effect runs again.
    let owner = Owner::current().expect("SectionFeed runs inside the app");
    let saved_key = key.clone();
    let accept = Callback::new(move |page: FeedPage| {
        feed.update(|f| {
            f.push_page(page.items, page.next);
        });
        if let Some(target) = on_section {
            target.0.set(Some(page.section.clone()));
        }
        SAVED.with_borrow_mut(|s| {
            s.insert(
                saved_key.clone(),
                Saved {
                    feed: feed.get_untracked(),
                    section: Some(page.section),
                    at: api::now(),
                },
            )
        });
    });
    let load_next = Callback::new(move |()| {
        if status.get_untracked() == Status::Loading {
            return;
        }
        let url = match feed.with_untracked(|f| (f.pages, f.next.clone())) {
            (0, _) => urls::section(edition, &key.1),
            (_, Some(next)) => next,
            (_, None) => return,
        };
        // A page at hand (cached, or handed over by a pre-rendered page) is shown in
        // this same render.
        if let Some(page) = api::cached::<FeedPage>(&url) {
            accept.run(page);
            return;
        }
        status.set(Status::Loading);
        owner.with(|| {
            spawn_local_scoped_with_cancellation(async move {
                match api::get::<FeedPage>(url).await {
                    Ok(page) => {
                        accept.run(page);
                        status.set(Status::Idle);
                    }
                    Err(ApiError::Status(404)) if feed.with_untracked(|f| f.pages == 0) => {
                        if let Some(cb) = on_missing {
                            cb.run(());
                        }
                        status.set(Status::Failed(ApiError::Status(404)));
                    }
                    Err(e) => status.set(Status::Failed(e)),
                }
            })
        });
    });

    if restored.is_some() {
        crate::scroll_memory::restore_after_render();
    } else {
        load_next.run(());
    }

    let sentinel = NodeRef::<Div>::new();
    if let Some(near_end) = infinite.then(|| near_end::watch(sentinel)).flatten() {
        Effect::new(move |_| {
            let more = feed.with(|f| f.pages > 0 && f.next.is_some());
            if near_end.get() && more && status.get() == Status::Idle {
                // The flag may predate the page that just arrived: look again once it
                // is laid out.
                request_animation_frame(move || {
                    if near_end::still_near(sentinel) && status.get_untracked() == Status::Idle {
                        load_next.run(());
                    }
                });
            }
        });
    }

    let first_page_in = move || feed.with(|f| f.pages > 0);
    let has_more = move || feed.with(|f| f.next.is_some());

    view! { class = class,
        // Until the first page is in, the feed holds a screen's height, so the footer
        // does not jump down when the stories arrive.
        <div
            class="section-feed"
            aria-busy=move || (status.get() == Status::Loading).to_string()
            style:min-height=move || (!first_page_in()).then_some("100vh")
        >
            <ul class="feed">
                <For
                    each=move || feed.get().items
                    key=|s| s.slug.clone()
                    children=move |story| view! { class = class, <li><StoryCard story edition row=true level/></li> }
                />
            </ul>
            <div class="status" role="status" aria-live="polite">
                {move || match status.get() {
                    Status::Loading if first_page_in() => Some(reader.text().loading_more),
                    Status::Loading => Some(reader.text().loading),
                    Status::Idle if first_page_in() && !has_more() => Some(reader.text().end_of_feed),
                    _ => None,
                }}
            </div>
            {move || match status.get() {
                Status::Failed(error) => {
                    let what = Signal::derive(move || {
                        if first_page_in() { reader.text().fail_more } else { reader.text().fail_feed }
                    });
                    Some(view! { <ErrorBox what error on_retry=load_next/> }.into_any())
                }
                Status::Idle if first_page_in() && has_more() => Some(view! { class = class,
                    <div class="more needs-script">
                        <button type="button" class="button" on:click=move |_| load_next.run(())>
                            {reader.text().load_more}
                        </button>
                    </div>
                }.into_any()),
                _ => None,
            }}
            <div node_ref=sentinel aria-hidden="true"></div>
        </div>
    }
}
