//! Which URLs from the backend may become links or image sources.
//!
//! Links: only `http:`, `https:` and `mailto:` (the contract's rule); relative references
//! are resolved against the page. Images and frames: only `http:` and `https:`.
//! Browsers ignore tabs and newlines inside a URL and spaces or control characters
//! around it, so those are removed before the scheme is read: `java\tscript:` is
//! `javascript:` to a browser and must be to us.

use crate::uri;

fn browser_normalise(raw: &str) -> String {
    raw.trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

fn allowed(raw: &str, base: &str, schemes: &[&str]) -> Option<String> {
    let clean = browser_normalise(raw);
    if clean.is_empty() || clean.chars().any(char::is_control) {
        return None;
    }
    let resolved = match uri::scheme(&clean) {
        Some(s) if schemes.contains(&s.as_str()) => clean,
        Some(_) => return None,
        None => uri::resolve(base, &clean),
    };
    let scheme = uri::scheme(&resolved)?;
    schemes.contains(&scheme.as_str()).then_some(resolved)
}

/// A link target the reader may follow, or `None` to show the text unlinked.
pub fn link(raw: &str, base: &str) -> Option<String> {
    allowed(raw, base, &["http", "https", "mailto"])
}

/// An image or frame source that may be loaded.
pub fn media(raw: &str, base: &str) -> Option<String> {
    allowed(raw, base, &["http", "https"])
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
