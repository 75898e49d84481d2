//! The pre-render step (this crate) run on the demo tree and on a hostile copy of
//! it: every page is written with its head tags and valid JSON-LD, the sitemaps and RSS
//! feeds parse as XML and list every page, and hostile content stays text.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

mod harness;

use harness::{NOW, ORIGIN, built_shell, prerender, temp_dir};
use newsfront_core::logic::dates::Timestamp;
use newsfront_core::logic::edition::Edition;
use newsfront_publish::{Options, Report, run};
use serde_json::Value;

fn demo_api() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/api")
}

/// The demo tree's articles: (edition, article JSON).
fn demo_articles() -> Vec<(Edition, Value)> {
    let mut all = Vec::new();
    for edition in Edition::ALL {
        let dir = demo_api().join(edition.lang()).join("articles");
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            all.push((edition, serde_json::from_str(&text).unwrap()));
        }
    }
    all
}

fn page_path(edition: Edition, rest: &str) -> String {
    match edition.prefix() {
        "" => rest.to_string(),
        p => format!("{p}/{rest}"),
    }
}

/// The contents of every `<script type="application/ld+json">`, parsed.
/// A story's own structured data: a `NewsArticle`, or a live story's `LiveBlogPosting`.
fn is_article(v: &Value) -> bool {
    v["@type"] == "NewsArticle" || v["@type"] == "LiveBlogPosting"
}

fn json_ld(html: &str) -> Vec<Value> {
    html.split("<script type=\"application/ld+json\">")
        .skip(1)
        .map(|rest| serde_json::from_str(&rest[..rest.find("</script>").unwrap()]).unwrap())
        .collect()
}

/// The `content` of `<meta {attr}="{key}">`, unescaped enough for the checks here.
fn meta(html: &str, attr: &str, key: &str) -> Option<String> {
    let start = html.find(&format!("<meta {attr}=\"{key}\" content=\""))?;
    let rest = &html[start..];
    let value = &rest[rest.find("content=\"").unwrap() + 9..];
    let value = &value[..value.find('"').unwrap()];
    Some(
        value
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&#39;", "'")
            .replace("&quot;", "\"")
            .replace("&amp;", "&"),
    )
}

/// Every URL of the sitemap files that `sitemap.xml` (an index) lists.
fn sitemap_urls(dist: &Path) -> Vec<String> {
    let index = std::fs::read_to_string(dist.join("sitemap.xml")).unwrap();
    let files = locs(&index, "loc");
    assert!(!files.is_empty(), "the index lists its sitemap files");
    files
        .iter()
        .flat_map(|url| {
            let path = url
                .strip_prefix(&format!("{ORIGIN}/"))
                .expect("a file of the site");
            locs(&std::fs::read_to_string(dist.join(path)).unwrap(), "loc")
        })
        .collect()
}

fn locs(xml: &str, tag: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(xml).unwrap();
    doc.descendants()
        .filter(|n| n.tag_name().name() == tag)
        .filter_map(|n| n.text().map(str::to_string))
        .collect()
}

/// The demo tree pre-rendered once for the tests below, each checking one kind of file
/// (left in the temporary folder, like a failed test's).
fn demo() -> &'static (PathBuf, Report) {
    static DEMO: OnceLock<(PathBuf, Report)> = OnceLock::new();
    DEMO.get_or_init(|| {
        let dist = temp_dir("prerender-demo");
        let report = prerender(&dist, &demo_api());
        (dist, report)
    })
}

const SECTIONS: usize = 6;

#[test]
fn every_demo_page_is_written_and_counted() {
    let (_, report) = demo();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    let articles = demo_articles();
    assert_eq!(report.articles, articles.len());
    assert_eq!(report.pages, articles.len() + 3 * (1 + SECTIONS));
    assert_eq!(report.widgets, articles.len() + 3 * SECTIONS);
}

#[test]
fn a_widget_page_is_the_view_alone_and_not_indexed() {
    let (dist, _) = demo();
    // A widget page: the view alone, its script, no app and no data for one; not indexed.
    for path in [
        "embed/section/world",
        "ru/embed/article/world/council-plan-1-ru",
    ] {
        let html = std::fs::read_to_string(dist.join(path).join("index.html"))
            .unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(html.contains("<div data-widget"), "{path}");
        assert!(html.contains("<script defer src=\"./widget-"), "{path}");
        for app in ["start-", "data-crash", "modulepreload", "application/json"] {
            assert!(!html.contains(app), "{path}: {app}");
        }
        assert_eq!(meta(&html, "name", "robots").as_deref(), Some("noindex"));
    }
    let box_html = std::fs::read_to_string(dist.join("embed/section/world/index.html")).unwrap();
    assert_eq!(
        box_html.matches("</li>").count(),
        10,
        "the most a partner may ask for"
    );
}

#[test]
fn search_pages_are_the_apps_shell() {
    let (dist, _) = demo();
    // Search pages are the app's shell, so that a static host answers them with 200.
    for search in ["search", "ru/search", "arm/search"] {
        let html = std::fs::read_to_string(dist.join(search).join("index.html"))
            .unwrap_or_else(|e| panic!("{search}: {e}"));
        assert_eq!(
            html,
            std::fs::read_to_string(dist.join("404.html")).unwrap()
        );
    }
}

#[test]
fn the_sitemap_lists_every_page_once() {
    let (dist, report) = demo();
    let sitemap = sitemap_urls(dist);
    assert_eq!(
        sitemap.len(),
        report.pages,
        "the sitemap lists every page once"
    );
    let sitemap: HashSet<String> = sitemap.into_iter().collect();
    assert_eq!(sitemap.len(), report.pages);

    for (edition, article) in &demo_articles() {
        let (section, slug) = (
            article["section"]["slug"].as_str().unwrap(),
            article["slug"].as_str().unwrap(),
        );
        let url = format!(
            "{ORIGIN}/{}",
            page_path(*edition, &format!("{section}/{slug}"))
        );
        assert!(sitemap.contains(&url), "{url}: in the sitemap");
    }
}

#[test]
fn every_story_page_has_its_head_tags_json_ld_text_and_documents() {
    let (dist, _) = demo();
    let articles = demo_articles();
    let mut lives = 0;
    for (edition, article) in &articles {
        let (section, slug) = (
            article["section"]["slug"].as_str().unwrap(),
            article["slug"].as_str().unwrap(),
        );
        let path = page_path(*edition, &format!("{section}/{slug}"));
        let html = std::fs::read_to_string(dist.join(&path).join("index.html"))
            .unwrap_or_else(|e| panic!("{path}: {e}"));
        let url = format!("{ORIGIN}/{path}");
        let title = article["title"].as_str().unwrap();
        assert!(
            html.contains(&format!("<link rel=\"canonical\" href=\"{url}\">")),
            "{path}: canonical"
        );
        assert!(
            html.contains(&format!("<html lang=\"{}\">", edition.lang())),
            "{path}: lang"
        );
        assert_eq!(
            meta(&html, "property", "og:title").as_deref(),
            Some(title),
            "{path}"
        );
        assert_eq!(
            meta(&html, "property", "og:type").as_deref(),
            Some("article"),
            "{path}"
        );
        assert_eq!(
            meta(&html, "property", "og:url"),
            Some(url.clone()),
            "{path}"
        );
        // Every page has a preview the networks show: the story's photo (the demo's
        // are 1200x675 JPEGs), else the edition's raster card.
        let image = meta(&html, "property", "og:image");
        let (expected, height) = match article["image"]["src"].as_str() {
            Some(src) => (
                format!("{ORIGIN}/api/img/{}", src.rsplit('/').next().unwrap()),
                "675",
            ),
            None => (format!("{ORIGIN}/cards/{}.png", edition.lang()), "630"),
        };
        assert_eq!(image, Some(expected), "{path}");
        assert_eq!(
            meta(&html, "property", "og:image:width").as_deref(),
            Some("1200")
        );
        assert_eq!(
            meta(&html, "property", "og:image:height").as_deref(),
            Some(height)
        );
        assert!(meta(&html, "property", "og:image:alt").is_some_and(|a| !a.is_empty()));
        assert_eq!(
            meta(&html, "name", "twitter:card").as_deref(),
            Some("summary_large_image")
        );
        assert_eq!(
            meta(&html, "property", "article:published_time").as_deref(),
            article["published_at"].as_str()
        );
        assert!(
            meta(&html, "name", "description").is_some_and(|d| !d.is_empty()),
            "{path}"
        );
        for t in article["translations"].as_array().into_iter().flatten() {
            let lang = t["lang"].as_str().unwrap();
            assert!(
                html.contains(&format!("hreflang=\"{lang}\"")),
                "{path}: alternate {lang}"
            );
        }
        let ld = json_ld(&html);
        let news = ld
            .iter()
            .find(|v| is_article(v))
            .unwrap_or_else(|| panic!("{path}: NewsArticle"));
        // A live story is a LiveBlogPosting: its coverage, and its newest posts.
        match article["live"]["status"].as_str() {
            Some(status) => {
                assert_eq!(news["@type"], "LiveBlogPosting", "{path}");
                assert_eq!(news["coverageStartTime"], article["published_at"]);
                let ended = status == "ended";
                assert_eq!(news["coverageEndTime"].is_string(), ended, "{path}");
                let updates = news["liveBlogUpdate"].as_array().expect("updates");
                assert_eq!(updates.len(), 10, "{path}: the newest ten");
                for u in updates {
                    assert_eq!(u["@type"], "BlogPosting");
                    assert!(u["headline"].as_str().is_some_and(|h| !h.is_empty()));
                    assert!(u["articleBody"].as_str().is_some_and(|b| !b.is_empty()));
                    assert!(u["datePublished"].is_string());
                    let anchor = u["url"].as_str().unwrap().split_once('#').unwrap().1;
                    assert!(
                        html.contains(&format!("id=\"{anchor}\"")),
                        "{path}: #{anchor}"
                    );
                }
                lives += 1;
            }
            None => assert_eq!(news["@type"], "NewsArticle", "{path}"),
        }
        assert_eq!(news["headline"], title);
        assert_eq!(news["datePublished"], article["published_at"]);
        assert_eq!(news["mainEntityOfPage"], url.as_str());
        assert_eq!(news["image"][0].as_str(), image.as_deref());
        assert!(news["publisher"]["name"].is_string());
        let authors: Vec<&str> = article["authors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["name"].as_str().unwrap())
            .collect();
        let named: Vec<&str> = news["author"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["name"].as_str().unwrap())
            .collect();
        assert_eq!(named, authors);
        let crumbs = ld.iter().find(|v| v["@type"] == "BreadcrumbList").unwrap();
        assert_eq!(crumbs["itemListElement"].as_array().unwrap().len(), 3);
        // The reader's text is in the page, and the data the app takes over with.
        assert!(
            html.contains(&format!(">{}</h1>", title.replace('&', "&amp;"))),
            "{path}: h1"
        );
        assert!(
            html.contains(&format!(
                "data-handover=\"{}/articles/{slug}.json\"",
                edition.lang()
            )),
            "{path}"
        );
    }
    assert_eq!(lives, 6, "a live and an ended story in each edition");
}

#[test]
fn the_news_sitemap_lists_the_last_48_hours() {
    let (dist, _) = demo();
    let articles = demo_articles();
    // Google News: the last 48 hours only.
    let news = std::fs::read_to_string(dist.join("news-sitemap.xml")).unwrap();
    let now = Timestamp::parse(NOW).unwrap().unix();
    let dates = locs(&news, "publication_date");
    assert!(!dates.is_empty());
    for d in &dates {
        let age = now - Timestamp::parse(d).unwrap().unix();
        assert!((0..=48 * 3600).contains(&age), "{d} is not within 48 hours");
    }
    let recent = articles
        .iter()
        .filter(|(_, a)| {
            (0..=48 * 3600).contains(
                &(now
                    - Timestamp::parse(a["published_at"].as_str().unwrap())
                        .unwrap()
                        .unix()),
            )
        })
        .count();
    assert_eq!(dates.len(), recent, "every story of the last 48 hours");
}

#[test]
fn every_story_is_in_its_sections_rss_feed() {
    let (dist, report) = demo();
    let articles = demo_articles();
    // RSS: one feed per edition and per section; every story is in its section's feed.
    assert_eq!(report.feeds, 3 * (1 + SECTIONS));
    for (edition, article) in &articles {
        let section = article["section"]["slug"].as_str().unwrap();
        let feed = dist.join(page_path(*edition, section)).join("rss.xml");
        let xml = std::fs::read_to_string(&feed).unwrap();
        let doc = roxmltree::Document::parse(&xml).unwrap();
        assert_eq!(doc.root_element().attribute("version"), Some("2.0"));
        let links = locs(&xml, "link");
        let url = format!(
            "{ORIGIN}/{}",
            page_path(
                *edition,
                &format!("{section}/{}", article["slug"].as_str().unwrap())
            )
        );
        assert!(links.contains(&url), "{url} in {}", feed.display());
        for date in locs(&xml, "pubDate") {
            assert!(
                date.len() >= 29 && date.as_bytes()[3] == b',',
                "RFC 2822: {date}"
            );
        }
        // A story updated since (a live story by its newest post) says when.
        if let Some(updated) = article["updated_at"].as_str() {
            let doc = roxmltree::Document::parse(&xml).unwrap();
            let item = doc
                .descendants()
                .find(|n| n.has_tag_name("item") && n.descendants().any(|l| l.text() == Some(&url)))
                .unwrap();
            let atom = item
                .children()
                .find(|n| n.has_tag_name(("http://www.w3.org/2005/Atom", "updated")))
                .and_then(|n| n.text());
            assert_eq!(atom, Some(updated), "{url}");
        }
    }
    for edition in Edition::ALL {
        let xml =
            std::fs::read_to_string(dist.join(page_path(edition, "")).join("rss.xml")).unwrap();
        assert_eq!(
            locs(&xml, "item").len(),
            0,
            "items have no text of their own"
        );
        assert_eq!(
            roxmltree::Document::parse(&xml)
                .unwrap()
                .descendants()
                .filter(|n| n.has_tag_name("item"))
                .count(),
            50
        );
    }
}

#[test]
fn robots_txt_names_the_sitemaps() {
    let (dist, _) = demo();
    let robots = std::fs::read_to_string(dist.join("robots.txt")).unwrap();
    assert!(robots.contains(&format!("Sitemap: {ORIGIN}/sitemap.xml")));
    assert!(robots.contains(&format!("Sitemap: {ORIGIN}/news-sitemap.xml")));
    assert!(robots.starts_with("User-agent: *"));
}

#[test]
fn front_and_section_pages_have_their_own_heads_and_start_the_app_late() {
    let (dist, _) = demo();
    // The front page of each edition, and a section page, have their own heads.
    let front = std::fs::read_to_string(dist.join("ru/index.html")).unwrap();
    assert!(front.contains("<html lang=\"ru\">"));
    assert!(front.contains(&format!("<link rel=\"canonical\" href=\"{ORIGIN}/ru/\">")));
    assert!(front.contains("hreflang=\"x-default\""));
    let section = std::fs::read_to_string(dist.join("world/index.html")).unwrap();
    assert!(
        json_ld(&section)
            .iter()
            .any(|v| v["@type"] == "BreadcrumbList")
    );
    assert!(section.contains(&format!(
        "href=\"{ORIGIN}/world/rss.xml\" type=\"application/rss+xml\""
    )));
    // The app starts after the lead photo's paint, from an inline starter; nothing of it
    // is preloaded or requested before.
    assert!(section.contains("import('./start-0123456789abcdef.js')"));
    assert!(!section.contains("src=\"./start-"));
    assert!(!section.contains("modulepreload"));
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Every opening tag in `html` outside the script data blocks: (tag, attribute names
/// and values as written).
fn tags_outside_data(html: &str) -> Vec<String> {
    let mut text = html.to_string();
    while let Some(start) = text.find("<script type=\"application/") {
        let end = start + text[start..].find("</script>").unwrap() + "</script>".len();
        let block = &text[start..end];
        let inner = &block[block.find('>').unwrap() + 1..block.len() - "</script>".len()];
        assert!(
            !inner.contains('<'),
            "a data block holds no markup: {inner}"
        );
        text.replace_range(start..end, "");
    }
    text.match_indices('<')
        .filter_map(|(i, _)| {
            let rest = &text[i + 1..];
            rest.starts_with(|c: char| c.is_ascii_alphabetic())
                .then(|| rest[..rest.find('>').unwrap()].to_string())
        })
        .collect()
}

/// A tag as the step writes it (`name attr="value" ...`, values escaped): its name and
/// attributes.
fn parse_tag(tag: &str) -> (String, Vec<(String, String)>) {
    let tag = tag.trim_end_matches('/');
    let (name, mut rest) = tag.split_once(char::is_whitespace).unwrap_or((tag, ""));
    let mut attrs = Vec::new();
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            break;
        }
        let end = rest
            .find(|c: char| c == '=' || c.is_whitespace())
            .unwrap_or(rest.len());
        let attr = rest[..end].to_string();
        rest = &rest[end..];
        let mut value = String::new();
        if let Some(after) = rest.strip_prefix("=\"") {
            let close = after.find('"').expect("quoted value");
            value = after[..close].to_string();
            rest = &after[close + 1..];
        }
        attrs.push((attr, value));
    }
    (name.to_string(), attrs)
}

#[test]
fn hostile_content_in_a_pre_rendered_page_runs_nothing() {
    let api = temp_dir("prerender-hostile-api");
    copy_dir(&demo_api(), &api);
    let vectors: Vec<String> = include_str!("../../../tests/fixtures/xss-vectors.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|v| format!("<p>{v}</p><p>still here</p>"))
        .collect();
    let file = api.join("en/articles/council-plan-1.json");
    let mut article: Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let nasty = "</title></script><script>alert(1)</script>\"><img src=x onerror=alert(1)><!--";
    article["title"] = Value::from(nasty);
    article["lead"] = Value::from(nasty);
    article["authors"] = serde_json::json!([{"name": nasty}]);
    article["source"] = Value::from(nasty);
    article["tags"] = serde_json::json!([{"slug": "x\"><script>", "title": nasty}]);
    article["image"]["src"] = Value::from("javascript:alert(1)");
    article["image"]["alt"] = Value::from(nasty);
    article["body"] = serde_json::json!([
        {"type": "html", "html": vectors.join("")},
        {"type": "paragraph", "content": [{"text": nasty, "href": "javascript:alert(1)"}]},
        {"type": "image", "src": "data:text/html,<script>alert(1)</script>", "width": 10, "height": 10, "alt": nasty},
        {"type": "embed", "provider": "youtube", "url": "javascript:alert(1)", "title": nasty},
    ]);
    std::fs::write(&file, article.to_string()).unwrap();

    let dist = temp_dir("prerender-hostile");
    let report = prerender(&dist, &api);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    let html = std::fs::read_to_string(dist.join("world/council-plan-1/index.html")).unwrap();
    let body = &html[html.find("<body>").unwrap()..];
    for tag in tags_outside_data(body) {
        let lower = tag.to_ascii_lowercase();
        let (name, attrs) = parse_tag(&lower);
        assert!(
            !matches!(
                name.as_str(),
                "iframe" | "object" | "embed" | "form" | "base" | "style"
            ),
            "<{tag}>"
        );
        // The one script in the body is the app's inline starter.
        if name == "script" {
            assert_eq!(lower, "script", "<{tag}>");
        }
        for (attr, value) in attrs {
            assert!(
                !attr.starts_with("on") && attr != "style" && attr != "srcdoc",
                "<{tag}>"
            );
            if matches!(
                attr.as_str(),
                "href" | "src" | "action" | "formaction" | "srcset"
            ) {
                assert!(
                    !value.contains("javascript:") && !value.contains("data:text"),
                    "<{tag}>"
                );
            }
        }
    }
    let rendered =
        &html[html.find("<!--prerendered-->").unwrap()..html.find("<!--/prerendered-->").unwrap()];
    assert_eq!(
        rendered.matches("still here").count(),
        vectors.len(),
        "the text after each vector shows"
    );
    let ld = json_ld(&html);
    let news = ld.iter().find(|v| is_article(v)).unwrap();
    assert_eq!(news["headline"], nasty, "JSON-LD keeps the text, escaped");
    assert_eq!(meta(&html, "property", "og:title").as_deref(), Some(nasty));
    assert!(html.contains("<title>&lt;/title&gt;&lt;/script&gt;"));
    std::fs::remove_dir_all(dist).unwrap();
    std::fs::remove_dir_all(api).unwrap();
}

/// Serves `root` over HTTP/1.1 on a free local port, one request per connection.
fn serve_over_http(root: PathBuf) -> String {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let mut stream = stream.unwrap();
            let mut line = String::new();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            reader.read_line(&mut line).unwrap();
            // A conditional request names the version it has: the same one is 304.
            let mut known = None;
            let mut header = String::new();
            while reader.read_line(&mut header).unwrap() > 2 {
                if let Some(v) = header.to_ascii_lowercase().strip_prefix("if-none-match:") {
                    known = Some(v.trim().to_string());
                }
                header.clear();
            }
            let path = line.split_whitespace().nth(1).unwrap_or("/");
            let response = match std::fs::read(root.join(path.trim_start_matches('/'))) {
                Ok(body) => {
                    let etag = format!(
                        "\"{}-{}\"",
                        body.len(),
                        body.iter().map(|b| *b as u64).sum::<u64>()
                    );
                    if known.as_deref() == Some(etag.as_str()) {
                        format!(
                            "HTTP/1.1 304 Not Modified\r\netag: {etag}\r\nconnection: close\r\n\r\n"
                        )
                        .into_bytes()
                    } else {
                        let mut r = format!(
                            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\netag: {etag}\r\nconnection: close\r\n\r\n",
                            body.len()
                        )
                        .into_bytes();
                        r.extend(body);
                        r
                    }
                }
                Err(_) => {
                    b"HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
                        .to_vec()
                }
            };
            let _ = stream.write_all(&response);
        }
    });
    format!("http://127.0.0.1:{port}/")
}

#[test]
fn reads_a_newsroom_api_over_http_as_well() {
    let dist = temp_dir("prerender-http");
    built_shell(&dist);
    let options = Options {
        dist: dist.clone(),
        api: serve_over_http(demo_api()),
        origin: ORIGIN.to_string(),
        now: Timestamp::parse(NOW).unwrap().unix(),
        threads: 2,
    };
    let report = run(&options).unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(report.articles, demo_articles().len());
    assert!(dist.join("arm/world/council-plan-1-hy/index.html").exists());
    // Again: every story is asked for with its ETag, and the server says 304.
    let again = run(&options).unwrap();
    assert!(report.documents_read > 0);
    assert_eq!(again.documents_read, 0);
    assert_eq!(again.rendered, 0);
    assert!(again.changes.is_empty(), "{:?}", again.changes);
    std::fs::remove_dir_all(dist).unwrap();
}

#[test]
fn a_large_raster_photo_is_the_preview_and_a_small_one_is_not() {
    let api = temp_dir("prerender-preview-api");
    copy_dir(&demo_api(), &api);
    for (slug, src, width) in [
        ("council-plan-1", "../../img/photo.jpg", 1600),
        ("residents-debate-7", "../../img/thumb.jpg", 800),
    ] {
        let file = api.join(format!("en/articles/{slug}.json"));
        let mut article: Value =
            serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        article["image"]["src"] = Value::from(src);
        article["image"]["width"] = Value::from(width);
        article["image"]["height"] = Value::from(width * 9 / 16);
        article["image"]["alt"] = Value::from("A harbour at dawn");
        std::fs::write(&file, article.to_string()).unwrap();
    }
    let dist = temp_dir("prerender-preview-dist");
    prerender(&dist, &api);
    let head = |path: &str| std::fs::read_to_string(dist.join(path).join("index.html")).unwrap();
    let large = head("world/council-plan-1");
    let image = meta(&large, "property", "og:image").unwrap();
    assert!(image.ends_with("/api/img/photo.jpg"), "{image}");
    assert_eq!(
        meta(&large, "property", "og:image:width").as_deref(),
        Some("1600")
    );
    assert_eq!(
        meta(&large, "property", "og:image:alt").as_deref(),
        Some("A harbour at dawn")
    );
    let news = json_ld(&large).into_iter().find(is_article).unwrap();
    assert_eq!(news["image"][0].as_str(), Some(image.as_str()));
    let small = head("world/residents-debate-7");
    assert_eq!(
        meta(&small, "property", "og:image"),
        Some(format!("{ORIGIN}/cards/en.png"))
    );
}

#[test]
fn photos_are_pictures_in_every_format_and_only_the_lead_is_fetched_early() {
    let dist = temp_dir("prerender-pictures");
    prerender(&dist, &demo_api());
    let html = std::fs::read_to_string(dist.join("world/council-plan-1/index.html")).unwrap();
    let pictures: Vec<&str> = html
        .split("<picture")
        .skip(1)
        .map(|p| &p[..p.find("</picture>").unwrap()])
        .collect();
    assert!(
        pictures.len() >= 2,
        "the lead and the related stories' photos"
    );
    for (i, picture) in pictures.iter().enumerate() {
        let avif = picture.find("<source type=\"image/avif\"").unwrap();
        let webp = picture.find("<source type=\"image/webp\"").unwrap();
        let img = picture.find("<img").unwrap();
        assert!(avif < webp && webp < img, "best format first: {picture}");
        assert_eq!(picture.matches(" sizes=\"").count(), 3, "{picture}");
        assert!(picture.contains("-480.avif 480w") && picture.contains("-1600.jpg 1600w"));
        assert!(
            picture.contains("width=\"1200\" height=\"675\""),
            "{picture}"
        );
        if i == 0 {
            assert!(picture.contains("loading=\"eager\" fetchpriority=\"high\""));
            assert!(!picture.contains("decoding"), "{picture}");
        } else {
            assert!(picture.contains("loading=\"lazy\""), "{picture}");
            assert!(!picture.contains("fetchpriority"), "{picture}");
            assert!(picture.contains("decoding=\"async\""), "{picture}");
        }
    }
    std::fs::remove_dir_all(dist).unwrap();
}
