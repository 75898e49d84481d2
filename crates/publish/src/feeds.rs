//! Files for crawlers and feed readers: `sitemap.xml` (an index of sitemap files that
//! list every pre-rendered page: one per edition and month, at most 50,000 URLs and
//! 50 MB each, as the protocol allows), a Google News sitemap of the last 48 hours (at most 1,000 stories),
//! `robots.txt`, and RSS 2.0 per edition and per section.

use newsfront_core::contract::Article;
use newsfront_core::logic::{dates, routes};

use super::head::{Context, describe};
use super::markup::escape;
use super::tree::EditionTree;

/// Google News lists only stories of the last two days, at most 1,000.
const NEWS_WINDOW_S: i64 = 48 * 3600;
pub const NEWS_MAX: usize = 1000;
/// Items per RSS feed: the newest.
pub const RSS_ITEMS: usize = 50;
/// The sitemap protocol's limits for one file.
const SITEMAP_URLS: usize = 50_000;
const SITEMAP_BYTES: usize = 50 * 1024 * 1024;

/// Whether a story published at `t` belongs in the news sitemap at `now`.
pub fn in_news_window(t: i64, now: i64) -> bool {
    t <= now && now - t <= NEWS_WINDOW_S
}

pub fn article_url(ctx: &Context, site: &EditionTree, article: &Article) -> String {
    ctx.url(&routes::article(
        site.edition,
        &article.section.slug,
        &article.slug,
    ))
}

const URLSET: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";

/// A sitemap file: its name below the site, the URLs in it, when its newest entry
/// changed (seconds since 1970), and its XML.
pub struct SitemapFile {
    pub name: String,
    pub urls: usize,
    pub changed: Option<i64>,
    pub xml: String,
}

/// The sitemap group of a story: its edition's stories of one month (UTC), so that a
/// publish rewrites one small file, not the index's every file. `undated` without a
/// time.
pub fn sitemap_group(lang: &str, published: Option<i64>) -> String {
    match published.and_then(dates::utc_month) {
        Some((year, month)) => format!("{lang}-{year:04}-{month:02}"),
        None => format!("{lang}-undated"),
    }
}

/// The files of one group of pages, (absolute URL, last change): `sitemaps/{group}.xml`,
/// then `{group}-2.xml` and on when a group outgrows the protocol's 50,000 URLs or
/// 50 MB.
pub fn sitemap_files(
    group: &str,
    pages: impl Iterator<Item = (String, Option<i64>)>,
) -> Vec<SitemapFile> {
    let mut files: Vec<SitemapFile> = Vec::new();
    let mut file = SitemapFile {
        name: String::new(),
        urls: 0,
        changed: None,
        xml: String::from(URLSET),
    };
    let close = |file: &mut SitemapFile, files: &mut Vec<SitemapFile>| {
        file.xml.push_str("</urlset>\n");
        file.name = match files.len() {
            0 => format!("sitemaps/{group}.xml"),
            n => format!("sitemaps/{group}-{}.xml", n + 1),
        };
        let next = SitemapFile {
            name: String::new(),
            urls: 0,
            changed: None,
            xml: String::from(URLSET),
        };
        files.push(std::mem::replace(file, next));
    };
    for (url, changed) in pages {
        let mut entry = format!("<url><loc>{}</loc>", escape(&url));
        if let Some(m) = changed.and_then(dates::w3c_utc) {
            entry.push_str(&format!("<lastmod>{m}</lastmod>"));
        }
        entry.push_str("</url>\n");
        if file.urls == SITEMAP_URLS || file.xml.len() + entry.len() + 16 > SITEMAP_BYTES {
            close(&mut file, &mut files);
        }
        file.xml.push_str(&entry);
        file.urls += 1;
        file.changed = file.changed.max(changed);
    }
    if file.urls > 0 {
        close(&mut file, &mut files);
    }
    files
}

/// `sitemap.xml`: the index of the sitemap files, (name, last change), each with its
/// `lastmod` so that a crawler fetches only the files that changed.
pub fn sitemap_index(ctx: &Context, files: &[(String, Option<i64>)]) -> String {
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (name, changed) in files {
        index.push_str(&format!("<sitemap><loc>{}</loc>", escape(&ctx.url(name))));
        if let Some(m) = changed.and_then(dates::w3c_utc) {
            index.push_str(&format!("<lastmod>{m}</lastmod>"));
        }
        index.push_str("</sitemap>\n");
    }
    index.push_str("</sitemapindex>\n");
    index
}

/// The news sitemap of `recent` (the stories of the last 48 hours, newest first).
pub fn news_sitemap(ctx: &Context, recent: &[(&EditionTree, Article)]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n",
    );
    for (site, article) in recent.iter().take(NEWS_MAX) {
        let published = article
            .published_at
            .as_ref()
            .map(|t| t.datetime())
            .unwrap_or_default();
        xml.push_str(&format!(
            "<url><loc>{}</loc><news:news><news:publication><news:name>{}</news:name><news:language>{}</news:language></news:publication><news:publication_date>{}</news:publication_date><news:title>{}</news:title></news:news></url>\n",
            escape(&article_url(ctx, site, article)),
            escape(&site.site.name),
            site.edition.lang(),
            escape(published),
            escape(&article.title),
        ));
    }
    xml.push_str("</urlset>\n");
    xml
}

/// `robots.txt`: the bundled rules, then where the sitemaps are.
pub fn robots(rules: &str, ctx: &Context) -> String {
    // The rules as bundled: a run on a built site reads the file it wrote before.
    let rules: String = rules
        .lines()
        .filter(|l| !l.to_ascii_lowercase().starts_with("sitemap:"))
        .map(|l| format!("{l}\n"))
        .collect();
    format!(
        "{}\n\nSitemap: {}\nSitemap: {}\n",
        rules.trim_end(),
        ctx.url("sitemap.xml"),
        ctx.url("news-sitemap.xml")
    )
}

/// An RSS 2.0 feed: the newest of `articles` (already newest first).
pub fn rss<'a>(
    ctx: &Context,
    site: &EditionTree,
    title: &str,
    link: &str,
    self_url: &str,
    description: &str,
    articles: impl Iterator<Item = &'a Article>,
) -> String {
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n<title>{}</title>\n<link>{}</link>\n<description>{}</description>\n<language>{}</language>\n<atom:link href=\"{}\" rel=\"self\" type=\"application/rss+xml\"/>\n",
        escape(title),
        escape(link),
        escape(description),
        site.edition.lang(),
        escape(self_url),
    );
    for article in articles.take(RSS_ITEMS) {
        let url = article_url(ctx, site, article);
        xml.push_str(&format!(
            "<item><title>{}</title><link>{}</link><guid isPermaLink=\"true\">{}</guid><description>{}</description><category>{}</category>",
            escape(&article.title),
            escape(&url),
            escape(&url),
            escape(&describe(article)),
            escape(&article.section.title),
        ));
        if let Some(t) = &article.published_at {
            xml.push_str(&format!("<pubDate>{}</pubDate>", t.rfc2822()));
        }
        // When it last changed (a live story: its newest post), for readers that show
        // an item updated: RSS 2.0 has no element for it, Atom's is the one they read.
        if let Some(t) = &article.updated_at {
            xml.push_str(&format!("<atom:updated>{}</atom:updated>", t.datetime()));
        }
        for author in &article.authors {
            xml.push_str(&format!(
                "<dc:creator xmlns:dc=\"http://purl.org/dc/elements/1.1/\">{}</dc:creator>",
                escape(&author.name)
            ));
        }
        xml.push_str("</item>\n");
    }
    xml.push_str("</channel>\n</rss>\n");
    xml
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_splits_at_the_protocols_limit_and_keeps_its_newest_change() {
        let pages =
            (0..SITEMAP_URLS as i64 + 1).map(|i| (format!("https://n.example/s/{i}"), Some(i)));
        let files = sitemap_files("en-2026-11", pages);
        let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(
            names,
            ["sitemaps/en-2026-11.xml", "sitemaps/en-2026-11-2.xml"]
        );
        assert_eq!(files[0].urls, SITEMAP_URLS);
        assert_eq!(files[1].urls, 1);
        assert_eq!(files[1].changed, Some(SITEMAP_URLS as i64));
        assert!(
            files
                .iter()
                .all(|f| f.xml.len() <= SITEMAP_BYTES && f.xml.ends_with("</urlset>\n"))
        );
        assert!(
            files[1]
                .xml
                .contains("<lastmod>1970-01-01T13:53:20Z</lastmod>")
        );
        assert!(sitemap_files("empty", std::iter::empty()).is_empty());
    }

    #[test]
    fn stories_are_grouped_by_edition_and_month() {
        assert_eq!(sitemap_group("ru", Some(1_764_000_000)), "ru-2025-11");
        assert_eq!(sitemap_group("hy", None), "hy-undated");
    }
}
