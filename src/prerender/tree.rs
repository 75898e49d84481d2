//! The pages to pre-render, found by walking the API tree: each edition's `site.json`,
//! its front page, every page of every section's feed (following `next`), and every
//! article those list. Nothing is kept by hand.

use std::collections::HashSet;

use crate::api::config;
use crate::contract::{
    self, ApiDocument, Article, FeedPage, Front, SectionInfo, Site, Summary, paths,
};
use crate::logic::edition::Edition;

use super::source::ApiReader;

pub struct EditionTree {
    pub edition: Edition,
    pub site: Site,
    /// The sections whose first feed page loaded.
    pub sections: Vec<SectionInfo>,
    /// Every article that loaded, newest first.
    pub articles: Vec<Article>,
}

pub struct Tree {
    pub editions: Vec<EditionTree>,
    /// What could not be read or decoded (those pages are left out).
    pub problems: Vec<String>,
}

/// Feed pages followed per section at most, against a backend whose `next` never ends.
const MAX_FEED_PAGES: usize = 10_000;

struct Walker<'a> {
    source: &'a ApiReader,
    problems: Vec<String>,
}

impl Walker<'_> {
    fn load<T: ApiDocument>(&mut self, path: &str) -> Option<T> {
        let Some(text) = self.source.read(path) else {
            self.problems.push(format!("{path}: not found"));
            return None;
        };
        match contract::decode::<T>(&text, &config::api_path(path), &config::document_base()) {
            Ok(v) => Some(v),
            Err(e) => {
                self.problems.push(format!("{path}: {e}"));
                None
            }
        }
    }

    /// Every story a section's feed lists, page after page.
    fn feed(&mut self, edition: Edition, slug: &str) -> Option<(SectionInfo, Vec<Summary>)> {
        let api = config::api_base();
        let mut path = paths::section(edition, slug);
        let first: FeedPage = self.load(&path)?;
        let info = first.section.clone();
        let mut items = Vec::new();
        let mut seen = HashSet::new();
        let mut page = Some(first);
        while let Some(p) = page.take() {
            items.extend(p.items);
            let Some(next) = p.next else { break };
            // Only pages of the same tree are followed.
            let Some(rel) = next.as_str().strip_prefix(&api) else {
                break;
            };
            if !seen.insert(rel.to_string()) || seen.len() > MAX_FEED_PAGES {
                break;
            }
            path = rel.to_string();
            page = self.load(&path);
        }
        Some((info, items))
    }
}

/// Walks the tree at `source`; `config::configure` must have been called.
pub fn walk(source: &ApiReader) -> Tree {
    let mut walker = Walker {
        source,
        problems: Vec::new(),
    };
    let mut editions = Vec::new();
    for edition in Edition::ALL {
        let Some(site) = walker.load::<Site>(&paths::site(edition)) else {
            continue;
        };
        let mut summaries: Vec<Summary> = Vec::new();
        if let Some(front) = walker.load::<Front>(&paths::front(edition)) {
            summaries.extend(front.top);
            summaries.extend(front.sections.into_iter().flat_map(|s| s.items));
        }
        let mut sections = Vec::new();
        for info in &site.sections {
            if let Some((section, items)) = walker.feed(edition, &info.slug) {
                sections.push(section);
                summaries.extend(items);
            }
        }
        let mut slugs = HashSet::new();
        let mut articles: Vec<Article> = summaries
            .into_iter()
            .filter(|s| slugs.insert(s.slug.clone()))
            .filter_map(|s| walker.load::<Article>(&paths::article(edition, &s.slug)))
            .collect();
        articles.sort_by_key(|a| std::cmp::Reverse(a.published_at.as_ref().map(|t| t.unix())));
        editions.push(EditionTree {
            edition,
            site,
            sections,
            articles,
        });
    }
    Tree {
        editions,
        problems: walker.problems,
    }
}
