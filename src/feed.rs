//! A section feed as the reader sees it: pages appended in order, each story once.
//! Pages are newest first and a story may come again on a later page when news
//! arrived meanwhile (contract, section 3); its first place is kept.

use std::collections::HashSet;

use crate::contract::Summary;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Feed {
    pub items: Vec<Summary>,
    seen: HashSet<String>,
    /// The URL of the next page, `None` once the last page is in.
    pub next: Option<String>,
    pub pages: usize,
}

impl Feed {
    /// Appends a page, skipping stories already shown. Returns how many were new.
    pub fn push_page(&mut self, items: Vec<Summary>, next: Option<String>) -> usize {
        let before = self.items.len();
        for item in items {
            if self.seen.insert(item.slug.clone()) {
                self.items.push(item);
            }
        }
        // An empty `next` ends the feed, like `null`.
        self.next = next.filter(|n| !n.is_empty());
        self.pages += 1;
        self.items.len() - before
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::SectionRef;

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
        }
    }

    #[test]
    fn repeated_stories_are_shown_once_in_their_first_place() {
        let mut f = Feed::default();
        assert_eq!(
            f.push_page(vec![s("a"), s("b"), s("c")], Some("2".into())),
            3
        );
        assert_eq!(f.push_page(vec![s("c"), s("d"), s("a")], None), 1);
        let slugs: Vec<_> = f.items.iter().map(|i| i.slug.as_str()).collect();
        assert_eq!(slugs, ["a", "b", "c", "d"]);
        assert_eq!(f.next, None);
        assert_eq!(f.pages, 2);
    }

    #[test]
    fn an_empty_next_ends_the_feed() {
        let mut f = Feed::default();
        f.push_page(vec![s("a")], Some(String::new()));
        assert_eq!(f.next, None);
    }
}
