//! The pre-render step: every front page, section feed and article of an API tree as a
//! static HTML page, rendered by the app's own components, that reads without
//! JavaScript and that the app then takes over (`api::handover`); plus the
//! sitemaps, `robots.txt` and RSS feeds.
//!
//! It runs after Trunk's build (`scripts/build/postbuild.sh`), on the page Trunk wrote: the
//! shell (`shell`) is the one place that edits it. Run again on a built site, it brings
//! the site up to date with the API tree (publishing): what each file was made from is
//! kept in the site (`state`), so only the pages whose inputs changed are rendered, the
//! pages of stories gone are removed, and the result is the same as a clean build's.
//! Every file is replaced atomically, and a tree that cannot be read changes nothing.
//!
//! The step runs in stages, each a module with what it reads passed in:
//! configure (`site`) → inventory (`inventory`) → plan (`plan`) → render (`render`) →
//! site files (`site_files`) → prune (`prune`) → index (`search`) → save (`state`).

pub mod cli;
pub mod feeds;
pub mod head;
mod inventory;
pub mod manifest;
pub mod markup;
pub mod offline;
mod parallel;
mod plan;
mod prune;
pub mod render;
pub mod search;
pub mod shell;
mod site;
mod site_files;
pub mod source;
pub mod state;
pub mod tree;
mod write;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

use newsfront_core::logic::edition::Edition;

use head::Context;
use site::Site;
use source::ApiReader;
use state::{State, Story};
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
    /// Live stories' older pages of posts (not in `pages`: not in the sitemaps).
    pub older_pages: usize,
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

/// What the stages after the inventory read: the run's configuration, the tree (in
/// `ctx`), this run's stories and the last run's state.
struct Run<'a> {
    site: &'a Site<'a>,
    /// The main thread's reader of the API tree (worker threads make their own:
    /// `Site::thread_reader`).
    reader: &'a ApiReader,
    ctx: Context<'a>,
    state: &'a State,
    previous: &'a State,
    /// What every site-wide file's fingerprint includes (`site::site_wide`).
    site_wide: u64,
    /// Everything is made again: the renderer is not the last run's.
    fresh: bool,
}

impl Run<'_> {
    fn site_of(&self, edition: Edition) -> Option<&EditionTree> {
        self.ctx.edition(edition)
    }

    /// The story at `i` in the state, which the plan lists (it was decoded).
    fn story(&self, i: usize) -> &Story {
        self.state.articles[i]
            .known
            .story
            .as_ref()
            .expect("a story in order")
    }
}

pub fn run(options: &Options) -> Result<Report, String> {
    let started = Instant::now();
    let started_ns = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let site = Site::open(options)?;
    let mut previous = State::load(site.dist);
    let taken = plan::taken_names(site.dist, &previous)?;
    let reader = ApiReader::new(&options.api);
    let mut tree = tree::walk(&site.config, &reader, &mut previous)?;
    let renderer = site.renderer()?;
    let site_wide = site::site_wide(&reader, &renderer)?;
    let fresh = previous.renderer != renderer;
    let mut report = Report {
        problems: std::mem::take(&mut tree.problems),
        listings_read: tree.listings_read,
        ..Report::default()
    };
    let articles = inventory::inventory(&site, &reader, &tree, &mut previous, &mut report)?;
    let mut state = State {
        renderer,
        started_ns,
        articles,
        listings: std::mem::take(&mut tree.listings),
        outputs: BTreeMap::new(),
        page_reads: BTreeMap::new(),
        read_sets: Vec::new(),
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
    let run = Run {
        site: &site,
        reader: &reader,
        ctx: Context {
            base: &site.public_base,
            tree: &tree,
            places: &places,
        },
        state: &state,
        previous: &previous,
        site_wide,
        fresh,
    };
    let mut plan = plan::plan(&run, &taken, &mut report)?;
    render::run(&run, &mut plan, &mut report);
    let groups = site_files::write(&run, &mut plan, &mut report);
    prune::prune(&run, &plan, &mut report);
    search::index_stage(&run, &plan, &mut report);

    let finished = plan.finish();
    drop(places);
    for (entry, page) in state.articles.iter_mut().zip(finished.page_of) {
        entry.known.page = page;
    }
    state.outputs = finished.outputs;
    state.page_reads = finished.page_reads;
    state.read_sets = finished.read_sets;
    state.sitemaps = groups;
    write::write_atomic_with(site.dist, state::FILE, |file| state.save(file))?;
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}
