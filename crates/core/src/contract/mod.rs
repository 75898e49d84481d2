//! Types of the backend's JSON contract (`shared/api-contract.md`, v1.1), decoded with serde.
//!
//! Tolerance the contract asks for: unknown fields are ignored (serde's default), optional
//! fields may be absent or `null`, body blocks of an unknown `type` are skipped. Beyond the
//! letter of the contract, one malformed entry of a list (a block, a summary) is skipped
//! rather than failing the whole page, and a time that is not RFC 3339 is treated as
//! absent: a reader would rather see the rest of the story than an error.
//!
//! Every URL is checked as it is decoded (`url`): a view gets a link it may follow or a
//! source it may load, never the backend's string. The backend's paths are `paths`.
//!
//! The same types serialise the demo tree (`crates/publish/src/bin/demo_gen/`), so the demo can never
//! drift from what the app decodes.

use serde::de::{DeserializeOwned, Deserializer};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

pub mod paths;
pub mod url;

use crate::logic::dates::Timestamp;
use url::{FetchUrl, Link, MediaUrl, SrcSet};

// Entries are captured as raw JSON text and decoded again with the same string
// deserializer: going through `serde_json::Value` instead would compile a second
// decoder for every type into the Wasm bundle.

/// Decodes a list, dropping entries that do not decode instead of failing the list.
fn lenient_vec<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned,
{
    let raw: Option<Vec<&RawValue>> = Option::deserialize(d)?;
    Ok(raw
        .unwrap_or_default()
        .into_iter()
        .filter_map(|v| serde_json::from_str(v.get()).ok())
        .collect())
}

/// Decodes an optional value, treating one of the wrong shape as absent.
fn lenient_opt<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned,
{
    let raw: Option<&RawValue> = Option::deserialize(d)?;
    Ok(raw.and_then(|v| serde_json::from_str(v.get()).ok()))
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Site {
    pub name: String,
    pub lang: String,
    #[serde(default, deserialize_with = "lenient_vec")]
    pub editions: Vec<EditionLink>,
    #[serde(default, deserialize_with = "lenient_vec")]
    pub sections: Vec<SectionInfo>,
    #[serde(default, deserialize_with = "lenient_vec")]
    pub social: Vec<Social>,
    #[serde(default, deserialize_with = "lenient_vec")]
    pub apps: Vec<AppLink>,
    #[serde(default, deserialize_with = "lenient_opt")]
    pub telegram: Option<Link>,
    #[serde(default)]
    pub notice: Option<String>,
    #[serde(default)]
    pub copyright: Option<String>,
    #[serde(default, deserialize_with = "lenient_opt")]
    pub search: Option<SearchConfig>,
    #[serde(default, deserialize_with = "lenient_vec")]
    pub ads: Vec<AdSpec>,
    /// Beyond the contract: how often, in seconds, an open live story asks for its
    /// newest posts again (`components::live` keeps it within 5 s to 10 min; 30 s when
    /// absent). A newsroom tunes it to its CDN's cache time and its own pace.
    #[serde(
        default,
        deserialize_with = "lenient_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub live_poll_seconds: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EditionLink {
    pub lang: String,
    pub label: String,
    pub path: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectionInfo {
    pub slug: String,
    pub title: String,
    #[serde(default)]
    pub tagline: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Network {
    Twitter,
    Youtube,
    Instagram,
    Facebook,
    Telegram,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Social {
    /// Unknown networks, and links the policy refuses, fail to decode and are
    /// skipped by the list.
    pub network: Network,
    pub url: Link,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Store {
    Apple,
    Google,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AppLink {
    pub store: Store,
    pub url: Link,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SearchConfig {
    /// The index, resolved against `site.json`.
    Index(FetchUrl),
    /// The endpoint's template, with `{q}` and `{page}`, resolved against `site.json`.
    Endpoint(FetchUrl),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdSpec {
    pub slot: String,
    pub width: u32,
    pub height: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectionRef {
    pub slug: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Image {
    /// Resolved against the document; an image the policy refuses is no image.
    pub src: MediaUrl,
    #[serde(default)]
    pub width: Option<u32>,
    #[serde(default)]
    pub height: Option<u32>,
    #[serde(default)]
    pub alt: Option<String>,
    #[serde(default)]
    pub caption: Option<String>,
    #[serde(default)]
    pub credit: Option<String>,
    /// Dropped whole when any candidate is refused.
    #[serde(default, deserialize_with = "lenient_opt")]
    pub srcset: Option<SrcSet>,
    /// Beyond the contract: the same picture in newer formats, best first, for a browser
    /// that reads them (`<picture>`); `src` and `srcset` stay what every client shows.
    /// A source of a type we do not offer, or whose `srcset` is refused, is dropped.
    #[serde(
        default,
        deserialize_with = "lenient_vec",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub sources: Vec<Source>,
}

/// One `<source>` of a picture: a format and its widths.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    #[serde(rename = "type")]
    pub kind: ImageType,
    pub srcset: SrcSet,
}

/// The formats a picture's sources may be in (the `type` a browser tests before it
/// fetches: one it cannot decode costs nothing).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImageType {
    #[serde(rename = "image/avif")]
    Avif,
    #[serde(rename = "image/webp")]
    Webp,
}

impl ImageType {
    pub fn mime(self) -> &'static str {
        match self {
            ImageType::Avif => "image/avif",
            ImageType::Webp => "image/webp",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub slug: String,
    pub title: String,
    #[serde(default)]
    pub lead: Option<String>,
    pub section: SectionRef,
    #[serde(default, deserialize_with = "lenient_opt")]
    pub published_at: Option<Timestamp>,
    #[serde(default, deserialize_with = "lenient_opt")]
    pub image: Option<Image>,
    #[serde(default, deserialize_with = "lenient_opt")]
    pub views: Option<u64>,
    /// Section 7: a live story's state, for the LIVE marker of lists. An unknown value
    /// is no marker.
    #[serde(
        default,
        deserialize_with = "lenient_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub live: Option<LiveStatus>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Front {
    #[serde(default, deserialize_with = "lenient_vec")]
    pub top: Vec<Summary>,
    #[serde(default, deserialize_with = "lenient_vec")]
    pub sections: Vec<FrontSection>,
}

impl Front {
    /// The slug of every story it lists.
    pub fn slugs(&self) -> impl Iterator<Item = &str> {
        let sections = self.sections.iter().flat_map(|s| &s.items);
        self.top.iter().chain(sections).map(|s| s.slug.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrontSection {
    pub slug: String,
    pub title: String,
    #[serde(default, deserialize_with = "lenient_vec")]
    pub items: Vec<Summary>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeedPage {
    pub section: SectionInfo,
    #[serde(deserialize_with = "lenient_vec")]
    pub items: Vec<Summary>,
    /// Resolved against the page; one the app may not fetch (or an empty one) ends the
    /// list.
    #[serde(default, deserialize_with = "lenient_opt")]
    pub next: Option<FetchUrl>,
}

/// A feed page read only for what it lists (the pre-render step's walk through an
/// archive's pages): the stories' slugs and the next page. Decoding skips the rest,
/// several times faster than a `FeedPage`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct FeedListing {
    #[serde(deserialize_with = "lenient_vec")]
    pub items: Vec<Listed>,
    #[serde(default, deserialize_with = "lenient_opt")]
    pub next: Option<FetchUrl>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Listed {
    pub slug: String,
}

/// Section 5: everything the client searches on its own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchIndex {
    #[serde(deserialize_with = "lenient_vec")]
    pub articles: Vec<IndexedArticle>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexedArticle {
    pub slug: String,
    pub title: String,
    #[serde(default)]
    pub lead: Option<String>,
    /// The section's slug.
    pub section: String,
    #[serde(default, deserialize_with = "lenient_opt")]
    pub published_at: Option<Timestamp>,
    /// A live story's marker for its result. Beyond the contract's section 5 (our own
    /// archive index writes it; an index without it lists no marker).
    #[serde(
        default,
        deserialize_with = "lenient_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub live: Option<LiveStatus>,
}

/// Section 6: one page of the backend's search results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    #[serde(default)]
    pub query: String,
    #[serde(default, deserialize_with = "lenient_opt")]
    pub total: Option<u64>,
    #[serde(deserialize_with = "lenient_vec")]
    pub items: Vec<Summary>,
    #[serde(default, deserialize_with = "lenient_opt")]
    pub next: Option<FetchUrl>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Author {
    pub name: String,
}

/// The authors' names as a byline reads them: "A. Writer, B. Writer".
pub fn byline(authors: &[Author]) -> String {
    let names: Vec<&str> = authors.iter().map(|a| a.name.as_str()).collect();
    names.join(", ")
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tag {
    pub slug: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Translation {
    pub lang: String,
    pub slug: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub slug: String,
    pub section: SectionRef,
    pub title: String,
    #[serde(default)]
    pub lead: Option<String>,
    #[serde(default, deserialize_with = "lenient_opt")]
    pub published_at: Option<Timestamp>,
    #[serde(default, deserialize_with = "lenient_opt")]
    pub updated_at: Option<Timestamp>,
    #[serde(default, deserialize_with = "lenient_vec")]
    pub authors: Vec<Author>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default, deserialize_with = "lenient_opt")]
    pub views: Option<u64>,
    #[serde(default, deserialize_with = "lenient_opt")]
    pub image: Option<Image>,
    #[serde(deserialize_with = "lenient_vec")]
    pub body: Vec<Block>,
    #[serde(default, deserialize_with = "lenient_vec")]
    pub tags: Vec<Tag>,
    #[serde(default, deserialize_with = "lenient_vec")]
    pub related: Vec<Summary>,
    #[serde(default, deserialize_with = "lenient_vec")]
    pub translations: Vec<Translation>,
    /// Section 7: present on a live story. One that does not decode (no `posts`) leaves
    /// an ordinary article rather than no story.
    #[serde(
        default,
        deserialize_with = "lenient_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub live: Option<Live>,
}

/// Section 7: whether the newsroom still posts to a live story.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LiveStatus {
    Live,
    Ended,
}

/// Section 7: what makes an article a live story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Live {
    pub status: LiveStatus,
    #[serde(default, deserialize_with = "lenient_opt")]
    pub updated_at: Option<Timestamp>,
    /// The newest page of posts, resolved against the article's URL.
    pub posts: FetchUrl,
    #[serde(
        default,
        deserialize_with = "lenient_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub pinned: Option<Post>,
    #[serde(default, deserialize_with = "lenient_vec")]
    pub key_events: Vec<KeyEvent>,
}

/// A post the reader can jump to from the story's key events.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeyEvent {
    pub post: String,
    pub title: String,
    #[serde(default, deserialize_with = "lenient_opt")]
    pub at: Option<Timestamp>,
}

/// One post of a live story. A take-down (`"deleted": true`) keeps only its `id`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Post {
    pub id: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub deleted: bool,
    #[serde(
        default,
        deserialize_with = "lenient_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub published_at: Option<Timestamp>,
    #[serde(
        default,
        deserialize_with = "lenient_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub updated_at: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(
        default,
        deserialize_with = "lenient_vec",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub authors: Vec<Author>,
    #[serde(
        default,
        deserialize_with = "lenient_vec",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub body: Vec<Block>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub key_event: bool,
}

/// Section 7: a page of a live story's posts, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PostsPage {
    #[serde(deserialize_with = "lenient_vec")]
    pub posts: Vec<Post>,
    /// The next older page, resolved against this one; `None` on the oldest.
    #[serde(default, deserialize_with = "lenient_opt")]
    pub next: Option<FetchUrl>,
}

/// What the pre-render step's inventory needs of an article: its place, dates and
/// translations. Decoding skips the rest unchecked (about 4 times faster than an
/// `Article`, whose body is sanitised) and fails exactly when an `Article`'s would: the
/// same fields are required, of the same shapes (`tests::a_head_decodes_when_the_article_does`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ArticleHead {
    pub slug: String,
    pub section: SectionRef,
    pub title: String,
    #[serde(default)]
    pub lead: Option<String>,
    #[serde(default, deserialize_with = "lenient_opt")]
    pub published_at: Option<Timestamp>,
    #[serde(default, deserialize_with = "lenient_opt")]
    pub updated_at: Option<Timestamp>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(deserialize_with = "any_list", rename = "body")]
    _body: (),
    #[serde(default, deserialize_with = "any_list", rename = "authors")]
    _authors: (),
    #[serde(default, deserialize_with = "any_list", rename = "tags")]
    _tags: (),
    #[serde(default, deserialize_with = "any_list", rename = "related")]
    _related: (),
    #[serde(default, deserialize_with = "lenient_vec")]
    pub translations: Vec<Translation>,
}

/// What `lenient_vec` accepts (a list or null), unread.
fn any_list<'de, D: Deserializer<'de>>(d: D) -> Result<(), D::Error> {
    Option::<Vec<serde::de::IgnoredAny>>::deserialize(d).map(|_| ())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mark {
    Strong,
    Em,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Inline {
    pub text: String,
    /// Unknown marks are dropped; the text stays.
    #[serde(default, deserialize_with = "lenient_vec")]
    pub marks: Vec<Mark>,
    /// Resolved against the page; a link the policy refuses leaves plain text.
    #[serde(
        default,
        deserialize_with = "lenient_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub href: Option<Link>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Provider {
    Youtube,
    Twitter,
    Telegram,
    Instagram,
    Facebook,
    #[serde(other)]
    Other,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    #[serde(deserialize_with = "lenient_vec")]
    pub content: Vec<Inline>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Heading {
    pub level: u8,
    #[serde(deserialize_with = "lenient_vec")]
    pub content: Vec<Inline>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    #[serde(deserialize_with = "lenient_vec")]
    pub content: Vec<Inline>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cite: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct List {
    #[serde(default)]
    pub ordered: bool,
    #[serde(deserialize_with = "lenient_vec")]
    pub items: Vec<Vec<Inline>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Embed {
    pub provider: Provider,
    /// The post; one the policy refuses leaves a card without a link or player.
    #[serde(default, deserialize_with = "lenient_opt")]
    pub url: Option<Link>,
    #[serde(default)]
    pub title: Option<String>,
}

/// An `html` block, sanitised as it is decoded (`sanitize`): what is kept is a tree of
/// allowed elements whose URLs passed the policy (resolved against the page).
#[derive(Debug, Clone, PartialEq)]
pub struct Html {
    pub nodes: Vec<crate::sanitize::Node>,
}

impl Html {
    /// Sanitises `markup`, resolving its URLs against `base` (none: kept relative).
    pub fn from_markup(markup: &str, base: &str) -> Html {
        Html {
            nodes: crate::sanitize::sanitize(markup, base),
        }
    }
}

impl<'de> Deserialize<'de> for Html {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Raw<'a> {
            #[serde(borrow)]
            html: std::borrow::Cow<'a, str>,
        }
        let raw = Raw::deserialize(d)?;
        Ok(Html::from_markup(&raw.html, &url::page_base()))
    }
}

impl Serialize for Html {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = s.serialize_struct("Html", 1)?;
        out.serialize_field("html", &crate::sanitize::to_html(&self.nodes))?;
        out.end()
    }
}

/// A body block. A `type` not listed here decodes as `Unknown`, which views skip.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Block {
    Paragraph(Paragraph),
    Heading(Heading),
    Quote(Quote),
    List(List),
    Image(Image),
    Embed(Embed),
    Html(Html),
    Unknown,
}

impl Block {
    /// The words a reader reads in it, for search: text, headings, quotes, list items,
    /// captions, embeds' titles and the sanitised HTML's text.
    pub fn text(&self, out: &mut String) {
        fn inline(content: &[Inline], out: &mut String) {
            for i in content {
                out.push_str(&i.text);
            }
            out.push('\n');
        }
        fn html(nodes: &[crate::sanitize::Node], out: &mut String) {
            for n in nodes {
                match n {
                    crate::sanitize::Node::Text(t) => out.push_str(t),
                    crate::sanitize::Node::Element { children, .. } => {
                        html(children, out);
                        out.push(' ');
                    }
                }
            }
        }
        match self {
            Block::Paragraph(p) => inline(&p.content, out),
            Block::Heading(h) => inline(&h.content, out),
            Block::Quote(q) => {
                inline(&q.content, out);
                out.push_str(q.cite.as_deref().unwrap_or_default());
            }
            Block::List(l) => l.items.iter().for_each(|i| inline(i, out)),
            Block::Image(i) => {
                out.push_str(i.caption.as_deref().unwrap_or_default());
            }
            Block::Embed(e) => out.push_str(e.title.as_deref().unwrap_or_default()),
            Block::Html(h) => html(&h.nodes, out),
            Block::Unknown => {}
        }
        out.push('\n');
    }
}

/// Reads `type` first, then decodes the block's fields straight from its JSON text.
/// (serde's derived internally tagged enums buffer the fields in a generic form that
/// cannot hand raw JSON to `lenient_vec`.)
impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Kind {
            #[serde(rename = "type")]
            kind: String,
        }
        let raw: &RawValue = Deserialize::deserialize(d)?;
        let text = raw.get();
        let kind: Kind = serde_json::from_str(text)
            .map_err(|_| serde::de::Error::custom("block without type"))?;
        fn fields<T: DeserializeOwned, E: serde::de::Error>(text: &str) -> Result<T, E> {
            serde_json::from_str(text).map_err(|_| E::custom("malformed block"))
        }
        Ok(match kind.kind.as_str() {
            "paragraph" => Block::Paragraph(fields(text)?),
            "heading" => Block::Heading(fields(text)?),
            "quote" => Block::Quote(fields(text)?),
            "list" => Block::List(fields(text)?),
            "image" => Block::Image(fields(text)?),
            "embed" => Block::Embed(fields(text)?),
            "html" => Block::Html(fields(text)?),
            _ => Block::Unknown,
        })
    }
}

/// A document of the API, decoded from the URL it came from (`decode`).
pub trait ApiDocument: DeserializeOwned + Clone + 'static {}

impl ApiDocument for Site {}
impl ApiDocument for Front {}
impl ApiDocument for FeedPage {}
impl ApiDocument for FeedListing {}
impl ApiDocument for SearchResults {}
impl ApiDocument for Article {}
impl ApiDocument for ArticleHead {}
impl ApiDocument for PostsPage {}

/// Decodes a document fetched from `url`, checking its URLs: those that load something
/// (images, `next`, search) resolved against `url`, links against `page` (the page's
/// base, as the browser would resolve them).
pub fn decode<T: ApiDocument>(body: &str, url: &str, page: &str) -> Result<T, serde_json::Error> {
    url::with_bases(url, page, || serde_json::from_str(body))
}
