//! Reader preferences kept across visits (localStorage). Storage that is missing,
//! disabled or throws (private modes, blocked cookies) reads as empty and ignores
//! writes: the page works the same, it just forgets.
//!
//! `public/prefs.js` reads the same keys before the first paint.

pub const THEME: &str = "newsfront.theme";
pub const TEXT_STEP: &str = "newsfront.text-step";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn save(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}
