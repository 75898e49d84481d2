//! One module per page of the reader-facing URL scheme, and the scheme itself (`table`).

pub mod article;
pub mod front;
pub mod not_found;
pub mod search;
pub mod section;
pub mod table;
pub mod widget_headlines;
pub mod widget_story;

/// A reader-facing link: a path from `table` joined to the site's base.
pub fn href(path_below_base: &str) -> String {
    let base = crate::api::urls::document_base();
    format!("{}{}", crate::uri::path_of(&base), path_below_base)
}

/// The link to the results page for `query`.
pub fn search_href(edition: crate::edition::Edition, query: &str) -> String {
    format!(
        "{}?q={}",
        href(&table::search(edition)),
        crate::uri::encode_component(query.trim())
    )
}
