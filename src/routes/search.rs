//! The results page, `/{ed}/search?q=...`: shareable and reloadable, more results as
//! the reader scrolls, suggestions when nothing matches, Retry when search fails.

use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local_scoped_with_cancellation;
use stylers::style;

use crate::api::ApiError;
use crate::app::SiteData;
use crate::components::error_box::ErrorBox;
use crate::components::near_end;
use crate::components::search_result::SearchResult;
use crate::components::title::Title;
use crate::contract::Summary;
use crate::edition::Edition;
use crate::i18n;
use crate::reader::Reader;
use crate::router::Location;
use crate::routes::search_href;
use crate::search_client::{self, More, Source};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Idle,
    Loading,
    Failed(ApiError),
}

#[derive(Clone, Default, PartialEq)]
struct Results {
    items: Vec<Summary>,
    highlight: std::sync::Arc<Vec<String>>,
    total: Option<usize>,
    more: Option<More>,
    suggestion: Option<String>,
    pages: usize,
}

#[component]
pub fn SearchPage(edition: Edition) -> impl IntoView {
    let class = style! {
        .page {
            max-width: var(--text-width);
            margin: 0 auto;
            padding: 1.5rem 1rem 3rem 1rem;
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
    let results = RwSignal::new(Results::default());
    let status = RwSignal::new(Status::Idle);
    let generation = StoredValue::new(0u32);
    let owner = Owner::current().expect("the page runs inside the app");

    // The site's search settings are needed first; without site.json, the default index.
    let source = Memo::new(move |_| site.0.get().map(|s| Source::of(edition, s.ok().as_ref())));
    let load = Callback::new(move |first: bool| {
        let Some(source) = source.get_untracked() else {
            return;
        };
        let q = query.get_untracked();
        let more = if first {
            None
        } else {
            match results.with_untracked(|r| r.more.clone()) {
                Some(m) => Some(m),
                None => return,
            }
        };
        if first {
            generation.update_value(|g| *g += 1);
            results.set(Results::default());
        } else if status.get_untracked() == Status::Loading {
            return;
        }
        if q.trim().is_empty() {
            status.set(Status::Idle);
            return;
        }
        let mine = generation.get_value();
        status.set(Status::Loading);
        owner.with(|| {
            spawn_local_scoped_with_cancellation(async move {
                let answer = search_client::search(&source, &q, more).await;
                if generation.get_value() != mine {
                    return;
                }
                match answer {
                    Ok(page) => {
                        results.update(|r| {
                            // A remote backend may repeat a story on a later page.
                            let seen: std::collections::HashSet<String> =
                                r.items.iter().map(|h| h.slug.clone()).collect();
                            r.items
                                .extend(page.items.into_iter().filter(|h| !seen.contains(&h.slug)));
                            r.total = page.total.or(r.total);
                            r.more = page.more;
                            r.suggestion = page.suggestion;
                            r.highlight = std::sync::Arc::new(page.highlight);
                            r.pages += 1;
                        });
                        status.set(Status::Idle);
                    }
                    Err(e) => status.set(Status::Failed(e)),
                }
            })
        });
    });
    Effect::new(move |_| {
        query.track();
        source.track();
        typed.set(query.get_untracked());
        load.run(true);
    });

    let sentinel = NodeRef::<Div>::new();
    if let Some(near) = near_end::watch(sentinel) {
        Effect::new(move |_| {
            let more = results.with(|r| r.pages > 0 && r.more.is_some());
            if near.get() && more && status.get() == Status::Idle {
                request_animation_frame(move || {
                    if near_end::still_near(sentinel) && status.get_untracked() == Status::Idle {
                        load.run(false);
                    }
                });
            }
        });
    }

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
        let r = results.get();
        let t = reader.text();
        if query.with(|q| q.trim().is_empty()) {
            return view! { class = class, <p class="status">{t.search_type}</p> }.into_any();
        }
        if r.pages > 0 && r.items.is_empty() {
            let suggestion = r.suggestion.map(|s| view! { class = class,
                <p>{t.search_did_you_mean}" "<a href=search_href(edition, &s)>{s.clone()}</a>"?"</p>
            });
            return view! { class = class,
                <p class="status" role="status">{t.search_none}" "<q>{query.get_untracked()}</q></p>
                {suggestion}
                <p>{t.search_tips}</p>
            }
            .into_any();
        }
        let count = (r.pages > 0).then(|| i18n::results(edition, r.total.unwrap_or(r.items.len())));
        let items = r
            .items
            .into_iter()
            .map(|story| {
                view! { class = class,
                    <li><SearchResult story edition highlight=r.highlight.clone()/></li>
                }
            })
            .collect_view();
        view! { class = class,
            <p class="status" role="status">{count}</p>
            <ul>{items}</ul>
        }
        .into_any()
    };
    let footer = move || {
        match status.get() {
        Status::Loading => Some(view! { class = class,
            <p class="status" role="status">{reader.text().loading}</p>
        }.into_any()),
        Status::Failed(error) => Some(view! {
            <ErrorBox what=Signal::derive(move || reader.text().fail_search) error
                on_retry=Callback::new(move |_| load.run(results.with_untracked(|r| r.pages == 0)))/>
        }.into_any()),
        Status::Idle => {
            let (pages, more) = results.with(|r| (r.pages, r.more.is_some()));
            match (pages > 0, more) {
                (true, true) => Some(view! { class = class,
                    <div class="more">
                        <button type="button" class="button" on:click=move |_| load.run(false)>
                            {reader.text().search_more}
                        </button>
                    </div>
                }.into_any()),
                (true, false) if results.with(|r| !r.items.is_empty()) => Some(view! { class = class,
                    <p class="status">{reader.text().search_end}</p>
                }.into_any()),
                _ => None,
            }
        }
    }
    };

    view! { class = class,
        <Title text=title/>
        <div class="page">
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
