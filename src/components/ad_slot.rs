//! An advertising slot that reserves its size from `site.json` before any ad arrives,
//! so the article never jumps. It is labelled, and hidden from print.

use leptos::prelude::*;
use stylers::style;

use crate::app::SiteData;
use crate::reader::Reader;

#[component]
pub fn AdSlot(placement: &'static str) -> impl IntoView {
    let class = style! {
        .ad {
            margin: 2rem auto;
            max-width: 100%;
            display: flex;
            align-items: center;
            justify-content: center;
            background: var(--ad-bg);
            color: var(--muted);
            font-size: 0.75rem;
            text-transform: uppercase;
            letter-spacing: 0.08rem;
            overflow: hidden;
        }
    };
    let site = SiteData::get();
    let reader = Reader::get();
    move || {
        let ad = site.site()?.ads.into_iter().find(|a| a.slot == placement)?;
        Some(view! { class = class,
            <aside
                class="ad no-print"
                data-slot=placement
                aria-label=reader.text().advertisement
                style:width=format!("{}px", ad.width)
                style:aspect-ratio=format!("{} / {}", ad.width, ad.height)
            >
                {reader.text().advertisement}
            </aside>
        })
    }
}
