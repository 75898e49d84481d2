//! RFC 3986 reference resolution (section 5.2), used for the contract's `next` links,
//! image sources and the API base.
//!
//! Written here rather than taken from the `url` crate: that crate brings its IDNA and
//! Unicode tables into the Wasm for the one operation we need. Resolving one reference
//! in a Wasm module built as the app is (opt-level z, LTO, std rebuilt, wasm-opt -Oz)
//! added 2.2 KB (brotli) with this file and 53.0 KB with `url` 2.5.8 (2026-12-05).

/// The five components of a URI reference (RFC 3986, appendix B).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Parts<'a> {
    scheme: Option<&'a str>,
    authority: Option<&'a str>,
    path: &'a str,
    query: Option<&'a str>,
    fragment: Option<&'a str>,
}

fn is_scheme(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

fn split(reference: &str) -> Parts<'_> {
    let (rest, fragment) = match reference.split_once('#') {
        Some((r, f)) => (r, Some(f)),
        None => (reference, None),
    };
    let (rest, query) = match rest.split_once('?') {
        Some((r, q)) => (r, Some(q)),
        None => (rest, None),
    };
    let (scheme, rest) = match rest.split_once(':') {
        Some((s, r)) if is_scheme(s) && !s.contains('/') => (Some(s), r),
        _ => (None, rest),
    };
    let (authority, path) = match rest.strip_prefix("//") {
        Some(r) => match r.find('/') {
            Some(i) => (Some(&r[..i]), &r[i..]),
            None => (Some(r), ""),
        },
        None => (None, rest),
    };
    Parts {
        scheme,
        authority,
        path,
        query,
        fragment,
    }
}

/// The scheme of a reference in lower case, if it has one.
pub fn scheme(reference: &str) -> Option<String> {
    split(reference).scheme.map(str::to_ascii_lowercase)
}

fn remove_dot_segments(path: &str) -> String {
    let mut input = path;
    let mut output: Vec<&str> = Vec::new();
    // Each loop step moves one segment (with its leading "/") from input to output.
    while !input.is_empty() {
        if let Some(r) = input.strip_prefix("../") {
            input = r;
        } else if let Some(r) = input.strip_prefix("./") {
            input = r;
        } else if input.starts_with("/./") {
            input = &input[2..];
        } else if input == "/." {
            input = "/";
        } else if input.starts_with("/../") {
            input = &input[3..];
            output.pop();
        } else if input == "/.." {
            input = "/";
            output.pop();
        } else if input == "." || input == ".." {
            input = "";
        } else {
            let start = usize::from(input.starts_with('/'));
            let end = input[start..].find('/').map_or(input.len(), |i| i + start);
            output.push(&input[..end]);
            input = &input[end..];
        }
    }
    output.concat()
}

fn merge(base: &Parts<'_>, reference_path: &str) -> String {
    if base.authority.is_some() && base.path.is_empty() {
        format!("/{reference_path}")
    } else {
        match base.path.rfind('/') {
            Some(i) => format!("{}{}", &base.path[..=i], reference_path),
            None => reference_path.to_string(),
        }
    }
}

/// Resolves `reference` against the absolute URI `base` (RFC 3986, section 5.2.2).
pub fn resolve(base: &str, reference: &str) -> String {
    let b = split(base);
    let r = split(reference.trim());
    let (scheme, authority, path, query);
    if r.scheme.is_some() {
        scheme = r.scheme;
        authority = r.authority;
        path = remove_dot_segments(r.path);
        query = r.query;
    } else {
        scheme = b.scheme;
        if r.authority.is_some() {
            authority = r.authority;
            path = remove_dot_segments(r.path);
            query = r.query;
        } else {
            authority = b.authority;
            if r.path.is_empty() {
                path = b.path.to_string();
                query = r.query.or(b.query);
            } else {
                path = if r.path.starts_with('/') {
                    remove_dot_segments(r.path)
                } else {
                    remove_dot_segments(&merge(&b, r.path))
                };
                query = r.query;
            }
        }
    }
    let mut out = String::with_capacity(base.len() + reference.len());
    if let Some(s) = scheme {
        out.push_str(s);
        out.push(':');
    }
    if let Some(a) = authority {
        out.push_str("//");
        out.push_str(a);
    }
    out.push_str(&path);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    if let Some(f) = r.fragment {
        out.push('#');
        out.push_str(f);
    }
    out
}

/// The path of an absolute URI (`/a/b` of `https://h/a/b?q`).
pub fn path_of(uri: &str) -> &str {
    split(uri).path
}

/// Percent-encodes a string for use in a query component or path segment.
pub fn encode_component(s: &str) -> String {
    let unreserved = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~');
    // Slugs mostly need nothing: the pre-render step encodes a few per story.
    if s.bytes().all(unreserved) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if unreserved(b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes; `None` for a broken escape or text that is not UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The value of `name` in a query string (`a=1&q=x+y`, with or without `?`), decoded
/// as a form would have encoded it (`+` is a space).
pub fn query_param(query: &str, name: &str) -> Option<String> {
    query
        .trim_start_matches('?')
        .split('&')
        .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
        .find(|(k, _)| *k == name)
        .and_then(|(_, v)| percent_decode(&v.replace('+', " ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "http://a/b/c/d;p?q";

    #[test]
    fn rfc3986_normal_examples() {
        let cases = [
            ("g:h", "g:h"),
            ("g", "http://a/b/c/g"),
            ("./g", "http://a/b/c/g"),
            ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"),
            ("//g", "http://g"),
            ("?y", "http://a/b/c/d;p?y"),
            ("g?y", "http://a/b/c/g?y"),
            ("#s", "http://a/b/c/d;p?q#s"),
            ("g#s", "http://a/b/c/g#s"),
            ("g?y#s", "http://a/b/c/g?y#s"),
            (";x", "http://a/b/c/;x"),
            ("g;x", "http://a/b/c/g;x"),
            ("g;x?y#s", "http://a/b/c/g;x?y#s"),
            ("", "http://a/b/c/d;p?q"),
            (".", "http://a/b/c/"),
            ("./", "http://a/b/c/"),
            ("..", "http://a/b/"),
            ("../", "http://a/b/"),
            ("../g", "http://a/b/g"),
            ("../..", "http://a/"),
            ("../../", "http://a/"),
            ("../../g", "http://a/g"),
        ];
        for (r, want) in cases {
            assert_eq!(resolve(BASE, r), want, "reference {r:?}");
        }
    }

    #[test]
    fn rfc3986_abnormal_examples() {
        let cases = [
            ("../../../g", "http://a/g"),
            ("../../../../g", "http://a/g"),
            ("/./g", "http://a/g"),
            ("/../g", "http://a/g"),
            ("g.", "http://a/b/c/g."),
            (".g", "http://a/b/c/.g"),
            ("g..", "http://a/b/c/g.."),
            ("..g", "http://a/b/c/..g"),
            ("./../g", "http://a/b/g"),
            ("./g/.", "http://a/b/c/g/"),
            ("g/./h", "http://a/b/c/g/h"),
            ("g/../h", "http://a/b/c/h"),
            ("g;x=1/./y", "http://a/b/c/g;x=1/y"),
            ("g;x=1/../y", "http://a/b/c/y"),
            ("g?y/./x", "http://a/b/c/g?y/./x"),
            ("g#s/../x", "http://a/b/c/g#s/../x"),
            ("http:g", "http:g"),
        ];
        for (r, want) in cases {
            assert_eq!(resolve(BASE, r), want, "reference {r:?}");
        }
    }

    #[test]
    fn feed_next_links() {
        let page = "http://localhost:8080/api/en/sections/world/1.json";
        assert_eq!(
            resolve(page, "2.json"),
            "http://localhost:8080/api/en/sections/world/2.json"
        );
        assert_eq!(
            resolve(page, "?cursor=abc"),
            "http://localhost:8080/api/en/sections/world/1.json?cursor=abc"
        );
        assert_eq!(
            resolve(page, "https://cdn.example/feed/3"),
            "https://cdn.example/feed/3"
        );
        assert_eq!(
            resolve(page, "/other/4.json"),
            "http://localhost:8080/other/4.json"
        );
    }

    #[test]
    fn scheme_detection() {
        assert_eq!(scheme("JavaScript:alert(1)").as_deref(), Some("javascript"));
        assert_eq!(scheme("/a:b"), None);
        assert_eq!(scheme("a/b:c"), None);
        assert_eq!(scheme("mailto:x@y"), Some("mailto".into()));
    }

    #[test]
    fn path() {
        assert_eq!(path_of("https://h:1/a/b?c"), "/a/b");
    }

    #[test]
    fn component_encoding() {
        assert_eq!(encode_component("a b&c/é"), "a%20b%26c%2F%C3%A9");
    }

    #[test]
    fn reads_query_parameters() {
        assert_eq!(
            query_param("?q=iran+talks&count=3", "q").as_deref(),
            Some("iran talks")
        );
        assert_eq!(query_param("count=3", "count").as_deref(), Some("3"));
        assert_eq!(
            query_param("q=%D0%98%D1%80%D0%B0%D0%BD", "q").as_deref(),
            Some("Иран")
        );
        assert_eq!(query_param("q=a%2Bb%26c", "q").as_deref(), Some("a+b&c"));
        assert_eq!(query_param("q", "q").as_deref(), Some(""));
        assert_eq!(query_param("x=1", "q"), None);
        assert_eq!(query_param("q=%ZZ", "q"), None);
        assert_eq!(
            query_param(&format!("q={}", encode_component("ёлка & co")), "q").as_deref(),
            Some("ёлка & co")
        );
    }
}
