//! The night-theme switch: a toggle button whose pressed state is the night theme.

use leptos::prelude::*;

use crate::state::{Reader, Theme};

#[component]
pub fn ThemeToggle() -> impl IntoView {
    let reader = Reader::get();
    let dark = move || reader.theme.get() == Theme::Dark;
    let toggle = move |_| {
        reader.theme.update(|t| {
            *t = match t {
                Theme::Dark => Theme::Light,
                Theme::Light => Theme::Dark,
            }
        })
    };
    view! {
        <button
            type="button"
            class="icon-button theme-toggle needs-script"
            aria-pressed=move || dark().to_string()
            aria-label=move || reader.text().night_theme
            title=move || reader.text().night_theme
            on:click=toggle
        >
            <svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
                // Filled in the night theme: by style/base.css, from the colour scheme.
                <path d="M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5z"
                    stroke="currentColor" stroke-width="2" stroke-linejoin="round"/>
            </svg>
        </button>
    }
}
