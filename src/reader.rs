//! The reader's context: edition, theme and text size, owned here and shared by every
//! view. Theme and text size are applied to `<html>` (as `data-theme` and
//! `data-text-step`, which the CSS reads) and kept across visits.

use leptos::prelude::*;

use crate::edition::Edition;
use crate::i18n::{self, Text};
use crate::prefs;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

/// Text size steps, 0 (smallest) to `TEXT_STEPS - 1`; the sizes are in `style/tokens.css`.
pub const TEXT_STEPS: u8 = 7;
pub const DEFAULT_TEXT_STEP: u8 = 1;

#[derive(Clone, Copy)]
pub struct Reader {
    pub edition: Memo<Edition>,
    pub theme: RwSignal<Theme>,
    pub text_step: RwSignal<u8>,
}

/// `<html>`; none in the pre-render step, which renders the defaults (`prefs.js` applies
/// the reader's own choice before the first paint).
fn root() -> Option<web_sys::Element> {
    if cfg!(target_arch = "wasm32") {
        document().document_element()
    } else {
        None
    }
}

/// The theme `prefs.js` applied before the first paint, else the system's.
fn initial_theme() -> Theme {
    let chosen = root().and_then(|r| r.get_attribute("data-theme"));
    let dark = match chosen.as_deref() {
        Some("dark") => true,
        Some("light") => false,
        _ if !cfg!(target_arch = "wasm32") => false,
        _ => window()
            .match_media("(prefers-color-scheme: dark)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches()),
    };
    if dark { Theme::Dark } else { Theme::Light }
}

fn initial_text_step() -> u8 {
    root()
        .and_then(|r| r.get_attribute("data-text-step"))
        .and_then(|s| s.parse().ok())
        .filter(|s| *s < TEXT_STEPS)
        .unwrap_or(DEFAULT_TEXT_STEP)
}

impl Reader {
    pub fn provide(edition: Memo<Edition>) {
        let reader = Reader {
            edition,
            theme: RwSignal::new(initial_theme()),
            text_step: RwSignal::new(initial_text_step()),
        };
        // Only a choice the reader made is stored; until then the system decides.
        Effect::new(move |previous: Option<Theme>| {
            let theme = reader.theme.get();
            let value = match theme {
                Theme::Dark => "dark",
                Theme::Light => "light",
            };
            if let Some(r) = root() {
                let _ = r.set_attribute("data-theme", value);
            }
            if previous.is_some_and(|p| p != theme) {
                prefs::save(prefs::THEME, value);
            }
            theme
        });
        Effect::new(move |previous: Option<u8>| {
            let step = reader.text_step.get();
            if let Some(r) = root() {
                let _ = r.set_attribute("data-text-step", &step.to_string());
            }
            if previous.is_some_and(|p| p != step) {
                prefs::save(prefs::TEXT_STEP, &step.to_string());
            }
            step
        });
        Effect::new(move |_| {
            if let Some(r) = root() {
                let _ = r.set_attribute("lang", edition.get().lang());
            }
        });
        provide_context(reader);
    }

    pub fn get() -> Reader {
        expect_context::<Reader>()
    }

    /// The interface text of the current edition (call it inside a reactive closure
    /// where the edition can change under the view).
    pub fn text(&self) -> &'static Text {
        i18n::text(self.edition.get())
    }
}
