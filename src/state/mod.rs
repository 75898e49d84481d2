//! Every piece of state shared between views, each a context the app's frame provides
//! once (`provide`): the reader (edition, theme, text size), the address and the route, the
//! edition's `site.json`, the page's title, the article's translations (for the edition
//! switch) and the section a feed reports. A view that needs one calls its `get()`.

mod prefs;

use leptos::prelude::*;

use crate::api::{self, config};
use newsfront_core::contract::paths;
use newsfront_core::contract::{SectionInfo, Site, Translation};
use newsfront_core::logic::edition::Edition;
use newsfront_core::logic::i18n::{self, Text};
use newsfront_core::logic::routes::Route;

/// Sets up every shared context for the page at `route`.
pub fn provide(route: Memo<(Edition, Route)>) {
    provide_context(CurrentRoute(route));
    provide_context(Translations(RwSignal::new(Vec::new())));
    provide_context(PageTitle(RwSignal::new(String::new())));
    let edition = Memo::new(move |_| route.get().0);
    Reader::provide(edition);
    let site = api::Fetched::<Site>::new(move || config::api_path(&paths::site(edition.get())));
    provide_context(SiteData(site));
}

/// The current address: the path below the site's base (starting with `/`) and the
/// query string (without `?`). `browser::router` keeps it and navigates.
#[derive(Clone, Copy)]
pub struct Location {
    pub(crate) base: StoredValue<String>,
    pub(crate) path: RwSignal<String>,
    pub(crate) query: RwSignal<String>,
}

impl Location {
    pub fn get() -> Location {
        expect_context::<Location>()
    }

    /// The path below the site's base (tracked).
    pub fn path(&self) -> String {
        self.path.get()
    }

    /// A query parameter, decoded (tracked).
    pub fn query(&self, name: &str) -> Option<String> {
        self.query
            .with(|q| newsfront_core::logic::uri::query_param(q, name))
    }
}

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
pub struct CurrentRoute(pub Memo<(Edition, Route)>);

impl CurrentRoute {
    pub fn get() -> CurrentRoute {
        expect_context::<CurrentRoute>()
    }

    pub fn is(&self, route: &(Edition, Route)) -> bool {
        self.0.with(|r| r == route)
    }
}

/// The translations of the article on screen, set by the article page, read by the
/// edition switch.
#[derive(Clone, Copy)]
pub struct Translations(pub RwSignal<Vec<Translation>>);

impl Translations {
    pub fn get() -> Translations {
        expect_context::<Translations>()
    }
}

/// The current page's own title (`components::title::Title` sets it; the frame shows it
/// with the site's name).
#[derive(Clone, Copy)]
pub struct PageTitle(pub RwSignal<String>);

impl PageTitle {
    pub fn get() -> PageTitle {
        expect_context::<PageTitle>()
    }
}

/// The section's title and tagline as its feed reports them, once its first page is in:
/// owned by the section page, told by its feed.
#[derive(Clone, Copy)]
pub struct FeedSection(pub RwSignal<Option<SectionInfo>>);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

/// Text size steps, 0 (smallest) to `TEXT_STEPS - 1`; the sizes are in `style/tokens.css`.
pub const TEXT_STEPS: u8 = 7;
pub const DEFAULT_TEXT_STEP: u8 = 1;

#[derive(Clone, Copy)]
pub struct Reader {
    pub edition: Memo<Edition>,
    pub theme: RwSignal<Theme>,
    pub text_step: RwSignal<u8>,
}

/// `<html>`; none in the pre-render step, which renders the defaults (`prefs.js` applies
/// the reader's own choice before the first paint).
fn root() -> Option<web_sys::Element> {
    if cfg!(target_arch = "wasm32") {
        document().document_element()
    } else {
        None
    }
}

/// The theme on `<html>` (`prefs.js` applies it before the first paint), else the system's.
fn page_theme() -> Theme {
    let chosen = root().and_then(|r| r.get_attribute("data-theme"));
    let dark = match chosen.as_deref() {
        Some("dark") => true,
        Some("light") => false,
        _ if !cfg!(target_arch = "wasm32") => false,
        _ => window()
            .match_media("(prefers-color-scheme: dark)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches()),
    };
    if dark { Theme::Dark } else { Theme::Light }
}

/// The text step on `<html>`.
fn page_text_step() -> u8 {
    root()
        .and_then(|r| r.get_attribute("data-text-step"))
        .and_then(|s| s.parse().ok())
        .filter(|s| *s < TEXT_STEPS)
        .unwrap_or(DEFAULT_TEXT_STEP)
}

impl Reader {
    fn provide(edition: Memo<Edition>) {
        let reader = Reader {
            edition,
            theme: RwSignal::new(page_theme()),
            text_step: RwSignal::new(page_text_step()),
        };
        // Only a choice the reader made is stored; until then the system decides.
        Effect::new(move |previous: Option<Theme>| {
            let theme = reader.theme.get();
            let value = match theme {
                Theme::Dark => "dark",
                Theme::Light => "light",
            };
            if let Some(r) = root() {
                let _ = r.set_attribute("data-theme", value);
            }
            if previous.is_some_and(|p| p != theme) {
                prefs::save(prefs::THEME, value);
            }
            theme
        });
        Effect::new(move |previous: Option<u8>| {
            let step = reader.text_step.get();
            if let Some(r) = root() {
                let _ = r.set_attribute("data-text-step", &step.to_string());
            }
            if previous.is_some_and(|p| p != step) {
                prefs::save(prefs::TEXT_STEP, &step.to_string());
            }
            step
        });
        Effect::new(move |_| {
            if let Some(r) = root() {
                let _ = r.set_attribute("lang", edition.get().lang());
            }
        });
        // Until the app has taken a pre-rendered page over, the page's own controls
        // (crates/publish/src/early.js) change these attributes and say so: the app follows.
        if cfg!(target_arch = "wasm32") {
            window_event_listener_untyped("newsfront-prefs", move |_| {
                reader.theme.set(page_theme());
                reader.text_step.set(page_text_step());
            });
        }
        provide_context(reader);
    }

    pub fn get() -> Reader {
        expect_context::<Reader>()
    }

    /// The interface text of the current edition (call it inside a reactive closure
    /// where the edition can change under the view).
    pub fn text(&self) -> &'static Text {
        i18n::text(self.edition.get())
    }
}
