//! The reader-facing URL scheme of the contract: what a path means, and the path of
//! each page. Pure functions, so the scheme is tested without a browser.
//!
//! `/{ed}/`, `/{ed}/{section}`, `/{ed}/{section}/{slug}` with `{ed}` an edition prefix
//! (none for English); `search` and `embed` are reserved and never sections. Partner
//! widgets live below `embed`: `/{ed}/embed/section/{section}` and
//! `/{ed}/embed/article/{section}/{slug}`.

use crate::logic::edition::Edition;
use crate::logic::uri::encode_component;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Front,
    Section {
        section: String,
    },
    Article {
        section: String,
        slug: String,
    },
    /// One older page of a live story's posts (`live::page_name`), so that every post
    /// can be reached without JavaScript.
    LiveUpdates {
        section: String,
        slug: String,
        page: String,
    },
    /// A partner widget: a section's latest headlines.
    EmbedSection {
        section: String,
    },
    /// A partner widget: one story as a card.
    EmbedArticle {
        section: String,
        slug: String,
    },
    /// Search results (the query is in `?q=`).
    Search,
    /// A reserved word in a place where it means nothing.
    Reserved,
    NotFound,
}

const RESERVED: &[&str] = &["search", "embed"];
/// The folder of a live story's older pages below its own path.
pub const UPDATES: &str = "updates";

/// The search worker's loader, a file of the build below the base (Trunk names it after
/// the worker's `data-bin` in index.html).
pub const SEARCH_WORKER: &str = "search_worker_loader.js";

/// The folder of an edition's archive search index below the base (the pre-render
/// step writes it: `newsfront_publish::search`).
pub fn search_archive(edition: Edition) -> String {
    format!("search/{}/", edition.lang())
}

/// What a path below the site's base means. `path` has no base prefix, query or fragment.
pub fn parse(path: &str) -> (Edition, Route) {
    let mut segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let edition = match segments.first().and_then(|s| Edition::from_prefix(s)) {
        Some(e) => {
            segments.remove(0);
            e
        }
        None => Edition::En,
    };
    let Some(decoded) = segments
        .iter()
        .map(|s| crate::logic::uri::percent_decode(s))
        .collect::<Option<Vec<String>>>()
    else {
        return (edition, Route::NotFound);
    };
    let page = match decoded.as_slice() {
        [] => Route::Front,
        [embed, kind, rest @ ..] if embed == "embed" => match (kind.as_str(), rest) {
            ("section", [section]) => Route::EmbedSection {
                section: section.clone(),
            },
            ("article", [section, slug]) => Route::EmbedArticle {
                section: section.clone(),
                slug: slug.clone(),
            },
            _ => Route::NotFound,
        },
        [search] if search == "search" => Route::Search,
        [first, ..] if RESERVED.contains(&first.as_str()) => Route::Reserved,
        [section] => Route::Section {
            section: section.clone(),
        },
        [section, slug] => Route::Article {
            section: section.clone(),
            slug: slug.clone(),
        },
        [section, slug, updates, page] if updates == UPDATES => Route::LiveUpdates {
            section: section.clone(),
            slug: slug.clone(),
            page: page.clone(),
        },
        _ => Route::NotFound,
    };
    (edition, page)
}

fn edition_root(edition: Edition) -> String {
    match edition.prefix() {
        "" => String::new(),
        p => format!("{p}/"),
    }
}

/// Paths relative to the site's base (no leading `/`), joined to it by `href`.
pub fn front(edition: Edition) -> String {
    edition_root(edition)
}

pub fn search(edition: Edition) -> String {
    format!("{}search", edition_root(edition))
}

pub fn section(edition: Edition, section: &str) -> String {
    format!("{}{}", edition_root(edition), encode_component(section))
}

pub fn article(edition: Edition, section: &str, slug: &str) -> String {
    format!(
        "{}{}/{}",
        edition_root(edition),
        encode_component(section),
        encode_component(slug)
    )
}

/// An older page of a live story's posts.
pub fn live_updates(edition: Edition, section: &str, slug: &str, page: &str) -> String {
    format!(
        "{}/{UPDATES}/{}",
        article(edition, section, slug),
        encode_component(page)
    )
}

/// A section's headlines widget.
pub fn embed_section(edition: Edition, section: &str) -> String {
    format!(
        "{}embed/section/{}",
        edition_root(edition),
        encode_component(section)
    )
}

/// A story's card widget.
pub fn embed_article(edition: Edition, section: &str, slug: &str) -> String {
    format!(
        "{}embed/article/{}/{}",
        edition_root(edition),
        encode_component(section),
        encode_component(slug)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sec(s: &str) -> Route {
        Route::Section { section: s.into() }
    }

    #[test]
    fn widget_paths_parse_back() {
        assert_eq!(
            embed_section(Edition::Ru, "world"),
            "ru/embed/section/world"
        );
        assert_eq!(
            parse(&format!("/{}", embed_article(Edition::Hy, "a b", "c"))),
            (
                Edition::Hy,
                Route::EmbedArticle {
                    section: "a b".into(),
                    slug: "c".into()
                }
            )
        );
    }

    #[test]
    fn a_live_storys_older_pages_parse_back() {
        let path = live_updates(Edition::Ru, "world", "talks", "2025-04-09T12-10-00");
        assert_eq!(path, "ru/world/talks/updates/2025-04-09T12-10-00");
        assert_eq!(
            parse(&path),
            (
                Edition::Ru,
                Route::LiveUpdates {
                    section: "world".into(),
                    slug: "talks".into(),
                    page: "2025-04-09T12-10-00".into()
                }
            )
        );
        assert_eq!(parse("world/talks/other/x").1, Route::NotFound);
    }

    #[test]
    fn parses_each_edition() {
        assert_eq!(parse("/"), (Edition::En, Route::Front));
        assert_eq!(parse(""), (Edition::En, Route::Front));
        assert_eq!(parse("/ru/"), (Edition::Ru, Route::Front));
        assert_eq!(parse("/arm"), (Edition::Hy, Route::Front));
        assert_eq!(parse("/world"), (Edition::En, sec("world")));
        assert_eq!(parse("/ru/world/"), (Edition::Ru, sec("world")));
        assert_eq!(
            parse("/arm/world/a-story"),
            (
                Edition::Hy,
                Route::Article {
                    section: "world".into(),
                    slug: "a-story".into()
                }
            )
        );
    }

    #[test]
    fn reserved_words_are_never_sections() {
        assert_eq!(parse("/search").1, Route::Search);
        assert_eq!(parse("/search/world").1, Route::Reserved);
        assert_eq!(parse("/embed").1, Route::Reserved);
        assert_eq!(parse("/ru/embed/world").1, Route::NotFound);
    }

    #[test]
    fn parses_widgets() {
        assert_eq!(
            parse("/ru/embed/section/world"),
            (
                Edition::Ru,
                Route::EmbedSection {
                    section: "world".into()
                }
            )
        );
        assert_eq!(
            parse("/embed/article/world/a-story"),
            (
                Edition::En,
                Route::EmbedArticle {
                    section: "world".into(),
                    slug: "a-story".into()
                }
            )
        );
        assert_eq!(parse("/embed/section/a/b").1, Route::NotFound);
        assert_eq!(parse("/embed/article/world").1, Route::NotFound);
        assert_eq!(parse("/embed/video/x").1, Route::NotFound);
    }

    #[test]
    fn unknown_shapes_are_not_found() {
        assert_eq!(parse("/a/b/c").1, Route::NotFound);
        assert_eq!(parse("/ru/a/b/c/d").1, Route::NotFound);
        assert_eq!(parse("/%ZZ").1, Route::NotFound);
        assert_eq!(parse("/%FF").1, Route::NotFound);
    }

    #[test]
    fn the_en_code_is_a_section_not_an_edition() {
        assert_eq!(parse("/en").1, sec("en"));
    }

    #[test]
    fn builds_paths_that_parse_back() {
        for e in Edition::ALL {
            assert_eq!(parse(&front(e)), (e, Route::Front));
            assert_eq!(parse(&section(e, "world")), (e, sec("world")));
            let p = article(e, "world", "a story/?");
            assert_eq!(
                parse(&p),
                (
                    e,
                    Route::Article {
                        section: "world".into(),
                        slug: "a story/?".into()
                    }
                )
            );
        }
        assert_eq!(front(Edition::En), "");
        for e in Edition::ALL {
            assert_eq!(parse(&search(e)), (e, Route::Search));
        }
        assert_eq!(search(Edition::Hy), "arm/search");
        assert_eq!(section(Edition::Ru, "world"), "ru/world");
        assert_eq!(article(Edition::Hy, "world", "x"), "arm/world/x");
    }
}
