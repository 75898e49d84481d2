//! A list that arrives page by page (a section feed, search results): pages appended in
//! order, each story once. Pages are newest first and a story may come again on a later
//! page when news arrived meanwhile (contract, section 3); its first place is kept.
//! The loading around it (status, near-end loading, stale answers) is
//! `browser::paged_list`.

use std::collections::HashSet;

use crate::contract::url::FetchUrl;
use crate::contract::{FeedPage, Summary};

/// One page of such a list, as it arrived.
pub trait Page: Clone + 'static {
    /// Where the next page comes from.
    type More: Clone + PartialEq + 'static;
    /// Takes the page's stories out, leaving the rest (its `next`, totals...).
    fn take_items(&mut self) -> Vec<Summary>;
    /// The next page, `None` on the last.
    fn more(&self) -> Option<Self::More>;
    /// Keeps what this page should carry on from the one before it.
    fn carry(&mut self, _previous: Self) {}
}

impl Page for FeedPage {
    type More = FetchUrl;

    fn take_items(&mut self) -> Vec<Summary> {
        std::mem::take(&mut self.items)
    }

    fn more(&self) -> Option<FetchUrl> {
        self.next.clone()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Paged<P> {
    /// Every story so far, each once.
    pub items: Vec<Summary>,
    seen: HashSet<String>,
    /// The last page, without its stories.
    pub last: Option<P>,
    pub pages: usize,
}

impl<P> Default for Paged<P> {
    fn default() -> Self {
        Paged {
            items: Vec::new(),
            seen: HashSet::new(),
            last: None,
            pages: 0,
        }
    }
}

impl<P: Page> Paged<P> {
    /// Appends a page, skipping stories already shown. Returns how many were new.
    pub fn push_page(&mut self, mut page: P) -> usize {
        let before = self.items.len();
        for item in page.take_items() {
            if self.seen.insert(item.slug.clone()) {
                self.items.push(item);
            }
        }
        if let Some(previous) = self.last.take() {
            page.carry(previous);
        }
        self.last = Some(page);
        self.pages += 1;
        self.items.len() - before
    }

    /// Whether the story `slug` is shown.
    pub fn contains(&self, slug: &str) -> bool {
        self.seen.contains(slug)
    }

    /// Puts stories published since on top, in their order, each once.
    pub fn prepend(&mut self, items: Vec<Summary>) {
        let mut new: Vec<Summary> = items
            .into_iter()
            .filter(|s| self.seen.insert(s.slug.clone()))
            .collect();
        new.append(&mut self.items);
        self.items = new;
    }

    /// Where the next page comes from: `None` before the first and after the last.
    pub fn more(&self) -> Option<P::More> {
        self.last.as_ref().and_then(Page::more)
    }

    pub fn has_more(&self) -> bool {
        self.more().is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::{SectionInfo, SectionRef};

    fn s(slug: &str) -> Summary {
        Summary {
            slug: slug.into(),
            title: slug.to_uppercase(),
            lead: None,
            section: SectionRef {
                slug: "world".into(),
                title: "World".into(),
            },
            published_at: None,
            image: None,
            views: None,
            live: None,
        }
    }

    fn page(items: Vec<Summary>, next: Option<&str>) -> FeedPage {
        FeedPage {
            section: SectionInfo {
                slug: "world".into(),
                title: "World".into(),
                tagline: None,
            },
            items,
            next: next
                .and_then(|n| FetchUrl::check(n, "https://api.example/en/sections/world/1.json")),
        }
    }

    #[test]
    fn repeated_stories_are_shown_once_in_their_first_place() {
        let mut f = Paged::default();
        assert_eq!(
            f.push_page(page(vec![s("a"), s("b"), s("c")], Some("2"))),
            3
        );
        assert!(f.has_more());
        assert_eq!(f.push_page(page(vec![s("c"), s("d"), s("a")], None)), 1);
        let slugs: Vec<_> = f.items.iter().map(|i| i.slug.as_str()).collect();
        assert_eq!(slugs, ["a", "b", "c", "d"]);
        assert_eq!(f.more(), None);
        assert_eq!(f.pages, 2);
    }

    #[test]
    fn news_goes_on_top_once() {
        let mut f = Paged::default();
        f.push_page(page(vec![s("b"), s("c")], Some("2")));
        f.prepend(vec![s("z"), s("a"), s("b"), s("z")]);
        let slugs: Vec<_> = f.items.iter().map(|i| i.slug.as_str()).collect();
        assert_eq!(slugs, ["z", "a", "b", "c"]);
        assert!(f.contains("a") && !f.contains("d"));
    }

    #[test]
    fn an_empty_next_ends_the_feed() {
        let mut f = Paged::default();
        f.push_page(page(vec![s("a")], Some("")));
        assert_eq!(f.more(), None);
    }
}
