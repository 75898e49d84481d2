//! A social embed, shown as a plain link card: no third-party request is made.

use leptos::prelude::*;
use stylers::style;

use crate::components::icons::{NetworkIcon, network_name};
use crate::contract::{Network, Provider};
use crate::reader::Reader;

fn network(p: Provider) -> Option<Network> {
    match p {
        Provider::Youtube => Some(Network::Youtube),
        Provider::Twitter => Some(Network::Twitter),
        Provider::Telegram => Some(Network::Telegram),
        Provider::Instagram => Some(Network::Instagram),
        Provider::Facebook => Some(Network::Facebook),
        Provider::Other => None,
    }
}

#[component]
pub fn EmbedCard(provider: Provider, url: String, title: Option<String>) -> impl IntoView {
    let class = style! {
        .embed {
            display: flex;
            gap: 0.75rem;
            align-items: center;
            margin: 1.5rem 0;
            padding: 1rem;
            border: 1px solid var(--rule);
            border-radius: 8px;
            color: var(--text);
            text-decoration: none;
        }
        .embed:hover {
            border-color: var(--accent);
        }
        .where {
            display: block;
            font-size: 0.8125rem;
            color: var(--muted);
        }
    };
    let reader = Reader::get();
    let base = crate::api::urls::document_base();
    let href = crate::url_policy::link(&url, &base);
    let net = network(provider);
    let label = title.unwrap_or_else(|| url.clone());
    let where_ = move || {
        let name = net.map(network_name).unwrap_or_default();
        format!("{} {}", reader.text().open_embed, name)
            .trim()
            .to_string()
    };
    match href {
        Some(href) => view! { class = class,
            <a class="embed" href=href rel="noopener noreferrer" target="_blank">
                {net.map(|network| view! { <NetworkIcon network/> })}
                <span><span class="where">{where_}</span>{label}</span>
            </a>
        }
        .into_any(),
        None => view! { class = class, <p class="embed">{label}</p> }.into_any(),
    }
}
