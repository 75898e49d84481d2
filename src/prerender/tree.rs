//! The pages to pre-render, found by walking the API tree: each edition's `site.json`,
//! its front page, every page of every section's feed (following `next`), and every
//! story those list. Nothing is kept by hand. Articles themselves are not read here:
//! an archive's worth would not fit in memory (see `story`).

use std::collections::{HashMap, HashSet};

use crate::api::config;
use crate::contract::{self, ApiDocument, FeedListing, FeedPage, Front, SectionInfo, Site, paths};
use crate::logic::edition::Edition;

use super::source::ApiReader;

pub struct EditionTree {
    pub edition: Edition,
    pub site: Site,
    /// The sections whose first feed page loaded.
    pub sections: Vec<SectionInfo>,
    /// Every story the front page and the feeds list, each once, in the order found.
    pub listed: Vec<String>,
}

pub struct Tree {
    pub editions: Vec<EditionTree>,
    /// What could not be read or decoded (those pages are left out).
    pub problems: Vec<String>,
}

/// Feed pages followed per section at most, against a backend whose `next` never ends.
const MAX_FEED_PAGES: usize = 100_000;

struct Walker<'a> {
    source: &'a ApiReader,
    problems: Vec<String>,
}

/// Decodes a document read from `path` below the API base.
pub fn decode<T: ApiDocument>(text: &str, path: &str) -> Result<T, String> {
    contract::decode::<T>(text, &config::api_path(path), &config::document_base())
        .map_err(|e| format!("{path}: {e}"))
}

impl Walker<'_> {
    fn load<T: ApiDocument>(&mut self, path: &str) -> Result<Option<T>, String> {
        let Some(text) = self.source.read(path)? else {
            self.problems.push(format!("{path}: not found"));
            return Ok(None);
        };
        match decode::<T>(&text, path) {
            Ok(v) => Ok(Some(v)),
            Err(e) => {
                self.problems.push(e);
                Ok(None)
            }
        }
    }

    /// Every story a section's feed lists, page after page.
    fn feed(
        &mut self,
        edition: Edition,
        slug: &str,
    ) -> Result<Option<(SectionInfo, Vec<String>)>, String> {
        let api = config::api_base();
        let Some(first) = self.load::<FeedPage>(&paths::section(edition, slug))? else {
            return Ok(None);
        };
        let info = first.section.clone();
        let mut items: Vec<String> = first.items.into_iter().map(|s| s.slug).collect();
        let mut seen = HashSet::new();
        let mut next = first.next;
        while let Some(url) = next.take() {
            // Only pages of the same tree are followed.
            let Some(rel) = url.as_str().strip_prefix(&api) else {
                break;
            };
            if !seen.insert(rel.to_string()) || seen.len() > MAX_FEED_PAGES {
                break;
            }
            if let Some(page) = self.load::<FeedListing>(rel)? {
                items.extend(page.items.into_iter().map(|s| s.slug));
                next = page.next;
            }
        }
        Ok(Some((info, items)))
    }
}

/// Walks the tree at `source`; `config::configure` must have been called. `Err` when
/// the tree could not be read (not when a document is missing or malformed: those are
/// left out, as `problems`).
pub fn walk(source: &ApiReader) -> Result<Tree, String> {
    let mut walker = Walker {
        source,
        problems: Vec::new(),
    };
    let mut editions = Vec::new();
    for edition in Edition::ALL {
        let Some(site) = walker.load::<Site>(&paths::site(edition))? else {
            continue;
        };
        let mut summaries: Vec<String> = Vec::new();
        if let Some(front) = walker.load::<Front>(&paths::front(edition))? {
            summaries.extend(front.top.into_iter().map(|s| s.slug));
            summaries.extend(
                front
                    .sections
                    .into_iter()
                    .flat_map(|s| s.items)
                    .map(|s| s.slug),
            );
        }
        let mut sections = Vec::new();
        for info in &site.sections {
            if let Some((section, items)) = walker.feed(edition, &info.slug)? {
                sections.push(section);
                summaries.extend(items);
            }
        }
        let mut slugs = HashSet::new();
        let listed = summaries
            .into_iter()
            .filter(|s| slugs.insert(s.clone()))
            .collect();
        editions.push(EditionTree {
            edition,
            site,
            sections,
            listed,
        });
    }
    Ok(Tree {
        editions,
        problems: walker.problems,
    })
}

/// Where each story of each edition is: (edition, slug) → its section's slug.
pub type Places = HashMap<(Edition, String), String>;
