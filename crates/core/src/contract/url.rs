//! URLs from the backend, checked once, where they are decoded: a view gets a [`Link`]
//! (a link a reader may follow), a [`MediaUrl`] (an image or frame source that may load)
//! or a [`SrcSet`], never the backend's string, so no view has to remember a check.
//! The types have no constructor from a plain string but the checking ones
//! (`components::attr` lets views put them in `href`, `src` and `srcset`).
//!
//! The policy: links only `http:`, `https:` and `mailto:` (the contract's rule); images
//! and frames only `http:` and `https:`. Browsers ignore tabs and newlines inside a URL
//! and spaces or control characters around it, so those are removed before the scheme
//! is read: `java\tscript:` is `javascript:` to a browser and must be to us.
//!
//! ```compile_fail
//! // A raw string is not an image source: a view cannot be handed one.
//! let image = newsfront::contract::Image {
//!     src: "javascript:alert(1)".to_string(),
//!     width: None, height: None, alt: None, caption: None, credit: None, srcset: None,
//!     sources: vec![],
//! };
//! ```
//!
//! ```compile_fail
//! // Nor can a view make a link out of one without the check.
//! let link = newsfront::contract::url::Link("javascript:alert(1)".to_string());
//! ```
//!
//! ```compile_fail
//! // The rendering side takes only checked types: `Inlines` links `Inline::href`.
//! let inline = newsfront::contract::Inline {
//!     text: "x".into(), marks: vec![], href: Some("javascript:alert(1)".to_string()),
//! };
//! ```

use std::cell::RefCell;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::logic::uri;

fn browser_normalise(raw: &str) -> String {
    raw.trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

/// `raw` resolved against `base` if it passes the policy for `schemes`. A reference
/// with no scheme is resolved (and then must have one of `schemes`), unless `base` is
/// empty: then it is kept relative, which no scheme can hide in.
fn allowed(raw: &str, base: &str, schemes: &[&str]) -> Option<String> {
    let clean = browser_normalise(raw);
    if clean.is_empty() || clean.chars().any(char::is_control) {
        return None;
    }
    match uri::scheme(&clean) {
        Some(s) if schemes.contains(&s.as_str()) => Some(clean),
        Some(_) => None,
        None if base.is_empty() => Some(clean),
        None => {
            let resolved = uri::resolve(base, &clean);
            let scheme = uri::scheme(&resolved)?;
            schemes.contains(&scheme.as_str()).then_some(resolved)
        }
    }
}

const LINK: &[&str] = &["http", "https", "mailto"];
const WEB: &[&str] = &["http", "https"];

/// A link target a reader may follow.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Link(String);

/// An image or frame source that may be loaded.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MediaUrl(String);

/// An image's `srcset`: every candidate a [`MediaUrl`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SrcSet(String);

/// A document the app may fetch (a feed's `next` page, the search index or endpoint):
/// `http:` or `https:`, resolved against the document that named it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FetchUrl(String);

impl Link {
    /// `raw` as a link, resolved against `base` (a page's URL), if the policy allows it;
    /// with an empty `base` a relative reference stays relative.
    pub fn check(raw: &str, base: &str) -> Option<Link> {
        allowed(raw, base, LINK).map(Link)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl MediaUrl {
    /// `raw` as a source, resolved against `base`, if the policy allows it; with an
    /// empty `base` a relative reference stays relative.
    pub fn check(raw: &str, base: &str) -> Option<MediaUrl> {
        allowed(raw, base, WEB).map(MediaUrl)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl SrcSet {
    /// A `srcset` whose every candidate passes as a [`MediaUrl`] against `base`.
    pub fn check(raw: &str, base: &str) -> Option<SrcSet> {
        let candidates = raw
            .split(',')
            .map(|candidate| {
                let candidate = candidate.trim();
                let (url, descriptor) = candidate
                    .split_once(char::is_whitespace)
                    .unwrap_or((candidate, ""));
                let url = MediaUrl::check(url, base)?;
                Some(match descriptor.trim() {
                    "" => url.0,
                    d => format!("{} {d}", url.0),
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(SrcSet(candidates.join(", ")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FetchUrl {
    /// `raw` resolved against `base`, if it is a web URL; an empty one is none.
    pub fn check(raw: &str, base: &str) -> Option<FetchUrl> {
        if raw.trim().is_empty() {
            return None;
        }
        allowed(raw, base, WEB).map(FetchUrl)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What the URLs of a document being decoded are resolved against: the URL the
/// document came from (images, `next`, the search index) and the page's base (links in
/// text and the site's social links, as a browser resolves an `href` on the page).
struct Bases {
    document: String,
    page: String,
}

thread_local! {
    /// Global for the length of one `with_bases` (docs/architecture.md, "Shared state"):
    /// serde's `Deserialize` takes no arguments, so this is how the bases reach the URL
    /// types' decoders.
    static BASES: RefCell<Option<Bases>> = const { RefCell::new(None) };
}

/// Runs `decode` with `document` and `page` as the bases of the URLs it decodes.
/// Outside it (a worker's reply, say), relative references stay relative.
pub(super) fn with_bases<R>(document: &str, page: &str, decode: impl FnOnce() -> R) -> R {
    let bases = Bases {
        document: document.to_string(),
        page: page.to_string(),
    };
    let previous = BASES.with_borrow_mut(|b| b.replace(bases));
    let result = decode();
    BASES.with_borrow_mut(|b| *b = previous);
    result
}

/// The page's base of the document being decoded (empty outside `with_bases`).
pub(super) fn page_base() -> String {
    base(true)
}

fn base(of_page: bool) -> String {
    BASES.with_borrow(|b| {
        b.as_ref()
            .map(|b| if of_page { &b.page } else { &b.document })
            .cloned()
            .unwrap_or_default()
    })
}

/// Serde for the checked types: decoding runs the check (a URL the policy refuses
/// fails to decode, and the contract's tolerance drops what holds it); encoding
/// writes the URL as checked.
macro_rules! checked_serde {
    ($ty:ident, $of_page:expr) => {
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let raw = std::borrow::Cow::<str>::deserialize(d)?;
                $ty::check(&raw, &base($of_page))
                    .ok_or_else(|| serde::de::Error::custom("a URL the policy refuses"))
            }
        }

        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                self.0.serialize(s)
            }
        }
    };
}

/// Read-only views of the checked text (comparisons, formatting, `&str` arguments).
macro_rules! as_text {
    ($ty:ident) => {
        impl std::ops::Deref for $ty {
            type Target = str;

            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl PartialEq<&str> for $ty {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

as_text!(Link);
as_text!(MediaUrl);
as_text!(SrcSet);
as_text!(FetchUrl);

checked_serde!(Link, true);
checked_serde!(MediaUrl, false);
checked_serde!(SrcSet, false);
checked_serde!(FetchUrl, false);

#[cfg(test)]
mod tests {
    use super::*;

    fn link(raw: &str, base: &str) -> Option<String> {
        Link::check(raw, base).map(|l| l.0)
    }

    fn media(raw: &str, base: &str) -> Option<String> {
        MediaUrl::check(raw, base).map(|m| m.0)
    }

    const BASE: &str = "https://news.example/world/story";

    #[test]
    fn follows_web_and_mail_links() {
        assert_eq!(
            link("https://a.example/x", BASE).as_deref(),
            Some("https://a.example/x")
        );
        assert_eq!(
            link("HTTP://a.example", BASE).as_deref(),
            Some("HTTP://a.example")
        );
        assert_eq!(
            link("mailto:desk@news.example", BASE).as_deref(),
            Some("mailto:desk@news.example")
        );
        assert_eq!(
            link("/ru/world", BASE).as_deref(),
            Some("https://news.example/ru/world")
        );
        assert_eq!(
            link("  other ", BASE).as_deref(),
            Some("https://news.example/world/other")
        );
    }

    #[test]
    fn refuses_script_and_data_schemes_in_any_disguise() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "\u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "java\rscript:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>",
            "DATA:image/svg+xml;base64,PHN2Zz4=",
            "file:///etc/passwd",
            "blob:https://x/1",
            "jar:http://x!/",
            "",
            "   ",
        ] {
            assert_eq!(link(bad, BASE), None, "{bad:?}");
            assert_eq!(media(bad, BASE), None, "{bad:?}");
        }
    }

    #[test]
    fn media_is_web_only() {
        assert_eq!(media("mailto:x@y", BASE), None);
        assert_eq!(
            media("../img/a.svg", BASE).as_deref(),
            Some("https://news.example/img/a.svg")
        );
    }

    #[test]
    fn without_a_base_relative_references_stay_relative_and_schemes_are_still_checked() {
        assert_eq!(media("../img/a.jpg", "").as_deref(), Some("../img/a.jpg"));
        assert_eq!(link("javascript:alert(1)", ""), None);
        assert_eq!(media(" java\tscript:alert(1)", ""), None);
    }

    #[test]
    fn a_srcset_passes_whole_or_not_at_all() {
        let set = SrcSet::check("a.jpg 480w, https://cdn.example/b.jpg 800w", BASE).unwrap();
        assert_eq!(
            set.as_str(),
            "https://news.example/world/a.jpg 480w, https://cdn.example/b.jpg 800w"
        );
        assert_eq!(SrcSet::check("a.jpg 1x, javascript:x 2x", BASE), None);
    }

    #[test]
    fn fetchable_documents_are_web_urls() {
        assert_eq!(
            FetchUrl::check("2.json", BASE).map(|u| u.0).as_deref(),
            Some("https://news.example/world/2.json")
        );
        assert_eq!(FetchUrl::check("", BASE), None);
        assert_eq!(FetchUrl::check("javascript:next()", BASE), None);
    }

    #[test]
    fn decoding_checks_against_the_right_base() {
        let (link, media): (Link, MediaUrl) = with_bases(
            "https://api.example/en/articles/x.json",
            "https://news.example/",
            || serde_json::from_str(r#"["world", "../img/a.jpg"]"#).unwrap(),
        );
        assert_eq!(link.as_str(), "https://news.example/world");
        assert_eq!(media.as_str(), "https://api.example/en/img/a.jpg");
        assert!(serde_json::from_str::<Link>(r#""javascript:alert(1)""#).is_err());
    }
}
