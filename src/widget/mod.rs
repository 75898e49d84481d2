//! Partner widgets (`/{ed}/embed/...`): pages made to live in an iframe on someone
//! else's site, put there by `public/embed.js`. No site header or footer; the partner
//! picks the theme and how many headlines (`public/prefs.js` applies both before the
//! first paint); every link opens the full story in a new tab; a credit names the site.
//!
//! The pre-render step writes every widget page with these components and no app:
//! `public/widget.js` alone tells the partner's page the widget's height. The app shows
//! a widget only when its page is not in the build (a story newer than the last
//! publish), and loads that script too.

pub mod headlines;
pub mod story;

use leptos::prelude::*;
use stylers::style;

use crate::browser::router::href;
use crate::state::Reader;
use crate::state::SiteData;
use newsfront_core::logic::routes;

pub const DEFAULT_COUNT: usize = 5;
/// One feed page: a widget never pages.
pub const MAX_COUNT: usize = 10;

/// The number of headlines from the `count` query parameter, within 1..=MAX_COUNT.
pub fn count(param: Option<&str>) -> usize {
    param
        .and_then(|c| c.trim().parse::<usize>().ok())
        .map_or(DEFAULT_COUNT, |c| c.clamp(1, MAX_COUNT))
}

/// The frame every widget shares: its content, then the credit; tells the partner's
/// page its height.
#[component]
pub fn WidgetFrame(children: Children) -> impl IntoView {
    let class = style! {
        .widget {
            padding: 0.75rem 1rem;
        }
        .credit {
            min-height: 1.25rem;
            margin: 0.75rem 0 0 0;
            font-size: 0.8125rem;
            color: var(--muted);
        }
        .credit a {
            color: var(--muted);
        }
    };
    Effect::new(|_| load_script());
    let reader = Reader::get();
    let site = SiteData::get();
    let credit = move || {
        site.site().map(|s| {
            let front = href(&routes::front(reader.edition.get()));
            view! { class = class,
                {reader.text().widget_credit}" "
                <a href=front target="_blank" rel="noopener">{s.name}</a>
            }
        })
    };
    view! { class = class,
        <div class="widget" data-widget>
            {children()}
            <p class="credit">{credit}</p>
        </div>
    }
}

/// The size messages' script (`public/widget.js`), for a widget the app shows.
fn load_script() {
    let document = document();
    if document
        .query_selector("script[src*=widget]")
        .ok()
        .flatten()
        .is_some()
    {
        return;
    }
    if let (Ok(script), Some(body)) = (document.create_element("script"), document.body()) {
        let _ = script.set_attribute("src", "widget.js");
        let _ = body.append_child(&script);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn count_is_clamped_and_defaults() {
        assert_eq!(count(None), DEFAULT_COUNT);
        assert_eq!(count(Some("3")), 3);
        assert_eq!(count(Some("0")), 1);
        assert_eq!(count(Some("99")), MAX_COUNT);
        assert_eq!(count(Some("-2")), DEFAULT_COUNT);
        assert_eq!(count(Some("three")), DEFAULT_COUNT);
    }
}
