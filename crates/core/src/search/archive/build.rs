//! Writes an archive index (`super`) from an edition's stories: natively into the
//! built site (the pre-render step and `search-index`), or in memory in the search
//! worker from a site's one-file index (`in_memory`).
//!
//! Files end where the words themselves say (a word whose hash falls under its record's
//! size closes a file), not at a running count, so a story added or removed changes the
//! few files that hold its words and leaves the others byte for byte, names included.

use std::collections::HashMap;

use rustc_hash::FxHashMap;
use sha2::{Digest, Sha256};

use super::codec::{FrontCoder, put_bytes, put_ids, put_varint};
use super::layout::{
    Directory, Entry, HASH_BYTES, Kind, Segment, content_name, near_key, story_name, typo_keys,
    words_name,
};
use crate::contract::IndexedArticle;
use crate::search::fold::tokens;

/// The mean size a file aims at, before brotli, by kind: a query fetches one to a few
/// of each, and a page of its directory for each.
const POSTINGS_BYTES: usize = 2 * 1024;
const WORDS_BYTES: usize = 2 * 1024;
const TYPOS_BYTES: usize = 2 * 1024;
/// A directory's page: about 90 files (a query fetches one a word and kind).
const PAGE_BYTES: usize = 1024;

/// The stories of one word as they are added, in id order.
#[derive(Default)]
struct Word {
    any: Vec<u32>,
    title: Vec<u32>,
    lead: Vec<u32>,
}

#[derive(Default)]
pub struct Builder {
    words: FxHashMap<Box<str>, Word>,
    /// Above the last id added.
    pub ids: u32,
}

/// A segment of the index (`layout::Entry` lists it), and its files by name.
pub struct Built {
    pub segment: Segment,
    pub files: Vec<(String, Vec<u8>)>,
}

fn hash(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

/// Whether a record of `len` bytes for `key` ends its file, for files of `target`
/// bytes on average: a chance of `len / target`, decided by the key alone.
fn ends_file(key: &[u8], len: usize, target: usize) -> bool {
    let h = hash(key);
    let n = u32::from_le_bytes([h[0], h[1], h[2], h[3]]) as usize;
    n % target < len
}

/// Files of records in key order, each file ending where `ends_file` says.
struct Files {
    kind: Kind,
    target: usize,
    dir: Directory,
    out: Vec<(String, Vec<u8>)>,
    current: Vec<u8>,
    first: Option<Vec<u8>>,
    coder: FrontCoder,
}

impl Files {
    fn new(kind: Kind, target: usize) -> Files {
        Files {
            kind,
            target,
            dir: Directory::default(),
            out: Vec::new(),
            current: Vec::new(),
            first: None,
            coder: FrontCoder::default(),
        }
    }

    /// Adds a record under `key` (front-coded), its rest written by `rest`.
    fn push(&mut self, key: &[u8], rest: impl FnOnce(&mut Vec<u8>)) {
        if self.first.is_none() {
            self.first = Some(key.to_vec());
        }
        self.coder.put(&mut self.current, key);
        rest(&mut self.current);
    }

    /// Ends the file after the records of `key`, `len` bytes, if `ends_file` says so.
    fn may_end(&mut self, key: &[u8], len: usize) {
        if ends_file(key, len, self.target) {
            self.close();
        }
    }

    fn close(&mut self) {
        let Some(first) = self.first.take() else {
            return;
        };
        let bytes = std::mem::take(&mut self.current);
        let name = content_name(self.kind, &bytes);
        self.dir.first.push(first);
        self.dir.names.push(name.clone());
        self.out.push((name, bytes));
        self.coder = FrontCoder::default();
    }

    /// The directory of the pages of the files' directory.
    fn finish(mut self, files: &mut Vec<(String, Vec<u8>)>) -> Directory {
        self.close();
        files.append(&mut self.out);
        let mut pages = Files::new(Kind::Page, PAGE_BYTES);
        let mut page = Directory::default();
        let count = self.dir.first.len();
        for (i, (first, name)) in self.dir.first.into_iter().zip(self.dir.names).enumerate() {
            // A file's key and hash, about.
            let len = first.len().min(8) + HASH_BYTES;
            let ends = ends_file(&first, len, PAGE_BYTES) || i + 1 == count;
            if page.first.is_empty() {
                pages.first = Some(first.clone());
            }
            page.first.push(first);
            page.names.push(name);
            if ends {
                pages.current = std::mem::take(&mut page).page(self.kind);
                pages.close();
            }
        }
        files.append(&mut pages.out);
        pages.dir
    }
}

/// A story's words, folded, by field (title, lead, body): made where the story is
/// read, on any thread, then added in id order.
pub struct StoryWords {
    fields: [Vec<String>; 3],
}

impl StoryWords {
    pub fn of(title: &str, lead: &str, body: &str) -> StoryWords {
        let words = |text: &str| tokens(text).into_iter().map(|t| t.term).collect();
        StoryWords {
            fields: [words(title), words(lead), words(body)],
        }
    }

    /// From its words file.
    pub fn of_file(text: &str) -> StoryWords {
        let mut lines = text.split('\n');
        let mut field = || {
            lines
                .next()
                .unwrap_or_default()
                .split(' ')
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect()
        };
        StoryWords {
            fields: [field(), field(), field()],
        }
    }

    /// Its words file (`layout::words_name`): a line a field, each word once.
    pub fn file(&self) -> String {
        self.fields
            .iter()
            .map(|f| {
                let mut words: Vec<&str> = f.iter().map(String::as_str).collect();
                words.sort_unstable();
                words.dedup();
                words.join(" ")
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl Builder {
    /// Adds a story, ids in increasing order.
    pub fn add(&mut self, id: u32, story: &StoryWords) {
        debug_assert!(id >= self.ids || self.words.is_empty());
        self.ids = self.ids.max(id + 1);
        for (field, terms) in story.fields.iter().enumerate() {
            for term in terms {
                let word = match self.words.get_mut(term.as_str()) {
                    Some(w) => w,
                    None => self.words.entry(term.as_str().into()).or_default(),
                };
                if word.any.last() != Some(&id) {
                    word.any.push(id);
                }
                let list = match field {
                    0 => &mut word.title,
                    1 => &mut word.lead,
                    _ => continue,
                };
                if list.last() != Some(&id) {
                    list.push(id);
                }
            }
        }
    }

    pub fn finish(self) -> Built {
        let mut words: Vec<(Box<str>, Word)> = self.words.into_iter().collect();
        words.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut files = Vec::new();

        let mut postings = Files::new(Kind::Postings, POSTINGS_BYTES);
        let mut lists = Files::new(Kind::Words, WORDS_BYTES);
        let mut typos: Vec<(Vec<u8>, &str, usize)> = Vec::new();
        for (term, w) in &words {
            let key = term.as_bytes();
            let mut record = Vec::new();
            put_ids(&mut record, &w.any);
            put_ids(&mut record, &w.title);
            put_ids(&mut record, &w.lead);
            // A common word's stories fill a file alone: a rare word beside it would
            // cost a query that needs only the rare one the common one's bytes.
            if record.len() >= POSTINGS_BYTES {
                postings.close();
            }
            postings.push(key, |out| out.extend_from_slice(&record));
            postings.may_end(key, record.len());
            let before = lists.current.len();
            lists.push(key, |out| put_varint(out, w.any.len() as u64));
            lists.may_end(key, lists.current.len() - before);
            let len = term.chars().count();
            let keys = typo_keys(term, len).into_iter().flatten();
            for key in keys.chain(near_key(term, len)) {
                typos.push((key, term, w.any.len()));
            }
        }
        typos.sort_unstable();
        // A key's words stay in one file: a lookup reads one file a key.
        let mut typo_files = Files::new(Kind::Typos, TYPOS_BYTES);
        let mut group = 0;
        for (i, (key, term, df)) in typos.iter().enumerate() {
            let before = typo_files.current.len();
            typo_files.push(key, |out| {
                put_bytes(out, term.as_bytes());
                put_varint(out, *df as u64);
            });
            group += typo_files.current.len() - before;
            if typos.get(i + 1).is_none_or(|next| next.0 != *key) {
                typo_files.may_end(key, group);
                group = 0;
            }
        }
        let segment = Segment {
            postings: postings.finish(&mut files),
            words: lists.finish(&mut files),
            typos: typo_files.finish(&mut files),
            folder: "",
        };
        Built { segment, files }
    }
}

/// The archive index of `stories` (titles and leads) with its files in memory, ids in
/// order of publication: how the search worker reads a site's one-file index
/// (contract section 5), so that one engine answers for both kinds of site.
pub fn in_memory(mut stories: Vec<IndexedArticle>) -> (Entry, HashMap<String, Vec<u8>>) {
    stories.sort_by_key(|s| s.published_at.as_ref().map_or(i64::MIN, |t| t.unix()));
    held(stories.into_iter().map(|story| {
        let lead = story.lead.as_deref().unwrap_or_default();
        let words = StoryWords::of(&story.title, lead, "");
        (story, words)
    }))
}

/// The archive index of stories with their words, in id order, its files in memory.
pub fn held(
    stories: impl IntoIterator<Item = (IndexedArticle, StoryWords)>,
) -> (Entry, HashMap<String, Vec<u8>>) {
    let mut builder = Builder::default();
    let mut files = HashMap::new();
    for (id, (story, words)) in (0..).zip(stories) {
        builder.add(id, &words);
        files.insert(words_name(id), words.file().into_bytes());
        files.insert(
            story_name(id),
            serde_json::to_vec(&story).unwrap_or_default(),
        );
    }
    let ids = builder.ids;
    let built = builder.finish();
    files.extend(built.files);
    let entry = Entry {
        ids,
        base: built.segment,
        ..Entry::default()
    };
    (entry, files)
}
