//! Stage 2, plan: the pages the site has (front, section and headlines pages, then the
//! stories), the fingerprint of what each is made of, and those to render again.

use std::collections::BTreeMap;
use std::path::Path;

use rustc_hash::{FxHashMap, FxHashSet};

use newsfront_core::contract::{SectionInfo, paths};
use newsfront_core::logic::edition::Edition;
use newsfront_core::logic::routes;

use crate::site::text_hash;
use crate::state::{State, fingerprint};
use crate::tree::EditionTree;
use crate::write::output_of;
use crate::{Report, Run, head};

/// A front or section page to write: where, what it shows, and the fingerprint of what
/// it is made of.
pub struct PageJob<'a> {
    /// Below the base, no leading `/` (`world/story`; `""` for the English front page).
    pub path: String,
    pub edition: &'a EditionTree,
    pub kind: Kind<'a>,
    pub fingerprint: u64,
}

pub enum Kind<'a> {
    Front,
    Section(&'a SectionInfo),
    /// A section's headlines widget.
    Headlines(&'a SectionInfo),
}

/// A page to render: a front or section page (its index in `pages`), or a story's (its
/// index in the state): an archive's worth of jobs would hold every page's path.
pub enum Render {
    Page(usize),
    Story(usize),
}

pub struct Plan<'a> {
    /// The front, section and headlines pages, each at a place of its own.
    pub pages: Vec<PageJob<'a>>,
    /// The stories with a page, by index in the state, newest first within each
    /// edition, as the sitemaps and feeds list them.
    pub order: Vec<usize>,
    /// Every file the site will have, with the fingerprint of its inputs: the pages
    /// here, the site files later.
    pub outputs: BTreeMap<String, u64>,
    /// Each story's page fingerprint (by index in the state), while it has a page.
    pub page_of: Vec<Option<u64>>,
    pub to_render: Vec<Render>,
}

impl Plan<'_> {
    /// What the next run's state keeps: each story's page fingerprint, every output's.
    pub fn finish(self) -> (Vec<Option<u64>>, BTreeMap<String, u64>) {
        (self.page_of, self.outputs)
    }

    /// Whether the story at `i` (in the state) has a page in this run.
    pub fn written(&self, i: usize) -> bool {
        self.page_of[i].is_some()
    }

    /// Where a job's page is, below the base.
    pub fn path(&self, state: &State, job: &Render) -> String {
        match job {
            Render::Page(p) => self.pages[*p].path.clone(),
            Render::Story(i) => state.articles[*i].page_path().expect("a story in order"),
        }
    }
}

/// What the site has and what changed. A page goes only where nothing else is: not on
/// a name the build made (`taken`), not on another page.
pub fn plan<'a>(
    run: &Run<'a>,
    taken: &FxHashSet<String>,
    report: &mut Report,
) -> Result<Plan<'a>, String> {
    let place_free = |path: &str, report: &mut Report| {
        let free = !taken.contains(path.split('/').next().unwrap_or_default());
        if !free {
            report
                .problems
                .push(format!("/{path}: the build has a file there"));
        }
        free
    };
    let mut outputs = BTreeMap::new();
    let mut pages = Vec::new();
    for job in page_jobs(run)? {
        let output = output_of(&job.path);
        if outputs.contains_key(&output) || !place_free(&job.path, report) {
            continue;
        }
        outputs.insert(output, job.fingerprint);
        pages.push(job);
    }
    let mut to_render: Vec<Render> = (0..pages.len())
        .filter(|&p| {
            run.fresh
                || run.previous.outputs.get(&output_of(&pages[p].path))
                    != Some(&pages[p].fingerprint)
        })
        .map(Render::Page)
        .collect();

    // The story pages: what each would be made of, and those that changed. An article
    // page's path cannot be another's (a slug is one story's in its edition), but it
    // can be a section page's (an English section called `ru`): whether one may clash
    // is known by its folder (edition and section), and only there is its path made.
    let order = order(run);
    let page_paths: FxHashSet<&str> = pages.iter().map(|j| j.path.as_str()).collect();
    let mut may_clash: FxHashMap<(Edition, &str), bool> = FxHashMap::default();
    let mut page_of: Vec<Option<u64>> = vec![None; run.state.articles.len()];
    for &i in &order {
        let entry = &run.state.articles[i];
        let story = run.story(i);
        let clash = *may_clash
            .entry((entry.edition, &story.section))
            .or_insert_with(|| {
                let folder = routes::article(entry.edition, &story.section, "");
                let top = folder.split('/').next().unwrap_or_default();
                taken.contains(top) || page_paths.iter().any(|p| p.starts_with(&folder))
            });
        if clash {
            let path = entry.page_path().expect("a story in order");
            if page_paths.contains(path.as_str()) || !place_free(&path, report) {
                continue;
            }
        }
        let alternates = head::translations(&run.ctx, entry.edition, story.translations());
        let print = fingerprint(&(run.every_page, entry.known.hash, &alternates));
        page_of[i] = Some(print);
        if run.fresh || entry.known.page != Some(print) {
            to_render.push(Render::Story(i));
        }
    }
    Ok(Plan {
        pages,
        order,
        outputs,
        page_of,
        to_render,
    })
}

/// The stories, newest first within each edition (by index in the state).
fn order(run: &Run) -> Vec<usize> {
    let articles = &run.state.articles;
    let mut order: Vec<usize> = (0..articles.len())
        .filter(|&i| articles[i].known.story.is_some())
        .filter(|&i| run.site_of(articles[i].edition).is_some())
        .collect();
    order.sort_by_key(|&i| {
        (
            articles[i].edition,
            std::cmp::Reverse(run.story(i).published),
        )
    });
    order
}

/// Every edition's front page, and each section's page and headlines widget, with
/// what each is made of.
fn page_jobs<'a>(run: &Run<'a>) -> Result<Vec<PageJob<'a>>, String> {
    let tree = run.ctx.tree;
    let editions: Vec<Edition> = tree.editions.iter().map(|e| e.edition).collect();
    let described = |s: &SectionInfo| (s.slug.clone(), s.title.clone(), s.tagline.clone());
    let mut jobs = Vec::new();
    for edition_tree in &tree.editions {
        let edition = edition_tree.edition;
        let sections: Vec<_> = edition_tree.sections.iter().map(described).collect();
        jobs.push(PageJob {
            path: routes::front(edition),
            edition: edition_tree,
            kind: Kind::Front,
            fingerprint: fingerprint(&(
                run.every_page,
                text_hash(run.reader, &paths::front(edition))?,
                &editions,
                &sections,
            )),
        });
        for section in &edition_tree.sections {
            let alternates: Vec<Edition> = tree
                .editions
                .iter()
                .filter(|e| e.sections.iter().any(|s| s.slug == section.slug))
                .map(|e| e.edition)
                .collect();
            let feed = text_hash(run.reader, &paths::section(edition, &section.slug))?;
            jobs.push(PageJob {
                path: routes::section(edition, &section.slug),
                edition: edition_tree,
                kind: Kind::Section(section),
                fingerprint: fingerprint(&(run.every_page, feed, &alternates, described(section))),
            });
            // Its headlines widget shows the feed's first page too (and no alternates).
            jobs.push(PageJob {
                path: routes::embed_section(edition, &section.slug),
                edition: edition_tree,
                kind: Kind::Headlines(section),
                fingerprint: fingerprint(&(run.every_page, feed, described(section))),
            });
        }
    }
    Ok(jobs)
}

/// The names at the top of the built site that the build made and a page must not
/// replace (a section called `api`, say). The folders of pages are this step's own:
/// those of its last run, and any that hold a page (a site built before it kept a state).
pub fn taken_names(dist: &Path, previous: &State) -> Result<FxHashSet<String>, String> {
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
