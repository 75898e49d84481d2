//! Partner widgets (`/{ed}/embed/...`): pages made to live in an iframe on someone
//! else's site, put there by `public/embed.js`. No site header or footer; the partner
//! picks the theme (`public/prefs.js` applies it) and how many headlines; every link
//! opens the full story in a new tab; a credit names the site.

pub mod headlines;
pub mod resize;
pub mod story;

use leptos::html::Div;
use leptos::prelude::*;
use stylers::style;

use crate::browser::router::href;
use crate::logic::routes;
use crate::state::Reader;
use crate::state::SiteData;

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
    let root = NodeRef::<Div>::new();
    resize::report(root);
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
        <div class="widget" node_ref=root>
            {children()}
            <p class="credit">{credit}</p>
        </div>
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
