//! What the built site was made from, kept in it (`.newsfront/state.bin`) so that the
//! next run renders only what changed: every article document it read, with its stamp,
//! hash, the little the site-wide files need of it (`Story`) and the fingerprint of the
//! page written for it; every feed page after the first, with what it lists; and every
//! other file written, with the fingerprint of its inputs.
//!
//! Lean on purpose, as it holds a record for every story of the archive: the list is
//! sorted (no hash table beside it), a run takes the records of unchanged stories from
//! the old state rather than copying them, and the file is read and written as a
//! stream (the README has the figures at 200,000 stories per edition).

use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash, Hasher};
use std::io::{BufReader, BufWriter, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};

use newsfront_core::contract::{ArticleHead, Translation};
use newsfront_core::logic::edition::Edition;
use newsfront_core::logic::routes;

use super::source::Stamp;

/// Where the state lives, below the built site.
pub const FILE: &str = ".newsfront/state.bin";

/// What sitemaps, feeds and other pages need of an article, without its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    /// The section's slug.
    pub section: Box<str>,
    /// When it was published, in seconds since 1970.
    pub published: Option<i64>,
    /// When it last changed (updated, else published), in seconds since 1970.
    pub changed: Option<i64>,
    /// Its translations, `lang:slug` separated by spaces.
    pub translations: Box<str>,
}

impl Story {
    pub fn of(article: &ArticleHead) -> Story {
        Story {
            section: article.section.slug.as_str().into(),
            published: article.published_at.as_ref().map(|t| t.unix()),
            changed: article
                .updated_at
                .as_ref()
                .or(article.published_at.as_ref())
                .map(|t| t.unix()),
            translations: pairs(&article.translations)
                .map(|(lang, slug)| format!("{lang}:{slug}"))
                .collect::<Vec<_>>()
                .join(" ")
                .into(),
        }
    }

    /// (lang, slug) of each translation.
    pub fn translations(&self) -> impl Iterator<Item = (&str, &str)> {
        self.translations
            .split(' ')
            .filter_map(|t| t.split_once(':'))
    }
}

/// (lang, slug) of the translations a story's record can hold (as `lang:slug`,
/// separated by spaces): the ones the pages link to.
pub fn pairs(translations: &[Translation]) -> impl Iterator<Item = (&str, &str)> {
    translations
        .iter()
        .filter(|t| !t.lang.contains([':', ' ']) && !t.slug.contains(' '))
        .map(|t| (t.lang.as_str(), t.slug.as_str()))
}

/// An article document as last read, and its page.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Known {
    /// `None`: a server that sent no validators (every run reads it again).
    pub stamp: Option<Stamp>,
    pub hash: u64,
    /// `None`: it could not be decoded.
    pub story: Option<Story>,
    /// The page written for it; `None`: no page was.
    pub page: Option<Page>,
}

/// A story's page as written: the fingerprint of what it was made from, and the
/// documents its render read besides the story's own (`State::read_sets`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Page {
    pub print: u64,
    pub reads: u32,
}

/// The documents a render read, by path below the API base: what the app's components
/// asked for, found or not. A page is made again when one of them changes.
pub type Reads = Box<[Box<str>]>;

/// A story of an edition, by the slug its feeds list it under.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Entry {
    pub edition: Edition,
    pub slug: Box<str>,
    pub known: Known,
}

impl Entry {
    /// Its page's path below the base (`world/story`); `None` when it could not be
    /// decoded (it has no page).
    pub fn page_path(&self) -> Option<String> {
        let story = self.known.story.as_ref()?;
        Some(routes::article(self.edition, &story.section, &self.slug))
    }

    /// Its card widget's path below the base; written with its page.
    pub fn card_path(&self) -> Option<String> {
        let story = self.known.story.as_ref()?;
        Some(routes::embed_article(
            self.edition,
            &story.section,
            &self.slug,
        ))
    }
}

/// A feed page after the first (the archive's pages), as last read: what it lists.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Listing {
    pub stamp: Option<Stamp>,
    /// The stories' slugs.
    pub items: Vec<Box<str>>,
    /// The next page's path below the API base.
    pub next: Option<Box<str>>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct State {
    /// What rendered the pages: the shell page and the step's own program. Another one
    /// renders everything again.
    pub renderer: String,
    /// When the run that wrote this state started (ns since 1970). A file changed in
    /// the same clock tick as it was read may keep its stamp, so one modified after
    /// this (less a second) is read again ("racy" stamps, as git calls them).
    pub started_ns: u128,
    /// Every story listed, sorted by (edition, slug): `find` searches it.
    pub articles: Vec<Entry>,
    /// Feed pages after the first, by path below the API base.
    pub listings: HashMap<Box<str>, Listing>,
    /// Every other file written (front and section pages, sitemaps, feeds), by path
    /// below the built site, with the fingerprint of what it was made from.
    pub outputs: BTreeMap<String, u64>,
    /// What the front and section pages among them read (their renders' `Reads`).
    pub page_reads: BTreeMap<String, Reads>,
    /// The story pages' `Reads`, each once (a story's page names one by index): stories
    /// of an edition read the same few documents beside their own.
    pub read_sets: Vec<Reads>,
    /// The sitemap files of each group (`feeds::sitemap_group`), by the group's name.
    pub sitemaps: BTreeMap<String, SitemapGroup>,
}

/// The sitemap files of one group as last written: the fingerprint of what they list,
/// and each file's (name, URLs, last change), for the index. A group that lists the
/// same is not made again (making them all was a sixth of a publish).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SitemapGroup {
    pub print: u64,
    pub files: Vec<(String, usize, Option<i64>)>,
}

impl State {
    /// The state of the site in `dist`; empty when there is none (a clean build) or it
    /// cannot be read (then everything is rendered again, which is always right).
    pub fn load(dist: &Path) -> State {
        std::fs::File::open(dist.join(FILE))
            .ok()
            .and_then(|f| bincode::deserialize_from(BufReader::new(f)).ok())
            .unwrap_or_default()
    }

    /// Writes the state into `file`, streamed (the whole would be a copy of it).
    pub fn save(&self, file: std::fs::File) -> std::io::Result<()> {
        let mut out = BufWriter::new(file);
        bincode::serialize_into(&mut out, self).map_err(std::io::Error::other)?;
        out.flush()
    }

    /// Whether a document with this stamp, the one it had when this state was written,
    /// is surely the same: not a file modified in the tick the state's run read it.
    pub fn trusts(&self, stamp: &Stamp) -> bool {
        const TICK_NS: u128 = 1_000_000_000;
        match stamp {
            Stamp::File { modified_ns, .. } => u128::from(*modified_ns) + TICK_NS < self.started_ns,
            Stamp::Http(_) => true,
        }
    }

    /// The index of the story listed as `slug` in `edition`.
    pub fn find(&self, edition: Edition, slug: &str) -> Option<usize> {
        self.articles
            .binary_search_by(|e| (e.edition, &*e.slug).cmp(&(edition, slug)))
            .ok()
    }
}

/// A fingerprint of `value` (stable for one build of the step, which is all it must
/// be: another build renders everything again).
pub fn fingerprint(value: &impl Hash) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

/// A fingerprint of a sequence, without collecting it.
pub fn fingerprint_each<T: Hash>(items: impl IntoIterator<Item = T>) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    for item in items {
        item.hash(&mut h);
    }
    h.finish()
}
