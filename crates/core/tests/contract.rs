//! Decoding every resource of the contract from fixtures, with the tolerance it asks for.

use newsfront_core::contract::*;

const BASE: &str = "https://news.example/api/en/";
/// The page's base, which links in documents resolve against.
const PAGE: &str = "https://news.example/";

fn decode<T: ApiDocument>(body: &str, url: &str) -> Result<T, serde_json::Error> {
    newsfront_core::contract::decode(body, url, PAGE)
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap_or_else(|e| panic!("fixture {name}: {e}"))
}

#[test]
fn site_with_only_required_fields() {
    let site: Site = decode(&fixture("site-minimal.json"), &format!("{BASE}site.json")).unwrap();
    assert_eq!(site.name, "Test Desk");
    assert!(site.sections.is_empty() && site.social.is_empty() && site.ads.is_empty());
    assert_eq!(site.search, None);
}

#[test]
fn site_with_null_optionals() {
    let site: Site = decode(&fixture("site-nulls.json"), &format!("{BASE}site.json")).unwrap();
    assert!(site.editions.is_empty());
    assert_eq!(site.telegram, None);
    assert_eq!(site.copyright, None);
}

#[test]
fn site_ignores_unknown_fields_and_skips_unknown_entries() {
    let site: Site = decode(&fixture("site-odd.json"), &format!("{BASE}site.json")).unwrap();
    assert_eq!(
        site.editions.len(),
        1,
        "the edition with a numeric lang is skipped"
    );
    assert_eq!(site.social.len(), 1, "unknown networks are skipped");
    assert_eq!(site.social[0].network, Network::Telegram);
    assert_eq!(site.apps.len(), 1);
    assert_eq!(site.ads.len(), 1);
    assert_eq!(site.sections[0].tagline.as_deref(), Some("Far and near"));
    assert_eq!(
        site.search,
        Some(SearchConfig::Endpoint(
            url::FetchUrl::check("https://search.example/?q={q}&page={page}", "").unwrap()
        ))
    );
}

#[test]
fn front_page_resolves_images_and_skips_broken_items() {
    let front: Front = decode(&fixture("front.json"), &format!("{BASE}front.json")).unwrap();
    assert_eq!(front.top.len(), 1);
    assert_eq!(
        front.top[0].image.as_ref().unwrap().src,
        "https://news.example/api/img/a.svg"
    );
    assert_eq!(
        front.sections[0].items.len(),
        1,
        "the item without a slug is skipped"
    );
    let t = front.top[0].published_at.as_ref().unwrap();
    assert_eq!(t.datetime(), "2026-01-02T03:04:05+04:00");
}

#[test]
fn feed_page_resolves_next_against_its_own_url() {
    let url = format!("{BASE}sections/world/1.json");
    let page: FeedPage = decode(&fixture("feed-page.json"), &url).unwrap();
    assert_eq!(
        page.next.as_deref(),
        Some("https://news.example/api/en/sections/world/1.json?cursor=xyz")
    );
    let item = &page.items[0];
    assert_eq!(item.published_at, None, "a bad time is treated as absent");
    assert_eq!(
        item.views, None,
        "a view count of the wrong type is treated as absent"
    );
    assert_eq!(item.lead, None);
}

#[test]
fn feed_page_with_an_unfetchable_next_ends_there() {
    for next in [
        "javascript:alert(1)",
        "data:application/json,{}",
        "file:///etc/passwd",
    ] {
        let body = format!(
            r#"{{"section": {{"slug": "w", "title": "W"}}, "items": [], "next": "{next}"}}"#
        );
        let page: FeedPage = decode(&body, BASE).unwrap();
        assert_eq!(page.next, None, "{next}");
    }
}

#[test]
fn feed_page_without_items_is_not_the_contract() {
    let r: Result<FeedPage, _> = decode(r#"{"section": {"slug": "w", "title": "W"}}"#, BASE);
    assert!(r.is_err());
    let r: Result<FeedPage, _> = decode(
        r#"{"section": {"slug": "w", "title": "W"}, "items": "nope"}"#,
        BASE,
    );
    assert!(r.is_err(), "items of the wrong type fail the page");
}

#[test]
fn article_with_every_block_type() {
    let url = format!("{BASE}articles/full.json");
    let a: Article = decode(&fixture("article-full.json"), &url).unwrap();
    assert_eq!(a.authors.len(), 2);
    assert_eq!(a.views, Some(281));
    assert_eq!(a.updated_at, None);
    assert_eq!(a.translations[0].slug, "full-ru");
    let hero = a.image.as_ref().unwrap();
    assert_eq!(
        hero.srcset.as_deref(),
        Some(
            "https://cdn.example/hero-600.jpg 600w, https://news.example/api/en/articles/small.jpg 300w"
        )
    );
    assert_eq!(
        a.related[0].image.as_ref().unwrap().src,
        "https://news.example/api/en/articles/r.jpg"
    );
    let kinds: Vec<&str> = a
        .body
        .iter()
        .map(|b| match b {
            Block::Paragraph(_) => "paragraph",
            Block::Heading(_) => "heading",
            Block::Quote(_) => "quote",
            Block::List(_) => "list",
            Block::Image(_) => "image",
            Block::Embed(_) => "embed",
            Block::Html(_) => "html",
            Block::Unknown => "unknown",
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "paragraph",
            "heading",
            "quote",
            "list",
            "image",
            "embed",
            "embed",
            "html"
        ]
    );
    let Block::Paragraph(p) = &a.body[0] else {
        unreachable!()
    };
    assert_eq!(
        p.content[3].marks,
        [Mark::Strong, Mark::Em],
        "unknown marks are dropped"
    );
    let Block::Image(img) = &a.body[4] else {
        unreachable!()
    };
    assert_eq!(img.src, "https://news.example/api/en/img/inline.svg");
    let Block::Embed(e) = &a.body[6] else {
        unreachable!()
    };
    assert_eq!(e.provider, Provider::Other);
}

#[test]
fn article_tolerates_unknown_blocks_bad_times_and_broken_parts() {
    let a: Article = decode(&fixture("article-tolerance.json"), BASE).unwrap();
    assert_eq!(a.published_at, None, "February 30th is not a date");
    assert_eq!(a.updated_at, None);
    assert_eq!(a.image, None, "an image without src is dropped");
    assert_eq!(a.authors.len(), 1);
    assert!(a.tags.is_empty() && a.related.is_empty());
    let texts: Vec<String> = a
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p.content.iter().map(|i| i.text.clone()).collect()),
            Block::Unknown => Some("<unknown>".to_string()),
            _ => None,
        })
        .collect();
    assert_eq!(texts, ["kept", "<unknown>", "also kept"]);
    let Block::Paragraph(p) = &a.body[2] else {
        unreachable!()
    };
    assert_eq!(
        p.content[0].href, None,
        "refused as it is decoded: the text stays, unlinked"
    );
    assert_eq!(p.content[0].text, "also kept");
}

#[test]
fn not_json_is_an_error() {
    for body in [
        "",
        "<html>502 Bad Gateway</html>",
        "{\"name\": \"x\"",
        "[]",
        "null",
    ] {
        assert!(decode::<Site>(body, BASE).is_err(), "{body:?}");
        assert!(decode::<Article>(body, BASE).is_err(), "{body:?}");
    }
}

/// The committed demo tree decodes, file by file, with the app's own decoder.
#[test]
fn every_demo_file_decodes() {
    // The demo tree the app is served with (the root's public/api).
    let root = format!("{}/../../public/api", env!("CARGO_MANIFEST_DIR"));
    let mut counts = [0usize; 4];
    for lang in ["en", "ru", "hy"] {
        let dir = format!("{root}/{lang}");
        let read = |p: &str| std::fs::read_to_string(format!("{dir}/{p}")).unwrap();
        let site: Site = decode(&read("site.json"), BASE).unwrap();
        assert!(site.sections.len() >= 6);
        decode::<Front>(&read("front.json"), BASE).unwrap();
        for s in &site.sections {
            let mut page = 1;
            loop {
                let p: FeedPage =
                    decode(&read(&format!("sections/{}/{page}.json", s.slug)), BASE).unwrap();
                counts[1] += 1;
                match p.next {
                    Some(_) => page += 1,
                    None => break,
                }
            }
            assert!(page >= 3, "{lang}/{} has {page} pages", s.slug);
        }
        for entry in std::fs::read_dir(format!("{dir}/articles")).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            let a: Article = decode(&text, BASE).unwrap();
            assert!(!a.body.is_empty());
            assert_eq!(a.translations.len(), 2);
            counts[2] += 1;
        }
        counts[0] += 1;
    }
    assert_eq!(counts[0], 3);
    assert!(counts[2] >= 120, "{} articles", counts[2]);
}

/// The pre-render step lists a story by its `ArticleHead` and renders it from its
/// `Article`: the two must agree on which documents are the contract's, whatever shape
/// each field takes (or when it is missing).
#[test]
fn a_head_decodes_when_the_article_does() {
    let url = format!("{BASE}articles/x.json");
    let shapes = [
        "null",
        "1",
        "\"text\"",
        "[]",
        "[1, {}]",
        "{}",
        "{\"slug\": \"s\", \"title\": \"T\"}",
        "\"2026-11-26T09:00:00Z\"",
        "[{\"lang\": \"ru\", \"slug\": \"x-ru\"}]",
    ];
    let mut checked = 0;
    for name in ["article-full.json", "article-tolerance.json"] {
        let article: serde_json::Value = serde_json::from_str(&fixture(name)).unwrap();
        let fields: Vec<String> = article.as_object().unwrap().keys().cloned().collect();
        for field in fields {
            let mut variants: Vec<serde_json::Value> = shapes
                .iter()
                .map(|s| {
                    let mut v = article.clone();
                    v[&field] = serde_json::from_str(s).unwrap();
                    v
                })
                .collect();
            let mut without = article.clone();
            without.as_object_mut().unwrap().remove(&field);
            variants.push(without);
            for v in variants {
                let text = v.to_string();
                let full = decode::<Article>(&text, &url);
                let head = decode::<ArticleHead>(&text, &url);
                assert_eq!(full.is_ok(), head.is_ok(), "{field}: {text}");
                if let (Ok(full), Ok(head)) = (full, head) {
                    assert_eq!(
                        (
                            &full.slug,
                            &full.section,
                            &full.published_at,
                            &full.translations
                        ),
                        (
                            &head.slug,
                            &head.section,
                            &head.published_at,
                            &head.translations
                        )
                    );
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "{checked} documents");
    for text in ["", "[]", "{\"slug\": 1}", "not json"] {
        assert!(decode::<ArticleHead>(text, &url).is_err(), "{text}");
    }
}

#[test]
fn a_pictures_newer_formats_are_checked_and_unknown_ones_dropped() {
    let body = r#"{"slug": "p", "section": {"slug": "world", "title": "World"}, "title": "T",
      "image": {"src": "img/p-1200.jpg", "width": 1200, "height": 675,
        "srcset": "img/p-480.jpg 480w, img/p-1200.jpg 1200w",
        "sources": [
          {"type": "image/avif", "srcset": "img/p-480.avif 480w, https://cdn.example/p.avif 1200w"},
          {"type": "image/jxl", "srcset": "img/p-480.jxl 480w"},
          {"type": "image/webp", "srcset": "img/p.webp 480w, javascript:alert(1) 1200w"},
          {"type": "image/webp"},
          "image/webp",
          {"type": "image/webp", "srcset": "img/p-480.webp 480w"}
        ]},
      "body": []}"#;
    let a: Article = decode(body, BASE).unwrap();
    let image = a.image.unwrap();
    let sources: Vec<(&str, &str)> = image
        .sources
        .iter()
        .map(|s| (s.kind.mime(), s.srcset.as_str()))
        .collect();
    assert_eq!(
        sources,
        [
            (
                "image/avif",
                "https://news.example/api/en/img/p-480.avif 480w, https://cdn.example/p.avif 1200w"
            ),
            (
                "image/webp",
                "https://news.example/api/en/img/p-480.webp 480w"
            ),
        ],
        "a type we do not offer, a refused candidate or a broken entry drops that source only"
    );
    assert_eq!(image.src, "https://news.example/api/en/img/p-1200.jpg");
}

/// Section 7: a live story, its pages of posts, and the marker on a summary.
#[test]
fn live_stories_posts_and_markers() {
    let article = r#"{"slug":"talks","section":{"slug":"world","title":"World"},"title":"Talks",
      "body":[],"live":{"status":"live","updated_at":"2025-04-09T13:40:00+04:00",
      "posts":"../live/talks/latest.json",
      "pinned":{"id":"p-1","published_at":"2025-04-09T12:00:00+04:00","body":[
        {"type":"paragraph","content":[{"text":"Read this first"}]}]},
      "key_events":[{"post":"p-2","title":"Talks resume","at":"2025-04-09T13:05:00+04:00"},
                    {"title":"no post"}]}}"#;
    let a: Article = decode(article, &format!("{BASE}articles/talks.json")).unwrap();
    let live = a.live.expect("a live story");
    assert_eq!(live.status, LiveStatus::Live);
    assert_eq!(
        live.posts.as_str(),
        "https://news.example/api/en/live/talks/latest.json"
    );
    assert_eq!(live.pinned.unwrap().body.len(), 1);
    assert_eq!(
        live.key_events.len(),
        1,
        "the event without a post is skipped"
    );

    // A `live` the app cannot use (no posts, a status it does not know) leaves an
    // ordinary article.
    for broken in [
        r#"{"status":"live"}"#,
        r#"{"status":"paused","posts":"x.json"}"#,
    ] {
        let text = article.replace(
            &article[article.find(r#"{"status""#).unwrap()..article.rfind('}').unwrap()],
            broken,
        );
        let a: Article = decode(&text, BASE).unwrap();
        assert!(a.live.is_none(), "{broken}");
    }

    let page = r#"{"posts":[
        {"id":"p-3","published_at":"2025-04-09T13:30:00+04:00","title":"New","key_event":true,
         "authors":[{"name":"A. Writer"}],"body":[{"type":"html","html":"<p onclick=x()>Hi<script>y()</script></p>"}]},
        {"id":"p-2","deleted":true},
        {"published_at":"2025-04-09T13:00:00+04:00","body":[]},
        {"id":"p-1","updated_at":"soon","body":[{"type":"mystery"}]}],
      "next":"2025-04-09T12-10-00.json"}"#;
    let p: PostsPage = decode(page, &format!("{BASE}live/talks/latest.json")).unwrap();
    let ids: Vec<&str> = p.posts.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        ["p-3", "p-2", "p-1"],
        "a post without an id is skipped"
    );
    assert!(p.posts[0].key_event && !p.posts[0].deleted && p.posts[1].deleted);
    assert_eq!(
        serde_json::to_string(&p.posts[0].body).unwrap(),
        r#"[{"type":"html","html":"<p>Hi</p>"}]"#
    );
    assert!(p.posts[2].updated_at.is_none());
    assert_eq!(
        p.next.unwrap().as_str(),
        "https://news.example/api/en/live/talks/2025-04-09T12-10-00.json"
    );
    assert!(decode::<PostsPage>(r#"{"next":null}"#, BASE).is_err());

    let summary = r#"{"top":[{"slug":"a","title":"A","section":{"slug":"w","title":"W"},"live":"live"},
        {"slug":"b","title":"B","section":{"slug":"w","title":"W"},"live":"ended"},
        {"slug":"c","title":"C","section":{"slug":"w","title":"W"},"live":"maybe"}]}"#;
    let front: Front = decode(summary, BASE).unwrap();
    let marks: Vec<Option<LiveStatus>> = front.top.iter().map(|s| s.live).collect();
    assert_eq!(
        marks,
        [Some(LiveStatus::Live), Some(LiveStatus::Ended), None]
    );
}
