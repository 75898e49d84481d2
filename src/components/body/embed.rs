//! A social embed. It starts as a card (provider, title, link) that makes no
//! third-party request; the reader's click on "Show the post" loads the provider's
//! player in a sandboxed frame. Addresses `players` does not know stay a link card.

use crate::components::attr::Checked;
use leptos::html::Iframe;
use leptos::prelude::*;
use stylers::style;

use crate::components::icons::{NetworkIcon, network_name};
use crate::state::{Reader, Theme};
use newsfront_core::contract::url::Link;
use newsfront_core::contract::{Network, Provider};
use newsfront_core::logic::players::{self, Shape};

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

/// What a player frame may do: run the provider's script on its own origin, open the
/// post on the provider's site, play full screen. Not: navigate our page, open forms
/// or dialogs on it.
const SANDBOX: &str = "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation";

#[component]
pub fn EmbedCard(provider: Provider, url: Option<Link>, title: Option<String>) -> impl IntoView {
    let class = style! {
        .embed {
            margin: 1.5rem 0;
            padding: 1rem;
            border: 1px solid var(--rule);
            border-radius: 8px;
        }
        .head {
            display: flex;
            gap: 0.75rem;
            align-items: center;
        }
        .head a {
            color: var(--text);
        }
        .where {
            display: block;
            font-size: 72.22%;
            color: var(--muted);
        }
        .notice {
            margin: 0.75rem 0 0 0;
            font-size: 72.22%;
            color: var(--muted);
        }
        .show {
            margin-top: 0.75rem;
        }
        iframe {
            display: block;
            width: 100%;
            margin-top: 0.75rem;
            border: 0;
            border-radius: 4px;
            background: var(--placeholder);
        }
        .video {
            aspect-ratio: 16 / 9;
        }
    };
    let reader = Reader::get();
    let net = network(provider);
    let name = net.map(network_name).unwrap_or_default();
    let label = title
        .clone()
        .or_else(|| url.as_ref().map(|u| u.as_str().to_string()))
        .unwrap_or_default();
    let where_ = move || {
        format!("{} {name}", reader.text().open_embed)
            .trim()
            .to_string()
    };
    let head = match url.clone() {
        Some(href) => view! { class = class,
            <a href=Checked(href) rel="noopener noreferrer" target="_blank">{label}</a>
        }
        .into_any(),
        None => view! { class = class, <span>{label}</span> }.into_any(),
    };
    let shown = RwSignal::new(false);
    let frame = NodeRef::<Iframe>::new();
    // The frame takes the focus from the button it replaces.
    frame.on_load(|f| {
        let _ = f.focus();
    });
    let playable = url
        .as_ref()
        .and_then(|u| players::player(provider, u, false))
        .is_some();
    let player = move || {
        let dark = reader.theme.get_untracked() == Theme::Dark;
        let player = players::player(provider, url.as_ref()?, dark)?;
        let (video, height) = match player.shape {
            Shape::Video => (true, None),
            Shape::Post(h) => (false, Some(h)),
        };
        let frame_title = title
            .clone()
            .unwrap_or_else(|| reader.text().embed_player.to_string());
        Some(view! { class = class,
            <iframe node_ref=frame src=Checked(player.src) title=frame_title sandbox=SANDBOX
                class:video=video height=height
                allow="encrypted-media; picture-in-picture; fullscreen"
                referrerpolicy="strict-origin-when-cross-origin"></iframe>
        })
    };
    view! { class = class,
        <figure class="embed">
            <figcaption class="head">
                {net.map(|network| view! { <NetworkIcon network/> })}
                <span><span class="where">{where_}</span>{head}</span>
            </figcaption>
            {move || match (playable, shown.get()) {
                (false, _) => None,
                (true, true) => player().map(IntoAny::into_any),
                (true, false) => Some(view! { class = class,
                    <div>
                        <p class="notice">{move || reader.text().embed_notice}</p>
                        <button type="button" class="button show needs-script" on:click=move |_| shown.set(true)>
                            {move || reader.text().embed_show}
                        </button>
                    </div>
                }.into_any()),
            }}
        </figure>
    }
}
