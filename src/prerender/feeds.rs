//! Files for crawlers and feed readers: `sitemap.xml` (an index of sitemap files that
//! list every pre-rendered page, at most 50,000 URLs and 50 MB each, as the protocol
//! allows), a Google News sitemap of the last 48 hours (at most 1,000 stories),
//! `robots.txt`, and RSS 2.0 per edition and per section.

use crate::contract::Article;
use crate::logic::routes;

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

/// Every page, (absolute URL, last change as RFC 3339 when known), in sitemap files of
/// the protocol's size: the index (`sitemap.xml`) and the files, each (name below the
/// site, URLs in it, XML).
pub fn sitemaps(
    ctx: &Context,
    pages: &[(String, Option<String>)],
) -> (String, Vec<(String, usize, String)>) {
    let mut files: Vec<(String, usize, String)> = Vec::new();
    let mut xml = String::from(URLSET);
    let mut count = 0;
    let close = |xml: &mut String, count: &mut usize, files: &mut Vec<(String, usize, String)>| {
        xml.push_str("</urlset>\n");
        let name = format!("sitemaps/sitemap-{}.xml", files.len() + 1);
        files.push((name, *count, std::mem::replace(xml, String::from(URLSET))));
        *count = 0;
    };
    for (url, lastmod) in pages {
        let mut entry = format!("<url><loc>{}</loc>", escape(url));
        if let Some(m) = lastmod {
            entry.push_str(&format!("<lastmod>{}</lastmod>", escape(m)));
        }
        entry.push_str("</url>\n");
        if count == SITEMAP_URLS || xml.len() + entry.len() + 16 > SITEMAP_BYTES {
            close(&mut xml, &mut count, &mut files);
        }
        xml.push_str(&entry);
        count += 1;
    }
    if count > 0 || files.is_empty() {
        close(&mut xml, &mut count, &mut files);
    }
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (name, _, _) in &files {
        index.push_str(&format!(
            "<sitemap><loc>{}</loc></sitemap>\n",
            escape(&ctx.url(name))
        ));
    }
    index.push_str("</sitemapindex>\n");
    (index, files)
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
