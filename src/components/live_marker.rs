//! "● LIVE" on a live story (its page, and every card that lists it), "Ended" once the
//! newsroom stopped posting (contract, section 7).

use leptos::prelude::*;
use stylers::style;

use crate::state::Reader;
use newsfront_core::contract::LiveStatus;

/// A plain function, not a component: it is on every card, and the props machinery
/// costs more of the bundle than the marker.
pub fn live_marker(status: LiveStatus) -> impl IntoView {
    let class = style! {
        .live-marker {
            display: inline-flex;
            align-items: center;
            gap: 0.375rem;
            font-family: var(--font-ui);
            font-size: 0.8125rem;
            font-weight: 700;
            letter-spacing: 0.06rem;
            text-transform: uppercase;
            color: var(--accent-text);
        }
        .live-marker::before {
            content: raw_str("");
            width: 0.5rem;
            height: 0.5rem;
            border-radius: 50%;
            background: currentColor;
        }
        .ended {
            color: var(--muted);
        }
        .ended::before {
            display: none;
        }
        @media (prefers-reduced-motion: no-preference) {
            .live-marker:not(.ended)::before {
                animation: live-pulse 2s ease-in-out infinite;
            }
        }
        @keyframes live-pulse {
            50% {
                opacity: 0.3;
            }
        }
    };
    let reader = Reader::get();
    let ended = status == LiveStatus::Ended;
    view! { class = class,
        <span class="live-marker" class:ended=ended>
            {move || if ended { reader.text().live_ended } else { reader.text().live }}
        </span>
    }
}
