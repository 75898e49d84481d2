//! Files for crawlers and feed readers: `sitemap.xml` (every pre-rendered page), a
//! Google News sitemap of the last 48 hours, `robots.txt`, and RSS 2.0 per edition and
//! per section.

use crate::contract::Article;
use crate::logic::routes;

use super::head::{Context, describe};
use super::markup::escape;
use super::tree::EditionTree;

/// Google News lists only stories of the last two days, at most 1,000.
const NEWS_WINDOW_S: i64 = 48 * 3600;
const NEWS_MAX: usize = 1000;
/// Items per RSS feed: the newest.
const RSS_ITEMS: usize = 50;

pub fn article_url(ctx: &Context, site: &EditionTree, article: &Article) -> String {
    ctx.url(&routes::article(
        site.edition,
        &article.section.slug,
        &article.slug,
    ))
}

/// Every page: (absolute URL, last change as RFC 3339 when known).
pub fn sitemap(pages: &[(String, Option<String>)]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (url, lastmod) in pages {
        xml.push_str(&format!("<url><loc>{}</loc>", escape(url)));
        if let Some(m) = lastmod {
            xml.push_str(&format!("<lastmod>{}</lastmod>", escape(m)));
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

/// The stories published within 48 hours before `now` (seconds since 1970).
pub fn news_sitemap(ctx: &Context, now: i64) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n",
    );
    let mut recent: Vec<(&EditionTree, &Article, i64)> = ctx
        .tree
        .editions
        .iter()
        .flat_map(|e| e.articles.iter().map(move |a| (e, a)))
        .filter_map(|(e, a)| Some((e, a, a.published_at.as_ref()?.unix())))
        .filter(|(_, _, t)| *t <= now && now - t <= NEWS_WINDOW_S)
        .collect();
    recent.sort_by_key(|(_, _, t)| std::cmp::Reverse(*t));
    for (site, article, _) in recent.into_iter().take(NEWS_MAX) {
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
    let rules: String = rules
        .lines()
        .filter(|l| !l.to_ascii_lowercase().starts_with("sitemap:"))
        .map(|l| format!("{l}\n"))
        .collect();
    format!(
        "{rules}\nSitemap: {}\nSitemap: {}\n",
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
