//! The site header: name linking home, social and app links from `site.json` (in the
//! footer only, on phones), the reader controls (a row of their own on phones, from
//! the start, so nothing moves when the site's name arrives), and the sections.

use leptos::prelude::*;
use stylers::style;

use crate::browser::router::href;
use crate::components::edition_switch::EditionSwitch;
use crate::components::error_box::ErrorBox;
use crate::components::social_links::SocialLinks;
use crate::components::theme_toggle::ThemeToggle;
use crate::search::overlay::SearchOverlay;
use crate::state::Reader;
use crate::state::SiteData;
use crate::takeover::Staged;
use newsfront_core::contract::Site;
use newsfront_core::logic::routes::{self, Route};

#[component]
pub fn Header() -> impl IntoView {
    let class = style! {
        header {
            background: var(--header-bg);
            color: var(--header-text);
            border-bottom: 3px solid var(--accent);
        }
        .bar {
            padding-block: 0.5rem;
            display: flex;
            flex-wrap: wrap;
            align-items: center;
            gap: 0.5rem 1rem;
            min-height: 3.5rem;
        }
        .brand {
            font-family: var(--font-head);
            font-size: 1.5rem;
            font-weight: 800;
            color: inherit;
            text-decoration: none;
            margin-right: auto;
            min-width: 6rem;
            min-height: 2.25rem;
        }
        @media (max-width: 640px) {
            .outbound {
                display: none;
            }
        }
        @media (max-width: 520px) {
            .controls {
                flex-basis: 100%;
                justify-content: flex-start;
            }
        }
        .controls {
            display: flex;
            gap: 0.5rem;
            align-items: center;
            min-width: 15rem;
            justify-content: flex-end;
        }
        nav {
            min-height: 2.75rem;
            overflow-x: auto;
        }
        nav ul {
            display: flex;
            gap: 0.25rem 1.25rem;
            list-style: none;
            margin: 0;
            padding: 0;
            white-space: nowrap;
        }
        nav a {
            display: inline-block;
            padding: 0.625rem 0;
            color: inherit;
            text-decoration: none;
            text-transform: uppercase;
            font-family: var(--font-ui);
            font-size: 0.875rem;
            font-weight: 600;
            letter-spacing: 0.04rem;
            border-bottom: 3px solid transparent;
        }
        nav a:hover {
            border-bottom-color: var(--accent);
        }
        nav a[aria-current] {
            border-bottom-color: var(--accent);
        }
    };
    let site = SiteData::get();
    let reader = Reader::get();
    let home = move || href(&routes::front(reader.edition.get()));
    let retry = Callback::new(move |_| site.0.refetch());
    view! { class = class,
        <header>
            <div class="bar page-wide">
                <a class="brand" href=home>
                    {move || site.site().map(|s| s.name).unwrap_or_default()}
                </a>
                <div class="outbound">
                    <Staged>{move || site.site().map(|s| view! { <SocialLinks site=s/> })}</Staged>
                </div>
                <div class="controls">
                    <Staged>
                        <SearchOverlay/>
                        <EditionSwitch/>
                        <ThemeToggle/>
                    </Staged>
                </div>
            </div>
            <nav class="page-wide" aria-label=move || reader.text().sections_nav>
                {move || match site.0.get() {
                    Some(Ok(s)) => Some(section_nav(class, s).into_any()),
                    Some(Err(error)) => Some(view! {
                        <ErrorBox what=Signal::derive(move || reader.text().fail_site) error on_retry=retry/>
                    }.into_any()),
                    None => None,
                }}
            </nav>
        </header>
    }
}

/// Section links. Views built outside the header's own `view!` take its scoped class
/// along, so that its styles reach them.
fn section_nav(class: &'static str, site: Site) -> impl IntoView {
    let reader = Reader::get();
    let route = crate::state::CurrentRoute::get();
    let items = site
        .sections
        .into_iter()
        .map(|s| {
            let edition = reader.edition.get_untracked();
            let link = href(&routes::section(edition, &s.slug));
            let here = (
                edition,
                Route::Section {
                    section: s.slug.clone(),
                },
            );
            let current = move || route.is(&here).then_some("page");
            view! { class = class,
                <li><a href=link aria-current=current>{s.title}</a></li>
            }
        })
        .collect_view();
    view! { class = class, <ul>{items}</ul> }
}
