//! The results page, `/{ed}/search?q=...`: shareable and reloadable, more results as
//! the reader scrolls, suggestions when nothing matches, Retry when search fails.

use leptos::html::Div;
use leptos::prelude::*;
use stylers::style;

use crate::api::ApiError;
use crate::browser::paged_list::{PagedList, Status};
use crate::browser::router::search_href;
use crate::components::error_box::ErrorBox;
use crate::components::title::Title;
use crate::search::client::{self, Hits, SearchSource};
use crate::search::result::SearchResult;
use crate::state::Location;
use crate::state::Reader;
use crate::state::SiteData;
use newsfront_core::logic::edition::Edition;
use newsfront_core::logic::i18n;

#[component]
pub fn ResultsPage(edition: Edition) -> impl IntoView {
    let class = style! {
        .page {
            padding-block: 1.5rem 3rem;
            min-height: 60vh;
        }
        h1 {
            margin: 0 0 0.75rem 0;
            font-family: var(--font-head);
            text-transform: uppercase;
            font-size: 2rem;
        }
        form {
            display: flex;
            gap: 0.5rem;
        }
        input {
            flex: 1;
            min-width: 0;
        }
        ul {
            list-style: none;
            margin: 0;
            padding: 0;
        }
        .status {
            min-height: 1.5rem;
            color: var(--muted);
        }
        .more {
            display: flex;
            justify-content: center;
            padding: 1rem 0;
        }
    };
    let reader = Reader::get();
    let site = SiteData::get();
    let location = Location::get();
    let query = Memo::new(move |_| location.query("q").unwrap_or_default());
    let typed = RwSignal::new(query.get_untracked());
    // The site's search settings are needed first; without site.json, the default index.
    let source = Memo::new(move |_| {
        site.0
            .get()
            .map(|s| SearchSource::of(edition, s.ok().as_ref()))
    });
    let list = PagedList::<Hits>::new(move |more| {
        let source = source.get_untracked();
        let q = query.get_untracked();
        async move {
            let source = source.ok_or(ApiError::Offline)?;
            client::search(&source, &q, more).await
        }
    });
    Effect::new(move |_| {
        query.track();
        let ready = source.with(Option::is_some);
        typed.set(query.get_untracked());
        list.reset();
        if ready && !query.with_untracked(|q| q.trim().is_empty()) {
            list.load_next();
        }
    });
    let sentinel = NodeRef::<Div>::new();
    list.load_near_end(sentinel);
    let status = list.status;

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        location.navigate(&search_href(edition, &typed.get_untracked()));
    };
    let title = move || {
        let q = query.get();
        let word = reader.text().search;
        if q.trim().is_empty() {
            word.to_string()
        } else {
            format!("{word}: {q}")
        }
    };
    let body = move || {
        let r = list.pages.get();
        let last = r.last.clone().unwrap_or_default();
        let t = reader.text();
        if query.with(|q| q.trim().is_empty()) {
            return view! { class = class, <p class="status">{t.search_type}</p> }.into_any();
        }
        if r.pages > 0 && r.items.is_empty() {
            let suggestion = last.suggestion.map(|s| view! { class = class,
                <p>{t.search_did_you_mean}" "<a href=search_href(edition, &s)>{s.clone()}</a>"?"</p>
            });
            return view! { class = class,
                <p class="status" role="status">{t.search_none}" "<q>{query.get_untracked()}</q></p>
                {suggestion}
                <p>{t.search_tips}</p>
            }
            .into_any();
        }
        let count =
            (r.pages > 0).then(|| i18n::results(edition, last.total.unwrap_or(r.items.len())));
        let items = r
            .items
            .into_iter()
            .map(|story| {
                view! { class = class,
                    <li><SearchResult marks=last.marks.get(&story.slug).cloned().unwrap_or_default() story edition/></li>
                }
            })
            .collect_view();
        view! { class = class,
            <p class="status" role="status">{count}</p>
            <ul>{items}</ul>
        }
        .into_any()
    };
    let footer = move || match status.get() {
        Status::Loading => Some(
            view! { class = class,
                <p class="status" role="status">{reader.text().loading}</p>
            }
            .into_any(),
        ),
        Status::Failed(error) => Some(
            view! {
                <ErrorBox what=Signal::derive(move || reader.text().fail_search) error
                    on_retry=Callback::new(move |_| list.load_next())/>
            }
            .into_any(),
        ),
        Status::Idle => match (list.started(), list.has_more()) {
            (true, true) => Some(
                view! { class = class,
                    <div class="more">
                        <button type="button" class="button" on:click=move |_| list.load_next()>
                            {reader.text().search_more}
                        </button>
                    </div>
                }
                .into_any(),
            ),
            (true, false) if list.pages.with(|r| !r.items.is_empty()) => Some(
                view! { class = class,
                    <p class="status">{reader.text().search_end}</p>
                }
                .into_any(),
            ),
            _ => None,
        },
    };

    view! { class = class,
        <Title text=title/>
        <div class="page page-narrow">
            <h1>{move || reader.text().search}</h1>
            <form role="search" on:submit=submit>
                <input type="search" class="text-field" name="q" aria-label=move || reader.text().search_field
                    prop:value=typed on:input=move |ev| typed.set(event_target_value(&ev))/>
                <button type="submit" class="button">{move || reader.text().search}</button>
            </form>
            {body}
            {footer}
            <div node_ref=sentinel aria-hidden="true"></div>
        </div>
    }
}
