//! The pre-render step: every front page, section feed and article of an API tree as a
//! static HTML page, rendered by the app's own components, that reads without
//! JavaScript and that the app then takes over (`takeover::handover`); plus the
//! sitemaps, `robots.txt` and RSS feeds.
//!
//! It runs after Trunk's build (`scripts/postbuild.sh`), on the page Trunk wrote: the
//! shell (`shell`) is the one place that edits it. Run again on a built site, it brings
//! the site up to date with the API tree (publishing): what each file was made from is
//! kept in the site (`state`), so only the pages whose inputs changed are rendered, the
//! pages of stories gone are removed, and the result is the same as a clean build's.
//! Every file is replaced atomically, and a tree that cannot be read changes nothing.

pub mod feeds;
pub mod head;
pub mod markup;
pub mod render;
pub mod shell;
pub mod source;
pub mod state;
pub mod tree;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use crate::api::config;
use crate::components::title::full_title;
use crate::contract::{Article, paths};
use crate::logic::edition::Edition;
use crate::logic::routes;
use crate::takeover::handover;

use head::{Context, Head};
use shell::Shell;
use source::ApiReader;
use state::{Known, State, Story, fingerprint};
use tree::{EditionTree, Places};

pub struct Options {
    /// The built site; its `404.html` is the shell every page starts from.
    pub dist: PathBuf,
    /// The API tree: a folder or an HTTP(S) base URL.
    pub api: String,
    /// The public origin (`https://news.example`), for canonical and shared URLs.
    pub origin: String,
    /// "Now" for the news sitemap, in seconds since 1970.
    pub now: i64,
    /// Threads that render (0: one per core).
    pub threads: usize,
}

#[derive(Debug, Default)]
pub struct Report {
    /// Pages of the site, rendered or not.
    pub pages: usize,
    /// Pages rendered and written by this run.
    pub rendered: usize,
    pub articles: usize,
    pub article_bytes_total: usize,
    pub article_bytes_max: usize,
    pub feeds: usize,
    /// Article documents read (the rest were known by their stamp).
    pub documents_read: usize,
    /// Files written or removed by this run, below the built site: `+ path`, `- path`.
    pub changes: Vec<String>,
    /// Sitemap files and the most URLs one holds.
    pub sitemaps: usize,
    pub sitemap_max_urls: usize,
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

/// Writes `text` to `path` below `dist` whole or not at all: into a file beside it,
/// then renamed over it, so a reader (or a failed run) never sees half a page.
fn write_atomic(dist: &Path, path: &str, text: impl AsRef<[u8]>) -> Result<(), String> {
    let target = dist.join(path);
    if let Some(dir) = target.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{path}: {e}"))?;
    }
    let name = target
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("file");
    let temp = target.with_file_name(format!(
        ".{name}.{}-{:?}.tmp",
        std::process::id(),
        std::thread::current().id()
    ));
    std::fs::write(&temp, text)
        .and_then(|()| std::fs::rename(&temp, &target))
        .map_err(|e| {
            let _ = std::fs::remove_file(&temp);
            format!("{path}: {e}")
        })
}

/// Runs `work` on every item on `threads` threads, each with its own `init` (the
/// step's thread-local set-up); the results in the items' order.
fn parallel<T: Sync, W, R: Send>(
    items: &[T],
    threads: usize,
    init: impl Fn() -> W + Sync,
    work: impl Fn(&W, &T) -> R + Sync,
) -> Vec<R> {
    let next = AtomicUsize::new(0);
    let done: Mutex<Vec<(usize, R)>> = Mutex::new(Vec::with_capacity(items.len()));
    std::thread::scope(|scope| {
        for _ in 0..threads.max(1).min(items.len().max(1)) {
            scope.spawn(|| {
                let w = init();
                let mut mine = Vec::new();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    mine.push((i, work(&w, item)));
                }
                done.lock().expect("no worker panicked").extend(mine);
            });
        }
    });
    let mut done = done.into_inner().expect("no worker panicked");
    done.sort_unstable_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

/// A page to write: where, what it shows, and the fingerprint of what it is made of.
struct PageJob<'a> {
    /// Below the base, no leading `/` (`world/story`; `""` for the English front page).
    path: String,
    edition: &'a EditionTree,
    kind: Kind<'a>,
    fingerprint: u64,
}

enum Kind<'a> {
    Front,
    Section(&'a crate::contract::SectionInfo),
    Article(&'a Story),
}

fn output_of(path: &str) -> String {
    if path.is_empty() {
        "index.html".to_string()
    } else {
        format!("{path}/index.html")
    }
}

/// The hash of a document's text, or of its absence.
fn text_hash(reader: &ApiReader, path: &str) -> Result<u64, String> {
    Ok(fingerprint(&reader.read(path)?))
}

pub fn run(options: &Options) -> Result<Report, String> {
    let started = Instant::now();
    let started_ns = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let dist = options.dist.as_path();
    let shell = Shell::open(dist)?;
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
    let threads = match options.threads {
        0 => std::thread::available_parallelism().map_or(1, usize::from),
        n => n,
    };

    let reader = ApiReader::new(&options.api);
    let tree = tree::walk(&reader)?;
    let mut previous = State::load(dist);
    // The pages depend on the shell (and the app's file names in it), on the step's
    // own code, and on every edition's site.json (the edition switch reads them all).
    // The program is known by its file's size and time: a build writes it anew.
    let program = std::env::current_exe()
        .and_then(std::fs::metadata)
        .map(|m| (m.len(), m.modified().ok()))
        .map_err(|e| format!("the pre-render program: {e}"))?;
    let renderer = format!("{:016x}", fingerprint(&(&blank, &program, &options.origin)));
    let mut site_docs = Vec::new();
    for edition in Edition::ALL {
        site_docs.push(text_hash(&reader, &paths::site(edition))?);
    }
    let every_page = fingerprint(&(&renderer, &site_docs));
    let mut report = Report {
        problems: tree.problems.clone(),
        ..Report::default()
    };

    // What each listed story is: known by its file's stamp, else read.
    let listed: Vec<(Edition, &String)> = tree
        .editions
        .iter()
        .flat_map(|e| e.listed.iter().map(move |slug| (e.edition, slug)))
        .collect();
    // A story known by its stamp is taken from the old state below, not copied here.
    type Found = Option<(Option<Known>, Option<String>)>;
    let inventory: Vec<Result<Found, String>> = parallel(
        &listed,
        threads,
        || {
            config::configure(&public_base, &api_meta);
            ApiReader::new(&options.api)
        },
        |reader, (edition, slug)| {
            let path = paths::article(*edition, slug);
            let stamp = reader.stamp(&path);
            if let Some(known) = previous.articles.get(&path)
                && previous.trusts(known, stamp)
            {
                return Ok(Some((None, None)));
            }
            let Some(text) = reader.read(&path)? else {
                return Ok(None);
            };
            let decoded = tree::decode::<Article>(&text, &path);
            let hash = fingerprint(&text);
            let problem = decoded.as_ref().err().cloned();
            let story = decoded.ok().map(|a| Story::of(&a));
            Ok(Some((Some(Known { stamp, hash, story }), problem)))
        },
    );
    let mut known: Vec<(Edition, String, Known)> = Vec::new();
    for ((edition, slug), found) in listed.iter().zip(inventory) {
        let path = paths::article(*edition, slug);
        match found? {
            None => report.problems.push(format!("{path}: not found")),
            Some((read, problem)) => {
                report.documents_read += usize::from(read.is_some());
                let Some(k) = read.or_else(|| previous.articles.remove(&path)) else {
                    continue;
                };
                if k.story.is_none() {
                    report.problems.push(problem.unwrap_or_else(|| {
                        format!("{path}: not the contract's JSON (unchanged since the last run)")
                    }));
                }
                known.push((*edition, path, k));
            }
        }
    }
    let places: Places = known
        .iter()
        .filter_map(|(e, _, k)| {
            let s = k.story.as_ref()?;
            Some(((*e, s.slug.clone()), s.section.clone()))
        })
        .collect();
    let ctx = Context {
        base: &public_base,
        tree: &tree,
        places: &places,
    };

    // Every page, newest story first within each edition, as the sitemap lists them.
    let mut stories: HashMap<Edition, Vec<(&Story, u64)>> = HashMap::new();
    for (edition, _, k) in &known {
        if let Some(story) = &k.story {
            stories.entry(*edition).or_default().push((story, k.hash));
        }
    }
    for list in stories.values_mut() {
        // Stable: stories without a time, or at the same time, keep the feeds' order.
        list.sort_by_key(|(s, _)| std::cmp::Reverse(s.published));
    }
    let mut jobs: Vec<PageJob> = Vec::new();
    for site in &tree.editions {
        let edition = site.edition;
        let front = paths::front(edition);
        let editions: Vec<Edition> = tree.editions.iter().map(|e| e.edition).collect();
        let described =
            |s: &crate::contract::SectionInfo| (s.slug.clone(), s.title.clone(), s.tagline.clone());
        let sections: Vec<_> = site.sections.iter().map(described).collect();
        jobs.push(PageJob {
            path: routes::front(edition),
            edition: site,
            kind: Kind::Front,
            fingerprint: fingerprint(&(
                every_page,
                text_hash(&reader, &front)?,
                &editions,
                &sections,
            )),
        });
        for section in &site.sections {
            let first = paths::section(edition, &section.slug);
            let alternates: Vec<Edition> = tree
                .editions
                .iter()
                .filter(|e| e.sections.iter().any(|s| s.slug == section.slug))
                .map(|e| e.edition)
                .collect();
            jobs.push(PageJob {
                path: routes::section(edition, &section.slug),
                edition: site,
                kind: Kind::Section(section),
                fingerprint: fingerprint(&(
                    every_page,
                    text_hash(&reader, &first)?,
                    &alternates,
                    described(section),
                )),
            });
        }
        for (story, hash) in stories.get(&edition).map(Vec::as_slice).unwrap_or_default() {
            let alternates = head::translations(&ctx, edition, story);
            jobs.push(PageJob {
                path: routes::article(edition, &story.section, &story.slug),
                edition: site,
                kind: Kind::Article(story),
                fingerprint: fingerprint(&(every_page, hash, &alternates)),
            });
        }
    }

    // A page never replaces a file the build made (a section called `api`, say). The
    // folders of pages are this step's own: those of its last run, and any that hold a
    // page (a site built before it kept a state).
    let own: HashSet<&str> = previous
        .outputs
        .keys()
        .filter_map(|p| p.split('/').next())
        .collect();
    let taken: HashSet<String> = std::fs::read_dir(dist)
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| {
            !own.contains(name.as_str())
                && name != "index.html"
                && !dist.join(name).join("index.html").exists()
        })
        .collect();
    let fresh = previous.renderer != renderer;
    let mut outputs: BTreeMap<String, u64> = BTreeMap::new();
    let mut to_render: Vec<&PageJob> = Vec::new();
    let mut seen_paths = HashSet::new();
    for job in &jobs {
        let first = job.path.split('/').next().unwrap_or_default();
        if taken.contains(first) {
            report
                .problems
                .push(format!("/{}: the build has a file there", job.path));
            continue;
        }
        let output = output_of(&job.path);
        if !seen_paths.insert(output.clone()) {
            continue;
        }
        outputs.insert(output.clone(), job.fingerprint);
        report.pages += 1;
        if matches!(job.kind, Kind::Article(_)) {
            report.articles += 1;
        }
        let unchanged = !fresh
            && previous.outputs.get(&output) == Some(&job.fingerprint)
            && dist.join(&output).exists();
        if !unchanged {
            to_render.push(job);
        }
    }

    let rendered: Vec<Result<usize, String>> = parallel(
        &to_render,
        threads,
        || {
            config::configure(&public_base, &api_meta);
            let reader = Rc::new(ApiReader::new(&options.api));
            let source = Rc::clone(&reader);
            let api_base = api_base.clone();
            handover::set_source(move |url| {
                source.read(url.strip_prefix(&api_base)?).ok().flatten()
            });
            reader
        },
        |reader, job| {
            let head = match job.kind {
                Kind::Front => head::front(&ctx, job.edition),
                Kind::Section(section) => head::section(&ctx, job.edition, section),
                Kind::Article(story) => {
                    let path = paths::article(job.edition.edition, &story.slug);
                    let text = reader.read(&path)?.unwrap_or_default();
                    let article = tree::decode::<Article>(&text, &path)?;
                    head::article(&ctx, job.edition, &article)
                }
            };
            let html = page_html(
                &shell,
                &job.path,
                &head,
                &api_base,
                api_local.as_deref(),
                &base_path,
            );
            write_atomic(dist, &output_of(&job.path), &html)?;
            Ok(html.len())
        },
    );
    for (job, result) in to_render.iter().zip(rendered) {
        match result {
            Ok(bytes) => {
                report.rendered += 1;
                report.changes.push(format!("+ {}", output_of(&job.path)));
                if matches!(job.kind, Kind::Article(_)) {
                    report.article_bytes_total += bytes;
                    report.article_bytes_max = report.article_bytes_max.max(bytes);
                }
            }
            Err(e) => {
                outputs.remove(&output_of(&job.path));
                report.problems.push(e);
            }
        }
    }

    // The site-wide files, written when they changed.
    let mut site_files: Vec<(String, String)> = Vec::new();
    let sitemap_pages: Vec<(String, Option<String>)> = jobs
        .iter()
        .filter(|j| outputs.contains_key(&output_of(&j.path)))
        .map(|j| {
            let lastmod = match j.kind {
                Kind::Article(s) => s.lastmod.clone(),
                _ => None,
            };
            (ctx.url(&j.path), lastmod)
        })
        .collect();
    let (index, chunks) = feeds::sitemaps(&ctx, &sitemap_pages);
    report.sitemaps = chunks.len();
    report.sitemap_max_urls = chunks.iter().map(|(_, n, _)| *n).max().unwrap_or(0);
    site_files.push(("sitemap.xml".into(), index));
    for (name, _, xml) in chunks {
        site_files.push((name, xml));
    }
    let recent: Vec<(&EditionTree, Article)> = {
        let mut recent: Vec<(&EditionTree, &Story, i64)> = tree
            .editions
            .iter()
            .flat_map(|e| {
                stories
                    .get(&e.edition)
                    .into_iter()
                    .flatten()
                    .map(move |(s, _)| (e, *s))
            })
            .filter_map(|(e, s)| Some((e, s, s.published?)))
            .filter(|(_, _, t)| feeds::in_news_window(*t, options.now))
            .collect();
        recent.sort_by_key(|(_, _, t)| std::cmp::Reverse(*t));
        recent.truncate(feeds::NEWS_MAX);
        recent
            .into_iter()
            .filter_map(|(e, s, _)| Some((e, read_article(&reader, e.edition, &s.slug)?)))
            .collect()
    };
    site_files.push((
        "news-sitemap.xml".into(),
        feeds::news_sitemap(&ctx, &recent),
    ));
    let rules = std::fs::read_to_string(dist.join("robots.txt")).unwrap_or_default();
    site_files.push(("robots.txt".into(), feeds::robots(&rules, &ctx)));
    for site in &tree.editions {
        let edition = site.edition;
        let list = stories.get(&edition).map(Vec::as_slice).unwrap_or_default();
        let newest = |section: Option<&str>| -> Vec<Article> {
            list.iter()
                .filter(|(s, _)| section.is_none_or(|x| s.section == x))
                .take(feeds::RSS_ITEMS)
                .filter_map(|(s, _)| read_article(&reader, edition, &s.slug))
                .collect()
        };
        let front = routes::front(edition);
        let xml = feeds::rss(
            &ctx,
            site,
            &site.site.name,
            &ctx.url(&front),
            &ctx.edition_feed(edition),
            &site.site.name,
            newest(None).iter(),
        );
        site_files.push((format!("{front}rss.xml"), xml));
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
                newest(Some(&section.slug)).iter(),
            );
            site_files.push((format!("{path}/rss.xml"), xml));
            report.feeds += 1;
        }
    }
    for (path, text) in site_files {
        let hash = fingerprint(&text);
        let same = previous.outputs.get(&path) == Some(&hash) && dist.join(&path).exists();
        if !same {
            if let Err(e) = write_atomic(dist, &path, &text) {
                report.problems.push(e);
                continue;
            }
            report.changes.push(format!("+ {path}"));
        }
        outputs.insert(path, hash);
    }

    // What an earlier run wrote and this one did not: a story, a section gone.
    for path in previous
        .outputs
        .keys()
        .filter(|p| !outputs.contains_key(*p))
    {
        let file = dist.join(path);
        if std::fs::remove_file(&file).is_ok() {
            report.changes.push(format!("- {path}"));
        }
        // Its folder goes too when nothing else is in it.
        let mut dir = file.parent();
        while let Some(d) = dir.filter(|d| *d != dist) {
            if std::fs::remove_dir(d).is_err() {
                break;
            }
            dir = d.parent();
        }
    }

    let articles = known.into_iter().map(|(_, path, k)| (path, k)).collect();
    let state = State {
        renderer,
        started_ns,
        articles,
        outputs,
    };
    write_atomic(dist, state::FILE, state.to_bytes())?;
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

fn read_article(reader: &ApiReader, edition: Edition, slug: &str) -> Option<Article> {
    let path = paths::article(edition, slug);
    tree::decode::<Article>(&reader.read(&path).ok()??, &path).ok()
}

/// One page: the app's view of `path`, in the shell, with its head and its documents.
fn page_html(
    shell: &Shell,
    path: &str,
    head: &Head,
    api_base: &str,
    api_local: Option<&str>,
    base_path: &str,
) -> String {
    let lang = routes::parse(&format!("/{path}")).0.lang();
    let (body, documents) = render::page(&format!("/{path}"));
    let body = match api_local {
        Some(local) => body.replace(api_base, local),
        None => body,
    };
    let body = relative_to_base(&body, base_path);
    let documents = handover_elements(api_base, documents);
    shell.page(&shell::Fill {
        lang: Some(lang),
        title: Some(&markup::escape(&head.title)),
        head: Some(&format!(
            "{}  <noscript><link rel=\"stylesheet\" href=\"noscript.css\"></noscript>\n",
            head.tags
        )),
        body: Some(&format!(
            "<!--prerendered-->{body}<!--/prerendered-->\n{documents}"
        )),
    })
}
