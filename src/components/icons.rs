//! Small inline icons (24×24, `currentColor`), decorative: the link around each one
//! carries the accessible name.

use leptos::prelude::*;

use newsfront_core::contract::{Network, Store};

#[component]
pub fn NetworkIcon(network: Network) -> impl IntoView {
    let shape = match network {
        Network::Twitter => view! {
            <path d="M4 4l16 16M20 4L4 20" stroke="currentColor" stroke-width="2.4" stroke-linecap="round"/>
        }
        .into_any(),
        Network::Youtube => view! {
            <rect x="2" y="5" width="20" height="14" rx="4" fill="currentColor"/>
            <path d="M10 9l5 3-5 3z" fill="var(--header-bg)"/>
        }
        .into_any(),
        Network::Instagram => view! {
            <rect x="3" y="3" width="18" height="18" rx="5" fill="none" stroke="currentColor" stroke-width="2"/>
            <circle cx="12" cy="12" r="4" fill="none" stroke="currentColor" stroke-width="2"/>
            <circle cx="17.5" cy="6.5" r="1.3" fill="currentColor"/>
        }
        .into_any(),
        Network::Facebook => view! {
            <path d="M14 8h3V4h-3a4 4 0 0 0-4 4v2H8v4h2v7h4v-7h3l1-4h-4V8.5a.5.5 0 0 1 .5-.5z" fill="currentColor"/>
        }
        .into_any(),
        Network::Telegram => view! {
            <path d="M2.5 11.2L20.6 4.3c.8-.3 1.5.2 1.3 1.3l-3.1 14.5c-.2 1-.8 1.3-1.7.8l-4.6-3.4-2.2 2.1c-.3.3-.5.4-.9.4l.3-4.7 8.6-7.8c.4-.3-.1-.5-.6-.2L7.1 13.9 2.6 12.5c-1-.3-1-1 .1-1.3z" fill="currentColor"/>
        }
        .into_any(),
    };
    view! {
        <svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
            {shape}
        </svg>
    }
}

#[component]
pub fn StoreIcon(store: Store) -> impl IntoView {
    let shape = match store {
        Store::Apple => view! {
            <path d="M16.4 12.6c0-2.4 2-3.5 2-3.6-1.1-1.6-2.8-1.8-3.4-1.8-1.4-.2-2.8.8-3.5.8s-1.8-.8-3-.8c-1.5 0-3 .9-3.8 2.3-1.6 2.8-.4 7 1.2 9.3.8 1.1 1.7 2.4 2.9 2.3 1.2 0 1.6-.7 3-.7s1.8.7 3 .7c1.3 0 2.1-1.1 2.8-2.3.9-1.3 1.3-2.6 1.3-2.7-.1 0-2.5-.9-2.5-3.5zM14.1 5.6c.6-.8 1.1-1.8 1-2.9-.9 0-2.1.6-2.7 1.4-.6.7-1.1 1.8-1 2.8 1 .1 2.1-.5 2.7-1.3z" fill="currentColor"/>
        }
        .into_any(),
        Store::Google => view! {
            <path d="M4 3.5v17c0 .4.4.7.8.5l14.7-8.5c.4-.2.4-.8 0-1L4.8 3c-.4-.2-.8.1-.8.5z" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round"/>
        }
        .into_any(),
    };
    view! {
        <svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
            {shape}
        </svg>
    }
}

pub fn network_name(network: Network) -> &'static str {
    match network {
        Network::Twitter => "X (Twitter)",
        Network::Youtube => "YouTube",
        Network::Instagram => "Instagram",
        Network::Facebook => "Facebook",
        Network::Telegram => "Telegram",
    }
}
