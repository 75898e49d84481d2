//! A section's page: its title and tagline, then its feed.

use leptos::prelude::*;
use stylers::style;

use crate::components::section_feed::SectionFeed;
use crate::components::title::Title;
use crate::pages::not_found::NotFound;
use crate::state::FeedSection;
use crate::state::SiteData;
use newsfront_core::logic::edition::Edition;

#[component]
pub fn SectionPage(edition: Edition, section: String) -> impl IntoView {
    let class = style! {
        .head {
            padding: 1.5rem 0 0.5rem 0;
            border-bottom: 2px solid var(--text);
        }
        h1 {
            min-height: 2.5rem;
            margin: 0;
            font-family: var(--font-head);
            text-transform: uppercase;
            font-size: 2rem;
        }
        .tagline {
            min-height: 1.5rem;
            margin: 0.25rem 0 0 0;
            color: var(--muted);
        }
    };
    let site = SiteData::get();
    let info = FeedSection(RwSignal::new(None));
    let missing = RwSignal::new(false);
    // The title shows at once from site.json; the feed's own copy replaces it.
    let slug = section.clone();
    let heading = Memo::new(move |_| {
        info.0
            .get()
            .or_else(|| site.site()?.sections.into_iter().find(|s| s.slug == slug))
    });
    let title = move || heading.get().map(|h| h.title).unwrap_or_default();
    let tagline = move || heading.get().and_then(|h| h.tagline);
    let on_missing = Callback::new(move |_| missing.set(true));
    move || {
        if missing.get() {
            return view! { <NotFound/> }.into_any();
        }
        let section = section.clone();
        view! { class = class,
            <Title text=title/>
            <div class="page-wide">
                <header class="head">
                    <h1>{title}</h1>
                    // Always there, so the page does not move when the tagline arrives.
                    <p class="tagline">{tagline}</p>
                </header>
                <SectionFeed edition section on_section=info on_missing level=2/>
            </div>
        }
        .into_any()
    }
}
