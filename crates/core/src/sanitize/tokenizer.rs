//! A small HTML tokenizer for the sanitiser: tags with attributes, text with character
//! references, comments skipped; an element's raw text (script, style…) read to its end
//! tag when the tree builder says the element is one (`Content`), as in browsers.
//!
//! Ours rather than html5gum's: that full WHATWG tokenizer added about 40 KB (brotli) to
//! the Wasm bundle, a fifth of the page budget, for fragments that are only ever
//! rebuilt from an allow-list. Where this tokenizer reads markup differently from a
//! browser, the result is odd text, never a live element, because nothing it returns
//! is handed to the browser as markup.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    Start {
        name: String,
        attrs: Vec<(String, String)>,
        self_closing: bool,
    },
    End {
        name: String,
    },
    Text(String),
}

/// How the content of an element just started is read, which the tree builder decides
/// (in SVG or MathML, `<style>` is an ordinary element; in HTML it is raw text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Content {
    /// Text up to the element's end tag, as written (`script`, `style`, `xmp`...).
    RawText,
    /// The same with character references decoded (`title`, `textarea`).
    RcData,
    /// Everything to the end of the input is text (`plaintext`).
    PlainText,
}

fn named_reference(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "shy" => '\u{ad}',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "laquo" => '«',
        "raquo" => '»',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "times" => '×',
        "euro" => '€',
        "middot" => '·',
        "bull" => '•',
        _ => return None,
    })
}

/// Decodes character references (`&amp;`, `&#233;`, `&#x1F600;`). Unknown names stay
/// as written.
pub fn decode_references(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let body = &rest[1..];
        let end = body
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .unwrap_or(body.len());
        let name = &body[..end];
        let has_semicolon = body[end..].starts_with(';');
        let decoded = if let Some(num) = name.strip_prefix('#') {
            let value = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => num.parse::<u32>().ok(),
            };
            (!num.is_empty()).then(|| {
                value
                    .filter(|v| *v != 0)
                    .and_then(char::from_u32)
                    .unwrap_or('\u{fffd}')
            })
        } else if has_semicolon || matches!(name, "amp" | "lt" | "gt" | "quot") {
            named_reference(name)
        } else {
            None
        };
        match decoded {
            Some(c) if !name.is_empty() => {
                out.push(c);
                rest = &body[end + usize::from(has_semicolon)..];
            }
            _ => {
                out.push('&');
                rest = body;
            }
        }
    }
    out.push_str(rest);
    out
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c')
}

struct Cursor<'a> {
    s: &'a str,
    i: usize,
}

impl<'a> Cursor<'a> {
    fn rest(&self) -> &'a str {
        &self.s[self.i..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.i += c.len_utf8();
        Some(c)
    }

    fn take_while(&mut self, f: impl Fn(char) -> bool) -> &'a str {
        let start = self.i;
        while let Some(c) = self.peek() {
            if !f(c) {
                break;
            }
            self.i += c.len_utf8();
        }
        &self.s[start..self.i]
    }

    fn skip_past(&mut self, needle: &str) {
        match self.rest().find(needle) {
            Some(p) => self.i += p + needle.len(),
            None => self.i = self.s.len(),
        }
    }
}

fn tag_name(c: &mut Cursor<'_>) -> String {
    c.take_while(|ch| !is_space(ch) && ch != '/' && ch != '>')
        .to_ascii_lowercase()
}

fn attributes(c: &mut Cursor<'_>) -> (Vec<(String, String)>, bool) {
    let mut attrs: Vec<(String, String)> = Vec::new();
    let mut self_closing = false;
    loop {
        c.take_while(is_space);
        match c.peek() {
            None => break,
            Some('>') => {
                c.bump();
                break;
            }
            Some('/') => {
                c.bump();
                self_closing = c.peek() == Some('>');
                continue;
            }
            _ => {}
        }
        self_closing = false;
        let first = c.bump().unwrap_or_default();
        let more = c.take_while(|ch| !is_space(ch) && !matches!(ch, '/' | '>' | '='));
        let name = format!("{first}{more}").to_ascii_lowercase();
        c.take_while(is_space);
        let mut value = String::new();
        if c.peek() == Some('=') {
            c.bump();
            c.take_while(is_space);
            value = match c.peek() {
                Some(q @ ('"' | '\'')) => {
                    c.bump();
                    let v = c.take_while(|ch| ch != q);
                    c.bump();
                    decode_references(v)
                }
                _ => decode_references(c.take_while(|ch| !is_space(ch) && ch != '>')),
            };
        }
        // The first of duplicated attributes wins, as in browsers.
        if !attrs.iter().any(|(n, _)| *n == name) {
            attrs.push((name, value));
        }
    }
    (attrs, self_closing)
}

/// Reads an HTML fragment token by token; the tree builder says, after a start tag,
/// how that element's content is read (`content`).
pub struct Tokenizer<'a> {
    c: Cursor<'a>,
    /// Where the text not yet returned begins.
    text_start: usize,
    /// A tag found after a run of text, returned on the next call.
    pending: Option<Token>,
}

impl<'a> Tokenizer<'a> {
    pub fn new(html: &'a str) -> Self {
        Tokenizer {
            c: Cursor { s: html, i: 0 },
            text_start: 0,
            pending: None,
        }
    }

    /// The content of the element whose start tag was just returned, read as `how`:
    /// its text (if any) and whether its end tag came (then it is consumed too).
    pub fn content(&mut self, name: &str, how: Content) -> (Option<String>, bool) {
        let html = self.c.s;
        let from = self.c.i;
        let (end, closed) = match how {
            Content::PlainText => (html.len(), false),
            Content::RawText | Content::RcData => {
                let close = format!("</{name}");
                let lower = html[from..].to_ascii_lowercase();
                // An end tag is `</name` followed by a space, `/` or `>` (or the end).
                let mut found = None;
                let mut at = 0;
                while let Some(p) = lower[at..].find(&close) {
                    let after = lower[at + p + close.len()..].chars().next();
                    if after.is_none_or(|ch| is_space(ch) || matches!(ch, '/' | '>')) {
                        found = Some(from + at + p);
                        break;
                    }
                    at += p + close.len();
                }
                found.map_or((html.len(), false), |p| (p, true))
            }
        };
        let raw = &html[from..end];
        let text = (!raw.is_empty()).then(|| match how {
            Content::RcData => decode_references(raw),
            _ => raw.to_string(),
        });
        self.c.i = end;
        if closed {
            self.c.i += name.len() + 2;
            self.c.skip_past(">");
        }
        self.text_start = self.c.i;
        (text, closed)
    }
}

impl Iterator for Tokenizer<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        if let Some(t) = self.pending.take() {
            return Some(t);
        }
        let html = self.c.s;
        loop {
            let Some(p) = self.c.rest().find('<') else {
                let start = self.text_start;
                self.text_start = html.len();
                self.c.i = html.len();
                return (start < html.len())
                    .then(|| Token::Text(decode_references(&html[start..])));
            };
            let lt = self.c.i + p;
            let after = &html[lt + 1..];
            let next = after.chars().next();
            let is_markup = matches!(next, Some(ch) if ch.is_ascii_alphabetic() || matches!(ch, '/' | '!' | '?'));
            if !is_markup {
                self.c.i = lt + 1;
                continue;
            }
            let text = (self.text_start < lt)
                .then(|| Token::Text(decode_references(&html[self.text_start..lt])));
            self.c.i = lt + 1;
            let tag = match next {
                Some('!') if after.starts_with("!--") => {
                    self.c.i += 3;
                    self.c.skip_past("-->");
                    None
                }
                Some('!' | '?') => {
                    self.c.skip_past(">");
                    None
                }
                Some('/') => {
                    self.c.bump();
                    if self.c.peek().is_some_and(|ch| ch.is_ascii_alphabetic()) {
                        let name = tag_name(&mut self.c);
                        self.c.skip_past(">");
                        Some(Token::End { name })
                    } else {
                        self.c.skip_past(">");
                        None
                    }
                }
                _ => {
                    let name = tag_name(&mut self.c);
                    let (attrs, self_closing) = attributes(&mut self.c);
                    Some(Token::Start {
                        name,
                        attrs,
                        self_closing,
                    })
                }
            };
            self.text_start = self.c.i;
            match (text, tag) {
                (Some(text), tag) => {
                    self.pending = tag;
                    return Some(text);
                }
                (None, Some(tag)) => return Some(tag),
                (None, None) => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokenize(html: &str) -> Vec<Token> {
        Tokenizer::new(html).collect()
    }

    fn start(name: &str, attrs: &[(&str, &str)]) -> Token {
        Token::Start {
            name: name.into(),
            attrs: attrs
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect(),
            self_closing: false,
        }
    }

    #[test]
    fn tags_attributes_and_text() {
        let t = tokenize("<P Class=x id='y' data-z=\"1 2\" hidden>Hi &amp; bye</p>");
        assert_eq!(
            t,
            vec![
                start(
                    "p",
                    &[
                        ("class", "x"),
                        ("id", "y"),
                        ("data-z", "1 2"),
                        ("hidden", "")
                    ]
                ),
                Token::Text("Hi & bye".into()),
                Token::End { name: "p".into() },
            ]
        );
    }

    #[test]
    fn comments_and_declarations_are_skipped() {
        let t = tokenize("a<!-- <b>x</b> -->b<!doctype html>c<?xml x?>d");
        assert_eq!(
            t,
            vec![
                Token::Text("a".into()),
                Token::Text("b".into()),
                Token::Text("c".into()),
                Token::Text("d".into())
            ]
        );
    }

    #[test]
    fn lone_angle_brackets_are_text() {
        assert_eq!(tokenize("1 < 2 > 0"), vec![Token::Text("1 < 2 > 0".into())]);
    }

    #[test]
    fn raw_text_runs_to_its_end_tag_when_the_builder_asks() {
        let mut t = Tokenizer::new("<script>if (a<b) { x('</p>') }</scriptx></SCRIPT >after");
        assert_eq!(t.next(), Some(start("script", &[])));
        assert_eq!(
            t.content("script", Content::RawText),
            (Some("if (a<b) { x('</p>') }</scriptx>".into()), true)
        );
        assert_eq!(t.next(), Some(Token::Text("after".into())));
        assert_eq!(t.next(), None);
        let mut t = Tokenizer::new("<title>a &amp; b");
        t.next();
        assert_eq!(
            t.content("title", Content::RcData),
            (Some("a & b".into()), false)
        );
        assert_eq!(t.next(), None);
        // Not asked: an ordinary element (a style inside SVG).
        assert_eq!(
            tokenize("<style>a<p>b"),
            vec![
                start("style", &[]),
                Token::Text("a".into()),
                start("p", &[]),
                Token::Text("b".into())
            ]
        );
    }

    #[test]
    fn references() {
        assert_eq!(decode_references("&#60;&#x3C;&#X3c;&lt;"), "<<<<");
        assert_eq!(
            decode_references("&copy; &unknown; & &amp"),
            "© &unknown; & &"
        );
        assert_eq!(
            decode_references("&#0;&#xD800;&#99999999;"),
            "\u{fffd}\u{fffd}\u{fffd}"
        );
        assert_eq!(decode_references("a&#;b"), "a&#;b");
    }

    #[test]
    fn first_duplicate_attribute_wins_and_self_closing_is_seen() {
        assert_eq!(
            tokenize("<img src=a src=b />"),
            vec![Token::Start {
                name: "img".into(),
                attrs: vec![("src".into(), "a".into())],
                self_closing: true
            }]
        );
    }
}
