//! The archive search index of each edition (`search::engine::archive`), written into
//! the built site below `search/{lang}/`: from every story the edition's feeds list,
//! ids given in order of publication (the ranking's recency).

use std::path::Path;

use crate::api::config;
use crate::contract::{Article, ArticleHead, paths};
use crate::search::engine::archive::build::{Builder, StoryWords};
use crate::search::engine::archive::layout::{ENTRY, StoryFile, story_name, words_name};

use super::source::ApiReader;
use super::state::State;
use super::{parallel, tree, write_atomic};

/// What one edition's index holds.
#[derive(Debug)]
pub struct Indexed {
    pub lang: &'static str,
    pub stories: usize,
    /// Files of the index (stories' files aside) and their bytes, entry included.
    pub files: usize,
    pub bytes: usize,
}

/// Stories read at once: their text is held until they are added.
const BATCH: usize = 4096;

/// Builds the index of every edition of the tree at `api` into the site at `dist`,
/// replacing the one there; files no longer used are removed once the new entry is in
/// place. `threads` read the stories.
pub fn index(dist: &Path, api: &str, threads: usize) -> Result<Vec<Indexed>, String> {
    // The stories' links are not indexed: any base resolves them.
    let configure = || config::configure("http://localhost/", "api/");
    configure();
    let reader = ApiReader::new(api);
    let tree = tree::walk(&reader, &mut State::default())?;
    let init = || {
        configure();
        ApiReader::new(api)
    };
    let mut out = Vec::new();
    for site in &tree.editions {
        let edition = site.edition;
        let slugs: Vec<&str> = tree.listed(site).collect();
        // Ids in order of publication: read when each story came out.
        let heads = parallel(&slugs, threads, init, |r, slug| {
            let path = paths::article(edition, slug);
            let text = r.read(&path).ok()??;
            let head = tree::decode::<ArticleHead>(&text, &path).ok()?;
            Some(head.published_at.map_or(i64::MIN, |t| t.unix()))
        });
        let mut order: Vec<(i64, &str)> = slugs
            .iter()
            .zip(heads)
            .filter_map(|(slug, t)| Some((t?, *slug)))
            .collect();
        order.sort_unstable();

        let folder = format!("search/{}", edition.lang());
        let mut builder = Builder::default();
        let mut id = 0u32;
        for batch in order.chunks(BATCH) {
            let read = parallel(batch, threads, init, |r, (_, slug)| {
                let path = paths::article(edition, slug);
                let text = r.read(&path).ok()??;
                let article = tree::decode::<Article>(&text, &path).ok()?;
                let mut body = String::new();
                for block in &article.body {
                    block.text(&mut body);
                }
                let lead = article.lead.as_deref().unwrap_or_default();
                let words = StoryWords::of(&article.title, lead, &body);
                Some((article, words))
            });
            for (article, words) in read.into_iter().flatten() {
                builder.add(id, &words);
                let file = StoryFile {
                    slug: article.slug,
                    title: article.title,
                    lead: article.lead,
                    section: article.section.slug,
                    published_at: article.published_at,
                };
                let json = serde_json::to_vec(&file).map_err(|e| e.to_string())?;
                write_atomic(dist, &format!("{folder}/{}", story_name(id)), json)?;
                write_atomic(dist, &format!("{folder}/{}", words_name(id)), words.file())?;
                id += 1;
            }
        }
        let built = builder.finish();
        let mut keep: std::collections::HashSet<String> = (0..id)
            .flat_map(|i| [story_name(i), words_name(i)])
            .collect();
        let mut bytes = built.entry.len();
        for (name, file) in &built.files {
            bytes += file.len();
            let path = format!("{folder}/{name}");
            // Named by content: one already there is this file.
            if !dist.join(&path).exists() {
                write_atomic(dist, &path, file)?;
            }
            keep.insert(name.clone());
        }
        write_atomic(dist, &format!("{folder}/{ENTRY}"), &built.entry)?;
        keep.insert(ENTRY.to_string());
        remove_unused(&dist.join(&folder), &keep);
        out.push(Indexed {
            lang: edition.lang(),
            stories: id as usize,
            files: built.files.len() + 1,
            bytes,
        });
    }
    Ok(out)
}

/// Removes the files below `folder` that `keep` (names below it) does not list.
fn remove_unused(folder: &Path, keep: &std::collections::HashSet<String>) {
    for sub in ["", "s", "v"] {
        let Ok(entries) = std::fs::read_dir(folder.join(sub)) else {
            continue;
        };
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            let name = if sub.is_empty() {
                name
            } else {
                format!("{sub}/{name}")
            };
            if e.file_type().is_ok_and(|t| t.is_file()) && !keep.contains(&name) {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
}
