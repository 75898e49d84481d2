//! Installable (issue #31): a web app manifest per edition, so that a reader can add the
//! site to a phone's home screen in their language, and the tags every page carries for
//! it. Beyond the contract: made from `site.json`'s name and our own icons
//! (`public/icons/`, drawn by `scripts/make/make-icons.mjs`).

use newsfront_core::logic::edition::Edition;
use newsfront_core::logic::routes;
use serde_json::json;

/// The header's colour in the light and the night theme (`style/tokens.css`,
/// `--header-bg`): the browser's own bar takes it.
const THEME_LIGHT: &str = "#111318";
const THEME_NIGHT: &str = "#0b0c0f";
/// The page's background before the site paints (`--bg`, light).
const BACKGROUND: &str = "#ffffff";

/// An edition's manifest, below the base.
pub fn path(edition: Edition) -> String {
    format!("manifest-{}.webmanifest", edition.lang())
}

/// The manifest of an edition whose site is called `name`: it starts at the edition's
/// front page, and its scope is the whole site (its stories link to the others).
pub fn manifest(edition: Edition, name: &str) -> String {
    // A home screen shows about twelve characters.
    let short = if name.chars().count() <= 12 {
        name
    } else {
        name.split_whitespace().next().unwrap_or(name)
    };
    let start = format!("./{}", routes::front(edition));
    let icon = |src: &str, size: u32, purpose: &str| json!({"src": src, "sizes": format!("{size}x{size}"), "type": "image/png", "purpose": purpose});
    let manifest = json!({
        "id": start,
        "name": name,
        "short_name": short,
        "lang": edition.lang(),
        "dir": "ltr",
        "start_url": start,
        "scope": "./",
        "display": "standalone",
        "background_color": BACKGROUND,
        "theme_color": THEME_LIGHT,
        "icons": [
            icon("icons/icon-192.png", 192, "any"),
            icon("icons/icon-512.png", 512, "any"),
            icon("icons/maskable-512.png", 512, "maskable"),
        ],
    });
    serde_json::to_string_pretty(&manifest).expect("JSON") + "\n"
}

/// What a page of the edition carries in its head for it: the manifest, and the
/// browser bar's colour in each theme.
pub fn head_tags(edition: Edition) -> String {
    format!(
        "  <link rel=\"manifest\" href=\"{}\">\n  \
         <meta name=\"theme-color\" content=\"{THEME_LIGHT}\" media=\"(prefers-color-scheme: light)\">\n  \
         <meta name=\"theme-color\" content=\"{THEME_NIGHT}\" media=\"(prefers-color-scheme: dark)\">\n",
        path(edition)
    )
}
