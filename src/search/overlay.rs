//! The search overlay: a button in the header opens a modal dialog (the browser's own
//! `<dialog>`: focus moves in and is kept there, Escape closes it, focus returns to
//! the button). Results appear as the reader types; the arrow keys move between them;
//! Enter in the field opens the results page.

use std::time::Duration;

use leptos::html::{Button, Dialog, Div, Input};
use leptos::prelude::*;
use stylers::style;
use wasm_bindgen::JsCast;

use crate::browser::paged_list::{PagedList, Status};
use crate::browser::router::search_href;
use crate::components::error_box::ErrorBox;
use crate::search::client::{self, Hits, SearchSource};
use crate::search::result::SearchResult;
use crate::state::Location;
use crate::state::Reader;
use crate::state::SiteData;
use newsfront_core::logic::i18n;

/// Results shown in the overlay (one request's); the results page has the rest.
const SHOWN: usize = client::PAGE_SIZE;
/// Typing pause before a query runs.
const DEBOUNCE: Duration = Duration::from_millis(120);

fn result_links(within: NodeRef<Div>) -> Vec<web_sys::HtmlElement> {
    let Some(list) = within.get_untracked() else {
        return Vec::new();
    };
    let Ok(found) = list.query_selector_all(".result-link") else {
        return Vec::new();
    };
    (0..found.length())
        .filter_map(|i| found.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

#[component]
pub fn SearchOverlay() -> impl IntoView {
    let class = style! {
        dialog {
            width: min(44rem, 100%);
            max-height: 85vh;
            margin: 4vh auto auto auto;
            padding: 1rem 1.25rem 1.25rem 1.25rem;
            border: 0;
            border-radius: 10px;
            background: var(--bg);
            color: var(--text);
        }
        .top {
            display: flex;
            align-items: center;
            justify-content: space-between;
            gap: 1rem;
        }
        h2 {
            margin: 0;
            font-family: var(--font-head);
            font-size: 1.25rem;
            text-transform: uppercase;
        }
        input {
            width: 100%;
            margin: 0.75rem 0;
            font-size: 1.125rem;
        }
        ul {
            list-style: none;
            margin: 0;
            padding: 0;
        }
        .status {
            min-height: 1.5rem;
            margin: 0;
            color: var(--muted);
            font-size: 0.875rem;
        }
        .all {
            display: inline-block;
            margin-top: 0.75rem;
        }
    };
    let reader = Reader::get();
    let site = SiteData::get();
    let dialog = NodeRef::<Dialog>::new();
    let opener = NodeRef::<Button>::new();
    let field = NodeRef::<Input>::new();
    let shown = NodeRef::<Div>::new();
    let query = RwSignal::new(String::new());
    let pending = StoredValue::new_local(None::<TimeoutHandle>);
    let location = Location::get();

    let source = move || SearchSource::of(reader.edition.get_untracked(), site.site().as_ref());
    // The overlay shows the first page; the results page has the rest.
    let asked = StoredValue::new(String::new());
    let list = PagedList::<Hits>::new(move |_| {
        let source = source();
        let q = asked.get_value();
        async move { client::search(&source, &q, None).await }
    });
    // A later query typed meanwhile counts, not this one (the list drops the answer).
    let run = Callback::new(move |q: String| {
        list.reset();
        asked.set_value(q);
        if !asked.with_value(|q| q.trim().is_empty()) {
            list.load_next();
        }
    });
    let on_input = move |ev: leptos::ev::Event| {
        let q = event_target_value(&ev);
        query.set(q.clone());
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        let handle = set_timeout_with_handle(move || run.run(q), DEBOUNCE).ok();
        pending.set_value(handle);
    };
    let open = move |_| {
        if let Some(d) = dialog.get() {
            let _ = d.show_modal();
        }
        client::prepare(&source());
        if let Some(f) = field.get() {
            let _ = f.focus();
            f.select();
        }
    };
    let close = move || {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
    };
    let results_page = move || search_href(reader.edition.get_untracked(), &query.get_untracked());
    let on_field_key = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "ArrowDown" => {
            if let Some(first) = result_links(shown).first() {
                ev.prevent_default();
                let _ = first.focus();
            }
        }
        // A search field would take the first Escape to clear itself: close at once.
        "Escape" => {
            ev.prevent_default();
            close();
        }
        "Enter" => {
            ev.prevent_default();
            if !query.get_untracked().trim().is_empty() {
                close();
                location.navigate(&results_page());
            }
        }
        _ => {}
    };
    let on_list_key = move |ev: leptos::ev::KeyboardEvent| {
        let step: i32 = match ev.key().as_str() {
            "ArrowDown" => 1,
            "ArrowUp" => -1,
            _ => return,
        };
        ev.prevent_default();
        let links = result_links(shown);
        let active = document().active_element();
        let at = links.iter().position(|l| {
            active
                .as_ref()
                .is_some_and(|a| a == l.unchecked_ref::<web_sys::Element>())
        });
        match at.map(|i| i as i32 + step) {
            Some(i) if i < 0 => {
                if let Some(f) = field.get_untracked() {
                    let _ = f.focus();
                }
            }
            Some(i) => {
                if let Some(l) = links.get(i as usize) {
                    let _ = l.focus();
                }
            }
            None => {}
        }
    };
    // A click on the backdrop (the dialog element itself, outside its content) closes.
    let on_dialog_click = move |ev: leptos::ev::MouseEvent| {
        let on_backdrop = ev
            .target()
            .zip(dialog.get_untracked())
            .is_some_and(|(t, d)| t == ****d);
        if on_backdrop {
            close();
        }
    };
    let retry = Callback::new(move |_| run.run(query.get_untracked()));
    let on_open = Callback::new(move |_| close());
    let edition = reader.edition;

    let results = move || {
        let page = list
            .pages
            .with(|p| p.last.clone().map(|last| (p.items.clone(), last)));
        match (list.status.get(), page) {
        (Status::Idle, None) => None,
        (Status::Loading, _) => Some(view! { class = class,
            <p class="status" role="status">{reader.text().loading}</p>
        }.into_any()),
        (Status::Failed(error), _) => Some(view! {
            <ErrorBox what=Signal::derive(move || reader.text().fail_search) error on_retry=retry/>
        }.into_any()),
        (Status::Idle, Some((items, page))) if items.is_empty() => {
            let suggestion = page.suggestion.map(|s| {
                let again = s.clone();
                view! { class = class,
                    <p>
                        {reader.text().search_did_you_mean}" "
                        <button type="button" class="button" on:click=move |_| {
                            query.set(again.clone());
                            run.run(again.clone());
                        }>{s}</button>
                    </p>
                }
            });
            Some(view! { class = class,
                <p class="status" role="status">
                    {reader.text().search_none}" "<q>{query.get_untracked()}</q>
                </p>
                {suggestion}
            }.into_any())
        }
        (Status::Idle, Some((items, page))) => {
            let total = page.total.unwrap_or(items.len());
            let items = items.into_iter().take(SHOWN).map(|story| view! { class = class,
                <li><SearchResult marks=page.marks.get(&story.slug).cloned().unwrap_or_default()
                    story edition=edition.get_untracked() on_open/></li>
            }).collect_view();
            Some(view! { class = class,
                <p class="status" role="status">{i18n::results(edition.get_untracked(), total)}</p>
                <ul>{items}</ul>
                <a class="all" href=results_page() on:click=move |_| close()>
                    {reader.text().search_all}
                </a>
            }.into_any())
        }
    }
    };

    view! { class = class,
        <button type="button" class="icon-button search-open needs-script" node_ref=opener on:click=open
            aria-label=move || reader.text().search_open title=move || reader.text().search_open
            aria-haspopup="dialog">
            <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
                <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" stroke-width="2"/>
                <path d="M15.5 15.5L21 21" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>
            </svg>
        </button>
        <dialog class="search-dialog" node_ref=dialog aria-labelledby="search-prompt" on:click=on_dialog_click
            on:close=move |_| {
                if let Some(b) = opener.get_untracked() {
                    let _ = b.focus();
                }
            }>
            <div class="top">
                <h2 id="search-prompt">{move || reader.text().search_prompt}</h2>
                <button type="button" class="button search-close" on:click=move |_| close()>
                    {move || reader.text().close}
                </button>
            </div>
            <input type="search" class="text-field" node_ref=field aria-labelledby="search-prompt" autocomplete="off"
                enterkeyhint="search" prop:value=query on:input=on_input on:keydown=on_field_key/>
            <div node_ref=shown on:keydown=on_list_key>{results}</div>
        </dialog>
    }
}
