//! The edition switch: links to the same page in the other editions. An article goes
//! to its translation when the article lists one, a section to the same section when
//! that edition has it; otherwise the link leads to that edition's front page.

use leptos::prelude::*;
use stylers::style;

use crate::api::{self, config};
use crate::browser::router::href;
use crate::state::Reader;
use crate::state::{CurrentRoute, SiteData, Translations};
use newsfront_core::contract::paths;
use newsfront_core::contract::{Site, Translation};
use newsfront_core::logic::edition::Edition;
use newsfront_core::logic::routes::{self, Route};

/// Where `to` shows the page that `route` shows in its own edition.
fn target(
    route: &(Edition, Route),
    to: Edition,
    translations: &[Translation],
    to_site: Option<&Site>,
) -> String {
    let path = match &route.1 {
        Route::Article { section, .. } => match translations.iter().find(|t| t.lang == to.lang()) {
            Some(t) => routes::article(to, section, &t.slug),
            None => routes::front(to),
        },
        Route::Section { section }
            if to_site.is_some_and(|s| s.sections.iter().any(|x| &x.slug == section)) =>
        {
            routes::section(to, section)
        }
        _ => routes::front(to),
    };
    href(&path)
}

/// A story's translations as the pre-render step reads them: it renders the header
/// before the story, and sets nothing after (effects do not run there), so the header
/// reads them from the story's head itself. Without it, a page read before the app or
/// without scripts would lead to the other edition's front page.
#[cfg(not(target_arch = "wasm32"))]
fn prerendered_translations(route: &(Edition, Route)) -> Vec<Translation> {
    let Route::Article { slug, .. } = &route.1 else {
        return Vec::new();
    };
    crate::api::handover::take(&config::api_path(&paths::article(route.0, slug)))
        .and_then(|text| serde_json::from_str::<newsfront_core::contract::ArticleHead>(&text).ok())
        .map(|head| head.translations)
        .unwrap_or_default()
}

#[component]
pub fn EditionSwitch() -> impl IntoView {
    let class = style! {
        ul {
            display: flex;
            min-width: 9.5rem;
            gap: 0.125rem;
            list-style: none;
            margin: 0;
            padding: 0;
        }
        li {
            display: flex;
        }
        a {
            display: inline-flex;
            align-items: center;
            justify-content: center;
            min-width: 44px;
            min-height: 44px;
            padding: 0 0.5rem;
            color: inherit;
            font-family: var(--font-ui);
            font-size: 0.8125rem;
            font-weight: 700;
            text-decoration: none;
            border-radius: 6px;
        }
        a:hover {
            background: var(--header-hover);
        }
        a[aria-current] {
            box-shadow: inset 0 -3px 0 var(--accent);
        }
    };
    let reader = Reader::get();
    let route = CurrentRoute::get();
    let site = SiteData::get();
    let translations = Translations::get();
    #[cfg(not(target_arch = "wasm32"))]
    translations
        .0
        .set(route.0.with_untracked(prerendered_translations));
    let links = move || {
        let current = reader.edition.get();
        let on_section = route.0.with(|r| matches!(r.1, Route::Section { .. }));
        let editions = site.site().map(|s| s.editions).unwrap_or_default();
        editions
            .into_iter()
            .filter_map(|e| Some((Edition::from_lang(&e.lang)?, e.label)))
            .map(|(edition, label)| {
                // On a section, the other edition's sections keep the reader in the same
                // section. Only there: every other page would load (and a pre-rendered
                // one carry) two more sites' documents for nothing.
                let other = on_section.then(|| {
                    api::Fetched::<Site>::new(move || config::api_path(&paths::site(edition)))
                });
                let link = move || {
                    let other_site = other.and_then(|o| o.get()).and_then(Result::ok);
                    route.0.with(|r| {
                        translations
                            .0
                            .with(|t| target(r, edition, t, other_site.as_ref()))
                    })
                };
                view! { class = class,
                    <li>
                        <a href=link hreflang=edition.lang() lang=edition.lang()
                            aria-current=(edition == current).then_some("true")>
                            {label}
                        </a>
                    </li>
                }
            })
            .collect_view()
    };
    view! { class = class,
        <ul class="editions" aria-label=move || reader.text().edition>{links}</ul>
    }
}
