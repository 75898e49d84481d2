//! The app's frame: router, reader context, header, the page for the current URL, footer.

use leptos::prelude::*;

use crate::api::{self, urls};
use crate::components::crash_notice::CrashNotice;
use crate::components::edition_switch::Translations;
use crate::components::title::{PageTitle, full_title};
use crate::components::{footer::Footer, header::Header};
use crate::contract::Site;
use crate::edition::Edition;
use crate::reader::Reader;
use crate::router::Location;
use crate::routes::table::{self, Page};
use crate::routes::{
    article::ArticlePage, front::FrontPage, not_found::NotFound, search::SearchPage,
    section::SectionPage, widget_headlines::HeadlinesWidget, widget_story::StoryWidget,
};
use crate::takeover::Staged;

/// The site's `site.json` for the current edition, shared by header, footer and pages.
#[derive(Clone, Copy)]
pub struct SiteData(pub api::Fetched<Site>);

impl SiteData {
    pub fn get() -> SiteData {
        expect_context::<SiteData>()
    }

    /// The site when it has loaded; `None` while loading or after an error.
    pub fn site(&self) -> Option<Site> {
        self.0.get().and_then(Result::ok)
    }
}

/// What the current URL shows.
#[derive(Clone, Copy)]
pub struct CurrentRoute(pub Memo<(Edition, Page)>);

impl CurrentRoute {
    pub fn get() -> CurrentRoute {
        expect_context::<CurrentRoute>()
    }

    pub fn is(&self, route: &(Edition, Page)) -> bool {
        self.0.with(|r| r == route)
    }
}

/// The path of the document's base (`/` or `/news/`), which the router strips.
fn base_path() -> String {
    urls::document_base()
        .split_once("://")
        .map(|(_, rest)| rest.find('/').map_or("/", |i| &rest[i..]).to_string())
        .unwrap_or_else(|| "/".to_string())
}

#[component]
pub fn App() -> impl IntoView {
    let location = Location::provide(base_path());
    // One route takes every path: `routes::table` decides what it shows, since the
    // contract's edition prefixes and reserved words are easier to get right (and to
    // test) as a plain function.
    let route = Memo::new(move |_| table::parse(&location.path()));
    provide_context(CurrentRoute(route));
    provide_context(Translations(RwSignal::new(Vec::new())));
    let edition = Memo::new(move |_| route.get().0);
    Reader::provide(edition);
    let site = api::Fetched::<Site>::new(move || urls::site(edition.get()));
    provide_context(SiteData(site));

    let site_name = move || SiteData(site).site().map(|s| s.name).unwrap_or_default();
    // A partner's widget is the page alone: no skip link, header or footer.
    let framed = Memo::new(move |_| {
        route.with(|r| matches!(r.1, Page::EmbedSection { .. } | Page::EmbedArticle { .. }))
    });
    let site_chrome = move |part: fn() -> AnyView| move || (!framed.get()).then(part);

    let page_title = PageTitle(RwSignal::new(String::new()));
    provide_context(page_title);
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

fn page_view(edition: Edition, page: Page) -> AnyView {
    match page {
        Page::Front => view! { <FrontPage edition/> }.into_any(),
        Page::Section { section } => view! { <SectionPage edition section/> }.into_any(),
        Page::Article { section, slug } => view! { <ArticlePage edition section slug/> }.into_any(),
        Page::EmbedSection { section } => view! { <HeadlinesWidget edition section/> }.into_any(),
        Page::EmbedArticle { section, slug } => {
            view! { <StoryWidget edition section slug/> }.into_any()
        }
        Page::Search => view! { <SearchPage edition/> }.into_any(),
        Page::Reserved | Page::NotFound => view! { <NotFound/> }.into_any(),
    }
}
