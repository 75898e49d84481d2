//! Types of the backend's JSON contract (`shared/api-contract.md`, v1), decoded with serde.
//!
//! Tolerance the contract asks for: unknown fields are ignored (serde's default), optional
//! fields may be absent or `null`, body blocks of an unknown `type` are skipped. Beyond the
//! letter of the contract, one malformed entry of a list (a block, a summary) is skipped
//! rather than failing the whole page, and a time that is not RFC 3339 is treated as
//! absent: a reader would rather see the rest of the story than an error.
//!
//! The same types serialise the demo tree (`src/bin/demo_gen.rs`), so the demo can never
//! drift from what the app decodes.

use serde::de::{DeserializeOwned, Deserializer};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::dates::Timestamp;

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
    #[serde(default)]
    pub telegram: Option<String>,
    #[serde(default)]
    pub notice: Option<String>,
    #[serde(default)]
    pub copyright: Option<String>,
    #[serde(default, deserialize_with = "lenient_opt")]
    pub search: Option<SearchConfig>,
    #[serde(default, deserialize_with = "lenient_vec")]
    pub ads: Vec<AdSlot>,
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
    /// Unknown networks fail to decode and are skipped by the list.
    pub network: Network,
    pub url: String,
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
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SearchConfig {
    Index(String),
    Endpoint(String),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdSlot {
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
    pub src: String,
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
    #[serde(default)]
    pub srcset: Option<String>,
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
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Front {
    #[serde(default, deserialize_with = "lenient_vec")]
    pub top: Vec<Summary>,
    #[serde(default, deserialize_with = "lenient_vec")]
    pub sections: Vec<FrontSection>,
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
    #[serde(default)]
    pub next: Option<String>,
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
}

/// Section 6: one page of the backend's search results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchPage {
    #[serde(default)]
    pub query: String,
    #[serde(default, deserialize_with = "lenient_opt")]
    pub total: Option<u64>,
    #[serde(deserialize_with = "lenient_vec")]
    pub items: Vec<Summary>,
    #[serde(default)]
    pub next: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Author {
    pub name: String,
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub href: Option<String>,
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
    pub url: String,
    #[serde(default)]
    pub title: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Html {
    pub html: String,
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

/// A decoded resource together with the URL it came from, which its relative
/// references (`next`, image sources) are resolved against.
pub trait Resource: DeserializeOwned + Clone + 'static {
    /// Makes every URL in the resource absolute against `url` (the response's URL).
    fn resolve_urls(&mut self, url: &str);
}

fn resolve_in_place(base: &str, s: &mut String) {
    *s = crate::uri::resolve(base, s);
}

impl Image {
    fn resolve_urls(&mut self, base: &str) {
        resolve_in_place(base, &mut self.src);
        if let Some(set) = &mut self.srcset {
            *set = set
                .split(',')
                .map(|candidate| {
                    let candidate = candidate.trim();
                    match candidate.split_once(char::is_whitespace) {
                        Some((u, descriptor)) => {
                            format!("{} {}", crate::uri::resolve(base, u), descriptor.trim())
                        }
                        None => crate::uri::resolve(base, candidate),
                    }
                })
                .collect::<Vec<_>>()
                .join(", ");
        }
    }
}

impl Summary {
    fn resolve_urls(&mut self, base: &str) {
        if let Some(i) = &mut self.image {
            i.resolve_urls(base);
        }
    }
}

impl Resource for Site {
    fn resolve_urls(&mut self, url: &str) {
        // The index path or the endpoint template is relative to site.json.
        match &mut self.search {
            Some(SearchConfig::Index(path) | SearchConfig::Endpoint(path)) => {
                resolve_in_place(url, path)
            }
            None => {}
        }
    }
}

impl Resource for Front {
    fn resolve_urls(&mut self, url: &str) {
        self.top.iter_mut().for_each(|s| s.resolve_urls(url));
        for section in &mut self.sections {
            section.items.iter_mut().for_each(|s| s.resolve_urls(url));
        }
    }
}

/// A `next` page resolved against the response's URL; one the app may not fetch
/// (`javascript:`, `data:`…) ends the list.
fn resolve_next(url: &str, next: &mut Option<String>) {
    if let Some(n) = next {
        resolve_in_place(url, n);
    }
    let fetchable = |n: &String| matches!(crate::uri::scheme(n).as_deref(), Some("http" | "https"));
    *next = next.take().filter(fetchable);
}

impl Resource for FeedPage {
    fn resolve_urls(&mut self, url: &str) {
        self.items.iter_mut().for_each(|s| s.resolve_urls(url));
        resolve_next(url, &mut self.next);
    }
}

impl Resource for SearchPage {
    fn resolve_urls(&mut self, url: &str) {
        self.items.iter_mut().for_each(|s| s.resolve_urls(url));
        resolve_next(url, &mut self.next);
    }
}

impl Resource for Article {
    fn resolve_urls(&mut self, url: &str) {
        if let Some(i) = &mut self.image {
            i.resolve_urls(url);
        }
        self.related.iter_mut().for_each(|s| s.resolve_urls(url));
        for block in &mut self.body {
            if let Block::Image(i) = block {
                i.resolve_urls(url);
            }
        }
    }
}

/// Decodes a resource fetched from `url` and resolves its references.
pub fn decode<T: Resource>(body: &str, url: &str) -> Result<T, serde_json::Error> {
    let mut value: T = serde_json::from_str(body)?;
    value.resolve_urls(url);
    Ok(value)
}
