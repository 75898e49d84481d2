//! The allow-list sanitiser for the contract's `html` blocks (old articles' markup).
//!
//! Untrusted markup is tokenised (`tokenizer`) and rebuilt as a small tree of allowed
//! elements and attributes. Views turn that tree into DOM nodes one by
//! one; the markup itself never reaches `innerHTML`, so whatever the tokenizer and a
//! browser might disagree on, the worst outcome is odd text, never a live element.
//!
//! So that no text a browser would show is lost, the rebuild follows the HTML
//! standard's tree construction where it decides what is shown (`Builder`): which
//! elements hide their content, where an element is closed, raw text and foreign
//! content. `tests/browser/differential.test.mjs` holds it to Chromium's own parser.

#[cfg(test)]
mod html5lib;
mod references;
mod tokenizer;

#[cfg(target_arch = "wasm32")]
pub use references::{Named, decode_named_with};

use tokenizer::{Content, Token, Tokenizer};

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

/// HTML elements kept as they are.
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
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "samp",
    "small",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "u",
    "ul",
    "var",
];

/// MathML's presentation elements that are kept (MathML Core's): formulas read as
/// formulas, and a browser shows of them what it would show of the original (the
/// first choice of an `maction`, nothing of an `mphantom`). They load and run nothing,
/// and they keep no attribute but `display`.
pub const MATHML: &[&str] = &[
    "annotation",
    "maction",
    "math",
    "menclose",
    "merror",
    "mfrac",
    "mi",
    "mmultiscripts",
    "mn",
    "mo",
    "mover",
    "mpadded",
    "mphantom",
    "mprescripts",
    "mroot",
    "mrow",
    "ms",
    "mspace",
    "msqrt",
    "mstyle",
    "msub",
    "msubsup",
    "msup",
    "mtable",
    "mtd",
    "mtext",
    "mtr",
    "munder",
    "munderover",
    "semantics",
];

/// HTML elements shown as a kept one: a story's own title is its page's only `h1`, and
/// sections of an old page read as blocks.
fn renamed(name: &str) -> Option<&'static str> {
    Some(match name {
        "h1" => "h2",
        "dialog" => "div",
        "xmp" | "listing" | "plaintext" => "pre",
        "image" => "img",
        "address" | "article" | "aside" | "center" | "footer" | "header" | "hgroup" | "main"
        | "nav" | "search" | "section" => "div",
        _ => return None,
    })
}

/// Elements without content or end tag.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
    "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements whose content a browser does not show: script and style carriers, frames
/// and plug-ins (their content is a fallback the browser does not need), media,
/// templates, a `<noscript>` (the page runs script), a ruby's fallback parentheses
/// (`rp`), a dialog not open, and SVG drawings (kept out: their
/// markup can carry script and styles). Everything in them is dropped, up to the end
/// tag that closes them where a browser would close them.
const HIDDEN: &[&str] = &[
    "applet", "audio", "canvas", "datalist", "iframe", "noembed", "noframes", "noscript", "object",
    "rp", "script", "select", "style", "svg", "template", "title", "video",
];

/// Elements a new part of a ruby closes (the standard's "implied end tags").
const IMPLIED_END: &[&str] = &[
    "dd", "dt", "li", "optgroup", "option", "p", "rb", "rp", "rt", "rtc",
];

/// Tags a browser ignores in a body (the element is not made; its content stays).
const IGNORED: &[&str] = &["body", "frameset", "head", "html"];

/// How an HTML element's content is read (raw text is an HTML rule only: in SVG or
/// MathML these are ordinary elements).
fn content(name: &str) -> Option<Content> {
    Some(match name {
        "iframe" | "noembed" | "noframes" | "noscript" | "style" | "xmp" => Content::RawText,
        "script" => Content::ScriptData,
        "textarea" | "title" => Content::RcData,
        "plaintext" => Content::PlainText,
        _ => return None,
    })
}

/// The HTML standard's "special" elements: an end tag of an ordinary element never
/// closes one.
const SPECIAL: &[&str] = &[
    "address",
    "applet",
    "area",
    "article",
    "aside",
    "base",
    "basefont",
    "bgsound",
    "blockquote",
    "body",
    "br",
    "button",
    "caption",
    "center",
    "col",
    "colgroup",
    "dd",
    "details",
    "dir",
    "div",
    "dl",
    "dt",
    "embed",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "frame",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "iframe",
    "img",
    "input",
    "keygen",
    "li",
    "link",
    "listing",
    "main",
    "marquee",
    "menu",
    "meta",
    "nav",
    "noembed",
    "noframes",
    "noscript",
    "object",
    "ol",
    "p",
    "param",
    "plaintext",
    "pre",
    "script",
    "search",
    "section",
    "select",
    "source",
    "style",
    "summary",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "track",
    "ul",
    "wbr",
    "xmp",
];

/// Start tags that close an open `<p>` first.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dd",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "listing",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "plaintext",
    "pre",
    "search",
    "section",
    "summary",
    "table",
    "ul",
    "xmp",
];

/// What bounds the search for an open element (the standard's "has an element in scope").
const SCOPE: &[&str] = &[
    "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template",
];

const HEADINGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];

/// Start tags a browser ignores outside a table (and the `table` itself).
const TABLE_PARTS: &[&str] = &[
    "caption", "col", "colgroup", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
];

/// A table's elements that hold only table parts: anything else in them goes before
/// the table.
const TABLE_ROWS: &[&str] = &["table", "tbody", "tfoot", "thead", "tr"];

/// Deeper markup is flattened: it keeps the rebuild cheap and bounded on hostile input.
const MAX_DEPTH: usize = 32;
/// Open elements beyond this are not tracked (their tags are ignored, their text kept):
/// closing an element searches the open ones, so this bounds the work per tag.
const MAX_OPEN: usize = 512;

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
            ("details", "open") => Some(("open", String::new())),
            ("time", "datetime") => Some(("datetime", value)),
            ("math", "display") => {
                matches!(value.as_str(), "block" | "inline").then_some(("display", value))
            }
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ns {
    Html,
    Svg,
    Math,
}

/// What becomes of an open element.
enum Kind {
    /// Kept in the tree, with what it holds so far.
    Kept {
        tag: &'static str,
        attrs: Vec<(&'static str, String)>,
        children: Vec<Node>,
    },
    /// Not kept; its content is (a `<span>`, a `<button>`, an unknown tag).
    Unwrapped,
    /// Not kept, and neither is anything inside it.
    Hidden,
}

struct Open {
    /// As written (lower case), for matching its end tag.
    name: String,
    ns: Ns,
    kind: Kind,
    /// The open kept element (an index in `Builder::open`; `None`: the fragment) that
    /// this one goes into when it is closed...
    parent: Option<usize>,
    /// ...and the one its content goes into: itself if it is kept, else its parent.
    into: Option<usize>,
    /// A MathML `annotation-xml` that says it holds HTML (`encoding="text/html"`).
    holds_html: bool,
}

impl Open {
    /// Where foreign content lets HTML in: MathML's text elements, an `annotation-xml`
    /// of HTML, and SVG's `foreignObject`, `desc` and `title` (the standard's
    /// integration points).
    fn lets_html_in(&self, token: &str) -> bool {
        match self.ns {
            Ns::Math => {
                self.holds_html
                    || matches!(self.name.as_str(), "mi" | "mo" | "mn" | "ms" | "mtext")
                        && !matches!(token, "mglyph" | "malignmark")
            }
            Ns::Svg => matches!(self.name.as_str(), "foreignobject" | "desc" | "title"),
            Ns::Html => true,
        }
    }
}

/// The standard's tree construction, where it decides which text is shown: the open
/// elements (kept, unwrapped or hidden), the end tags that close them, the start tags
/// that close others first, and foreign content.
struct Builder {
    root: Vec<Node>,
    open: Vec<Open>,
    /// Hidden elements among the open ones: text is dropped while there is one.
    hidden: usize,
    /// Kept elements among the open ones.
    kept: usize,
}

impl Builder {
    /// Where new content goes (`None`: the fragment). Content that cannot live in a
    /// table (text, most elements) goes before it, into the table's parent, as a
    /// browser puts it ("foster parenting"): then the pre-rendered HTML of the tree reads
    /// back as the same tree.
    fn target(&self, fosterable: bool) -> Option<usize> {
        let top = self.open.last()?;
        if fosterable
            && top.ns == Ns::Html
            && TABLE_ROWS.contains(&top.name.as_str())
            && let Some(t) = self.open_html_at("table")
        {
            return self.open[t].parent;
        }
        top.into
    }

    fn children_at(&mut self, at: Option<usize>) -> &mut Vec<Node> {
        match at.map(|i| &mut self.open[i].kind) {
            Some(Kind::Kept { children, .. }) => children,
            _ => &mut self.root,
        }
    }

    fn text(&mut self, s: &str) {
        if s.is_empty() || self.hidden > 0 {
            return;
        }
        // Control characters show nothing, and the pre-rendered page cannot carry them
        // (`escape`): dropped here, both paths show the same.
        let controls = |c: char| c.is_control() && !matches!(c, '\n' | '\t' | '\r');
        let cleaned;
        let s = if s.contains(controls) {
            cleaned = s.replace(controls, "");
            cleaned.as_str()
        } else {
            s
        };
        if s.is_empty() {
            return;
        }
        let at = self.target(!s.chars().all(char::is_whitespace));
        let children = self.children_at(at);
        if let Some(Node::Text(t)) = children.last_mut() {
            t.push_str(s);
        } else {
            children.push(Node::Text(s.to_string()));
        }
    }

    fn pop(&mut self) {
        let Some(o) = self.open.pop() else { return };
        match o.kind {
            Kind::Kept {
                tag,
                attrs,
                children,
            } => {
                self.kept -= 1;
                if self.hidden == 0 {
                    self.children_at(o.parent).push(Node::Element {
                        tag,
                        attrs,
                        children,
                    });
                }
            }
            Kind::Hidden => self.hidden -= 1,
            Kind::Unwrapped => {}
        }
    }

    /// Closes the open elements down to and with the one at `i`.
    fn pop_to(&mut self, i: usize) {
        while self.open.len() > i {
            self.pop();
        }
    }

    /// Opens an element; false when too many are open (then it is not tracked).
    fn push(&mut self, name: &str, ns: Ns, kind: Kind) -> bool {
        if self.open.len() >= MAX_OPEN {
            return false;
        }
        let kind = match kind {
            Kind::Kept { .. } if self.kept >= MAX_DEPTH => Kind::Unwrapped,
            kind => kind,
        };
        let parent = self.target(ns != Ns::Html || !TABLE_PARTS.contains(&name));
        let into = match kind {
            Kind::Kept { .. } => {
                self.kept += 1;
                Some(self.open.len())
            }
            Kind::Hidden => {
                self.hidden += 1;
                parent
            }
            Kind::Unwrapped => parent,
        };
        self.open.push(Open {
            name: name.to_string(),
            ns,
            kind,
            parent,
            into,
            holds_html: false,
        });
        true
    }

    fn void(&mut self, tag: &'static str, attrs: Vec<(&'static str, String)>) {
        if self.hidden > 0 || tag == "img" && !attrs.iter().any(|(n, _)| *n == "src") {
            return;
        }
        let at = self.target(true);
        self.children_at(at).push(Node::Element {
            tag,
            attrs,
            children: Vec::new(),
        });
    }

    /// The nearest open HTML element named one of `names`, not beyond a scope boundary
    /// (`SCOPE` and `extra`) or foreign content's HTML openings.
    fn in_scope(&self, names: &[&str], extra: &[&str]) -> Option<usize> {
        for (i, o) in self.open.iter().enumerate().rev() {
            if o.ns == Ns::Html && names.contains(&o.name.as_str()) {
                return Some(i);
            }
            let boundary = match o.ns {
                Ns::Html => SCOPE.contains(&o.name.as_str()) || extra.contains(&o.name.as_str()),
                _ => o.lets_html_in(""),
            };
            if boundary {
                return None;
            }
        }
        None
    }

    fn close_in_scope(&mut self, names: &[&str], extra: &[&str]) {
        if let Some(i) = self.in_scope(names, extra) {
            self.pop_to(i);
        }
    }

    /// Closes the nearest open `names` of the current table (the standard's "table
    /// scope": a cell does not bound it, so a new row or the table's end closes cells).
    fn close_in_table(&mut self, names: &[&str]) {
        for (i, o) in self.open.iter().enumerate().rev() {
            if o.ns != Ns::Html {
                continue;
            }
            if names.contains(&o.name.as_str()) {
                return self.pop_to(i);
            }
            if matches!(o.name.as_str(), "html" | "table" | "template") {
                return;
            }
        }
    }

    /// The nearest open `names` before any special element but `address`, `div` and
    /// `p` (how a new `<li>` or `<dd>` closes the last).
    fn close_item(&mut self, names: &[&str]) {
        for (i, o) in self.open.iter().enumerate().rev() {
            if o.ns != Ns::Html {
                return;
            }
            if names.contains(&o.name.as_str()) {
                self.pop_to(i);
                return;
            }
            if SPECIAL.contains(&o.name.as_str())
                && !matches!(o.name.as_str(), "address" | "div" | "p")
            {
                return;
            }
        }
    }

    fn open_html_at(&self, name: &str) -> Option<usize> {
        self.open
            .iter()
            .rposition(|o| o.ns == Ns::Html && o.name == name)
    }

    fn open_html(&self, name: &str) -> bool {
        self.open_html_at(name).is_some()
    }

    /// The open list box, if the current node is in one (not inside a template).
    fn open_select(&self) -> Option<usize> {
        for (i, o) in self.open.iter().enumerate().rev() {
            match (o.ns, o.name.as_str()) {
                (Ns::Html, "select") => return Some(i),
                (Ns::Html, "template") => return None,
                _ => {}
            }
        }
        None
    }

    /// Whether the open list box at `select` is in a table.
    fn in_table(&self, select: usize) -> bool {
        self.open[..select]
            .iter()
            .any(|o| o.ns == Ns::Html && o.name == "table")
    }

    /// Closes the foreign elements down to HTML, or to where `token` may be HTML.
    fn leave_foreign(&mut self, token: &str) {
        while let Some(top) = self.open.last() {
            if top.ns == Ns::Html || top.lets_html_in(token) {
                break;
            }
            self.pop();
        }
    }

    /// Does the current node read this start tag as foreign content?
    fn foreign(&self, name: &str) -> Option<Ns> {
        let top = self.open.last()?;
        (top.ns != Ns::Html && !top.lets_html_in(name)).then_some(top.ns)
    }

    fn start(
        &mut self,
        tokens: &mut Tokenizer<'_>,
        name: String,
        attrs: Vec<(String, String)>,
        self_closing: bool,
        base: &str,
    ) {
        if let Some(ns) = self.foreign(&name) {
            let breaks_out = BREAKOUT.contains(&name.as_str())
                || name == "font"
                    && attrs
                        .iter()
                        .any(|(a, _)| matches!(a.as_str(), "color" | "face" | "size"));
            if !breaks_out {
                let ns = match name.as_str() {
                    "svg" => Ns::Svg,
                    "math" => Ns::Math,
                    _ => ns,
                };
                let holds_html = name == "annotation-xml"
                    && attrs.iter().any(|(a, v)| {
                        a == "encoding"
                            && (v.eq_ignore_ascii_case("text/html")
                                || v.eq_ignore_ascii_case("application/xhtml+xml"))
                    });
                let kind = match ns {
                    Ns::Math if name == "annotation-xml" => Kind::Hidden,
                    Ns::Math => match MATHML.iter().copied().find(|t| *t == name) {
                        Some(tag) => Kind::Kept {
                            tag,
                            attrs: allowed_attrs(tag, attrs.into_iter(), base),
                            children: Vec::new(),
                        },
                        None => Kind::Unwrapped,
                    },
                    _ => Kind::Hidden,
                };

                if self.push(&name, ns, kind) {
                    if self_closing {
                        self.pop_to(self.open.len() - 1);
                    } else if let Some(top) = self.open.last_mut() {
                        top.holds_html = holds_html;
                    }
                }
                return;
            }
            // An HTML element that cannot live in SVG or MathML ends it, as in browsers.
            self.leave_foreign(&name);
        }
        self.html_start(tokens, name, attrs, self_closing, base);
    }

    fn html_start(
        &mut self,
        tokens: &mut Tokenizer<'_>,
        name: String,
        attrs: Vec<(String, String)>,
        self_closing: bool,
        base: &str,
    ) {
        let n = name.as_str();
        // A form in a form is ignored (so the current node stays what it was: in MathML,
        // that decides whether a `<style>` after it is raw text).
        if IGNORED.contains(&n)
            || n != "table" && TABLE_PARTS.contains(&n) && !self.open_html("table")
            || n == "form" && self.open_html("form")
        {
            return;
        }
        // A table started where a table's rows go ends that table first.
        if n == "table"
            && self
                .open
                .last()
                .is_some_and(|o| o.ns == Ns::Html && TABLE_ROWS.contains(&o.name.as_str()))
            && let Some(i) = self.open_html_at("table")
        {
            self.pop_to(i);
        }
        // A list box holds options only: other tags are ignored, and a new list box or
        // text field closes it, and so does a table's part in a list box in a table.
        if let Some(i) = self.open_select() {
            match n {
                "select" => return self.pop_to(i),
                "input" | "textarea" => self.pop_to(i),
                _ if TABLE_PARTS.contains(&n) && self.in_table(i) => self.pop_to(i),
                "option" | "optgroup" | "hr" | "script" | "template" => {}
                _ => return,
            }
        }
        if CLOSES_P.contains(&n) {
            self.close_in_scope(&["p"], &["button"]);
        }
        match n {
            "li" => self.close_item(&["li"]),
            "dd" | "dt" => self.close_item(&["dd", "dt"]),
            "button" => self.close_in_scope(&["button"], &[]),
            "a" => {
                if let Some(i) = self.open_html_at("a") {
                    self.pop_to(i);
                }
            }
            "td" | "th" => self.close_in_table(&["td", "th"]),
            "tr" => self.close_in_table(&["tr"]),
            // Ruby's parts end the one before (an `rt` not its `rtc`).
            "rb" | "rp" | "rt" | "rtc" if self.in_scope(&["ruby"], &[]).is_some() => {
                let keep = if n == "rtc" || n == "rb" { "" } else { "rtc" };
                while let Some(top) = self.open.last().filter(|o| o.ns == Ns::Html) {
                    if top.name == keep || !IMPLIED_END.contains(&top.name.as_str()) {
                        break;
                    }
                    self.pop();
                }
            }
            "tbody" | "thead" | "tfoot" => self.close_in_table(&["tbody", "thead", "tfoot"]),
            _ if HEADINGS.contains(&n)
                && self
                    .open
                    .last()
                    .is_some_and(|o| o.ns == Ns::Html && HEADINGS.contains(&o.name.as_str())) =>
            {
                self.pop_to(self.open.len() - 1);
            }
            _ => {}
        }
        let tag = allowed_tag(n).or_else(|| renamed(n));
        if VOID.contains(&n) || n == "image" {
            if let Some(tag) = tag {
                self.void(tag, allowed_attrs(tag, attrs.into_iter(), base));
            }
            return;
        }
        let ns = match n {
            "svg" => Ns::Svg,
            "math" => Ns::Math,
            _ => Ns::Html,
        };
        let tag = tag.or((ns == Ns::Math).then_some("math"));
        // A dialog shows only when it is open.
        let closed_dialog = n == "dialog" && !attrs.iter().any(|(a, _)| a == "open");
        let kind = if HIDDEN.contains(&n) || closed_dialog {
            Kind::Hidden
        } else if let Some(tag) = tag {
            Kind::Kept {
                tag,
                attrs: allowed_attrs(tag, attrs.into_iter(), base),
                children: Vec::new(),
            }
        } else {
            Kind::Unwrapped
        };
        let pushed = self.push(n, ns, kind);
        // Only foreign elements close themselves (`<svg/>`); `<div/>` stays open.
        if ns != Ns::Html && self_closing {
            if pushed {
                self.pop_to(self.open.len() - 1);
            }
            return;
        }
        if let Some(how) = content(n) {
            let (text, closed) = tokens.content(n, how);
            if let Some(text) = text.filter(|_| !HIDDEN.contains(&n)) {
                self.text(&text);
            }
            if pushed && (closed || how == Content::PlainText) {
                self.pop_to(self.open.len() - 1);
            }
        }
    }

    fn end(&mut self, name: &str) {
        // In foreign content, `</p>` and `</br>` end it; another end tag closes the
        // foreign element of its name.
        if matches!(name, "p" | "br") {
            self.leave_foreign("");
        }
        for (i, o) in self.open.iter().enumerate().rev() {
            if o.ns == Ns::Html {
                break;
            }
            if o.name.eq_ignore_ascii_case(name) {
                self.pop_to(i);
                return;
            }
        }
        if let Some(i) = self.open_select() {
            let table_end = TABLE_PARTS.contains(&name) && self.in_table(i) && self.open_html(name);
            if name == "select" || table_end {
                self.pop_to(i);
            }
            if !table_end && !matches!(name, "option" | "optgroup" | "template") {
                return;
            }
        }
        match name {
            _ if IGNORED.contains(&name) => {}
            // `</br>` is read as `<br>`.
            "br" => self.void("br", Vec::new()),
            "p" => self.close_in_scope(&["p"], &["button"]),
            "li" => self.close_in_scope(&["li"], &["ol", "ul"]),
            "table" | "caption" | "tbody" | "td" | "tfoot" | "th" | "thead" | "tr" => {
                self.close_in_table(&[name]);
            }
            _ if HEADINGS.contains(&name) => self.close_in_scope(HEADINGS, &[]),
            // A template ends at its end tag whatever is open in it (a table's cell…).
            "template" => {
                if let Some(i) = self.open_html_at("template") {
                    self.pop_to(i);
                }
            }
            _ if SPECIAL.contains(&name) || name == "dialog" => self.close_in_scope(&[name], &[]),
            _ => {
                for (i, o) in self.open.iter().enumerate().rev() {
                    if o.ns == Ns::Html && o.name == name {
                        self.pop_to(i);
                        return;
                    }
                    if SPECIAL.contains(&o.name.as_str()) {
                        return;
                    }
                }
            }
        }
    }

    fn finish(mut self) -> Vec<Node> {
        self.pop_to(0);
        self.root
    }
}

/// Sanitises an untrusted HTML fragment. `base` is the page URL that relative links and
/// image sources resolve against.
pub fn sanitize(html: &str, base: &str) -> Vec<Node> {
    let mut b = Builder {
        root: Vec::new(),
        open: Vec::new(),
        hidden: 0,
        kept: 0,
    };
    // Line breaks as the standard's input stream has them.
    let html = if html.contains('\r') {
        std::borrow::Cow::Owned(html.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        std::borrow::Cow::Borrowed(html)
    };
    let mut tokens = Tokenizer::new(&html);
    loop {
        tokens.foreign = b.open.last().is_some_and(|o| o.ns != Ns::Html);
        let Some(token) = tokens.next() else { break };
        match token {
            Token::Start {
                name,
                attrs,
                self_closing,
            } => b.start(&mut tokens, name, attrs, self_closing, base),
            Token::End { name } => b.end(&name),
            Token::Text(t) => b.text(&t),
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
