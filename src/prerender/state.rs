//! What the built site was made from, kept in it (`.newsfront/state.bin`) so that the
//! next run renders only what changed: every file the step wrote, with the fingerprint
//! of its inputs, and every article document it read, with its stamp, hash and the
//! little the site-wide files need of it (`Story`).

use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash, Hasher};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::contract::Article;

use super::source::Stamp;

/// Where the state lives, below the built site.
pub const FILE: &str = ".newsfront/state.bin";

/// What sitemaps, feeds and other pages need of an article, without its text. Lean on
/// purpose: a state holds one for every story of the archive.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    pub slug: String,
    /// The section's slug.
    pub section: String,
    /// When it was published, in seconds since 1970.
    pub published: Option<i64>,
    /// When it last changed (updated, else published), as the story says it (RFC 3339).
    pub lastmod: Option<String>,
    /// Its translations, `lang:slug` separated by spaces.
    pub translations: String,
}

impl Story {
    pub fn of(article: &Article) -> Story {
        Story {
            slug: article.slug.clone(),
            section: article.section.slug.clone(),
            published: article.published_at.as_ref().map(|t| t.unix()),
            lastmod: article
                .updated_at
                .as_ref()
                .or(article.published_at.as_ref())
                .map(|t| t.datetime().to_string()),
            translations: article
                .translations
                .iter()
                .filter(|t| !t.lang.contains([':', ' ']) && !t.slug.contains(' '))
                .map(|t| format!("{}:{}", t.lang, t.slug))
                .collect::<Vec<_>>()
                .join(" "),
        }
    }

    /// (lang, slug) of each translation.
    pub fn translations(&self) -> impl Iterator<Item = (&str, &str)> {
        self.translations
            .split(' ')
            .filter_map(|t| t.split_once(':'))
    }
}

/// An article document as last read.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Known {
    /// `None` over HTTP, where every run reads it again.
    pub stamp: Option<Stamp>,
    pub hash: u64,
    /// `None`: it could not be decoded.
    pub story: Option<Story>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct State {
    /// What rendered the pages: the shell page and the step's own program. Another one
    /// renders everything again.
    pub renderer: String,
    /// When the run that wrote this state started (ns since 1970). A file changed in
    /// the same clock tick as it was read may keep its stamp, so one modified after
    /// this (less a second) is read again ("racy" stamps, as git calls them).
    #[serde(default)]
    pub started_ns: u128,
    /// Article documents by path below the API base.
    pub articles: HashMap<String, Known>,
    /// Every file written, by path below the built site, with its fingerprint.
    pub outputs: BTreeMap<String, u64>,
}

impl State {
    /// The state of the site in `dist`; empty when there is none (a clean build) or it
    /// cannot be read (then everything is rendered again, which is always right).
    pub fn load(dist: &Path) -> State {
        std::fs::read(dist.join(FILE))
            .ok()
            .and_then(|b| bincode::deserialize(&b).ok())
            .unwrap_or_default()
    }

    /// Whether a file with `stamp` is surely the one this state knows.
    pub fn trusts(&self, known: &Known, stamp: Option<Stamp>) -> bool {
        const TICK_NS: u128 = 1_000_000_000;
        stamp.is_some_and(|s| known.stamp == Some(s) && s.modified_ns + TICK_NS < self.started_ns)
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        bincode::serialize(self).unwrap_or_default()
    }
}

/// A fingerprint of `value` (stable for one build of the step, which is all it must
/// be: another build renders everything again).
pub fn fingerprint(value: &impl Hash) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}
