//! The pre-render step: every front page, section feed and article of an API tree as a
//! static HTML page, rendered by the app's own components, that reads without
//! JavaScript and that the app then takes over (`api::handover`); plus the sitemaps,
//! `robots.txt` and RSS feeds.
//!
//! It runs after Trunk's build (`scripts/postbuild.sh`), on the page Trunk wrote: the
//! shell (`shell`) is the one place that edits it.

pub mod feeds;
pub mod head;
pub mod markup;
pub mod render;
pub mod shell;
pub mod source;
pub mod tree;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::Instant;

use crate::api::config;
use crate::components::title::full_title;
use crate::logic::routes;
use crate::takeover::handover;

use head::{Context, Head};
use shell::Shell;
use source::ApiReader;

pub struct Options {
    /// The built site; its `404.html` is the shell every page starts from.
    pub dist: PathBuf,
    /// The API tree: a folder or an HTTP(S) base URL.
    pub api: String,
    /// The public origin (`https://news.example`), for canonical and shared URLs.
    pub origin: String,
    /// "Now" for the news sitemap, in seconds since 1970.
    pub now: i64,
}

#[derive(Debug, Default)]
pub struct Report {
    pub pages: usize,
    pub articles: usize,
    pub article_bytes_total: usize,
    pub article_bytes_max: usize,
    pub feeds: usize,
    pub problems: Vec<String>,
    pub seconds: f64,
}

/// The content of `<tag attr="...">` in `html`: `<base href>`, `<meta name=api-base>`.
fn attribute(html: &str, before: &str) -> Option<String> {
    let start = html.find(before)? + before.len();
    let end = html[start..].find('"')?;
    Some(html[start..start + end].to_string())
}

/// Links and images within the site made relative to `<base href>` (`/news/world` →
/// `world`), as the app's shell page has them, so that a host that serves the build
/// under another sub-path, rewriting `<base href>`, serves these pages too.
fn relative_to_base(body: &str, base_path: &str) -> String {
    let mut out = body.to_string();
    for attr in ["href=\"", "src=\""] {
        let from = format!("{attr}{base_path}");
        let mut rest = out.as_str();
        let mut result = String::with_capacity(out.len());
        while let Some(i) = rest.find(&from) {
            let after = &rest[i + from.len()..];
            result.push_str(&rest[..i]);
            // `//host` is another site, not a path.
            if base_path == "/" && after.starts_with('/') {
                result.push_str(&from);
            } else {
                result.push_str(attr);
            }
            rest = after;
        }
        result.push_str(rest);
        out = result;
    }
    out
}

/// The hand-over elements: the documents a page used, by path below the API base.
/// Only documents that are JSON go in (one that is not failed to render anyway).
fn handover_elements(api_base: &str, documents: Vec<(String, String)>) -> String {
    documents
        .iter()
        .filter_map(|(url, text)| {
            let path = url.strip_prefix(api_base)?;
            serde_json::from_str::<serde::de::IgnoredAny>(text).ok()?;
            Some(format!(
                "  <script type=\"application/json\" {}=\"{}\">{}</script>\n",
                handover::ATTRIBUTE,
                markup::escape(path),
                markup::script_json(text)
            ))
        })
        .collect()
}

fn write(dist: &Path, path: &str, name: &str, text: &str) -> std::io::Result<()> {
    let dir = dist.join(path.trim_end_matches('/'));
    std::fs::create_dir_all(&dir)?;
    std::fs::write(dir.join(name), text)
}

pub fn run(options: &Options) -> Result<Report, String> {
    let started = Instant::now();
    let shell = Shell::open(&options.dist)?;
    let blank = shell.page(&shell::Fill::default());
    let base_path = attribute(&blank, "<base href=\"").unwrap_or_else(|| "/".to_string());
    let api_meta = attribute(&blank, "<meta name=\"api-base\" content=\"").unwrap_or_default();
    let public_base = format!("{}{}", options.origin.trim_end_matches('/'), base_path);
    config::configure(&public_base, &api_meta);
    let api_base = config::api_base();
    // Links into the API (images) are written relative to `<base href>`, like every
    // other link within the site (below), so the same files serve from any host and
    // sub-path (previews, tests); links meant to be shared stay absolute.
    let api_local = api_base.strip_prefix(&public_base).map(str::to_string);

    let source = Rc::new(ApiReader::new(&options.api));
    {
        let source = Rc::clone(&source);
        let api_base = api_base.clone();
        handover::set_source(move |url| source.read(url.strip_prefix(&api_base)?));
    }
    let tree = tree::walk(&source);
    let ctx = Context {
        base: &public_base,
        tree: &tree,
    };
    let mut report = Report {
        problems: tree.problems.clone(),
        ..Report::default()
    };
    // A page never replaces a file the build made (a section called `api`, say).
    let taken: HashSet<String> = std::fs::read_dir(&options.dist)
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    let mut sitemap = Vec::new();
    let mut page = |path: String, head: Head, lastmod: Option<String>, report: &mut Report| {
        let first = path.split('/').next().unwrap_or_default();
        if taken.contains(first) {
            report
                .problems
                .push(format!("/{path}: the build has a file there"));
            return 0;
        }
        let lang = crate::logic::routes::parse(&format!("/{path}")).0.lang();
        let (body, documents) = render::page(&format!("/{path}"));
        let body = match &api_local {
            Some(local) => body.replace(&api_base, local),
            None => body,
        };
        let body = relative_to_base(&body, &base_path);
        let documents = handover_elements(&api_base, documents);
        let html = shell.page(&shell::Fill {
            lang: Some(lang),
            title: Some(&markup::escape(&head.title)),
            head: Some(&format!(
                "{}  <noscript><link rel=\"stylesheet\" href=\"noscript.css\"></noscript>\n",
                head.tags
            )),
            body: Some(&format!(
                "<!--prerendered-->{body}<!--/prerendered-->\n{documents}"
            )),
        });
        if let Err(e) = write(&options.dist, &path, "index.html", &html) {
            report.problems.push(format!("/{path}: {e}"));
            return 0;
        }
        sitemap.push((ctx.url(&path), lastmod));
        report.pages += 1;
        html.len()
    };

    for site in &tree.editions {
        let edition = site.edition;
        page(
            routes::front(edition),
            head::front(&ctx, site),
            None,
            &mut report,
        );
        for section in &site.sections {
            let path = routes::section(edition, &section.slug);
            page(path, head::section(&ctx, site, section), None, &mut report);
        }
        for article in &site.articles {
            let path = routes::article(edition, &article.section.slug, &article.slug);
            let lastmod = article
                .updated_at
                .as_ref()
                .or(article.published_at.as_ref())
                .map(|t| t.datetime().to_string());
            let bytes = page(
                path,
                head::article(&ctx, site, article),
                lastmod,
                &mut report,
            );
            if bytes > 0 {
                report.articles += 1;
                report.article_bytes_total += bytes;
                report.article_bytes_max = report.article_bytes_max.max(bytes);
            }
        }
    }

    let out = |path: &str, name: &str, text: &str, report: &mut Report| {
        if let Err(e) = write(&options.dist, path, name, text) {
            report.problems.push(format!("{path}{name}: {e}"));
        }
    };
    out("", "sitemap.xml", &feeds::sitemap(&sitemap), &mut report);
    out(
        "",
        "news-sitemap.xml",
        &feeds::news_sitemap(&ctx, options.now),
        &mut report,
    );
    let rules = std::fs::read_to_string(options.dist.join("robots.txt")).unwrap_or_default();
    out("", "robots.txt", &feeds::robots(&rules, &ctx), &mut report);
    for site in &tree.editions {
        let edition = site.edition;
        let front = routes::front(edition);
        let xml = feeds::rss(
            &ctx,
            site,
            &site.site.name,
            &ctx.url(&front),
            &ctx.edition_feed(edition),
            &site.site.name,
            site.articles.iter(),
        );
        out(&front, "rss.xml", &xml, &mut report);
        report.feeds += 1;
        for section in &site.sections {
            let path = routes::section(edition, &section.slug);
            let xml = feeds::rss(
                &ctx,
                site,
                &full_title(&section.title, &site.site.name),
                &ctx.url(&path),
                &ctx.section_feed(edition, &section.slug),
                section.tagline.as_deref().unwrap_or(&section.title),
                site.articles
                    .iter()
                    .filter(|a| a.section.slug == section.slug),
            );
            out(&format!("{path}/"), "rss.xml", &xml, &mut report);
            report.feeds += 1;
        }
    }
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}
