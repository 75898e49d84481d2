//! The app's frame: router, reader context, header, the page for the current URL, footer.

mod footer;
mod header;

use leptos::prelude::*;

use crate::api::config;
use crate::components::crash_notice::CrashNotice;
use crate::components::title::full_title;
use crate::pages::{
    article::ArticlePage, front::FrontPage, not_found::NotFound, section::SectionPage,
};
use crate::search::results_page::ResultsPage;
use crate::state::Location;
use crate::state::{self, PageTitle, Reader, SiteData};
use crate::takeover::Staged;
use crate::widget::{headlines::HeadlinesWidget, story::StoryWidget};
use footer::Footer;
use header::Header;
use newsfront_core::logic::edition::Edition;
use newsfront_core::logic::routes::{self, Route};

/// The path of the document's base (`/` or `/news/`), which the router strips.
fn base_path() -> String {
    config::document_base()
        .split_once("://")
        .map(|(_, rest)| rest.find('/').map_or("/", |i| &rest[i..]).to_string())
        .unwrap_or_else(|| "/".to_string())
}

#[component]
pub fn App() -> impl IntoView {
    let location = Location::provide(base_path());
    // One route takes every path: `logic::routes` decides what it shows, since the
    // contract's edition prefixes and reserved words are easier to get right (and to
    // test) as a plain function.
    let route = Memo::new(move |_| routes::parse(&location.path()));
    state::provide(route);
    let site = SiteData::get();
    let site_name = move || site.site().map(|s| s.name).unwrap_or_default();
    // A partner's widget is the page alone: no skip link, header or footer.
    let framed = Memo::new(move |_| {
        route.with(|r| matches!(r.1, Route::EmbedSection { .. } | Route::EmbedArticle { .. }))
    });
    let site_chrome = move |part: fn() -> AnyView| move || (!framed.get()).then(part);

    let page_title = PageTitle::get();
    Effect::new(move |_| document().set_title(&full_title(&page_title.0.get(), &site_name())));

    view! {
        {site_chrome(|| view! {
            <a class="skip-link" href="#main" on:click=skip_to_main>
                {move || Reader::get().text().skip_to_content}
            </a>
            <Staged><Header/></Staged>
        }.into_any())}
        <main id="main" tabindex="-1">
            <Staged>
                {move || {
                    let (edition, page) = route.get();
                    page_view(edition, page)
                }}
            </Staged>
        </main>
        {site_chrome(|| view! { <Staged><Footer/></Staged> }.into_any())}
        <CrashNotice/>
    }
}

/// The skip link moves the focus itself, the same in every browser, and leaves the
/// address as it is.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    if let Some(main) = document().get_element_by_id("main") {
        main.scroll_into_view();
        if let Some(main) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&main) {
            let _ = main.focus();
        }
    }
}

fn page_view(edition: Edition, page: Route) -> AnyView {
    match page {
        Route::Front => view! { <FrontPage edition/> }.into_any(),
        Route::Section { section } => view! { <SectionPage edition section/> }.into_any(),
        Route::Article { section, slug } => {
            view! { <ArticlePage edition section slug/> }.into_any()
        }
        Route::LiveUpdates {
            section,
            slug,
            page,
        } => view! { <ArticlePage edition section slug updates=page/> }.into_any(),
        Route::EmbedSection { section } => view! { <HeadlinesWidget edition section/> }.into_any(),
        Route::EmbedArticle { section, slug } => {
            view! { <StoryWidget edition section slug/> }.into_any()
        }
        Route::Search => view! { <ResultsPage edition/> }.into_any(),
        Route::Reserved | Route::NotFound => view! { <NotFound/> }.into_any(),
    }
}
