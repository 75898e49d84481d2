//! An advertising slot that reserves its size from `site.json` before any ad arrives,
//! so the article never jumps (pre-rendered or not). It is labelled, and hidden from print.

use leptos::prelude::*;
use stylers::style;

use crate::state::Reader;
use crate::state::SiteData;

#[component]
pub fn AdSlot(placement: &'static str) -> impl IntoView {
    let class = style! {
        .ad {
            position: relative;
            width: fit-content;
            margin: 2rem auto;
            max-width: 100%;
            background: var(--ad-bg);
            color: var(--muted);
            font-size: 0.75rem;
            text-transform: uppercase;
            letter-spacing: 0.08rem;
            overflow: hidden;
        }
        canvas {
            display: block;
            max-width: 100%;
            height: auto;
        }
        span {
            position: absolute;
            inset: 0;
            display: flex;
            align-items: center;
            justify-content: center;
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
            >
                // The slot's size comes from a canvas's own width and height (it scales
                // down with its ratio): a style attribute would be refused by the
                // Content-Security-Policy in a pre-rendered page.
                <canvas width=ad.width height=ad.height aria-hidden="true"></canvas>
                <span>{reader.text().advertisement}</span>
            </aside>
        })
    }
}
