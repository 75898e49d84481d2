//! The `<head>` of a pre-rendered page: title, description, canonical URL, `hreflang`
//! alternates, Open Graph and Twitter card tags, the RSS feeds, and JSON-LD
//! (`NewsArticle`, `BreadcrumbList`) for search engines and link previews.

use serde_json::{Value, json};

use newsfront::components::title::full_title;
use newsfront_core::contract::{Article, Block, Image, Live, LiveStatus, PostsPage, SectionInfo};
use newsfront_core::logic::edition::Edition;
use newsfront_core::logic::i18n;
use newsfront_core::logic::live::anchor;
use newsfront_core::logic::routes;

use super::markup::{escape, script_json};
use super::state::{Story, pairs};
use super::tree::{EditionTree, Tree};

/// Every story by edition and slug.
pub type Places<'a> = rustc_hash::FxHashMap<(Edition, &'a str), &'a Story>;

/// A page's title and the tags that go into its head.
pub struct Head {
    pub title: String,
    pub tags: String,
}

/// What every page's head needs to know: the public base URL (origin and base path,
/// ending in `/`) and the whole tree, for the alternates.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    pub base: &'a str,
    pub tree: &'a Tree,
    /// Where every story is, for the alternates of a translated one.
    pub places: &'a Places<'a>,
}

impl Context<'_> {
    /// An edition of the tree.
    pub fn edition(&self, edition: Edition) -> Option<&EditionTree> {
        self.tree.editions.iter().find(|e| e.edition == edition)
    }

    /// An absolute URL for a path below the base (from `logic::routes`).
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    pub fn edition_feed(&self, edition: Edition) -> String {
        self.url(&format!("{}rss.xml", routes::front(edition)))
    }

    pub fn section_feed(&self, edition: Edition, section: &str) -> String {
        self.url(&format!("{}/rss.xml", routes::section(edition, section)))
    }
}

#[derive(Default)]
struct Tags(String);

impl Tags {
    fn meta(&mut self, attr: &str, key: &str, content: &str) {
        if !content.is_empty() {
            self.0.push_str(&format!(
                "<meta {attr}=\"{key}\" content=\"{}\">\n",
                escape(content)
            ));
        }
    }

    fn link(&mut self, rel: &str, href: &str, extra: &str) {
        self.0.push_str(&format!(
            "<link rel=\"{rel}\" href=\"{}\"{extra}>\n",
            escape(href)
        ));
    }

    fn json_ld(&mut self, value: &Value) {
        self.0.push_str(&format!(
            "<script type=\"application/ld+json\">{}</script>\n",
            script_json(&value.to_string())
        ));
    }
}

/// A partner widget's: its title alone; search engines index the full page instead.
pub fn widget(site: &EditionTree, title: &str) -> Head {
    let mut tags = Tags::default();
    tags.meta("name", "robots", "noindex");
    Head {
        title: full_title(title, &site.site.name),
        tags: tags.0,
    }
}

/// An older page of a live story's posts (`routes::live_updates`, at `path`): its own
/// canonical address, kept out of search results (the story is the result; its links
/// are followed).
pub fn live_updates(ctx: &Context, site: &EditionTree, article: &Article, path: &str) -> Head {
    let older = i18n::text(site.edition).older_posts;
    let mut tags = Tags::default();
    tags.meta("name", "robots", "noindex, follow");
    tags.link("canonical", &ctx.url(path), "");
    Head {
        title: full_title(&format!("{older} · {}", article.title), &site.site.name),
        tags: tags.0,
    }
}

/// Text cut to at most `max` characters at a word boundary, for descriptions.
fn clip(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.']))
}

/// The article's lead, or its first paragraph when it has none.
pub fn describe(article: &Article) -> String {
    let text = article
        .lead
        .clone()
        .filter(|l| !l.trim().is_empty())
        .or_else(|| {
            article.body.iter().find_map(|b| match b {
                Block::Paragraph(p) => Some(p.content.iter().map(|i| i.text.as_str()).collect()),
                _ => None,
            })
        });
    clip(&text.unwrap_or_default(), 200)
}

/// Tags every page has; returns them with the page's canonical URL.
fn common(
    ctx: &Context,
    tags: &mut Tags,
    site: &EditionTree,
    path: &str,
    title: &str,
    description: &str,
    alternates: &[(Edition, String)],
) -> String {
    let canonical = ctx.url(path);
    tags.meta("name", "description", description);
    tags.link("canonical", &canonical, "");
    for (edition, url) in alternates {
        tags.link(
            "alternate",
            url,
            &format!(" hreflang=\"{}\"", edition.lang()),
        );
    }
    if let Some((_, url)) = alternates.iter().find(|(e, _)| *e == Edition::En) {
        tags.link("alternate", url, " hreflang=\"x-default\"");
    }
    tags.meta("property", "og:site_name", &site.site.name);
    tags.meta("property", "og:title", title);
    tags.meta("property", "og:description", description);
    tags.meta("property", "og:url", &canonical);
    tags.meta(
        "property",
        "og:locale",
        &site.edition.lang().replace('-', "_"),
    );
    tags.meta("name", "twitter:title", title);
    tags.meta("name", "twitter:description", description);
    let feed_title = escape(&site.site.name);
    tags.link(
        "alternate",
        &ctx.edition_feed(site.edition),
        &format!(" type=\"application/rss+xml\" title=\"{feed_title}\""),
    );
    canonical
}

/// The size of the edition's card (`public/cards/`, made by `scripts/make/make-cards.mjs`).
const CARD: (u32, u32) = (1200, 630);

/// A page's preview image: the story's photo when the networks show it (a raster
/// image, at least 1200 by 630: X and Facebook show no SVG, and a smaller one only as
/// a thumbnail), else the edition's card. (URL, width, height, alt.)
fn preview(ctx: &Context, site: &EditionTree, image: Option<&Image>) -> (String, u32, u32, String) {
    let raster = |src: &str| {
        let path = src
            .split(['?', '#'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        [".jpg", ".jpeg", ".png", ".webp"]
            .iter()
            .any(|e| path.ends_with(e))
    };
    if let Some(i) = image.filter(|i| raster(i.src.as_str()))
        && let (Some(w), Some(h)) = (i.width, i.height)
        && w >= CARD.0
        && h >= CARD.1
    {
        let alt = i.alt.clone().unwrap_or_default();
        return (i.src.as_str().to_string(), w, h, alt);
    }
    card(ctx, site)
}

fn card(ctx: &Context, site: &EditionTree) -> (String, u32, u32, String) {
    let url = ctx.url(&format!("cards/{}.png", site.edition.lang()));
    (url, CARD.0, CARD.1, site.site.name.clone())
}

fn image_tags(tags: &mut Tags, (url, width, height, alt): &(String, u32, u32, String)) {
    tags.meta("property", "og:image", url);
    tags.meta("property", "og:image:width", &width.to_string());
    tags.meta("property", "og:image:height", &height.to_string());
    tags.meta("property", "og:image:alt", alt);
    tags.meta("name", "twitter:card", "summary_large_image");
    tags.meta("name", "twitter:image", url);
    tags.meta("name", "twitter:image:alt", alt);
}

fn breadcrumbs(crumbs: &[(&str, Option<String>)]) -> Value {
    let items: Vec<Value> = crumbs
        .iter()
        .enumerate()
        .map(|(i, (name, url))| {
            let mut item = json!({"@type": "ListItem", "position": i + 1, "name": name});
            if let Some(url) = url {
                item["item"] = json!(url);
            }
            item
        })
        .collect();
    json!({"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items})
}

pub fn front(ctx: &Context, site: &EditionTree) -> Head {
    let title = full_title("", &site.site.name);
    let sections: Vec<&str> = site.sections.iter().map(|s| s.title.as_str()).collect();
    let description = clip(&format!("{}: {}", site.site.name, sections.join(", ")), 200);
    let alternates: Vec<(Edition, String)> = ctx
        .tree
        .editions
        .iter()
        .map(|e| (e.edition, ctx.url(&routes::front(e.edition))))
        .collect();
    let mut tags = Tags::default();
    let path = routes::front(site.edition);
    let url = common(
        ctx,
        &mut tags,
        site,
        &path,
        &title,
        &description,
        &alternates,
    );
    tags.meta("property", "og:type", "website");
    image_tags(&mut tags, &preview(ctx, site, None));
    tags.json_ld(&json!({
        "@context": "https://schema.org", "@type": "WebSite",
        "name": site.site.name, "url": url, "inLanguage": site.edition.lang(),
    }));
    Head {
        title,
        tags: tags.0,
    }
}

pub fn section(ctx: &Context, site: &EditionTree, section: &SectionInfo) -> Head {
    let title = full_title(&section.title, &site.site.name);
    let description = clip(section.tagline.as_deref().unwrap_or(&section.title), 200);
    let alternates: Vec<(Edition, String)> = ctx
        .tree
        .editions
        .iter()
        .filter(|e| e.sections.iter().any(|s| s.slug == section.slug))
        .map(|e| {
            (
                e.edition,
                ctx.url(&routes::section(e.edition, &section.slug)),
            )
        })
        .collect();
    let mut tags = Tags::default();
    let path = routes::section(site.edition, &section.slug);
    let url = common(
        ctx,
        &mut tags,
        site,
        &path,
        &title,
        &description,
        &alternates,
    );
    tags.link(
        "alternate",
        &ctx.section_feed(site.edition, &section.slug),
        &format!(
            " type=\"application/rss+xml\" title=\"{}\"",
            escape(&full_title(&section.title, &site.site.name))
        ),
    );
    tags.meta("property", "og:type", "website");
    image_tags(&mut tags, &preview(ctx, site, None));
    let home = ctx.url(&routes::front(site.edition));
    tags.json_ld(&breadcrumbs(&[
        (&site.site.name, Some(home)),
        (&section.title, Some(url)),
    ]));
    Head {
        title,
        tags: tags.0,
    }
}

/// The story's translations (lang, slug) that their edition has, each with its section
/// there: (edition, section, slug), what its page's path is made of.
pub fn translations<'c, 't>(
    ctx: &Context<'c>,
    edition: Edition,
    translations: impl Iterator<Item = (&'t str, &'t str)>,
) -> Vec<(Edition, &'c str, &'t str)> {
    translations
        .filter_map(|(lang, slug)| {
            let other = Edition::from_lang(lang).filter(|e| *e != edition)?;
            let story = ctx.places.get(&(other, slug))?;
            Some((other, &*story.section, slug))
        })
        .collect()
}

/// A story's head; `posts`: a live story's newest page of posts (`LiveBlogPosting`).
/// Updates in `liveBlogUpdate`: the newest, as search engines show a few.
const LIVE_UPDATES: usize = 10;

/// Makes `news` a `LiveBlogPosting` (a kind of article): when its coverage started (the
/// story's publication), ended (once it has: its last update), and its newest posts,
/// each a `BlogPosting` with its own address on the page.
fn live_blog(news: &mut Value, live: &Live, posts: Option<&PostsPage>, url: &str) {
    news["@type"] = json!("LiveBlogPosting");
    if let Some(start) = news.get("datePublished").cloned() {
        news["coverageStartTime"] = start;
    }
    if live.status == LiveStatus::Ended
        && let Some(end) = live.updated_at.as_ref().map(|t| t.datetime())
    {
        news["coverageEndTime"] = json!(end);
        news["dateModified"] = json!(end);
    }
    let updates: Vec<Value> = posts
        .map(|p| p.posts.as_slice())
        .unwrap_or_default()
        .iter()
        .filter(|p| !p.deleted)
        .take(LIVE_UPDATES)
        .map(|p| {
            let mut text = String::new();
            p.body.iter().for_each(|b| b.text(&mut text));
            let body = clip(&text, usize::MAX);
            let mut update = json!({
                "@type": "BlogPosting",
                "headline": p.title.clone().unwrap_or_else(|| clip(&body, 110)),
                "url": format!("{url}#{}", anchor(&p.id)),
                "articleBody": body,
            });
            if let Some(at) = &p.published_at {
                update["datePublished"] = json!(at.datetime());
                let modified = p.updated_at.as_ref().unwrap_or(at);
                update["dateModified"] = json!(modified.datetime());
            }
            if !p.authors.is_empty() {
                update["author"] = p
                    .authors
                    .iter()
                    .map(|a| json!({"@type": "Person", "name": a.name}))
                    .collect();
            }
            update
        })
        .collect();
    if !updates.is_empty() {
        news["liveBlogUpdate"] = Value::Array(updates);
    }
}

pub fn article(
    ctx: &Context,
    site: &EditionTree,
    article: &Article,
    posts: Option<&PostsPage>,
) -> Head {
    let title = full_title(&article.title, &site.site.name);
    let description = describe(article);
    let own = (
        site.edition,
        ctx.url(&routes::article(
            site.edition,
            &article.section.slug,
            &article.slug,
        )),
    );
    let others = translations(ctx, site.edition, pairs(&article.translations))
        .into_iter()
        .map(|(edition, section, slug)| {
            (edition, ctx.url(&routes::article(edition, section, slug)))
        });
    let alternates: Vec<(Edition, String)> = std::iter::once(own).chain(others).collect();
    let mut tags = Tags::default();
    let path = routes::article(site.edition, &article.section.slug, &article.slug);
    let url = common(
        ctx,
        &mut tags,
        site,
        &path,
        &article.title,
        &description,
        &alternates,
    );
    tags.link(
        "alternate",
        &ctx.section_feed(site.edition, &article.section.slug),
        &format!(
            " type=\"application/rss+xml\" title=\"{}\"",
            escape(&full_title(&article.section.title, &site.site.name))
        ),
    );
    tags.meta("property", "og:type", "article");
    let published = article
        .published_at
        .as_ref()
        .map(|t| t.datetime().to_string());
    let modified = article
        .updated_at
        .as_ref()
        .map(|t| t.datetime().to_string());
    tags.meta(
        "property",
        "article:published_time",
        published.as_deref().unwrap_or_default(),
    );
    tags.meta(
        "property",
        "article:modified_time",
        modified.as_deref().unwrap_or_default(),
    );
    tags.meta("property", "article:section", &article.section.title);
    for tag in &article.tags {
        tags.meta("property", "article:tag", &tag.title);
    }
    let image = preview(ctx, site, article.image.as_ref());
    image_tags(&mut tags, &image);
    let authors: Vec<Value> = article
        .authors
        .iter()
        .map(|a| json!({"@type": "Person", "name": a.name}))
        .collect();
    let mut news = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": description,
        "mainEntityOfPage": url,
        "url": url,
        "inLanguage": site.edition.lang(),
        "articleSection": article.section.title,
        "publisher": {
            "@type": "Organization",
            "name": site.site.name,
            "url": ctx.url(&routes::front(site.edition)),
            "logo": {"@type": "ImageObject", "url": ctx.url("favicon.svg")},
        },
    });
    if let Some(p) = &published {
        news["datePublished"] = json!(p);
        news["dateModified"] = json!(modified.as_ref().unwrap_or(p));
    }
    if !authors.is_empty() {
        news["author"] = Value::Array(authors);
    }
    news["image"] = json!([image.0]);
    if let Some(live) = &article.live {
        live_blog(&mut news, live, posts, &url);
    }
    tags.json_ld(&news);
    let home = ctx.url(&routes::front(site.edition));
    let section_url = ctx.url(&routes::section(site.edition, &article.section.slug));
    tags.json_ld(&breadcrumbs(&[
        (&site.site.name, Some(home)),
        (&article.section.title, Some(section_url)),
        (&article.title, Some(url.clone())),
    ]));
    Head {
        title,
        tags: tags.0,
    }
}
