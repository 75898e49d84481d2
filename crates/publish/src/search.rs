//! The archive search index of each edition (`newsfront_core::search::archive`), written into
//! the built site below `search/{lang}/`, and its ledger below `.newsfront/`: the id
//! each story has in it and the fingerprint of the text indexed.
//!
//! A whole build gives ids in order of publication (the ranking's recency) and writes
//! the base segment. A publish then indexes only what changed: a new story gets the
//! next id, a corrected one keeps its own; both are indexed again, with the others
//! changed since the whole build, in the small recent segment, and masked in the base,
//! as are stories taken down. The entry is written last, so a failed run leaves the
//! index it found. `search-index` (or a clean build) folds the recent segment in.

use std::collections::HashSet;
use std::path::Path;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use newsfront::api::config::Config;
use newsfront_core::contract::{Article, ArticleHead, IndexedArticle, paths};
use newsfront_core::logic::edition::Edition;
use newsfront_core::logic::routes;
use newsfront_core::search::archive::build::{Builder, Built, StoryWords};
use newsfront_core::search::archive::layout::{ENTRY, Entry, RECENT, story_name, words_name};

use crate::parallel::parallel;
use crate::plan::Plan;
use crate::source::ApiReader;
use crate::state::{State, fingerprint};
use crate::tree;
use crate::write::{write_atomic, write_atomic_with};
use crate::{Report, Run};

/// The bases the index decodes stories with: their links are not indexed, so any
/// base does.
static LINKS_UNUSED: std::sync::LazyLock<Config> =
    std::sync::LazyLock::new(|| Config::new("http://localhost/", "api/"));

/// What one edition's index holds.
#[derive(Debug)]
pub struct Indexed {
    pub lang: &'static str,
    pub stories: usize,
    /// Stories indexed by this run.
    pub indexed: usize,
    /// Files of the segments written (stories' files aside) and their bytes, entry
    /// included.
    pub files: usize,
    pub bytes: usize,
    /// Files written or removed, below the built site (`+ path`, `- path`).
    pub changes: Vec<String>,
}

/// An edition's index as its builder last left it.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Ledger {
    /// Ids are below this: a new story gets the next.
    ids: u32,
    /// Each story's id and the fingerprint of the text indexed, by slug.
    stories: FxHashMap<Box<str>, (u32, u64)>,
    /// The ids in the recent segment, in order.
    recent: Vec<u32>,
    /// The ids out of date or gone in the base, in order.
    masked: Vec<u32>,
    /// The fingerprint of the entry it was written with: another entry (a run that
    /// stopped between the two) is not this ledger's, and the index is built again.
    entry: u64,
}

fn ledger_path(edition: Edition) -> String {
    format!(".newsfront/search-{}.bin", edition.lang())
}

fn folder(edition: Edition) -> String {
    routes::search_archive(edition)
        .trim_end_matches('/')
        .to_string()
}

impl Ledger {
    fn load(dist: &Path, edition: Edition) -> Option<(Ledger, Entry)> {
        let file = std::fs::File::open(dist.join(ledger_path(edition))).ok()?;
        let ledger: Ledger = bincode::deserialize_from(std::io::BufReader::new(file)).ok()?;
        let entry = std::fs::read(dist.join(folder(edition)).join(ENTRY)).ok()?;
        if fingerprint(&entry) != ledger.entry {
            return None;
        }
        Some((ledger, Entry::decode(&entry)?))
    }

    /// Writes the entry, then the ledger that goes with it.
    fn save(
        &mut self,
        dist: &Path,
        edition: Edition,
        entry: &[u8],
        changes: &mut Vec<String>,
    ) -> Result<(), String> {
        let path = format!("{}/{ENTRY}", folder(edition));
        write_atomic(dist, &path, entry)?;
        changes.push(format!("+ {path}"));
        self.entry = fingerprint(&entry);
        write_atomic_with(dist, &ledger_path(edition), |file| {
            let mut out = std::io::BufWriter::new(file);
            bincode::serialize_into(&mut out, self).map_err(std::io::Error::other)?;
            std::io::Write::flush(&mut out)
        })
    }
}

/// A story as the index reads it: what a result shows, its words, its text's
/// fingerprint.
fn read_story(
    reader: &ApiReader,
    edition: Edition,
    slug: &str,
) -> Option<(IndexedArticle, StoryWords, u64)> {
    let path = paths::article(edition, slug);
    let text = reader.read(&path).ok()??;
    let article = tree::decode::<Article>(&LINKS_UNUSED, &text, &path).ok()?;
    let mut body = String::new();
    for block in &article.body {
        block.text(&mut body);
    }
    let lead = article.lead.as_deref().unwrap_or_default();
    let words = StoryWords::of(&article.title, lead, &body);
    let file = IndexedArticle {
        slug: article.slug,
        title: article.title,
        lead: article.lead,
        section: article.section.slug,
        published_at: article.published_at,
        live: article.live.as_ref().map(|l| l.status),
    };
    Some((file, words, fingerprint(&text)))
}

/// Writes a story's two files.
fn write_story(
    dist: &Path,
    folder: &str,
    id: u32,
    file: &IndexedArticle,
    words: &StoryWords,
    changes: &mut Vec<String>,
) -> Result<(), String> {
    let json = serde_json::to_vec(file).map_err(|e| e.to_string())?;
    for (name, bytes) in [
        (story_name(id), json),
        (words_name(id), words.file().into()),
    ] {
        let path = format!("{folder}/{name}");
        write_atomic(dist, &path, bytes)?;
        changes.push(format!("+ {path}"));
    }
    Ok(())
}

/// Writes a segment's files below `at` (named by content: one already there is this
/// file); their names and bytes.
fn write_segment(
    dist: &Path,
    at: &str,
    built: &Built,
    changes: &mut Vec<String>,
) -> Result<(HashSet<String>, usize), String> {
    let mut names = HashSet::new();
    let mut bytes = 0;
    for (name, file) in &built.files {
        bytes += file.len();
        let path = format!("{at}{name}");
        if !dist.join(&path).exists() {
            write_atomic(dist, &path, file)?;
            changes.push(format!("+ {path}"));
        }
        names.insert(name.clone());
    }
    Ok((names, bytes))
}

/// Stories read at once: their text is held until they are added.
const BATCH: usize = 4096;

/// Builds an edition's index whole from the stories `order` names, with when each was
/// published (ids in that order: the ranking's recency), replacing the one there;
/// files no longer used are removed once the new entry is in place.
fn build(
    dist: &Path,
    edition: Edition,
    mut order: Vec<(i64, &str)>,
    threads: usize,
    init: impl Fn() -> ApiReader + Sync + Send,
) -> Result<Indexed, String> {
    order.sort_unstable();
    let folder = folder(edition);
    let mut builder = Builder::default();
    let mut ledger = Ledger::default();
    let mut changes = Vec::new();
    for batch in order.chunks(BATCH) {
        let read = parallel(batch, threads, &init, |r, (_, slug)| {
            read_story(r, edition, slug)
        });
        for (file, words, print) in read.into_iter().flatten() {
            let id = ledger.ids;
            builder.add(id, &words);
            write_story(dist, &folder, id, &file, &words, &mut changes)?;
            ledger.stories.insert(file.slug.into(), (id, print));
            ledger.ids += 1;
        }
    }
    let built = builder.finish();
    let (mut keep, bytes) = write_segment(dist, &format!("{folder}/"), &built, &mut changes)?;
    let entry = Entry {
        ids: ledger.ids,
        base: built.segment,
        ..Entry::default()
    }
    .encode();
    ledger.save(dist, edition, &entry, &mut changes)?;
    keep.extend((0..ledger.ids).flat_map(|i| [story_name(i), words_name(i)]));
    keep.insert(ENTRY.to_string());
    remove_unused(dist, &folder, &keep, &mut changes);
    Ok(Indexed {
        lang: edition.lang(),
        stories: ledger.ids as usize,
        indexed: ledger.ids as usize,
        files: built.files.len() + 1,
        bytes: bytes + entry.len(),
        changes,
    })
}

/// A story the site lists, as the pre-render step knows it.
pub struct Listed<'a> {
    pub slug: &'a str,
    /// The fingerprint of its text (`state::Known::hash`).
    pub print: u64,
    pub published: Option<i64>,
}

/// The index stage of the pre-render: each edition's index brought up to date with the
/// stories that have a page, as the edition lists them.
pub(crate) fn index_stage(run: &Run, plan: &Plan, report: &mut Report) {
    for site in &run.ctx.tree.editions {
        let listed: Vec<Listed> = plan
            .order
            .iter()
            .filter(|&&i| run.state.articles[i].edition == site.edition && plan.written(i))
            .map(|&i| Listed {
                slug: &run.state.articles[i].slug,
                print: run.state.articles[i].known.hash,
                published: run.story(i).published,
            })
            .collect();
        let init = || run.site.thread_reader();
        match update(run.site.dist, site.edition, &listed, run.site.threads, init) {
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
}

/// Brings an edition's index up to date with the stories the site lists: only what
/// changed is read (`None`: nothing did). Without an index (or with one this ledger
/// did not write) it is built whole.
pub fn update(
    dist: &Path,
    edition: Edition,
    listed: &[Listed],
    threads: usize,
    init: impl Fn() -> ApiReader + Sync + Send,
) -> Result<Option<Indexed>, String> {
    let Some((mut ledger, entry)) = Ledger::load(dist, edition) else {
        let order = listed
            .iter()
            .map(|l| (l.published.unwrap_or(i64::MIN), l.slug))
            .collect();
        return build(dist, edition, order, threads, init).map(Some);
    };
    let mut fresh: Vec<&Listed> = Vec::new();
    let mut changed: Vec<(&Listed, u32)> = Vec::new();
    for l in listed {
        match ledger.stories.get(l.slug) {
            None => fresh.push(l),
            Some(&(id, print)) if print != l.print => changed.push((l, id)),
            Some(_) => {}
        }
    }
    // Every listed story not new is in the ledger (slugs are distinct): only when the
    // ledger has more is one gone, and only then are they looked for.
    let mut gone: Vec<(Box<str>, u32)> = Vec::new();
    if ledger.stories.len() > listed.len() - fresh.len() {
        let live: FxHashSet<&str> = listed.iter().map(|l| l.slug).collect();
        gone = ledger
            .stories
            .iter()
            .filter(|(slug, _)| !live.contains(&***slug))
            .map(|(slug, &(id, _))| (slug.clone(), id))
            .collect();
    }
    if fresh.is_empty() && changed.is_empty() && gone.is_empty() {
        return Ok(None);
    }

    let folder = folder(edition);
    let mut changes = Vec::new();
    // New stories in order of publication, after every id given so far.
    fresh.sort_by_key(|l| (l.published, l.slug));
    let mut work: Vec<(&str, u32)> = changed.iter().map(|&(l, id)| (l.slug, id)).collect();
    for l in fresh {
        work.push((l.slug, ledger.ids));
        ledger.ids += 1;
    }
    let read = parallel(&work, threads, &init, |r, &(slug, _)| {
        read_story(r, edition, slug)
    });
    let mut indexed = 0;
    for (&(slug, id), story) in work.iter().zip(read) {
        // One that cannot be read now is left as it was indexed (or out, if new).
        let Some((file, words, print)) = story else {
            continue;
        };
        write_story(dist, &folder, id, &file, &words, &mut changes)?;
        ledger.stories.insert(slug.into(), (id, print));
        ledger.recent.push(id);
        ledger.masked.push(id);
        indexed += 1;
    }
    let mut removed = Vec::new();
    for (slug, id) in &gone {
        ledger.stories.remove(slug);
        ledger.masked.push(*id);
        removed.push(*id);
    }
    removed.sort_unstable();
    ledger
        .recent
        .retain(|id| removed.binary_search(id).is_err());
    for list in [&mut ledger.recent, &mut ledger.masked] {
        list.sort_unstable();
        list.dedup();
    }

    // The recent segment again, from its stories' words files.
    let mut builder = Builder::default();
    let here = dist.join(&folder);
    for &id in &ledger.recent {
        let text = std::fs::read_to_string(here.join(words_name(id)))
            .map_err(|e| format!("{folder}/{}: {e}", words_name(id)))?;
        builder.add(id, &StoryWords::of_file(&text));
    }
    let built = builder.finish();
    let recent = format!("{folder}/{RECENT}");
    let (keep, bytes) = write_segment(dist, &recent, &built, &mut changes)?;
    let next = Entry {
        ids: ledger.ids,
        base: entry.base,
        recent: (!ledger.recent.is_empty()).then_some(built.segment),
        masked: ledger.masked.clone(),
    }
    .encode();
    ledger.save(dist, edition, &next, &mut changes)?;
    prune(dist, &recent, &keep, &mut changes);
    for id in removed {
        for name in [story_name(id), words_name(id)] {
            remove(dist, &format!("{folder}/{name}"), &mut changes);
        }
    }
    Ok(Some(Indexed {
        lang: edition.lang(),
        stories: ledger.stories.len(),
        indexed,
        files: built.files.len() + 1,
        bytes: bytes + next.len(),
        changes,
    }))
}

/// Builds the index of every edition of the tree at `api` into the site at `dist`
/// whole (`search-index`). `threads` read the stories.
pub fn index(dist: &Path, api: &str, threads: usize) -> Result<Vec<Indexed>, String> {
    let reader = ApiReader::new(api);
    let tree = tree::walk(&LINKS_UNUSED, &reader, &mut State::default())?;
    let init = || ApiReader::new(api);
    let mut out = Vec::new();
    for site in &tree.editions {
        let edition = site.edition;
        let slugs: Vec<&str> = tree.listed(site).collect();
        // When each came out, read from its head (the pre-render step knows it).
        let published = parallel(&slugs, threads, init, |r, slug| {
            let path = paths::article(edition, slug);
            let text = r.read(&path).ok()??;
            let head = tree::decode::<ArticleHead>(&LINKS_UNUSED, &text, &path).ok()?;
            Some(head.published_at.map_or(i64::MIN, |t| t.unix()))
        });
        let order = slugs
            .iter()
            .zip(published)
            .filter_map(|(slug, t)| Some((t?, *slug)))
            .collect();
        out.push(build(dist, edition, order, threads, init)?);
    }
    Ok(out)
}

/// Removes the files below `folder` that `keep` (names below it) does not list, and
/// the recent segment's.
fn remove_unused(dist: &Path, folder: &str, keep: &HashSet<String>, changes: &mut Vec<String>) {
    for sub in ["", "s/", "v/"] {
        let sub_keep: HashSet<String> = keep
            .iter()
            .filter_map(|k| Some(k.strip_prefix(sub)?.to_string()))
            .collect();
        prune(dist, &format!("{folder}/{sub}"), &sub_keep, changes);
    }
    prune(
        dist,
        &format!("{folder}/{RECENT}"),
        &HashSet::new(),
        changes,
    );
}

/// Removes the files of the folder `dir` (below the built site; not below it) whose
/// names `keep` does not list.
fn prune(dist: &Path, dir: &str, keep: &HashSet<String>, changes: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dist.join(dir)) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if e.file_type().is_ok_and(|t| t.is_file()) && !keep.contains(&name) {
            remove(dist, &format!("{dir}{name}"), changes);
        }
    }
}

fn remove(dist: &Path, path: &str, changes: &mut Vec<String>) {
    if std::fs::remove_file(dist.join(path)).is_ok() {
        changes.push(format!("- {path}"));
    }
}
