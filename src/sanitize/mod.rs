//! The allow-list sanitiser for the contract's `html` blocks (old articles' markup).
//!
//! Untrusted markup is tokenised (`tokenizer`) and rebuilt as a small tree of allowed
//! elements and attributes. Views turn that tree into DOM nodes one by
//! one; the markup itself never reaches `innerHTML`, so whatever the tokenizer and a
//! browser might disagree on, the worst outcome is odd text, never a live element.

mod tokenizer;

use tokenizer::{Token, tokenize};

use crate::contract::url::{Link, MediaUrl};

/// A sanitised node. Tag and attribute names are `'static` because they can only come
/// from the allow-lists below.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    Text(String),
    Element {
        tag: &'static str,
        attrs: Vec<(&'static str, String)>,
        children: Vec<Node>,
    },
}

/// Elements kept as they are.
const ALLOWED: &[&str] = &[
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "dd",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h2",
    "h3",
    "h4",
    "hr",
    "i",
    "img",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "small",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
];

/// Elements without children.
const VOID: &[&str] = &["br", "hr", "img"];

/// Elements dropped together with everything inside them: script and style carriers,
/// frames and plug-ins, forms' controls, and foreign (SVG, MathML) content whose parsing
/// rules differ from HTML's.
const DROP_WITH_CONTENT: &[&str] = &[
    "applet",
    "audio",
    "base",
    "button",
    "canvas",
    "embed",
    "frame",
    "frameset",
    "head",
    "iframe",
    "input",
    "link",
    "math",
    "meta",
    "noembed",
    "noframes",
    "noscript",
    "object",
    "option",
    "param",
    "plaintext",
    "script",
    "select",
    "source",
    "style",
    "svg",
    "template",
    "textarea",
    "title",
    "track",
    "video",
    "xmp",
];

/// Deeper markup is flattened: it keeps the rebuild cheap and bounded on hostile input.
const MAX_DEPTH: usize = 32;

fn allowed_tag(name: &str) -> Option<&'static str> {
    ALLOWED.iter().copied().find(|t| *t == name)
}

fn digits(v: &str) -> Option<String> {
    let v = v.trim();
    (!v.is_empty() && v.len() <= 4 && v.bytes().all(|b| b.is_ascii_digit())).then(|| v.to_string())
}

/// The attributes kept for `tag`, with URL attributes checked by `contract::url`.
fn allowed_attrs(
    tag: &str,
    attrs: impl Iterator<Item = (String, String)>,
    base: &str,
) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    for (name, value) in attrs {
        let kept = match (tag, name.as_str()) {
            ("a", "href") => Link::check(&value, base).map(|v| ("href", v.as_str().to_string())),
            ("img", "src") => {
                MediaUrl::check(&value, base).map(|v| ("src", v.as_str().to_string()))
            }
            ("img", "alt") => Some(("alt", value)),
            ("img", "width") => digits(&value).map(|v| ("width", v)),
            ("img", "height") => digits(&value).map(|v| ("height", v)),
            ("td" | "th", "colspan") => digits(&value).map(|v| ("colspan", v)),
            ("td" | "th", "rowspan") => digits(&value).map(|v| ("rowspan", v)),
            ("th", "scope") => matches!(value.as_str(), "row" | "col" | "rowgroup" | "colgroup")
                .then_some(("scope", value)),
            ("ol", "start") => digits(&value).map(|v| ("start", v)),
            ("abbr" | "a", "title") => Some(("title", value)),
            _ => None,
        };
        out.extend(kept);
    }
    if tag == "a" && out.iter().any(|(n, _)| *n == "href") {
        out.push(("rel", "noopener noreferrer nofollow ugc".to_string()));
    }
    if tag == "img" {
        out.push(("loading", "lazy".to_string()));
    }
    out
}

struct Open {
    tag: &'static str,
    attrs: Vec<(&'static str, String)>,
    children: Vec<Node>,
}

struct Builder {
    root: Vec<Node>,
    open: Vec<Open>,
}

impl Builder {
    fn children(&mut self) -> &mut Vec<Node> {
        match self.open.last_mut() {
            Some(o) => &mut o.children,
            None => &mut self.root,
        }
    }

    fn text(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        let children = self.children();
        if let Some(Node::Text(t)) = children.last_mut() {
            t.push_str(s);
        } else {
            children.push(Node::Text(s.to_string()));
        }
    }

    fn close_top(&mut self) {
        if let Some(o) = self.open.pop() {
            let node = Node::Element {
                tag: o.tag,
                attrs: o.attrs,
                children: o.children,
            };
            self.children().push(node);
        }
    }

    fn start(&mut self, tag: &'static str, attrs: Vec<(&'static str, String)>) {
        if tag == "img" && !attrs.iter().any(|(n, _)| *n == "src") {
            return;
        }
        if VOID.contains(&tag) {
            self.children().push(Node::Element {
                tag,
                attrs,
                children: Vec::new(),
            });
        } else if self.open.len() < MAX_DEPTH {
            // A link inside a link is not valid HTML; close the outer one as browsers do.
            if tag == "a" && self.open.iter().any(|o| o.tag == "a") {
                self.end("a");
            }
            self.open.push(Open {
                tag,
                attrs,
                children: Vec::new(),
            });
        }
    }

    fn end(&mut self, tag: &str) {
        if let Some(i) = self.open.iter().rposition(|o| o.tag == tag) {
            while self.open.len() > i {
                self.close_top();
            }
        }
    }

    fn finish(mut self) -> Vec<Node> {
        while !self.open.is_empty() {
            self.close_top();
        }
        self.root
    }
}

/// Sanitises an untrusted HTML fragment. `base` is the page URL that relative links and
/// image sources resolve against.
pub fn sanitize(html: &str, base: &str) -> Vec<Node> {
    let mut b = Builder {
        root: Vec::new(),
        open: Vec::new(),
    };
    // Inside a dropped element: its name and how many of it are open.
    let mut dropping: Option<(String, usize)> = None;
    for token in tokenize(html) {
        match token {
            Token::Start {
                name,
                attrs,
                self_closing,
            } => {
                if let Some((d, depth)) = &mut dropping {
                    // Foreign content (SVG, MathML) ends at an HTML element that cannot
                    // live in it, as in browsers: an unclosed <svg> does not hide the
                    // rest of the article.
                    let breaks_out =
                        matches!(d.as_str(), "svg" | "math") && BREAKOUT.contains(&name.as_str());
                    if !breaks_out {
                        if *d == name && !self_closing {
                            *depth += 1;
                        }
                        continue;
                    }
                    dropping = None;
                }
                if DROP_WITH_CONTENT.contains(&name.as_str()) {
                    if !self_closing && !VOID_DROPPED.contains(&name.as_str()) {
                        dropping = Some((name, 1));
                    }
                    continue;
                }
                if let Some(tag) = allowed_tag(&name) {
                    b.start(tag, allowed_attrs(tag, attrs.into_iter(), base));
                }
            }
            Token::End { name } => {
                if let Some((d, depth)) = &mut dropping {
                    if *d == name {
                        *depth -= 1;
                        if *depth == 0 {
                            dropping = None;
                        }
                    }
                    continue;
                }
                if let Some(tag) = allowed_tag(&name) {
                    b.end(tag);
                }
            }
            Token::Text(t) if dropping.is_none() => b.text(&t),
            Token::Text(_) => {}
        }
    }
    b.finish()
}

/// HTML start tags that end foreign content (HTML spec, "parsing main in foreign content").
const BREAKOUT: &[&str] = &[
    "b",
    "big",
    "blockquote",
    "body",
    "br",
    "center",
    "code",
    "dd",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "hr",
    "i",
    "img",
    "li",
    "listing",
    "menu",
    "meta",
    "nobr",
    "ol",
    "p",
    "pre",
    "ruby",
    "s",
    "small",
    "span",
    "strike",
    "strong",
    "sub",
    "sup",
    "table",
    "tt",
    "u",
    "ul",
    "var",
];

/// Dropped elements that have no end tag, so nothing after them is dropped.
const VOID_DROPPED: &[&str] = &[
    "base", "embed", "input", "link", "meta", "param", "source", "track",
];
/// Writes `text` escaped for HTML or XML content and quoted attribute values. Control
/// characters, which XML 1.0 does not allow, are dropped.
pub fn escape(text: &str, out: &mut String) {
    let special = |c: char| {
        matches!(c, '&' | '<' | '>' | '"' | '\'')
            || c.is_control() && !matches!(c, '\n' | '\t' | '\r')
    };
    // Runs of plain text are copied whole: most text has nothing to escape, and the
    // pre-render step escapes every page's head and every sitemap entry.
    let mut rest = text;
    while let Some(i) = rest.find(special) {
        out.push_str(&rest[..i]);
        let c = rest[i..].chars().next().unwrap_or_default();
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => {}
        }
        rest = &rest[i + c.len_utf8()..];
    }
    out.push_str(rest);
}

/// The tree as HTML text, for the pre-render step (in the browser the nodes are built
/// one by one). Every text and attribute value is escaped; tags and attribute names
/// come from the allow-list.
pub fn to_html(nodes: &[Node]) -> String {
    fn write(nodes: &[Node], out: &mut String) {
        for node in nodes {
            match node {
                Node::Text(t) => escape(t, out),
                Node::Element {
                    tag,
                    attrs,
                    children,
                } => {
                    out.push('<');
                    out.push_str(tag);
                    for (name, value) in attrs {
                        out.push(' ');
                        out.push_str(name);
                        out.push_str("=\"");
                        escape(value, out);
                        out.push('"');
                    }
                    out.push('>');
                    if !VOID.contains(tag) {
                        write(children, out);
                        out.push_str("</");
                        out.push_str(tag);
                        out.push('>');
                    }
                }
            }
        }
    }
    let mut out = String::new();
    write(nodes, &mut out);
    out
}
