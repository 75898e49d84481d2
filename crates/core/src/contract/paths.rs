//! Where each document of the contract is, as a path below the API base (`en/site.json`):
//! the one place that knows the backend's path scheme. The app joins these to the API
//! base it reads from the page (`api::config`); the pre-render step reads them from the
//! API tree it walks.

use crate::logic::edition::Edition;
use crate::logic::uri::encode_component;

/// Section 1: the edition's `site.json`.
pub fn site(edition: Edition) -> String {
    format!("{}/site.json", edition.lang())
}

/// Section 2: the front page.
pub fn front(edition: Edition) -> String {
    format!("{}/front.json", edition.lang())
}

/// Section 3: the first page of a section's feed; later pages come from each page's
/// `next`.
pub fn section(edition: Edition, slug: &str) -> String {
    format!(
        "{}/sections/{}/1.json",
        edition.lang(),
        encode_component(slug)
    )
}

/// Section 4: an article.
pub fn article(edition: Edition, slug: &str) -> String {
    format!(
        "{}/articles/{}.json",
        edition.lang(),
        encode_component(slug)
    )
}

/// Section 5: the search index when `site.json` names none.
pub fn search_index(edition: Edition) -> String {
    format!("{}/search-index.json", edition.lang())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_of_the_contract() {
        assert_eq!(site(Edition::Hy), "hy/site.json");
        assert_eq!(front(Edition::Ru), "ru/front.json");
        assert_eq!(section(Edition::En, "world"), "en/sections/world/1.json");
        assert_eq!(article(Edition::En, "a b/c"), "en/articles/a%20b%2Fc.json");
        assert_eq!(search_index(Edition::Ru), "ru/search-index.json");
    }
}
