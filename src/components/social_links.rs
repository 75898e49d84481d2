//! The newsroom's social-network and app-store links from `site.json`, each an icon
//! with an accessible name. Shown in the header on wide screens and in the footer.

use crate::components::attr::Checked;
use leptos::prelude::*;
use stylers::style;

use crate::components::icons::{NetworkIcon, StoreIcon, network_name};
use crate::state::Reader;
use newsfront_core::contract::{Site, Store};

#[component]
pub fn SocialLinks(site: Site) -> impl IntoView {
    let class = style! {
        .links {
            display: flex;
            flex-wrap: wrap;
            gap: 0.25rem;
            list-style: none;
            margin: 0;
            padding: 0;
        }
        .links a {
            display: inline-flex;
            align-items: center;
            justify-content: center;
            min-width: 44px;
            min-height: 44px;
            color: inherit;
            border-radius: 6px;
        }
        .links a:hover {
            background: var(--header-hover);
        }
    };
    let reader = Reader::get();
    let social = site
        .social
        .into_iter()
        .map(|s| {
            let (network, url) = (s.network, s.url);
            view! { class = class,
                <li>
                    <a href=Checked(url) aria-label=network_name(network) title=network_name(network)
                        rel="noopener noreferrer" target="_blank">
                        <NetworkIcon network/>
                    </a>
                </li>
            }
        })
        .collect_view();
    let apps = site
        .apps
        .into_iter()
        .map(|a| {
            let (store, url) = (a.store, a.url);
            let label = move || match store {
                Store::Apple => reader.text().app_store,
                Store::Google => reader.text().google_play,
            };
            view! { class = class,
                <li>
                    <a href=Checked(url) aria-label=label title=label rel="noopener noreferrer" target="_blank">
                        <StoreIcon store/>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! { class = class,
        <ul class="links" aria-label=move || reader.text().follow_us>
            {social}
            {apps}
        </ul>
    }
}
