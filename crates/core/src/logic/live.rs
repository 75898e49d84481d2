//! A live story's posts as the reader sees them (contract, section 7): the newest page,
//! fetched again and again, merged into what is shown; older pages appended as the
//! reader scrolls. A corrected post replaces its earlier self where it stands, a post
//! taken down goes wherever it is (and never comes back with an older page), and new
//! posts may be held back while the reader reads further down, so that nothing moves
//! under their eyes until they ask.

use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;

use crate::contract::url::FetchUrl;
use crate::contract::{KeyEvent, Live, Post, PostsPage};

/// Posts are shared (`Arc`): a view lists all of them again on every change, and at
/// 2,000 posts deep copies of their bodies were most of a page's 70 ms at 4x CPU.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Timeline {
    /// Shown, newest first.
    pub posts: Vec<Arc<Post>>,
    /// Arrived while the reader was further down: shown when they ask (`release`).
    pub held: Vec<Arc<Post>>,
    /// Taken down: never shown again, whatever page still lists them.
    removed: HashSet<String>,
    /// The next older page; `None` once the oldest is in.
    pub older: Option<FetchUrl>,
}

/// What one fetch of the newest page changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Merged {
    pub added: usize,
    pub held: usize,
    pub corrected: usize,
    pub removed: usize,
}

impl Timeline {
    /// The story's first view: its newest page.
    pub fn new(latest: PostsPage) -> Timeline {
        let mut timeline = Timeline {
            older: latest.next.clone(),
            ..Timeline::default()
        };
        timeline.merge(latest, false);
        timeline
    }

    /// Merges the newest page fetched again. New posts go on top, or are held while
    /// `hold` (the reader is further down); corrections replace in place (a later or
    /// first `updated_at` wins, so an older copy never undoes one); take-downs go.
    pub fn merge(&mut self, latest: PostsPage, hold: bool) -> Merged {
        let mut merged = Merged::default();
        let mut fresh = Vec::new();
        for post in latest.posts {
            if post.deleted {
                if self.removed.insert(post.id.clone()) {
                    let before = self.posts.len() + self.held.len();
                    self.posts.retain(|p| p.id != post.id);
                    self.held.retain(|p| p.id != post.id);
                    merged.removed += before - self.posts.len() - self.held.len();
                }
                continue;
            }
            if self.removed.contains(&post.id) {
                continue;
            }
            let shown = self.posts.iter_mut().chain(self.held.iter_mut());
            match shown.into_iter().find(|p| p.id == post.id) {
                Some(known) => {
                    if newer(&post, known) {
                        *known = Arc::new(post);
                        merged.corrected += 1;
                    }
                }
                None if fresh.iter().any(|p: &Arc<Post>| p.id == post.id) => {}
                None => fresh.push(Arc::new(post)),
            }
        }
        // The first fetch fills an empty timeline: that is the story, not news.
        if hold && !self.posts.is_empty() {
            merged.held = fresh.len();
            fresh.append(&mut self.held);
            self.held = fresh;
        } else {
            merged.added = fresh.len();
            fresh.append(&mut self.posts);
            self.posts = fresh;
        }
        merged
    }

    /// Shows the posts held back, on top.
    pub fn release(&mut self) -> usize {
        let n = self.held.len();
        let mut held = std::mem::take(&mut self.held);
        held.append(&mut self.posts);
        self.posts = held;
        n
    }

    /// Appends an older page: posts not shown yet, in its order; its `next` is where to
    /// go on. A post shown already keeps its place (and the newer of the two copies).
    pub fn push_older(&mut self, page: PostsPage) {
        for post in page.posts {
            if post.deleted || self.removed.contains(&post.id) {
                continue;
            }
            let known = self.posts.iter_mut().chain(self.held.iter_mut());
            match known.into_iter().find(|p| p.id == post.id) {
                Some(known) if newer(&post, known) => *known = Arc::new(post),
                Some(_) => {}
                None => self.posts.push(Arc::new(post)),
            }
        }
        self.older = page.next;
    }

    /// Whether the post `id` is shown.
    pub fn shows(&self, id: &str) -> bool {
        self.posts.iter().any(|p| p.id == id)
    }
}

/// Posts a view draws as one block (`Blocks`).
pub const BLOCK: i64 = 20;

/// The shown posts in blocks of up to `BLOCK` whose bounds stay put as posts arrive on
/// top and older pages below: a post keeps the place number it got when first seen
/// (counting down from the top, up from the bottom). A page off screen is then one box
/// to skip, not 20 (with 2,000 posts, checking every post's box cost each frame
/// ~20 ms at 4x CPU).
#[derive(Debug, Default)]
pub struct Blocks {
    place: HashMap<String, i64>,
    top: i64,
    bottom: i64,
}

/// A block: its key (its number, and what is in it: a block whose posts changed is
/// drawn again) and its posts.
#[derive(Debug, Clone)]
pub struct Block {
    pub key: (i64, u64),
    pub posts: Vec<Arc<Post>>,
}

impl Blocks {
    /// `posts` (as `Timeline::posts`) in blocks, newest first.
    pub fn group(&mut self, posts: &[Arc<Post>]) -> Vec<Block> {
        let first_known = posts.iter().position(|p| self.place.contains_key(&p.id));
        let above = first_known.unwrap_or(0);
        for post in posts[..above].iter().rev() {
            self.top -= 1;
            self.place.insert(post.id.clone(), self.top);
        }
        for post in &posts[above..] {
            if !self.place.contains_key(&post.id) {
                self.place.insert(post.id.clone(), self.bottom);
                self.bottom += 1;
            }
        }
        let mut blocks: Vec<Block> = Vec::new();
        let mut hashes: Vec<DefaultHasher> = Vec::new();
        for post in posts {
            let number = self.place[&post.id].div_euclid(BLOCK);
            if blocks.last().is_none_or(|b| b.key.0 != number) {
                blocks.push(Block {
                    key: (number, 0),
                    posts: Vec::new(),
                });
                hashes.push(DefaultHasher::new());
            }
            let hasher = hashes.last_mut().expect("pushed");
            post.id.hash(hasher);
            post.updated_at.as_ref().map(|t| t.unix()).hash(hasher);
            blocks
                .last_mut()
                .expect("pushed")
                .posts
                .push(Arc::clone(post));
        }
        for (block, hasher) in blocks.iter_mut().zip(hashes) {
            block.key.1 = hasher.finish();
        }
        blocks
    }
}

/// Whether `post` corrects `known`: it has an `updated_at` and `known` has none or an
/// earlier one.
fn newer(post: &Post, known: &Post) -> bool {
    match (&post.updated_at, &known.updated_at) {
        (Some(a), Some(b)) => a.unix() > b.unix(),
        (Some(_), None) => true,
        _ => false,
    }
}

/// The story's key events, newest first: the article's list, then posts marked as key
/// events that it does not name yet (they arrived since), each once. Events whose post
/// was taken down are left out.
pub fn key_events(live: &Live, timeline: &Timeline) -> Vec<KeyEvent> {
    let mut events: Vec<KeyEvent> = timeline
        .posts
        .iter()
        .filter(|p| p.key_event && !live.key_events.iter().any(|e| e.post == p.id))
        .filter_map(|p| {
            Some(KeyEvent {
                post: p.id.clone(),
                title: p.title.clone()?,
                at: p.published_at.clone(),
            })
        })
        .collect();
    events.extend(
        live.key_events
            .iter()
            .filter(|e| !timeline.removed.contains(&e.post))
            .cloned(),
    );
    events.sort_by_key(|e| std::cmp::Reverse(e.at.as_ref().map_or(i64::MIN, |t| t.unix())));
    events
}

/// An older page's name for the reader's URL (`routes::live_updates`): its file's name
/// without `.json` when it sits beside the newest page (`latest`), as the contract's
/// pages do; `None` for one elsewhere, which the reader's URL cannot name.
pub fn page_name(page: &FetchUrl, latest: &FetchUrl) -> Option<String> {
    let folder = &latest.as_str()[..=latest.as_str().rfind('/')?];
    let name = page.as_str().strip_prefix(folder)?.strip_suffix(".json")?;
    plain_name(name).then(|| name.into())
}

/// A file name of letters, digits, `-`, `_`, `.` and `:`, not hidden: one path segment.
fn plain_name(name: &str) -> bool {
    let plain = |c: char| c.is_ascii_alphanumeric() || "-_.:".contains(c);
    !name.is_empty() && !name.starts_with('.') && name.chars().all(plain)
}

/// The page `name` (from `page_name`) of the story whose newest page is `latest`.
pub fn page_url(name: &str, latest: &FetchUrl) -> Option<FetchUrl> {
    if !plain_name(name) {
        return None;
    }
    FetchUrl::check(&format!("{name}.json"), latest.as_str())
}

/// An older page as it stands now: corrections the newest page carries replace their
/// posts, and posts it says were taken down are left out (the contract keeps older pages
/// unchanged and tells of both in the newest page only).
pub fn older_page(page: PostsPage, latest: Option<&PostsPage>) -> Vec<Arc<Post>> {
    let mut timeline = Timeline::default();
    if let Some(latest) = latest {
        timeline.removed = latest
            .posts
            .iter()
            .filter(|p| p.deleted)
            .map(|p| p.id.clone())
            .collect();
    }
    timeline.push_older(page);
    for post in latest.iter().flat_map(|l| &l.posts).filter(|p| !p.deleted) {
        if let Some(known) = timeline.posts.iter_mut().find(|p| p.id == post.id)
            && newer(post, known)
        {
            *known = Arc::new(post.clone());
        }
    }
    timeline.posts
}

/// The element id of a post, for links to it (`#post-…`): the backend's id with
/// anything but ASCII letters, digits, `-` and `_` written as `.` and its hex code, so
/// that the id is one token in HTML and its link needs no escaping.
pub fn anchor(id: &str) -> String {
    let mut out = String::from("post-");
    for c in id.chars() {
        if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
            out.push(c);
        } else {
            out.push_str(&format!(".{:x}", u32::from(c)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::logic::dates::Timestamp;

    fn post(id: &str, updated: Option<&str>) -> Post {
        Post {
            id: id.into(),
            deleted: false,
            published_at: None,
            updated_at: updated.and_then(Timestamp::parse),
            title: Some(id.to_uppercase()),
            authors: vec![],
            body: vec![],
            key_event: false,
        }
    }

    fn gone(id: &str) -> Post {
        Post {
            deleted: true,
            title: None,
            ..post(id, None)
        }
    }

    fn page(posts: Vec<Post>, next: Option<&str>) -> PostsPage {
        PostsPage {
            posts,
            next: next.map(|n| FetchUrl::check(n, "https://x.test/live/s/latest.json").unwrap()),
        }
    }

    fn ids(posts: &[Arc<Post>]) -> Vec<&str> {
        posts.iter().map(|p| p.id.as_str()).collect()
    }

    #[test]
    fn new_posts_go_on_top_or_wait_while_the_reader_is_further_down() {
        let mut t = Timeline::new(page(vec![post("b", None), post("a", None)], Some("1.json")));
        assert_eq!(ids(&t.posts), ["b", "a"]);
        assert!(t.older.is_some());
        let m = t.merge(page(vec![post("c", None), post("b", None)], None), false);
        assert_eq!((m.added, m.held), (1, 0));
        assert_eq!(ids(&t.posts), ["c", "b", "a"]);
        let m = t.merge(page(vec![post("e", None), post("d", None)], None), true);
        assert_eq!((m.added, m.held), (0, 2));
        assert_eq!(ids(&t.posts), ["c", "b", "a"]);
        // Polled again while held: nothing counted twice.
        let m = t.merge(page(vec![post("e", None), post("d", None)], None), true);
        assert_eq!(m, Merged::default());
        assert_eq!(t.release(), 2);
        assert_eq!(ids(&t.posts), ["e", "d", "c", "b", "a"]);
        assert!(t.held.is_empty());
    }

    #[test]
    fn a_correction_replaces_its_post_where_it_stands_and_an_older_copy_never_undoes_it() {
        let mut t = Timeline::new(page(vec![post("b", None), post("a", None)], Some("1.json")));
        let mut fixed = post("a", Some("2026-11-26T10:00:00+04:00"));
        fixed.title = Some("Fixed".into());
        let m = t.merge(page(vec![fixed.clone(), post("b", None)], None), true);
        assert_eq!((m.corrected, m.held), (1, 0));
        assert_eq!(ids(&t.posts), ["b", "a"]);
        assert_eq!(t.posts[1].title.as_deref(), Some("Fixed"));
        // The same copy again, and the uncorrected one on an older page: no change.
        assert_eq!(t.merge(page(vec![fixed], None), false).corrected, 0);
        t.push_older(page(vec![post("a", None), post("z", None)], None));
        assert_eq!(t.posts[1].title.as_deref(), Some("Fixed"));
        assert_eq!(ids(&t.posts), ["b", "a", "z"]);
        assert!(t.older.is_none(), "the oldest page is in");
    }

    #[test]
    fn a_post_taken_down_goes_and_never_comes_back() {
        let mut t = Timeline::new(page(vec![post("b", None), post("a", None)], Some("1.json")));
        t.merge(page(vec![post("c", None)], None), true);
        let m = t.merge(
            page(vec![gone("a"), gone("c"), gone("never-seen")], None),
            false,
        );
        assert_eq!(m.removed, 2);
        assert_eq!(ids(&t.posts), ["b"]);
        assert!(t.held.is_empty());
        t.push_older(page(vec![post("a", None), post("y", None)], None));
        t.merge(page(vec![post("c", None)], None), false);
        assert_eq!(ids(&t.posts), ["b", "y"]);
        // A take-down seen twice counts once.
        assert_eq!(t.merge(page(vec![gone("a")], None), false).removed, 0);
    }

    #[test]
    fn key_events_join_the_articles_list_newest_first_without_taken_down_posts() {
        let at = |t: &str| Timestamp::parse(t);
        let live = Live {
            status: crate::contract::LiveStatus::Live,
            updated_at: None,
            posts: FetchUrl::check("latest.json", "https://x.test/").unwrap(),
            pinned: None,
            key_events: vec![
                KeyEvent {
                    post: "b".into(),
                    title: "B".into(),
                    at: at("2026-11-26T10:00:00+04:00"),
                },
                KeyEvent {
                    post: "a".into(),
                    title: "A".into(),
                    at: at("2026-11-26T09:00:00+04:00"),
                },
            ],
        };
        let mut c = post("c", None);
        c.key_event = true;
        c.published_at = at("2026-11-26T11:00:00+04:00");
        let mut untitled = post("d", None);
        untitled.key_event = true;
        untitled.title = None;
        let mut t = Timeline::new(page(vec![untitled, c, post("b", None)], None));
        t.merge(page(vec![gone("a")], None), false);
        let events = key_events(&live, &t);
        let titles: Vec<&str> = events.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(titles, ["C", "B"]);
    }

    #[test]
    fn an_older_page_shows_the_newest_pages_corrections_and_take_downs() {
        let mut fixed = post("b", Some("2026-11-26T10:00:00+04:00"));
        fixed.title = Some("Fixed".into());
        let latest = page(vec![post("d", None), fixed, gone("c")], None);
        let older = page(
            vec![post("c", None), post("b", None), post("a", None)],
            None,
        );
        let shown = older_page(older, Some(&latest));
        assert_eq!(ids(&shown), ["b", "a"]);
        assert_eq!(shown[0].title.as_deref(), Some("Fixed"));
    }

    #[test]
    fn older_pages_are_named_by_their_file_beside_the_newest() {
        let latest = FetchUrl::check("https://x.test/api/en/live/s/latest.json", "").unwrap();
        let at = |u: &str| FetchUrl::check(u, latest.as_str()).unwrap();
        assert_eq!(
            page_name(&at("p-20.json"), &latest).as_deref(),
            Some("p-20")
        );
        assert_eq!(
            page_url("p-20", &latest).unwrap().as_str(),
            "https://x.test/api/en/live/s/p-20.json"
        );
        assert_eq!(page_name(&at("../t/p-20.json"), &latest), None);
        assert_eq!(page_name(&at("p-20.json?x=1"), &latest), None);
        assert_eq!(page_name(&at("deeper/p-20.json"), &latest), None);
        assert_eq!(page_url("../x", &latest), None);
        assert_eq!(page_url("", &latest), None);
    }

    #[test]
    fn blocks_keep_their_bounds_as_posts_arrive_above_and_below() {
        let numbered = |from: usize, to: usize| -> Vec<Post> {
            (from..to)
                .rev()
                .map(|i| post(&format!("p{i}"), None))
                .collect()
        };
        let mut t = Timeline::new(page(numbered(80, 100), Some("1.json")));
        let mut blocks = Blocks::default();
        let first = blocks.group(&t.posts);
        assert_eq!(first.len(), 1);
        t.push_older(page(numbered(60, 80), None));
        let two = blocks.group(&t.posts);
        assert_eq!(two.len(), 2);
        assert_eq!(
            two[0].key, first[0].key,
            "the first block untouched by a page below"
        );
        // Five new posts on top: a block of their own; the others keep their keys.
        t.merge(page(numbered(100, 105), None), false);
        let three = blocks.group(&t.posts);
        assert_eq!(
            three.iter().map(|b| b.posts.len()).collect::<Vec<_>>(),
            [5, 20, 20]
        );
        assert_eq!((three[1].key, three[2].key), (two[0].key, two[1].key));
        // A correction changes its block's key only.
        t.merge(
            page(vec![post("p70", Some("2026-11-26T10:00:00+04:00"))], None),
            false,
        );
        let four = blocks.group(&t.posts);
        assert_eq!((four[0].key, four[1].key), (three[0].key, three[1].key));
        assert_ne!(four[2].key, three[2].key);
        assert_eq!(
            ids(&four[0].posts),
            ["p104", "p103", "p102", "p101", "p100"]
        );
    }

    #[test]
    fn anchors_are_one_html_token() {
        assert_eq!(anchor("p-1042_x"), "post-p-1042_x");
        assert_eq!(anchor("a b\"<é"), "post-a.20b.22.3c.e9");
    }
}
