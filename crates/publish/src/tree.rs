//! The pages to pre-render, found by walking the API tree: each edition's `site.json`,
//! its front page, every page of every section's feed (following `next`), and every
//! story those list. Nothing is kept by hand. Articles themselves are not read here,
//! and the archive's feed pages only when their files changed (`state::Listing`).

use std::collections::{HashMap, HashSet};

use newsfront::api::config::Config;
use newsfront_core::contract::{
    self, ApiDocument, FeedListing, FeedPage, Front, SectionInfo, Site, paths,
};
use newsfront_core::logic::edition::Edition;

use super::source::{ApiReader, Checked};
use super::state::{Listing, State};

pub struct EditionTree {
    pub edition: Edition,
    pub site: Site,
    /// The sections whose first feed page loaded.
    pub sections: Vec<SectionInfo>,
    /// The stories the front page and the first feed pages list, in that order.
    first: Vec<String>,
    /// The later feed pages, section after section, in order: in `Tree::listings`.
    later: Vec<Box<str>>,
}

pub struct Tree {
    pub editions: Vec<EditionTree>,
    /// The feed pages after the first, by path (the next state's).
    pub listings: HashMap<Box<str>, Listing>,
    /// What could not be read or decoded (those pages are left out).
    pub problems: Vec<String>,
    /// Later feed pages read (the others were known by their stamps).
    pub listings_read: usize,
}

impl Tree {
    /// Every story an edition lists, each once, in the order found.
    pub fn listed<'a>(&'a self, site: &'a EditionTree) -> impl Iterator<Item = &'a str> {
        let later = site
            .later
            .iter()
            .filter_map(|p| self.listings.get(p))
            .flat_map(|l| l.items.iter().map(|s| &**s));
        let mut seen = HashSet::new();
        site.first
            .iter()
            .map(String::as_str)
            .chain(later)
            .filter(move |s| seen.insert(*s))
    }
}

/// A section's feed as walked: its first page's section and stories, its later pages.
struct Feed {
    section: SectionInfo,
    items: Vec<String>,
    later: Vec<Box<str>>,
}

/// Feed pages followed per section at most, against a backend whose `next` never ends.
const MAX_FEED_PAGES: usize = 100_000;

struct Walker<'a> {
    config: &'a Config,
    source: &'a ApiReader,
    previous: &'a mut State,
    listings: HashMap<Box<str>, Listing>,
    problems: Vec<String>,
    listings_read: usize,
}

/// Decodes a document read from `path` below the API base.
pub fn decode<T: ApiDocument>(config: &Config, text: &str, path: &str) -> Result<T, String> {
    contract::decode::<T>(text, &config.api_path(path), config.document_base())
        .map_err(|e| format!("{path}: {e}"))
}

impl Walker<'_> {
    fn load<T: ApiDocument>(&mut self, path: &str) -> Result<Option<T>, String> {
        let Some(text) = self.source.read(path)? else {
            self.problems.push(format!("{path}: not found"));
            return Ok(None);
        };
        match decode::<T>(self.config, &text, path) {
            Ok(v) => Ok(Some(v)),
            Err(e) => {
                self.problems.push(e);
                Ok(None)
            }
        }
    }

    /// A later feed page: known by its stamp, else read. `false`: it could not be.
    fn listing(&mut self, path: &str) -> Result<bool, String> {
        let before = self.previous.listings.remove_entry(path);
        let known = before.as_ref().and_then(|(_, l)| l.stamp.as_ref());
        let (text, stamp) = match self
            .source
            .check(path, known, |s| self.previous.trusts(s))?
        {
            Checked::Same => {
                let (key, listing) = before.expect("a known page");
                self.listings.insert(key, listing);
                return Ok(true);
            }
            Checked::Read(text, stamp) => (text, stamp),
        };
        self.listings_read += 1;
        let Some(text) = text else {
            self.problems.push(format!("{path}: not found"));
            return Ok(false);
        };
        let page = match decode::<FeedListing>(self.config, &text, path) {
            Ok(page) => page,
            Err(e) => {
                self.problems.push(e);
                return Ok(false);
            }
        };
        let api = self.config.api_base();
        let listing = Listing {
            stamp,
            items: page.items.into_iter().map(|s| s.slug.into()).collect(),
            // Only pages of the same tree are followed.
            next: page
                .next
                .and_then(|u| u.as_str().strip_prefix(api).map(Into::into)),
        };
        self.listings.insert(path.into(), listing);
        Ok(true)
    }

    /// A section's feed: its first page's section and stories, and its later pages.
    fn feed(&mut self, edition: Edition, slug: &str) -> Result<Option<Feed>, String> {
        let api = self.config.api_base();
        let Some(first) = self.load::<FeedPage>(&paths::section(edition, slug))? else {
            return Ok(None);
        };
        let items = first.items.into_iter().map(|s| s.slug).collect();
        let mut later: Vec<Box<str>> = Vec::new();
        let mut seen = HashSet::new();
        let mut next: Option<Box<str>> = first
            .next
            .and_then(|u| u.as_str().strip_prefix(api).map(Into::into));
        while let Some(path) = next.take() {
            if !seen.insert(path.clone()) || seen.len() > MAX_FEED_PAGES {
                break;
            }
            if self.listing(&path)? {
                next = self.listings[&path].next.clone();
                later.push(path);
            }
        }
        Ok(Some(Feed {
            section: first.section,
            items,
            later,
        }))
    }
}

/// Walks the tree at `source`, as the app configured by `config` reads it. Later feed
/// pages whose stamps `previous` trusts are taken from it, not read. `Err` when the
/// tree could not be read (not when a document is missing or malformed: those are left
/// out, as `problems`).
pub fn walk(config: &Config, source: &ApiReader, previous: &mut State) -> Result<Tree, String> {
    let mut walker = Walker {
        config,
        source,
        previous,
        listings: HashMap::new(),
        problems: Vec::new(),
        listings_read: 0,
    };
    let mut editions = Vec::new();
    for edition in Edition::ALL {
        let Some(site) = walker.load::<Site>(&paths::site(edition))? else {
            continue;
        };
        let mut first: Vec<String> = Vec::new();
        if let Some(front) = walker.load::<Front>(&paths::front(edition))? {
            first.extend(front.top.into_iter().map(|s| s.slug));
            first.extend(
                front
                    .sections
                    .into_iter()
                    .flat_map(|s| s.items)
                    .map(|s| s.slug),
            );
        }
        let mut sections = Vec::new();
        let mut later = Vec::new();
        for info in &site.sections {
            if let Some(feed) = walker.feed(edition, &info.slug)? {
                sections.push(feed.section);
                first.extend(feed.items);
                later.extend(feed.later);
            }
        }
        editions.push(EditionTree {
            edition,
            site,
            sections,
            first,
            later,
        });
    }
    Ok(Tree {
        editions,
        listings: walker.listings,
        problems: walker.problems,
        listings_read: walker.listings_read,
    })
}
