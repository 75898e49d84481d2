//! "Follow us on Telegram": the call to the newsroom's channel from `site.json`.

use crate::components::attr::Checked;
use leptos::prelude::*;
use stylers::style;

use crate::components::icons::NetworkIcon;
use crate::state::Reader;
use crate::state::SiteData;
use newsfront_core::contract::Network;

#[component]
pub fn TelegramFollow() -> impl IntoView {
    let class = style! {
        .follow {
            display: flex;
            align-items: center;
            gap: 0.75rem;
            margin: 2rem 0;
            padding: 1rem 1.25rem;
            border-radius: 8px;
            background: var(--accent-soft);
            color: var(--text);
            font-weight: 600;
            text-decoration: none;
        }
        .follow:hover {
            text-decoration: underline;
        }
    };
    let site = SiteData::get();
    let reader = Reader::get();
    move || {
        let url = site.site()?.telegram?;
        Some(view! { class = class,
            <a class="follow no-print" href=Checked(url) rel="noopener noreferrer" target="_blank">
                <NetworkIcon network=Network::Telegram/>
                <span>{reader.text().follow_telegram}</span>
            </a>
        })
    }
}
