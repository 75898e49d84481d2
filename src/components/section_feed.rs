//! A section's stories, page after page: the next page loads as the reader nears the
//! end, and a "Load more" button does the same for keyboard users and browsers without
//! the observer. Pages the API cache still holds are shown at once, so coming Back from
//! a story shows the same pages without fetching them again.

use leptos::html::Div;
use leptos::prelude::*;
use stylers::style;

use crate::api::{self, ApiError, config};
use crate::browser::freshness;
use crate::browser::paged_list::{PagedList, Status};
use crate::components::error_box::ErrorBox;
use crate::components::new_stories::new_stories;
use crate::components::story_card::StoryCard;
use crate::state::{FeedSection, Reader};
use newsfront_core::contract::{FeedPage, Summary, paths};
use newsfront_core::logic::edition::Edition;

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
    /// Load nothing until the reader scrolls near the list (a list below a story, which
    /// most readers never reach). Such a list is not pre-rendered either: a page that
    /// showed a feed's first page would change with every story published there.
    #[prop(optional)]
    lazy: bool,
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
    let reader = Reader::get();
    let first = config::api_path(&paths::section(edition, &section));
    let url = move |more: Option<newsfront_core::contract::url::FetchUrl>| {
        more.map_or_else(|| first.clone(), |m| m.as_str().to_string())
    };
    let fetch_url = url.clone();
    let list = PagedList::<FeedPage>::new(move |more| api::get::<FeedPage>(fetch_url(more)))
        .with_at_hand(move |more| api::cached::<FeedPage>(&url(more)));
    let sentinel = NodeRef::<Div>::new();
    if lazy {
        list.load_first_near(sentinel);
    } else if list.restore() > 0 {
        crate::browser::scroll_memory::restore_after_render();
    } else {
        list.load_next();
    }
    if let Some(target) = on_section {
        Effect::new(move |_| {
            if let Some(info) = list
                .pages
                .with(|p| p.last.as_ref().map(|l| l.section.clone()))
            {
                target.0.set(Some(info));
            }
        });
    }
    if let Some(on_missing) = on_missing {
        Effect::new(move |_| {
            if list.status.get() == Status::Failed(ApiError::Status(404)) && !list.started() {
                on_missing.run(());
            }
        });
    }
    if infinite {
        list.load_near_end(sentinel);
    }
    // A list below a story is not the news the reader came for: only a section's own
    // feed looks again for stories published since.
    let newer = RwSignal::new(Vec::<Summary>::new());
    let waiting = RwSignal::new(0usize);
    if !lazy {
        let first = config::api_path(&paths::section(edition, &section));
        freshness::watch(first.clone(), move |text| {
            let Some(page) = api::decode::<FeedPage>(&text, &first) else {
                return;
            };
            let fresh = list.pages.try_with_untracked(|p| {
                let new = page.items.into_iter().filter(|s| !p.contains(&s.slug));
                new.collect::<Vec<_>>()
            });
            if let Some(fresh) = fresh.filter(|f| !f.is_empty()) {
                waiting.try_set(fresh.len());
                newer.try_set(fresh);
            }
        });
    }
    let show_newer = Callback::new(move |()| {
        let fresh = newer.try_update(std::mem::take).unwrap_or_default();
        list.pages.update(|p| p.prepend(fresh));
    });
    let status = list.status;
    let load_next = Callback::new(move |()| list.load_next());

    let first_page_in = move || list.started();
    let has_more = move || list.has_more();

    view! { class = class,
        // Until the first page is in, the feed holds a screen's height, so the footer
        // does not jump down when the stories arrive (a lazy one loads out of sight).
        <div
            class="section-feed"
            class:needs-script=lazy
            aria-busy=move || (status.get() == Status::Loading).to_string()
            style:min-height=move || (!lazy && !first_page_in()).then_some("100vh")
        >
            {new_stories(waiting, show_newer)}
            <ul class="feed">
                <For
                    each=move || list.pages.with(|p| p.items.clone())
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
