//! The HTML standard's tokenizer, as the sanitiser needs it: start and end tags with
//! their attributes, text with character references (`references`), comments,
//! doctypes and processing instructions dropped where a browser ends them, CDATA in
//! foreign content read as text; an element's raw text (script, style…) read to the end
//! tag a browser would end it at when the tree builder says the element is one
//! (`Content`), the script-data escapes included.
//!
//! Ours rather than html5gum's: that full tokenizer added about 40 KB (brotli) to the
//! Wasm bundle, a fifth of the page budget; this one keeps the standard's states that
//! decide what is text and where a tag or comment ends, and drops what only names parse
//! errors or builds tokens nobody keeps (doctype names, comment text). The html5lib
//! tokenizer suite holds it to the standard (`tests/html5lib.rs`).

use super::references::decode;

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
    /// Text up to the element's end tag, as written (`style`, `xmp`, `iframe`…).
    RawText,
    /// The same with character references decoded (`title`, `textarea`).
    RcData,
    /// A script's text: as raw text, but an end tag inside `<!-- <script> … -->` does
    /// not end it (the standard's script-data escape states).
    ScriptData,
    /// Everything to the end of the input is text (`plaintext`).
    PlainText,
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c')
}

/// Whether `s[i..]` starts with `</name` followed by what ends a tag name.
fn end_tag_at(s: &str, i: usize, name: &str) -> bool {
    let b = s.as_bytes();
    i + 2 + name.len() < b.len()
        && b[i] == b'<'
        && b[i + 1] == b'/'
        && b[i + 2..i + 2 + name.len()].eq_ignore_ascii_case(name.as_bytes())
        && matches!(
            b[i + 2 + name.len()],
            b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>'
        )
}

/// Whether `s[i..]` is `script` followed by what ends a tag name (the double escapes).
fn script_word_at(s: &str, i: usize) -> bool {
    let b = s.as_bytes();
    i + 6 < b.len()
        && b[i..i + 6].eq_ignore_ascii_case(b"script")
        && matches!(
            b[i + 6],
            b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>'
        )
}

/// Where a script's text ends: the `<` of its end tag, followed through the standard's
/// script-data states (`<!--` escapes; inside it, `<script>` escapes again until
/// `</script>`; `-->` ends both).
fn script_end(s: &str, name: &str) -> Option<usize> {
    #[derive(PartialEq, Clone, Copy)]
    enum S {
        Data,
        Escaped,
        EscapedDash,
        EscapedDashDash,
        Double,
        DoubleDash,
        DoubleDashDash,
    }
    let b = s.as_bytes();
    let mut st = S::Data;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match st {
            S::Data if c == b'<' => {
                if end_tag_at(s, i, name) {
                    return Some(i);
                }
                if b[i + 1..].starts_with(b"!--") {
                    st = S::EscapedDashDash;
                    i += 4;
                    continue;
                }
            }
            S::Data => {}
            S::Escaped | S::EscapedDash | S::EscapedDashDash => match c {
                b'-' if st == S::Escaped => st = S::EscapedDash,
                b'-' => st = S::EscapedDashDash,
                b'<' if end_tag_at(s, i, name) => return Some(i),
                b'<' if script_word_at(s, i + 1) => {
                    st = S::Double;
                    i += 8;
                    continue;
                }
                b'>' if st == S::EscapedDashDash => st = S::Data,
                _ => st = S::Escaped,
            },
            S::Double | S::DoubleDash | S::DoubleDashDash => match c {
                b'-' if st == S::Double => st = S::DoubleDash,
                b'-' => st = S::DoubleDashDash,
                b'<' if b.get(i + 1) == Some(&b'/') && script_word_at(s, i + 2) => {
                    st = S::Escaped;
                    i += 9;
                    continue;
                }
                b'>' if st == S::DoubleDashDash => st = S::Data,
                _ => st = S::Double,
            },
        }
        i += 1;
    }
    None
}

/// Where a comment ends, `s` being what follows `<!--`: the bytes up to and with its
/// `>` (`-->`, `--!>`, or at once in `<!-->` and `<!--->`), or all of `s`.
fn comment_end(s: &str) -> usize {
    if s.starts_with('>') {
        return 1;
    }
    if s.starts_with("->") {
        return 2;
    }
    #[derive(PartialEq, Clone, Copy)]
    enum S {
        Comment,
        Dash,
        End,
        Bang,
    }
    let mut st = S::Comment;
    for (i, c) in s.bytes().enumerate() {
        st = match (st, c) {
            (S::End | S::Bang, b'>') => return i + 1,
            (S::Comment | S::Bang, b'-') => S::Dash,
            (S::Dash | S::End, b'-') => S::End,
            (S::End, b'!') => S::Bang,
            _ => S::Comment,
        };
    }
    s.len()
}

/// Reads an HTML fragment token by token; the tree builder says, after a start tag,
/// how that element's content is read (`content`), and whether the current node is
/// foreign (`foreign`: there, `<![CDATA[…]]>` is text).
pub struct Tokenizer<'a> {
    s: &'a str,
    i: usize,
    /// A tag found after a run of text, returned on the next call.
    pending: Option<Token>,
    pub foreign: bool,
}

impl<'a> Tokenizer<'a> {
    pub fn new(html: &'a str) -> Self {
        Tokenizer {
            s: html,
            i: 0,
            pending: None,
            foreign: false,
        }
    }

    fn rest(&self) -> &'a str {
        &self.s[self.i..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn take_while(&mut self, f: fn(char) -> bool) -> &'a str {
        let rest = self.rest();
        let n = rest.find(|c| !f(c)).unwrap_or(rest.len());
        self.i += n;
        &rest[..n]
    }

    /// Moves past the next `>` (or to the end): bogus comments, doctypes.
    fn skip_tag(&mut self) {
        self.i = self
            .rest()
            .find('>')
            .map_or(self.s.len(), |p| self.i + p + 1);
    }

    /// An attribute value up to one of `stops` (not taken), references decoded; `None` at the
    /// end of the input (a tag cut off there is dropped, as in browsers).
    fn value(&mut self, stops: &[char]) -> Option<String> {
        let rest = self.rest();
        let Some(p) = rest.find(stops) else {
            self.i = self.s.len();
            return None;
        };
        self.i += p;
        let mut out = String::new();
        decode(&rest[..p], true, &mut out);
        Some(out)
    }

    /// A tag's attributes up to its `>`, and whether it ends `/>`; `None` at the end of
    /// the input.
    fn attributes(&mut self) -> Option<(Vec<(String, String)>, bool)> {
        let mut attrs: Vec<(String, String)> = Vec::new();
        loop {
            self.take_while(is_space);
            match self.peek()? {
                '>' => {
                    self.i += 1;
                    return Some((attrs, false));
                }
                '/' => {
                    self.i += 1;
                    if self.peek()? == '>' {
                        self.i += 1;
                        return Some((attrs, true));
                    }
                    continue;
                }
                _ => {}
            }
            // A name's first character may be `=` (`<a =b>` is an attribute "=b").
            let first = self.i;
            self.i += usize::from(self.peek() == Some('='));
            self.take_while(|c| !is_space(c) && !matches!(c, '/' | '>' | '='));
            let name = self.s[first..self.i].to_ascii_lowercase();
            self.take_while(is_space);
            let mut value = String::new();
            if self.peek() == Some('=') {
                self.i += 1;
                self.take_while(is_space);
                match self.peek()? {
                    q @ ('"' | '\'') => {
                        self.i += 1;
                        value = self.value(&[q])?;
                        self.i += 1;
                    }
                    '>' => {}
                    _ => value = self.value(&[' ', '\t', '\n', '\r', '\x0c', '>'])?,
                }
            }
            // The first of duplicated attributes wins, as in browsers.
            if !attrs.iter().any(|(n, _)| *n == name) {
                attrs.push((name, value));
            }
        }
    }

    /// A tag from its name on; `None` when the input ends inside it.
    fn tag(&mut self, end: bool) -> Option<Token> {
        let name = self
            .take_while(|c| !is_space(c) && c != '/' && c != '>')
            .to_ascii_lowercase();
        let (attrs, self_closing) = self.attributes()?;
        Some(if end {
            Token::End { name }
        } else {
            Token::Start {
                name,
                attrs,
                self_closing,
            }
        })
    }

    /// What follows a `<`: a tag, or nothing (comments…) with any text it stands for
    /// pushed to `text`.
    fn markup(&mut self, text: &mut String) -> Option<Token> {
        let rest = self.rest();
        let mut chars = rest.chars();
        match chars.next() {
            Some(c) if c.is_ascii_alphabetic() => self.tag(false),
            Some('/') => match chars.next() {
                Some(c) if c.is_ascii_alphabetic() => {
                    self.i += 1;
                    self.tag(true)
                }
                Some('>') => {
                    self.i += 2;
                    None
                }
                None => {
                    text.push_str("</");
                    self.i += 1;
                    None
                }
                Some(_) => {
                    self.skip_tag();
                    None
                }
            },
            Some('!') if rest.starts_with("!--") => {
                self.i += 3 + comment_end(&rest[3..]);
                None
            }
            Some('!') if self.foreign && rest.starts_with("![CDATA[") => {
                let data = &rest[8..];
                let end = data.find("]]>");
                text.push_str(&data[..end.unwrap_or(data.len())]);
                self.i += 8 + end.map_or(data.len(), |e| e + 3);
                None
            }
            // Doctypes and bogus comments end at the first `>`.
            Some('!' | '?') => {
                self.skip_tag();
                None
            }
            _ => {
                text.push('<');
                None
            }
        }
    }

    /// The content of the element whose start tag was just returned, read as `how`:
    /// its text (if any) and whether its end tag came (then it is consumed too).
    pub fn content(&mut self, name: &str, how: Content) -> (Option<String>, bool) {
        let rest = self.rest();
        let end = match how {
            Content::PlainText => None,
            Content::ScriptData => script_end(rest, name),
            Content::RawText | Content::RcData => {
                let mut at = 0;
                loop {
                    match rest[at..].find("</") {
                        Some(p) if end_tag_at(rest, at + p, name) => break Some(at + p),
                        Some(p) => at += p + 2,
                        None => break None,
                    }
                }
            }
        };
        let raw = &rest[..end.unwrap_or(rest.len())];
        let text = (!raw.is_empty()).then(|| match how {
            Content::RcData => {
                let mut out = String::new();
                decode(raw, false, &mut out);
                out
            }
            _ => raw.to_string(),
        });
        self.i += raw.len();
        // The end tag is read as any tag is (its attributes, quoted `>` and all).
        let closed = end.is_some() && {
            self.i += 2;
            self.tag(true).is_some()
        };
        (text, closed)
    }
}

impl Iterator for Tokenizer<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        if let Some(t) = self.pending.take() {
            return Some(t);
        }
        let mut text = String::new();
        while let Some(p) = self.rest().find('<') {
            decode(&self.rest()[..p], false, &mut text);
            self.i += p + 1;
            if let Some(tag) = self.markup(&mut text) {
                if text.is_empty() {
                    return Some(tag);
                }
                self.pending = Some(tag);
                return Some(Token::Text(text));
            }
        }
        decode(self.rest(), false, &mut text);
        self.i = self.s.len();
        (!text.is_empty()).then_some(Token::Text(text))
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
        assert_eq!(t, vec![Token::Text("abcd".into())]);
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
            t.content("script", Content::ScriptData),
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

    #[test]
    fn comments_end_where_a_browser_ends_them() {
        for html in [
            "FOO<!-- BAR --!>BAZ",
            "FOO<!-->BAZ",
            "FOO<!--->BAZ",
            "FOO<!-- x -- y --->BAZ",
            "FOO<!DOCTYPE html x=\">\">BAZ",
            "FOO<?x>BAZ",
            "FOO</ x>BAZ",
            "FOO</>BAZ",
        ] {
            let text: String = tokenize(html)
                .into_iter()
                .map(|t| match t {
                    Token::Text(t) => t,
                    _ => String::new(),
                })
                .collect();
            assert_eq!(
                text,
                if html.contains("DOCTYPE") {
                    "FOO\">BAZ"
                } else {
                    "FOOBAZ"
                },
                "{html}"
            );
        }
        assert_eq!(tokenize("a<!-- never ends"), vec![Token::Text("a".into())]);
        assert_eq!(tokenize("a</"), vec![Token::Text("a</".into())]);
    }

    #[test]
    fn a_script_ends_where_a_browser_ends_it() {
        let read = |html: &str| {
            let mut t = Tokenizer::new(html);
            t.next();
            let (text, closed) = t.content("script", Content::ScriptData);
            (text.unwrap_or_default(), closed, t.collect::<Vec<_>>())
        };
        let (text, closed, after) = read("<script>'<!-- <sCrIpt>'</script>BAR");
        assert_eq!(
            (text.as_str(), closed, after),
            ("'<!-- <sCrIpt>'</script>BAR", false, vec![])
        );
        let (text, _, after) = read("<script>a<!-- <script> b </script> c --></script>d");
        assert_eq!(text, "a<!-- <script> b </script> c -->");
        assert_eq!(after, vec![Token::Text("d".into())]);
        let (text, _, after) = read("<script>a<!-- b </script>c");
        assert_eq!(
            (text.as_str(), after),
            ("a<!-- b ", vec![Token::Text("c".into())])
        );
        let (_, closed, after) = read("<script></script foo=\">\" dd>BAR");
        assert!(closed);
        assert_eq!(after, vec![Token::Text("BAR".into())]);
    }

    #[test]
    fn cdata_is_text_only_in_foreign_content() {
        assert_eq!(
            tokenize("a<![CDATA[b<c>]]>d"),
            vec![Token::Text("a]]>d".into())]
        );
        let mut t = Tokenizer::new("a<![CDATA[b<c>]]>d");
        t.foreign = true;
        assert_eq!(t.next(), Some(Token::Text("ab<c>d".into())));
    }

    #[test]
    fn a_tag_cut_off_by_the_end_is_dropped() {
        assert_eq!(tokenize("a<b c=\"d"), vec![Token::Text("a".into())]);
        assert_eq!(tokenize("a<b"), vec![Token::Text("a".into())]);
    }
}
