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
pub mod search;
pub mod shell;
pub mod source;
pub mod state;
pub mod tree;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::api::config;
use crate::components::title::full_title;
use crate::contract::{Article, ArticleHead, paths};
use crate::logic::edition::Edition;
use crate::logic::routes;
use crate::takeover::handover;

use head::{Context, Head};
use shell::Shell;
use source::{ApiReader, Checked};
use state::{Entry, Known, State, Story, fingerprint, fingerprint_each};
use tree::EditionTree;

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
    /// Pages of the site, rendered or not (partner widgets aside).
    pub pages: usize,
    /// Partner widget pages: a headlines box per section, a card per story.
    pub widgets: usize,
    /// Pages rendered and written by this run.
    pub rendered: usize,
    pub articles: usize,
    pub article_bytes_total: usize,
    pub article_bytes_max: usize,
    pub feeds: usize,
    /// Article documents read (the rest were known by their stamp).
    pub documents_read: usize,
    /// Feed pages after the first read (the rest were known by their stamp).
    pub listings_read: usize,
    /// Files written or removed by this run, below the built site: `+ path`, `- path`.
    pub changes: Vec<String>,
    /// Sitemap files and the most URLs one holds.
    pub sitemaps: usize,
    pub sitemap_max_urls: usize,
    /// Stories (re)indexed for search.
    pub search_indexed: usize,
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

/// The hand-over elements: the documents a page used, by path below the API base,
/// without the whitespace between their tokens. Only documents that are JSON go in (one
/// that is not failed to render anyway).
fn handover_elements(api_base: &str, documents: Vec<(String, String)>) -> String {
    documents
        .iter()
        .filter_map(|(url, text)| {
            let path = url.strip_prefix(api_base)?;
            Some(format!(
                "  <script type=\"application/json\" {}=\"{}\">{}</script>\n",
                handover::ATTRIBUTE,
                markup::escape(path),
                markup::script_json(&compact_json(text)?)
            ))
        })
        .collect()
}

/// `text` as compact JSON, or `None` when it is not JSON.
fn compact_json(text: &str) -> Option<String> {
    let mut out = Vec::with_capacity(text.len());
    let mut from = serde_json::Deserializer::from_str(text);
    serde_transcode::transcode(&mut from, &mut serde_json::Serializer::new(&mut out)).ok()?;
    from.end().ok()?;
    String::from_utf8(out).ok()
}

/// Writes `text` to `path` below `dist` whole or not at all (`write_atomic_with`).
fn write_atomic(dist: &Path, path: &str, text: impl AsRef<[u8]>) -> Result<(), String> {
    write_atomic_with(dist, path, |mut file| file.write_all(text.as_ref()))
}

/// Writes `path` below `dist` whole or not at all: `write` fills a file beside it, then
/// it is renamed over it, so a reader (or a failed run) never sees half a file.
fn write_atomic_with(
    dist: &Path,
    path: &str,
    write: impl FnOnce(std::fs::File) -> std::io::Result<()>,
) -> Result<(), String> {
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
    std::fs::File::create(&temp)
        .and_then(write)
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

/// A front or section page to write: where, what it shows, and the fingerprint of what
/// it is made of.
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
    /// A section's headlines widget.
    Headlines(&'a crate::contract::SectionInfo),
}

/// A page to render: a front or section page, or a story's (its index in the state).
enum Render<'a> {
    Page(&'a PageJob<'a>),
    Story(usize),
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
    let mut previous = State::load(dist);
    let taken = taken_names(dist, &previous)?;
    let mut tree = tree::walk(&reader, &mut previous)?;
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
    let fresh = previous.renderer != renderer;
    let mut report = Report {
        problems: std::mem::take(&mut tree.problems),
        listings_read: tree.listings_read,
        ..Report::default()
    };

    // What each listed story is: known by its file's stamp, else read.
    let readers = reader.readers(threads);
    let articles = inventory(&tree, &mut previous, &mut report, readers, || {
        config::configure(&public_base, &api_meta);
        ApiReader::new(&options.api)
    })?;
    let mut state = State {
        renderer,
        started_ns,
        articles,
        listings: std::mem::take(&mut tree.listings),
        outputs: BTreeMap::new(),
        sitemaps: BTreeMap::new(),
    };
    // A hash table beside the sorted list for the pages' lookups (two per story, for
    // its translations): binary searches took a fifth of a publish at 200,000 stories
    // per edition.
    let places: head::Places = state
        .articles
        .iter()
        .filter_map(|e| Some(((e.edition, &*e.slug), e.known.story.as_ref()?)))
        .collect();
    let ctx = Context {
        base: &public_base,
        tree: &tree,
        places: &places,
    };
    let site_of = |edition: Edition| tree.editions.iter().find(|e| e.edition == edition);

    // The stories, newest first within each edition, as the sitemaps and feeds list them
    // (by index in the state).
    let mut order: Vec<usize> = (0..state.articles.len())
        .filter(|&i| state.articles[i].known.story.is_some())
        .filter(|&i| site_of(state.articles[i].edition).is_some())
        .collect();
    let story = |i: usize| state.articles[i].known.story.as_ref().expect("in order");
    order.sort_by_key(|&i| {
        (
            state.articles[i].edition,
            std::cmp::Reverse(story(i).published),
        )
    });

    let place_free = |path: &str, report: &mut Report| {
        let free = !taken.contains(path.split('/').next().unwrap_or_default());
        if !free {
            report
                .problems
                .push(format!("/{path}: the build has a file there"));
        }
        free
    };

    // The front and section pages.
    let mut outputs: BTreeMap<String, u64> = BTreeMap::new();
    let mut jobs: Vec<PageJob> = Vec::new();
    let editions: Vec<Edition> = tree.editions.iter().map(|e| e.edition).collect();
    for site in &tree.editions {
        let edition = site.edition;
        let described =
            |s: &crate::contract::SectionInfo| (s.slug.clone(), s.title.clone(), s.tagline.clone());
        let sections: Vec<_> = site.sections.iter().map(described).collect();
        jobs.push(PageJob {
            path: routes::front(edition),
            edition: site,
            kind: Kind::Front,
            fingerprint: fingerprint(&(
                every_page,
                text_hash(&reader, &paths::front(edition))?,
                &editions,
                &sections,
            )),
        });
        for section in &site.sections {
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
                    text_hash(&reader, &paths::section(edition, &section.slug))?,
                    &alternates,
                    described(section),
                )),
            });
            // Its headlines widget shows the feed's first page too (and no alternates).
            jobs.push(PageJob {
                path: routes::embed_section(edition, &section.slug),
                edition: site,
                kind: Kind::Headlines(section),
                fingerprint: fingerprint(&(
                    every_page,
                    text_hash(&reader, &paths::section(edition, &section.slug))?,
                    described(section),
                )),
            });
        }
    }
    let mut pages: Vec<&PageJob> = Vec::new();
    for job in &jobs {
        let output = output_of(&job.path);
        if outputs.contains_key(&output) || !place_free(&job.path, &mut report) {
            continue;
        }
        outputs.insert(output, job.fingerprint);
        pages.push(job);
    }
    // What to render: few pages, and the stories by index (an archive's worth of jobs
    // would hold every page's path).
    let mut to_render: Vec<Render> = pages
        .iter()
        .filter(|j| fresh || previous.outputs.get(&output_of(&j.path)) != Some(&j.fingerprint))
        .map(|j| Render::Page(j))
        .collect();

    // The story pages: what each would be made of, and those that changed. An article
    // page's path cannot be another's (a slug is one story's in its edition), but it
    // can be a section page's (an English section called `ru`): whether one may clash
    // is known by its folder (edition and section), and only there is its path made.
    let page_paths: FxHashSet<&str> = pages.iter().map(|j| j.path.as_str()).collect();
    let mut may_clash: FxHashMap<(Edition, &str), bool> = FxHashMap::default();
    let mut page_of: Vec<Option<u64>> = vec![None; state.articles.len()];
    for &i in &order {
        let entry = &state.articles[i];
        let story = story(i);
        let clash = *may_clash
            .entry((entry.edition, &story.section))
            .or_insert_with(|| {
                let folder = routes::article(entry.edition, &story.section, "");
                let top = folder.split('/').next().unwrap_or_default();
                taken.contains(top) || page_paths.iter().any(|p| p.starts_with(&folder))
            });
        if clash {
            let path = entry.page_path().expect("a story in order");
            if page_paths.contains(path.as_str()) || !place_free(&path, &mut report) {
                continue;
            }
        }
        let alternates = head::translations(&ctx, entry.edition, story.translations());
        let print = fingerprint(&(every_page, entry.known.hash, &alternates));
        page_of[i] = Some(print);
        if fresh || entry.known.page != Some(print) {
            to_render.push(Render::Story(i));
        }
    }
    let job_path = |job: &Render| match job {
        Render::Page(page) => page.path.clone(),
        Render::Story(i) => state.articles[*i].page_path().expect("a story in order"),
    };

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
            let page = |path: &str, head: &Head, widget: bool| {
                let html = page_html(
                    &shell,
                    path,
                    head,
                    widget,
                    &api_base,
                    api_local.as_deref(),
                    &base_path,
                );
                write_atomic(dist, &output_of(path), &html).map(|()| html.len())
            };
            match job {
                Render::Page(job) => {
                    let head = match job.kind {
                        Kind::Front => head::front(&ctx, job.edition),
                        Kind::Section(section) => head::section(&ctx, job.edition, section),
                        Kind::Headlines(section) => head::widget(job.edition, &section.title),
                    };
                    page(&job.path, &head, matches!(job.kind, Kind::Headlines(_)))
                }
                Render::Story(i) => {
                    let e = &state.articles[*i];
                    let path = paths::article(e.edition, &e.slug);
                    let text = reader.read(&path)?.unwrap_or_default();
                    let article = tree::decode::<Article>(&text, &path)?;
                    let site = site_of(e.edition).expect("a story of an edition in the tree");
                    let card = e.card_path().expect("a story in order");
                    page(&card, &head::widget(site, &article.title), true)?;
                    page(&job_path(job), &head::article(&ctx, site, &article), false)
                }
            }
        },
    );
    for (job, result) in to_render.iter().zip(rendered) {
        let output = output_of(&job_path(job));
        match result {
            Ok(bytes) => {
                // A widget is counted with its page (a card) or apart (a headlines box).
                if !matches!(job, Render::Page(p) if matches!(p.kind, Kind::Headlines(_))) {
                    report.rendered += 1;
                }
                report.changes.push(format!("+ {output}"));
                if let Render::Story(i) = job {
                    let card = state.articles[*i].card_path().expect("a story in order");
                    report.changes.push(format!("+ {}", output_of(&card)));
                    report.article_bytes_total += bytes;
                    report.article_bytes_max = report.article_bytes_max.max(bytes);
                }
            }
            Err(e) => {
                match job {
                    Render::Story(i) => page_of[*i] = None,
                    Render::Page(_) => {
                        outputs.remove(&output);
                    }
                }
                report.problems.push(e);
            }
        }
    }
    let written = |i: usize| page_of[i].is_some();
    report.articles = order.iter().filter(|&&i| written(i)).count();
    let headlines = pages
        .iter()
        .filter(|j| matches!(j.kind, Kind::Headlines(_)))
        .filter(|j| outputs.contains_key(&output_of(&j.path)))
        .count();
    report.pages = outputs.len() - headlines + report.articles;
    report.widgets = headlines + report.articles;

    let page_urls: Vec<(String, Option<i64>)> = pages
        .iter()
        .filter(|j| !matches!(j.kind, Kind::Headlines(_)))
        .filter(|j| outputs.contains_key(&output_of(&j.path)))
        .map(|j| (ctx.url(&j.path), None))
        .collect();

    // The site-wide files, written when what they are made of changed, one at a time.
    let mut files = SiteFiles {
        dist,
        before: &previous.outputs,
        before_groups: &previous.sitemaps,
        fresh,
        outputs: &mut outputs,
        groups: BTreeMap::new(),
        index: Vec::new(),
        report: &mut report,
    };
    let print = fingerprint(&(every_page, &page_urls));
    files.sitemap_group("pages", print, || page_urls.into_iter());
    for group in order.chunk_by(|&a, &b| {
        let (ea, eb) = (state.articles[a].edition, state.articles[b].edition);
        ea == eb
            && feeds::sitemap_group(ea.lang(), story(a).published)
                == feeds::sitemap_group(eb.lang(), story(b).published)
    }) {
        let first = &state.articles[group[0]];
        let name = feeds::sitemap_group(first.edition.lang(), story(group[0]).published);
        let listed = || group.iter().copied().filter(|&i| written(i));
        let print = fingerprint(&(
            every_page,
            fingerprint_each(listed().map(|i| {
                let (e, s) = (&state.articles[i], story(i));
                (e.edition, &e.slug, &s.section, s.changed)
            })),
        ));
        files.sitemap_group(&name, print, || {
            listed().map(|i| {
                let path = state.articles[i].page_path().expect("a story in order");
                (ctx.url(&path), story(i).changed)
            })
        });
    }
    let index = feeds::sitemap_index(&ctx, &files.index);
    files.put("sitemap.xml".into(), fingerprint(&index), || index);
    let groups = std::mem::take(&mut files.groups);

    // The news sitemap and the feeds read their stories again, only when one changed.
    let listing = |list: &[usize]| -> Vec<(Edition, &str, u64)> {
        list.iter()
            .map(|&i| {
                let e = &state.articles[i];
                (e.edition, &*e.slug, e.known.hash)
            })
            .collect()
    };
    let mut recent: Vec<usize> = order
        .iter()
        .copied()
        .filter(|&i| written(i))
        .filter(|&i| {
            story(i)
                .published
                .is_some_and(|t| feeds::in_news_window(t, options.now))
        })
        .collect();
    recent.sort_by_key(|&i| std::cmp::Reverse(story(i).published));
    recent.truncate(feeds::NEWS_MAX);
    let read = |list: &[usize]| -> Vec<(&EditionTree, Article)> {
        list.iter()
            .filter_map(|&i| {
                let e = &state.articles[i];
                let site = site_of(e.edition)?;
                Some((site, read_article(&reader, e.edition, &e.slug)?))
            })
            .collect()
    };
    let print = fingerprint(&(every_page, listing(&recent)));
    files.put("news-sitemap.xml".into(), print, || {
        feeds::news_sitemap(&ctx, &read(&recent))
    });
    // Search results are the app's alone (the query is the reader's): each edition's
    // search page is the shell, so that a static host answers it with 200, not 404.
    for site in &tree.editions {
        let path = output_of(&routes::search(site.edition));
        files.put(path, fingerprint(&blank), || blank.clone());
    }
    let rules = std::fs::read_to_string(dist.join("robots.txt")).unwrap_or_default();
    let robots = feeds::robots(&rules, &ctx);
    files.put("robots.txt".into(), fingerprint(&robots), || robots);
    for site in &tree.editions {
        let edition = site.edition;
        let newest = |section: Option<&str>| -> Vec<usize> {
            order
                .iter()
                .copied()
                .filter(|&i| state.articles[i].edition == edition && written(i))
                .filter(|&i| section.is_none_or(|x| *story(i).section == *x))
                .take(feeds::RSS_ITEMS)
                .collect()
        };
        let mut feed = |file: String,
                        title: String,
                        path: String,
                        self_url: String,
                        about: String,
                        list: Vec<usize>| {
            let print = fingerprint(&(every_page, &title, &path, &about, listing(&list)));
            files.put(file, print, || {
                let articles: Vec<Article> = read(&list).into_iter().map(|(_, a)| a).collect();
                feeds::rss(
                    &ctx,
                    site,
                    &title,
                    &ctx.url(&path),
                    &self_url,
                    &about,
                    articles.iter(),
                )
            });
            files.report.feeds += 1;
        };
        let front = routes::front(edition);
        feed(
            format!("{front}rss.xml"),
            site.site.name.clone(),
            front.clone(),
            ctx.edition_feed(edition),
            site.site.name.clone(),
            newest(None),
        );
        for section in &site.sections {
            let path = routes::section(edition, &section.slug);
            feed(
                format!("{path}/rss.xml"),
                full_title(&section.title, &site.site.name),
                path.clone(),
                ctx.section_feed(edition, &section.slug),
                section
                    .tagline
                    .clone()
                    .unwrap_or_else(|| section.title.clone()),
                newest(Some(&section.slug)),
            );
        }
    }

    // What an earlier run wrote and this one did not: a story, a section gone; a story
    // page moved to another section, or that could not be rendered this time.
    let mut stale: Vec<String> = previous
        .outputs
        .keys()
        .filter(|p| !outputs.contains_key(*p))
        .cloned()
        .collect();
    // A story's card goes with its page.
    let mut stale_story = |entry: &Entry| {
        for path in [entry.page_path(), entry.card_path()].into_iter().flatten() {
            stale.push(output_of(&path));
        }
    };
    for old in &previous.articles {
        let Some(path) = old.known.page.and_then(|_| old.page_path()) else {
            continue;
        };
        let kept = state
            .find(old.edition, &old.slug)
            .is_some_and(|i| written(i) && state.articles[i].page_path().as_ref() == Some(&path));
        if !kept {
            stale_story(old);
        }
    }
    for (i, entry) in state.articles.iter().enumerate() {
        if entry.known.page.is_some() && !written(i) {
            stale_story(entry);
        }
    }
    for path in stale {
        remove_output(dist, &path, &mut report);
    }

    // The archive search index: the stories with a page, as each edition lists them.
    for site in &tree.editions {
        let listed: Vec<search::Listed> = order
            .iter()
            .filter(|&&i| state.articles[i].edition == site.edition && written(i))
            .map(|&i| search::Listed {
                slug: &state.articles[i].slug,
                print: state.articles[i].known.hash,
                published: story(i).published,
            })
            .collect();
        let init = || {
            config::configure(&public_base, &api_meta);
            ApiReader::new(&options.api)
        };
        match search::update(dist, site.edition, &listed, threads, init) {
            Ok(Some(indexed)) => {
                report.changes.extend(indexed.changes);
                report.search_indexed += indexed.indexed;
            }
            Ok(None) => {}
            Err(e) => report
                .problems
                .push(format!("the search index of {}: {e}", site.edition.lang())),
        }
    }

    for (entry, page) in state.articles.iter_mut().zip(page_of) {
        entry.known.page = page;
    }
    state.outputs = outputs;
    state.sitemaps = groups;
    write_atomic_with(dist, state::FILE, |file| state.save(file))?;
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

/// The names at the top of the built site that the build made and a page must not
/// replace (a section called `api`, say). The folders of pages are this step's own:
/// those of its last run, and any that hold a page (a site built before it kept a state).
fn taken_names(dist: &Path, previous: &State) -> Result<FxHashSet<String>, String> {
    // A story page's first folder is its edition's or its section's: one path for each
    // (edition, section) says it.
    let sections: FxHashSet<(Edition, &str)> = previous
        .articles
        .iter()
        .filter(|e| e.known.page.is_some())
        .filter_map(|e| Some((e.edition, &*e.known.story.as_ref()?.section)))
        .collect();
    let stories = sections
        .into_iter()
        .map(|(edition, section)| routes::article(edition, section, ""));
    let own: FxHashSet<String> = previous
        .outputs
        .keys()
        .cloned()
        .chain(stories)
        .filter_map(|p| Some(p.split('/').next()?.to_string()))
        .collect();
    Ok(std::fs::read_dir(dist)
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| {
            !own.contains(name)
                && name != "index.html"
                && !dist.join(name).join("index.html").exists()
        })
        .collect())
}

/// Writes the site-wide files whose inputs changed since the last run, and records
/// every one with the fingerprint of its inputs.
struct SiteFiles<'a> {
    dist: &'a Path,
    before: &'a BTreeMap<String, u64>,
    before_groups: &'a BTreeMap<String, state::SitemapGroup>,
    fresh: bool,
    outputs: &'a mut BTreeMap<String, u64>,
    /// The sitemap groups of this run, and the index's (file, last change) in order.
    groups: BTreeMap<String, state::SitemapGroup>,
    index: Vec<(String, Option<i64>)>,
    report: &'a mut Report,
}

impl SiteFiles<'_> {
    fn put(&mut self, path: String, print: u64, make: impl FnOnce() -> String) {
        if self.fresh || self.before.get(&path) != Some(&print) {
            if let Err(e) = write_atomic(self.dist, &path, make()) {
                self.report.problems.push(e);
                return;
            }
            self.report.changes.push(format!("+ {path}"));
        }
        self.outputs.insert(path, print);
    }

    /// The sitemap files of a group: those of the last run when it listed the same
    /// (`print`, of what `urls` gives), else made from `urls` and written if changed.
    fn sitemap_group<I: Iterator<Item = (String, Option<i64>)>>(
        &mut self,
        group: &str,
        print: u64,
        urls: impl FnOnce() -> I,
    ) {
        let kept = self
            .before_groups
            .get(group)
            .filter(|g| !self.fresh && g.print == print)
            .filter(|g| {
                g.files
                    .iter()
                    .all(|(name, ..)| self.before.contains_key(name))
            });
        let (files, whole) = match kept {
            Some(g) => {
                for (name, ..) in &g.files {
                    self.outputs.insert(name.clone(), self.before[name]);
                }
                (g.files.clone(), true)
            }
            None => {
                let mut whole = true;
                let files = feeds::sitemap_files(group, urls())
                    .into_iter()
                    .map(|file| {
                        let entry = (file.name.clone(), file.urls, file.changed);
                        let xml = file.xml;
                        self.put(file.name, fingerprint(&xml), || xml);
                        whole &= self.outputs.contains_key(&entry.0);
                        entry
                    })
                    .collect();
                (files, whole)
            }
        };
        for (name, urls, changed) in &files {
            self.report.sitemaps += 1;
            self.report.sitemap_max_urls = self.report.sitemap_max_urls.max(*urls);
            self.index.push((name.clone(), *changed));
        }
        // A group with a file that could not be written is made again next time.
        if whole {
            let group = group.to_string();
            self.groups
                .insert(group, state::SitemapGroup { print, files });
        }
    }
}

/// Removes a file an earlier run wrote, and its folder when nothing else is in it.
fn remove_output(dist: &Path, path: &str, report: &mut Report) {
    let file = dist.join(path);
    if std::fs::remove_file(&file).is_ok() {
        report.changes.push(format!("- {path}"));
    }
    let mut dir = file.parent();
    while let Some(d) = dir.filter(|d| *d != dist) {
        if std::fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
}

/// What the listed stories are, as the next state's entries (sorted): a story whose
/// file has the stamp `previous` knows is taken from it, any other is read (its head
/// only: the page reads it whole). A story read again keeps its page's fingerprint,
/// so an unchanged page is not written again (over HTTP, every story is read).
fn inventory(
    tree: &tree::Tree,
    previous: &mut State,
    report: &mut Report,
    threads: usize,
    init: impl Fn() -> ApiReader + Sync,
) -> Result<Vec<Entry>, String> {
    enum Found {
        Known(usize),
        Read(Box<Known>, Option<String>),
        Missing,
    }
    let mut listed: Vec<(Edition, &str)> = tree
        .editions
        .iter()
        .flat_map(|e| tree.listed(e).map(move |slug| (e.edition, slug)))
        .collect();
    // Sorted as the old list is, each story finds its old record in one pass (and the
    // new list comes out sorted).
    listed.sort_unstable();
    let old = &previous.articles;
    let mut at = 0;
    let listed: Vec<(Edition, &str, Option<usize>)> = listed
        .into_iter()
        .map(|(edition, slug)| {
            while old
                .get(at)
                .is_some_and(|o| (o.edition, &*o.slug) < (edition, slug))
            {
                at += 1;
            }
            let found = old
                .get(at)
                .filter(|o| (o.edition, &*o.slug) == (edition, slug));
            (edition, slug, found.map(|_| at))
        })
        .collect();
    // In batches, so that what a batch found is not held for the whole archive.
    const BATCH: usize = 1 << 16;
    let mut entries: Vec<Entry> = Vec::with_capacity(listed.len());
    let mut moved: Vec<(usize, usize)> = Vec::new();
    for batch in listed.chunks(BATCH) {
        let old: &State = previous;
        let found: Vec<Result<Found, String>> =
            parallel(batch, threads, &init, |reader, &(edition, slug, before)| {
                let path = paths::article(edition, slug);
                let known = before.and_then(|i| old.articles[i].known.stamp.as_ref());
                let (text, stamp) = match reader.check(&path, known, |s| old.trusts(s))? {
                    Checked::Same => return Ok(Found::Known(before.expect("a known story"))),
                    Checked::Read(text, stamp) => (text, stamp),
                };
                let Some(text) = text else {
                    return Ok(Found::Missing);
                };
                let decoded = tree::decode::<ArticleHead>(&text, &path).and_then(|a| {
                    if a.slug == slug {
                        Ok(a)
                    } else {
                        Err(format!(
                            "{path}: its slug is {:?}, not the one it is listed by",
                            a.slug
                        ))
                    }
                });
                let known = Known {
                    stamp,
                    hash: fingerprint(&text),
                    page: before.and_then(|i| old.articles[i].known.page),
                    story: decoded.as_ref().ok().map(Story::of),
                };
                Ok(Found::Read(Box::new(known), decoded.err()))
            });
        for (&(edition, slug, _), found) in batch.iter().zip(found) {
            let path = || paths::article(edition, slug);
            let (slug, known) = match found? {
                Found::Missing => {
                    report.problems.push(format!("{}: not found", path()));
                    continue;
                }
                Found::Known(i) => {
                    let e = &mut previous.articles[i];
                    if e.known.story.is_none() {
                        report.problems.push(format!(
                            "{}: not the contract's JSON (unchanged since the last run)",
                            path()
                        ));
                    }
                    // Its slug is moved below: the old list stays sorted for `find`.
                    moved.push((entries.len(), i));
                    (Box::default(), std::mem::take(&mut e.known))
                }
                Found::Read(known, problem) => {
                    report.documents_read += 1;
                    report.problems.extend(problem);
                    (slug.into(), *known)
                }
            };
            entries.push(Entry {
                edition,
                slug,
                known,
            });
        }
    }
    for (entry, old) in moved {
        entries[entry].slug = std::mem::take(&mut previous.articles[old].slug);
    }
    // What is left of the old list: the stories read again or gone, for the removal
    // of their old pages.
    previous.articles.retain(|e| !e.slug.is_empty());
    previous.articles.shrink_to_fit();
    entries.sort_unstable_by(|a, b| (a.edition, &*a.slug).cmp(&(b.edition, &*b.slug)));
    Ok(entries)
}

fn read_article(reader: &ApiReader, edition: Edition, slug: &str) -> Option<Article> {
    let path = paths::article(edition, slug);
    tree::decode::<Article>(&reader.read(&path).ok()??, &path).ok()
}

/// One page: the app's view of `path`, in the shell, with its head and its documents;
/// a `widget` is the view alone, with no app to take it over (`shell::Fill::widget`).
fn page_html(
    shell: &Shell,
    path: &str,
    head: &Head,
    widget: bool,
    api_base: &str,
    api_local: Option<&str>,
    base_path: &str,
) -> String {
    let lang = routes::parse(&format!("/{path}")).0.lang();
    // A headlines widget lists the most a partner may ask for (its script keeps the
    // number asked for).
    let query = if widget {
        format!("count={}", crate::widget::MAX_COUNT)
    } else {
        String::new()
    };
    let (body, documents) = render::page(&format!("/{path}"), &query);
    let body = match api_local {
        Some(local) => body.replace(api_base, local),
        None => body,
    };
    // Leptos marks the places of dynamic views with `<!>` for its hydration, which the
    // take-over does not use (`takeover`); HTML has no such comment. Text never holds
    // it: a `<` in text is escaped.
    let body = relative_to_base(&body, base_path).replace("<!>", "");
    let title = markup::escape(&head.title);
    let head = format!(
        "{}  <noscript><link rel=\"stylesheet\" href=\"noscript.css\"></noscript>\n",
        head.tags
    );
    // A widget is not taken over: no markers, no documents for the app.
    let body = if widget {
        body
    } else {
        let documents = handover_elements(api_base, documents);
        format!("<!--prerendered-->{body}<!--/prerendered-->\n{documents}")
    };
    shell.page(&shell::Fill {
        lang: Some(lang),
        title: Some(&title),
        head: Some(&head),
        body: Some(&body),
        widget,
    })
}
