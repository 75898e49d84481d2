//! The demo's live stories (contract, section 7): in each edition the second newest
//! story is live, with a few hundred posts, and leads the front page (the newest stays an
//! ordinary story, the one the reports measure); one a little older has ended. `--live-update`
//! keeps the live one alive in a tree being served: a new post, now and then a
//! correction or a take-down, as a newsroom would publish them.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::*;
use newsfront_core::logic::edition::Edition;
use newsfront_core::logic::i18n;

/// The stories that are live (by their place in the corpus), and how many posts each has.
pub const LIVE: usize = 1;
const ENDED: usize = 8;
const ENDED_POSTS: usize = 40;
/// The live story's posts: 240, or what `--live-posts` says (reports at a newsroom's size).
static LIVE_POSTS: AtomicUsize = AtomicUsize::new(240);

pub fn set_posts(n: usize) {
    LIVE_POSTS.store(n.max(PAGE), Ordering::Relaxed);
}
/// Posts per page; `latest.json` holds one to two pages' worth.
const PAGE: usize = 20;
/// Minutes between two of a generated story's posts.
const EVERY: i64 = 3;

pub fn status(s: &Story) -> Option<LiveStatus> {
    match s.index {
        LIVE => Some(LiveStatus::Live),
        ENDED => Some(LiveStatus::Ended),
        _ => None,
    }
}

fn count(s: &Story) -> usize {
    match status(s) {
        Some(LiveStatus::Live) => LIVE_POSTS.load(Ordering::Relaxed),
        Some(LiveStatus::Ended) => ENDED_POSTS,
        None => 0,
    }
}

/// The story's `k`-th post (0 the first), published at `at`: our own text, every block
/// type now and then, a title on every third, a key event on every twelfth.
fn post(lang: &Lang, s: &Story, k: usize, at: Timestamp) -> Post {
    // Another story's place in the phrase tables, so that posts read differently.
    let like = Story {
        index: s.index * 31 + k,
        section: s.section,
    };
    let mut body = vec![paragraph(lang, &like, k)];
    match k % 10 {
        3 => body.push(Block::Quote(Quote {
            content: vec![text(lang.quotes[k % 3].to_string())],
            cite: Some(lang.authors[(k + 1) % 4].to_string()),
        })),
        5 => body.push(Block::Image(image(lang, &like, "../../../"))),
        7 => body.push(Block::List(List {
            ordered: false,
            items: lang.list_items[..3]
                .iter()
                .map(|i| vec![text(i.to_string())])
                .collect(),
        })),
        9 if k % 20 == 9 => body.push(Block::Embed(Embed {
            provider: Provider::Youtube,
            url: Some(link("https://www.youtube.com/watch?v=aqz-KE-bpKQ")),
            title: Some(lang.video.to_string()),
        })),
        9 => body.push(Block::Html(Html::from_markup(
            &format!(
                "<p><b>{}</b> <i>{}</i></p>",
                lang.archive_note,
                lang.topics[k % 8]
            ),
            "",
        ))),
        _ => {}
    }
    let key_event = k.is_multiple_of(12);
    Post {
        id: format!("p-{}", k + 1),
        deleted: false,
        published_at: Some(at),
        updated_at: None,
        title: (key_event || k.is_multiple_of(3)).then(|| fill(lang.headlines[k % 6], lang, &like)),
        authors: vec![Author {
            name: lang.authors[k % 4].to_string(),
        }],
        body,
        key_event,
    }
}

/// The story's posts, newest first.
fn posts(lang: &Lang, s: &Story) -> Vec<Post> {
    let start = START - s.index as i64 * 97;
    (0..count(s))
        .rev()
        .map(|k| post(lang, s, k, wall_clock(start + k as i64 * EVERY, 0)))
        .collect()
}

/// What makes the story `s` live, if it is.
pub fn of(lang: &Lang, s: &Story) -> Option<Live> {
    let status = status(s)?;
    let posts = posts(lang, s);
    let like = Story {
        index: s.index + 1,
        section: s.section,
    };
    Some(Live {
        status,
        updated_at: posts[0].published_at.clone(),
        posts: fetch(&format!("../live/{}/latest.json", slug(lang, s))),
        pinned: Some(Post {
            id: "pinned".into(),
            title: Some(fill(lang.headings[0], lang, &like)),
            key_event: false,
            ..post(lang, &like, 1, time(s))
        }),
        key_events: posts.iter().filter_map(key_event).collect(),
    })
}

fn key_event(p: &Post) -> Option<KeyEvent> {
    p.key_event.then(|| KeyEvent {
        post: p.id.clone(),
        title: p.title.clone().unwrap_or_default(),
        at: p.published_at.clone(),
    })
}

/// Writes the pages of the story's posts below `root` (an edition's tree): the newest
/// `PAGE` in `latest.json`, the rest in older pages of `PAGE`, which never change.
pub fn write_posts(lang: &Lang, s: &Story, root: &Path) {
    if status(s).is_none() {
        return;
    }
    let dir = root.join(format!("live/{}", slug(lang, s)));
    let mut posts = posts(lang, s);
    let mut next = None;
    // From the oldest page up, so each knows the one after it.
    let newest_older = posts.len() - PAGE;
    let mut older: Vec<Post> = posts.split_off(PAGE);
    debug_assert_eq!(older.len(), newest_older);
    while !older.is_empty() {
        let page: Vec<Post> = older.split_off(older.len().saturating_sub(PAGE));
        let name = page_name(&page);
        write(
            &dir.join(&name),
            &PostsPage {
                posts: page,
                next: next.take(),
            },
        );
        next = Some(fetch(&name));
    }
    write(&dir.join("latest.json"), &PostsPage { posts, next });
}

/// An older page's name: its newest post's id, which no other page has.
fn page_name(posts: &[Post]) -> String {
    format!("{}.json", posts[0].id)
}

/// `--live-update`: one change to the live story of each edition in the tree at `out`,
/// the `step`-th: mostly a new post, every fifth a correction, every ninth a take-down
/// (a take-down first where both fall).
pub fn update(out: &Path, step: u64) {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("a clock after 1970")
        .as_secs() as i64;
    // The newsroom's wall clock, +04:00.
    let at = wall_clock((now + 4 * 3600) / 60, now % 60);
    for lang in LANGS {
        let s = Story {
            index: LIVE,
            section: LIVE % 6,
        };
        let root = out.join(lang.code);
        let dir = root.join(format!("live/{}", slug(lang, &s)));
        let Some(mut latest) = read::<PostsPage>(&dir.join("latest.json")) else {
            continue;
        };
        let shown: Vec<usize> = (0..latest.posts.len())
            .filter(|&i| !latest.posts[i].deleted)
            .collect();
        match step {
            _ if step % 9 == 8 && shown.len() > 2 => {
                let id = latest.posts[shown[1]].id.clone();
                latest.posts[shown[1]] = Post {
                    id,
                    deleted: true,
                    published_at: None,
                    updated_at: None,
                    title: None,
                    authors: vec![],
                    body: vec![],
                    key_event: false,
                };
            }
            _ if step % 5 == 4 && shown.len() > 3 => {
                let edition = Edition::from_lang(lang.code).expect("a demo edition");
                let post = &mut latest.posts[shown[2]];
                post.updated_at = Some(at.clone());
                post.body.push(Block::Paragraph(Paragraph {
                    content: vec![Inline {
                        text: format!("{} {}", i18n::text(edition).updated, at.display(edition)),
                        marks: vec![Mark::Em],
                        href: None,
                    }],
                }));
            }
            _ => {
                let k = latest
                    .posts
                    .iter()
                    .filter_map(|p| p.id.strip_prefix("p-")?.parse::<usize>().ok())
                    .max()
                    .unwrap_or(0);
                latest.posts.insert(0, post(lang, &s, k, at.clone()));
            }
        }
        if latest.posts.len() >= 2 * PAGE {
            let page = latest.posts.split_off(PAGE);
            let name = page_name(&page);
            write(
                &dir.join(&name),
                &PostsPage {
                    posts: page,
                    next: latest.next.take(),
                },
            );
            latest.next = Some(fetch(&name));
        }
        write(&dir.join("latest.json"), &latest);
        let article = root.join(format!("articles/{}.json", slug(lang, &s)));
        if let Some(mut a) = read::<Article>(&article) {
            if let Some(live) = a.live.as_mut() {
                live.updated_at = Some(at.clone());
                if let Some(event) = latest.posts.first().and_then(key_event)
                    && !live.key_events.iter().any(|e| e.post == event.post)
                {
                    live.key_events.insert(0, event);
                }
            }
            a.updated_at = Some(at.clone());
            write(&article, &a);
        }
    }
}

fn read<T: serde::de::DeserializeOwned>(path: &Path) -> Option<T> {
    serde_json::from_str(&fs::read_to_string(path).ok()?).ok()
}
