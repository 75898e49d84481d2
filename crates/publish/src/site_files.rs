//! Stage 4, site files: the sitemaps, the news sitemap, `robots.txt`, the RSS feeds and
//! the search pages, each written only when what it is made of changed.

use std::collections::BTreeMap;
use std::path::Path;

use newsfront::components::title::full_title;
use newsfront_core::contract::{Article, paths};
use newsfront_core::logic::edition::Edition;
use newsfront_core::logic::routes;

use crate::plan::{Kind, Plan};
use crate::state::{self, fingerprint, fingerprint_each};
use crate::tree::{self, EditionTree};
use crate::write::{output_of, write_atomic};
use crate::{Report, Run, feeds, manifest, offline};

/// Writes the site files; the sitemap groups of this run, for the next one's state.
pub fn write(
    run: &Run,
    plan: &mut Plan,
    report: &mut Report,
) -> BTreeMap<String, state::SitemapGroup> {
    let page_urls: Vec<(String, Option<i64>)> = plan
        .pages
        .iter()
        .filter(|j| !matches!(j.kind, Kind::Headlines(_)))
        .filter(|j| plan.outputs.contains_key(&output_of(&j.path)))
        .map(|j| (run.ctx.url(&j.path), None))
        .collect();
    let mut files = SiteFiles {
        dist: run.site.dist,
        before: &run.previous.outputs,
        before_groups: &run.previous.sitemaps,
        fresh: run.fresh,
        outputs: &mut plan.outputs,
        groups: BTreeMap::new(),
        index: Vec::new(),
        report,
    };
    let plan_page_of = &plan.page_of;
    let written = |i: usize| plan_page_of[i].is_some();
    let order = &plan.order;
    sitemaps(run, &mut files, page_urls, order, &written);
    let groups = std::mem::take(&mut files.groups);
    news_sitemap_and_robots(run, &mut files, order, &written);
    rss_feeds(run, &mut files, order, &written);
    offline_files(run, &mut files);
    groups
}

/// The service worker, the offline page's script, and each edition's offline page
/// (`offline`; only where no page is) and manifest (`manifest`).
fn offline_files(run: &Run, files: &mut SiteFiles) {
    match offline::worker(run.site.dist) {
        Ok(worker) => files.put(offline::WORKER.to_string(), fingerprint(&worker), || worker),
        Err(e) => files.report.problems.push(e),
    }
    let script = offline::PAGE_SCRIPT_TEXT;
    files.put(
        offline::PAGE_SCRIPT.to_string(),
        fingerprint(&script),
        || script.to_string(),
    );
    for site in &run.ctx.tree.editions {
        let text = manifest::manifest(site.edition, &site.site.name);
        files.put(manifest::path(site.edition), fingerprint(&text), || text);
        let path = output_of(&offline::page_path(site.edition));
        if files.outputs.contains_key(&path) {
            files
                .report
                .problems
                .push(format!("/{path}: a page is there, so no offline page"));
            continue;
        }
        let html = offline::page(&run.site.shell, site.edition, &site.site.name);
        files.put(path, fingerprint(&html), || html);
    }
}

/// The sitemaps: one group for the front and section pages, one per edition and month
/// of stories, and their index.
fn sitemaps(
    run: &Run,
    files: &mut SiteFiles,
    page_urls: Vec<(String, Option<i64>)>,
    order: &[usize],
    written: &dyn Fn(usize) -> bool,
) {
    let print = fingerprint(&(run.site_wide, &page_urls));
    files.sitemap_group("pages", print, || page_urls.into_iter());
    for group in order.chunk_by(|&a, &b| {
        let (ea, eb) = (run.state.articles[a].edition, run.state.articles[b].edition);
        ea == eb
            && feeds::sitemap_group(ea.lang(), run.story(a).published)
                == feeds::sitemap_group(eb.lang(), run.story(b).published)
    }) {
        let first = &run.state.articles[group[0]];
        let name = feeds::sitemap_group(first.edition.lang(), run.story(group[0]).published);
        let listed = || group.iter().copied().filter(|&i| written(i));
        let print = fingerprint(&(
            run.site_wide,
            fingerprint_each(listed().map(|i| {
                let (e, s) = (&run.state.articles[i], run.story(i));
                (e.edition, &e.slug, &s.section, s.changed)
            })),
        ));
        files.sitemap_group(&name, print, || {
            listed().map(|i| {
                let path = run.state.articles[i].page_path().expect("a story in order");
                (run.ctx.url(&path), run.story(i).changed)
            })
        });
    }
    let index = feeds::sitemap_index(&run.ctx, &files.index);
    files.put("sitemap.xml".into(), fingerprint(&index), || index);
}

/// The news sitemap (it reads its stories again, only when one changed), the search
/// pages and `robots.txt`.
fn news_sitemap_and_robots(
    run: &Run,
    files: &mut SiteFiles,
    order: &[usize],
    written: &dyn Fn(usize) -> bool,
) {
    let mut recent: Vec<usize> = order
        .iter()
        .copied()
        .filter(|&i| written(i))
        .filter(|&i| {
            run.story(i)
                .published
                .is_some_and(|t| feeds::in_news_window(t, run.site.options.now))
        })
        .collect();
    recent.sort_by_key(|&i| std::cmp::Reverse(run.story(i).published));
    recent.truncate(feeds::NEWS_MAX);
    let print = fingerprint(&(run.site_wide, listing(run, &recent)));
    files.put("news-sitemap.xml".into(), print, || {
        feeds::news_sitemap(&run.ctx, &read(run, &recent))
    });
    // Search results are the app's alone (the query is the reader's): each edition's
    // search page is the shell, so that a static host answers it with 200, not 404.
    for site in &run.ctx.tree.editions {
        let path = output_of(&routes::search(site.edition));
        files.put(path, fingerprint(&run.site.blank), || {
            run.site.blank.clone()
        });
    }
    let rules = std::fs::read_to_string(run.site.dist.join("robots.txt")).unwrap_or_default();
    let robots = feeds::robots(&rules, &run.ctx);
    files.put("robots.txt".into(), fingerprint(&robots), || robots);
}

/// An RSS feed per edition and per section (they read their stories again, only when
/// one changed).
fn rss_feeds(run: &Run, files: &mut SiteFiles, order: &[usize], written: &dyn Fn(usize) -> bool) {
    for site in &run.ctx.tree.editions {
        let edition = site.edition;
        let newest = |section: Option<&str>| -> Vec<usize> {
            order
                .iter()
                .copied()
                .filter(|&i| run.state.articles[i].edition == edition && written(i))
                .filter(|&i| section.is_none_or(|x| *run.story(i).section == *x))
                .take(feeds::RSS_ITEMS)
                .collect()
        };
        let mut feed = |file: String,
                        title: String,
                        path: String,
                        self_url: String,
                        about: String,
                        list: Vec<usize>| {
            let print = fingerprint(&(run.site_wide, &title, &path, &about, listing(run, &list)));
            files.put(file, print, || {
                let articles: Vec<Article> = read(run, &list).into_iter().map(|(_, a)| a).collect();
                feeds::rss(
                    &run.ctx,
                    site,
                    &title,
                    &run.ctx.url(&path),
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
            run.ctx.edition_feed(edition),
            site.site.name.clone(),
            newest(None),
        );
        for section in &site.sections {
            let path = routes::section(edition, &section.slug);
            feed(
                format!("{path}/rss.xml"),
                full_title(&section.title, &site.site.name),
                path.clone(),
                run.ctx.section_feed(edition, &section.slug),
                section
                    .tagline
                    .clone()
                    .unwrap_or_else(|| section.title.clone()),
                newest(Some(&section.slug)),
            );
        }
    }
}

/// What a story's listing is made of, for a fingerprint.
fn listing<'a>(run: &'a Run, list: &[usize]) -> Vec<(Edition, &'a str, u64)> {
    list.iter()
        .map(|&i| {
            let e = &run.state.articles[i];
            (e.edition, &*e.slug, e.known.hash)
        })
        .collect()
}

/// The stories at `list` read again whole, with their editions.
fn read<'a>(run: &'a Run, list: &[usize]) -> Vec<(&'a EditionTree, Article)> {
    list.iter()
        .filter_map(|&i| {
            let e = &run.state.articles[i];
            let site = run.site_of(e.edition)?;
            Some((site, read_article(run, e.edition, &e.slug)?))
        })
        .collect()
}

fn read_article(run: &Run, edition: Edition, slug: &str) -> Option<Article> {
    let path = paths::article(edition, slug);
    tree::decode::<Article>(&run.site.config, &run.reader.read(&path).ok()??, &path).ok()
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
