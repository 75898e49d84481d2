//! The document's title: each page names itself with `<Title text=.../>`, and the
//! app shows "page — site" (the site's name alone on the front page).
//!
//! Ours rather than leptos_meta's `<Title>`: the app sets no other head tag at run
//! time, and dropping the crate's head management (with a leaner search protocol)
//! took 7.5 KB (brotli) off the first load, measured with `scripts/report/size-report.mjs`.

use leptos::prelude::*;
use leptos::text_prop::TextProp;

use crate::state::PageTitle;

#[component]
pub fn Title(#[prop(into)] text: TextProp) -> impl IntoView {
    let title = PageTitle::get();
    Effect::new(move |_| title.0.set(text.get().to_string()));
    // A page that has not named itself yet (its story is loading) shows the site's name.
    on_cleanup(move || title.0.set(String::new()));
}

/// What `<title>` says for a page titled `page` on the site `site`.
pub fn full_title(page: &str, site: &str) -> String {
    match (page.is_empty(), site.is_empty()) {
        (true, _) => site.to_string(),
        (false, true) => page.to_string(),
        (false, false) => format!("{page} — {site}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_then_site() {
        assert_eq!(full_title("World", "Meridian"), "World — Meridian");
        assert_eq!(full_title("", "Meridian"), "Meridian");
        assert_eq!(full_title("World", ""), "World");
    }
}
