//! Stage 2, plan: the pages the site has (front, section and headlines pages, then the
//! stories), the fingerprint of what each is made of, and those to render again.
//!
//! A page is made of the documents its render read (the app's components ask for what
//! they show; `render` notes every lookup, found or not) and of what this crate adds
//! around them (the renderer, the head's inputs: `made`). The documents are declared
//! nowhere else: a page whose last render read only unchanged documents, with the same
//! `made`, would come out the same, so it is not rendered again.

use std::collections::BTreeMap;
use std::path::Path;

use rustc_hash::{FxHashMap, FxHashSet};

use newsfront_core::contract::{SectionInfo, paths};
use newsfront_core::logic::edition::Edition;
use newsfront_core::logic::routes;

use crate::site::text_hash;
use crate::source::ApiReader;
use crate::state::{Page, Reads, State, fingerprint};
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
    /// What it is made of beside the documents its render reads.
    pub made: u64,
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
    /// here (final once rendered), the site files later.
    pub outputs: BTreeMap<String, u64>,
    /// What the front and section pages read, by output.
    page_reads: BTreeMap<String, Reads>,
    /// Each story's page (by index in the state), while it has one; a story to render
    /// holds `PENDING` until it is.
    pub page_of: Vec<Option<Page>>,
    pub to_render: Vec<Render>,
    /// The stories' read sets: the last run's, then new ones, each once.
    read_sets: Vec<Reads>,
    set_index: FxHashMap<Reads, u32>,
    hashes: DocHashes<'a>,
}

/// A story page's place holder between the plan and its render.
const PENDING: Page = Page {
    print: 0,
    reads: u32::MAX,
};

/// What the next run's state keeps of the plan.
pub struct Finished {
    pub page_of: Vec<Option<Page>>,
    pub outputs: BTreeMap<String, u64>,
    pub page_reads: BTreeMap<String, Reads>,
    pub read_sets: Vec<Reads>,
}

impl Plan<'_> {
    pub fn finish(self) -> Finished {
        Finished {
            page_of: self.page_of,
            outputs: self.outputs,
            page_reads: self.page_reads,
            read_sets: self.read_sets,
        }
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

    /// Notes what the front or section page `p` read when it was rendered.
    pub fn rendered_page(&mut self, p: usize, reads: Reads) -> Result<(), String> {
        let output = output_of(&self.pages[p].path);
        let print = self.hashes.print(self.pages[p].made, &reads)?;
        self.outputs.insert(output.clone(), print);
        self.page_reads.insert(output, reads);
        Ok(())
    }

    /// Notes what the story at `i` read when its page was rendered.
    pub fn rendered_story(&mut self, run: &Run, i: usize, reads: Reads) -> Result<(), String> {
        let made = story_made(run, &mut self.hashes, i)?;
        let print = self.hashes.print(made, &reads)?;
        let index = match self.set_index.get(&reads) {
            Some(&index) => index,
            None => {
                let index = u32::try_from(self.read_sets.len()).map_err(|e| e.to_string())?;
                self.set_index.insert(reads.clone(), index);
                self.read_sets.push(reads);
                index
            }
        };
        self.page_of[i] = Some(Page {
            print,
            reads: index,
        });
        Ok(())
    }
}

/// The hash of each document a fingerprint names, read once per run.
struct DocHashes<'a> {
    reader: &'a ApiReader,
    known: FxHashMap<Box<str>, u64>,
}

impl DocHashes<'_> {
    fn get(&mut self, path: &str) -> Result<u64, String> {
        if let Some(&hash) = self.known.get(path) {
            return Ok(hash);
        }
        let hash = text_hash(self.reader, path)?;
        self.known.insert(path.into(), hash);
        Ok(hash)
    }

    /// A page's fingerprint: `made`, and the text of every document in `reads`.
    fn print(&mut self, made: u64, reads: &[Box<str>]) -> Result<u64, String> {
        let mut texts = Vec::with_capacity(reads.len());
        for path in reads {
            texts.push((path, self.get(path)?));
        }
        Ok(fingerprint(&(made, texts)))
    }
}

/// What a story's page is made of beside the documents its render reads: the renderer,
/// the story's own document, and its head's inputs (the translations it links to, the
/// edition's `site.json` it is named with).
fn story_made(run: &Run, hashes: &mut DocHashes, i: usize) -> Result<u64, String> {
    let entry = &run.state.articles[i];
    let alternates = head::translations(&run.ctx, entry.edition, run.story(i).translations());
    let site = hashes.get(&paths::site(entry.edition))?;
    Ok(fingerprint(&(
        &run.state.renderer,
        entry.known.hash,
        &alternates,
        site,
    )))
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
    let mut hashes = DocHashes {
        reader: run.reader,
        known: FxHashMap::default(),
    };
    let mut outputs = BTreeMap::new();
    let mut page_reads = BTreeMap::new();
    let mut pages = Vec::new();
    let mut to_render = Vec::new();
    for job in page_jobs(run, &mut hashes)? {
        let output = output_of(&job.path);
        if outputs.contains_key(&output) || !place_free(&job.path, report) {
            continue;
        }
        // As last written: its fingerprint and what its render read.
        let before = run
            .previous
            .outputs
            .get(&output)
            .zip(run.previous.page_reads.get(&output));
        match before {
            Some((&print, reads)) if !run.fresh && hashes.print(job.made, reads)? == print => {
                page_reads.insert(output.clone(), reads.clone());
                outputs.insert(output, print);
            }
            _ => {
                outputs.insert(output, 0);
                to_render.push(Render::Page(pages.len()));
            }
        }
        pages.push(job);
    }

    // The story pages: what each would be made of, and those that changed. An article
    // page's path cannot be another's (a slug is one story's in its edition), but it
    // can be a section page's (an English section called `ru`): whether one may clash
    // is known by its folder (edition and section), and only there is its path made.
    let order = order(run);
    // The older pages of live stories last written, by their story's slug: an unchanged
    // story keeps its own by a lookup. (A range search per story cost a path built for
    // each of an archive's stories, though few are live.)
    let mut older_pages: FxHashMap<String, Vec<(&String, u64)>> = FxHashMap::default();
    for (path, &print) in &run.previous.outputs {
        let mut segments = path.rsplit('/').skip(2);
        if let (Some(routes::UPDATES), Some(slug)) = (segments.next(), segments.next())
            && let Some(slug) = newsfront_core::logic::uri::percent_decode(slug)
        {
            older_pages.entry(slug).or_default().push((path, print));
        }
    }
    let page_paths: FxHashSet<&str> = pages.iter().map(|j| j.path.as_str()).collect();
    let mut may_clash: FxHashMap<(Edition, &str), bool> = FxHashMap::default();
    let mut page_of: Vec<Option<Page>> = vec![None; run.state.articles.len()];
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
        let made = story_made(run, &mut hashes, i)?;
        let before = entry
            .known
            .page
            .and_then(|page| Some((page, run.previous.read_sets.get(page.reads as usize)?)));
        match before {
            Some((page, reads)) if !run.fresh && hashes.print(made, reads)? == page.print => {
                page_of[i] = Some(page);
                // A live story's older pages are written with it (`render`): kept with it.
                if let Some(kept) = older_pages.get(&*entry.slug) {
                    let updates =
                        routes::live_updates(entry.edition, &story.section, &entry.slug, "");
                    for &(path, print) in kept.iter().filter(|(p, _)| p.starts_with(&updates)) {
                        outputs.insert(path.clone(), print);
                    }
                }
            }
            _ => {
                page_of[i] = Some(PENDING);
                to_render.push(Render::Story(i));
            }
        }
    }
    let read_sets = run.previous.read_sets.clone();
    let set_index = read_sets
        .iter()
        .enumerate()
        .filter_map(|(i, r)| Some((r.clone(), u32::try_from(i).ok()?)))
        .collect();
    Ok(Plan {
        pages,
        order,
        outputs,
        page_reads,
        page_of,
        to_render,
        read_sets,
        set_index,
        hashes,
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
/// what each is made of beside what its render reads: the renderer and its head's
/// inputs (the editions and sections it links to, the edition's `site.json`).
fn page_jobs<'a>(run: &Run<'a>, hashes: &mut DocHashes) -> Result<Vec<PageJob<'a>>, String> {
    let tree = run.ctx.tree;
    let editions: Vec<Edition> = tree.editions.iter().map(|e| e.edition).collect();
    let described = |s: &SectionInfo| (s.slug.clone(), s.title.clone(), s.tagline.clone());
    let mut jobs = Vec::new();
    for edition_tree in &tree.editions {
        let edition = edition_tree.edition;
        let sections: Vec<_> = edition_tree.sections.iter().map(described).collect();
        let frame = (&run.state.renderer, hashes.get(&paths::site(edition))?);
        jobs.push(PageJob {
            path: routes::front(edition),
            edition: edition_tree,
            kind: Kind::Front,
            made: fingerprint(&(frame, &editions, &sections)),
        });
        for section in &edition_tree.sections {
            let alternates: Vec<Edition> = tree
                .editions
                .iter()
                .filter(|e| e.sections.iter().any(|s| s.slug == section.slug))
                .map(|e| e.edition)
                .collect();
            jobs.push(PageJob {
                path: routes::section(edition, &section.slug),
                edition: edition_tree,
                kind: Kind::Section(section),
                made: fingerprint(&(frame, &alternates, described(section))),
            });
            // Its headlines widget has no alternates.
            jobs.push(PageJob {
                path: routes::embed_section(edition, &section.slug),
                edition: edition_tree,
                kind: Kind::Headlines(section),
                made: fingerprint(&(frame, described(section))),
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
