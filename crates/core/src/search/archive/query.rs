//! A query over an archive index (`super`), in rounds: each run of `search` works with
//! the files fetched so far and says which it still needs (all of a round at once, so
//! they are fetched together); the caller fetches them and runs it again. A query
//! takes a round for the directory pages of its words, one for their postings (and a
//! prefix's completions), two or three more for a typo's candidates and theirs, one for
//! the stories it shows. Every segment is asked alike; a word's stories are those of
//! all segments, less the base's masked ones.
//!
//! Ranking, per story: for each query word, its best match: the word's rarity (BM25's
//! idf) times where it is (title 3, lead 2, body 1) times how exact (exact 1, prefix
//! 0.8, one typo 0.6, two 0.4); summed over the words, then a mild boost for newer
//! stories (higher ids). Every word must match; when no story has them all, the
//! stories with the most do.

use std::collections::{BTreeSet, HashMap};

use levenshtein_automata::{DFA, Distance, LevenshteinAutomatonBuilder};

use super::codec::{FrontCoder, Reader};
use super::layout::{
    Directory, Entry, Kind, Segment, after_prefix, near_key, story_name, typo_keys,
};
use crate::contract::IndexedArticle;
use crate::search::ask::{typos_allowed, words};
use crate::search::fold::tokens;

/// Word-list files a prefix reads at most, and the completions it keeps: the
/// commonest (for a prefix alone), and the rarest while their stories are few (a rare
/// word's postings are small, and sit beside each other): a two-letter prefix has
/// thousands.
const MAX_LIST_FILES: usize = 3;
const MAX_COMPLETIONS: usize = 12;
const MAX_RARE: usize = 48;
const RARE_STORIES: u64 = 1500;
/// The stories of the common completions a prefix beside other words keeps at most.
const COMMON_STORIES: u64 = 5000;
/// The stories of a prefix's one likely completion that it reads beside other words
/// (`expand`): about 24 KB of postings at 200,000 stories, a common whole word's cost.
const DOMINANT_STORIES: u64 = 30_000;
/// Typo candidates kept, the nearest and commonest first.
const MAX_TYPOS: usize = 4;
/// A prefix with more completions than are kept is looked for in the titles and leads
/// of this many stories (where every completion is, rare or not): those the other
/// words score best in.
const NARROW: usize = 32;

/// The files fetched so far, by name below the edition's folder.
pub trait Files {
    fn get(&self, name: &str) -> Option<&[u8]>;
}

impl Files for HashMap<String, Vec<u8>> {
    fn get(&self, name: &str) -> Option<&[u8]> {
        HashMap::get(self, name).map(Vec::as_slice)
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Found {
    /// The stories of the page asked for, best first.
    pub ids: Vec<u32>,
    /// How many stories match in all.
    pub total: usize,
    /// The indexed words the query matched, to mark.
    pub matched: Vec<String>,
    /// When nothing matched: the query with each unknown word replaced by the nearest
    /// indexed one (an edit more than a search allows), if each has one.
    pub suggestion: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// Fetch these (names below the edition's folder), then search again.
    Fetch(Vec<String>),
    Done(Found),
}

/// A word's stories: anywhere, in the title, in the lead.
struct Postings {
    any: Vec<u32>,
    title: Vec<u32>,
    lead: Vec<u32>,
}

/// A reader at `term`'s stories in a postings file (`None`: not indexed). The other
/// words' stories are passed over unread.
fn seek<'a>(file: &'a [u8], term: &[u8]) -> Option<Reader<'a>> {
    let mut r = Reader::new(file);
    let mut coder = FrontCoder::default();
    while !r.done() {
        let word = coder.get(&mut r)?;
        if word.as_slice() == term {
            return Some(r);
        }
        // Sorted: past it, it is not there.
        if word.as_slice() > term {
            return None;
        }
        for _ in 0..3 {
            r.skip_ids()?;
        }
    }
    None
}

/// The postings of `term`, from the file that holds it (`None`: not indexed).
fn postings(file: &[u8], term: &[u8]) -> Option<Postings> {
    let mut r = seek(file, term)?;
    Some(Postings {
        any: r.ids()?,
        title: r.ids()?,
        lead: r.ids()?,
    })
}

/// The words of a word-list file in `lo..hi`, with how many stories have each.
fn listed(file: &[u8], lo: &[u8], hi: &[u8], out: &mut Vec<(Vec<u8>, u64)>) -> Option<()> {
    let mut r = Reader::new(file);
    let mut coder = FrontCoder::default();
    while !r.done() {
        let word = coder.get(&mut r)?;
        let df = r.varint()?;
        if word.as_slice() >= lo && word.as_slice() < hi {
            out.push((word, df));
        }
    }
    Some(())
}

/// The words of a typo-list file under `key`, with how many stories have each.
fn under_key(file: &[u8], key: &[u8], out: &mut Vec<(Vec<u8>, u64)>) -> Option<()> {
    let mut r = Reader::new(file);
    let mut coder = FrontCoder::default();
    while !r.done() {
        let k = coder.get(&mut r)?;
        let word = r.bytes()?;
        let df = r.varint()?;
        if k == key {
            out.push((word.to_vec(), df));
        }
    }
    Some(())
}

/// How exact a match is.
fn quality(prefix: bool, typos: u8) -> f32 {
    match (prefix, typos) {
        (false, 0) => 1.0,
        (true, 0) => 0.8,
        (_, 1) => 0.6,
        _ => 0.4,
    }
}

/// BM25's idf of a word in `df` of `n` stories.
fn idf(n: u32, df: usize) -> f32 {
    let (n, df) = (n as f32, df as f32);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// One query's work: the files it needs, collected over a round.
struct Round<'a, F: Files> {
    entry: &'a Entry,
    files: &'a F,
    need: BTreeSet<String>,
}

/// Where a key is in one segment.
enum Place {
    /// In this file, if anywhere.
    File(String),
    /// Not known until the directory's page is fetched.
    Pending,
    /// Before the first file: not indexed.
    Nowhere,
}

impl<F: Files> Round<'_, F> {
    fn file(&mut self, name: &str) -> Option<&[u8]> {
        let got = self.files.get(name);
        if got.is_none() {
            self.need.insert(name.to_string());
        }
        got
    }

    /// A directory page (asked for when not yet here).
    fn page(&mut self, name: &str) -> Option<Directory> {
        Some(Directory::of_page(self.file(name)?)?.1)
    }

    fn place(&mut self, segment: &Segment, kind: Kind, key: &[u8]) -> Place {
        let Some(name) = segment.directory(kind).holding(key) else {
            return Place::Nowhere;
        };
        let name = segment.path(name);
        match self.page(&name) {
            None if self.files.get(&name).is_none() => Place::Pending,
            None => Place::Nowhere,
            Some(page) => page
                .holding(key)
                .map_or(Place::Nowhere, |f| Place::File(segment.path(f))),
        }
    }

    /// The names of `kind`'s files that cover `lo..hi` in a segment, at most `max`
    /// (fewer while pages are being fetched).
    fn covering(
        &mut self,
        segment: &Segment,
        kind: Kind,
        lo: &[u8],
        hi: &[u8],
        max: usize,
    ) -> Vec<String> {
        let top = segment.directory(kind);
        let mut out = Vec::new();
        for i in top.covering(lo, hi) {
            let Some(page) = self.page(&segment.path(&top.names[i])) else {
                continue;
            };
            for j in page.covering(lo, hi) {
                if out.len() == max {
                    return out;
                }
                out.push(segment.path(&page.names[j]));
            }
        }
        out
    }

    /// `term`'s stories in every segment; `None`: indexed in none (or not yet known).
    fn postings(&mut self, term: &[u8]) -> Option<Postings> {
        let entry = self.entry;
        let mut all: Option<Postings> = None;
        for (at, segment) in entry.segments().enumerate() {
            let Place::File(name) = self.place(segment, Kind::Postings, term) else {
                continue;
            };
            let Some(mut p) = self.file(&name).and_then(|f| postings(f, term)) else {
                continue;
            };
            if at == 0 && !entry.masked.is_empty() {
                let live =
                    |ids: &mut Vec<u32>| ids.retain(|id| entry.masked.binary_search(id).is_err());
                live(&mut p.any);
                live(&mut p.title);
                live(&mut p.lead);
            }
            all = Some(match all {
                None => p,
                Some(mut a) => {
                    // Later segments' ids are masked in the base: no id is in two.
                    for (to, from) in [
                        (&mut a.any, p.any),
                        (&mut a.title, p.title),
                        (&mut a.lead, p.lead),
                    ] {
                        to.extend(from);
                        to.sort_unstable();
                    }
                    a
                }
            });
        }
        all
    }

    /// Whether `term` is indexed in any segment; `None` while that is not known.
    fn indexed(&mut self, term: &[u8]) -> Option<bool> {
        let entry = self.entry;
        let mut known = true;
        for segment in entry.segments() {
            match self.place(segment, Kind::Postings, term) {
                Place::File(name) => match self.file(&name) {
                    Some(f) if seek(f, term).is_some() => return Some(true),
                    Some(_) => {}
                    None => known = false,
                },
                Place::Pending => known = false,
                Place::Nowhere => {}
            }
        }
        known.then_some(false)
    }

    /// The words of `kind`'s files of every segment that cover `lo..hi` (at most `max`
    /// files a segment), a word's counts summed; and whether there were more files.
    fn range(
        &mut self,
        kind: Kind,
        lo: &[u8],
        hi: &[u8],
        max: usize,
        read: impl Fn(&[u8], &mut Vec<(Vec<u8>, u64)>) -> Option<()>,
    ) -> (Vec<(Vec<u8>, u64)>, bool) {
        let entry = self.entry;
        let mut out: Vec<(Vec<u8>, u64)> = Vec::new();
        let mut more = false;
        for segment in entry.segments() {
            let names = self.covering(segment, kind, lo, hi, max + 1);
            more |= names.len() > max;
            for name in names.iter().take(max) {
                if let Some(file) = self.file(name) {
                    read(file, &mut out);
                }
            }
        }
        out.sort_unstable();
        out.dedup_by(|next, kept| {
            let same = next.0 == kept.0;
            if same {
                kept.1 += next.1;
            }
            same
        });
        (out, more)
    }

    /// The terms a query word matches, with the quality of each; and whether a prefix
    /// had more completions than were kept.
    fn expand(
        &mut self,
        word: &str,
        prefix: bool,
        common: u64,
        typos: &Typos,
    ) -> (Vec<(Vec<u8>, f32)>, bool) {
        let mut out: Vec<(Vec<u8>, f32)> = Vec::new();
        let indexed = self.indexed(word.as_bytes());
        if indexed == Some(true) {
            out.push((word.as_bytes().to_vec(), 1.0));
        }
        let mut more = false;
        if prefix {
            let hi = after_prefix(word.as_bytes());
            let (mut completions, files) =
                self.range(Kind::Words, word.as_bytes(), &hi, MAX_LIST_FILES, |f, o| {
                    listed(f, word.as_bytes(), &hi, o)
                });
            completions.retain(|(w, _)| w.as_slice() != word.as_bytes());
            completions.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            let all = completions.len();
            // The commonest, while their stories stay within `common` (a common
            // word's postings cost kilobytes), then the rarest.
            let (mut kept, mut rest) = (Vec::new(), Vec::new());
            let mut budget = common;
            // Beside other words, a prefix that nearly always means one word (nine in
            // ten of its completions' stories) is that word, unless it is in most
            // stories: the others' stories are too many to look for it in (at 200,000
            // stories: "ейск сблокир", 13,000 and 25,000), and it costs what the whole
            // word would.
            let stories: u64 = completions.iter().map(|c| c.1).sum();
            if let Some(&(_, df)) = completions.first()
                && common > 0
                && !files
                && df * 10 >= stories * 9
                && df <= DOMINANT_STORIES
            {
                budget = budget.saturating_add(df);
            }
            for c in completions {
                if kept.len() < MAX_COMPLETIONS && c.1 <= budget {
                    budget -= c.1;
                    kept.push(c);
                } else {
                    rest.push(c);
                }
            }
            let mut stories = 0;
            let rare = rest.into_iter().rev().take(MAX_RARE).take_while(|(_, df)| {
                stories += df;
                stories <= RARE_STORIES
            });
            kept.extend(rare);
            more = files || kept.len() < all;
            out.extend(kept.into_iter().map(|(w, _)| (w, quality(true, 0))));
        }
        // Typos only once the word is known to match nothing: not in the round that
        // fetches its postings (a whole word would pay for typo lists it never needs).
        let allowed = typos_allowed(word);
        if out.is_empty() && indexed == Some(false) && allowed > 0 {
            let candidates = self.candidates(word, 1, false);
            let dfa = typos.dfa(word, allowed, prefix);
            let mut near: Vec<(u8, u64, Vec<u8>)> = candidates
                .into_iter()
                .filter_map(|(w, df)| match dfa.eval(&w) {
                    Distance::Exact(d) if d > 0 || prefix => Some((d, df, w)),
                    _ => None,
                })
                .collect();
            near.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
            near.dedup_by(|a, b| a.2 == b.2);
            more |= near.len() > MAX_TYPOS;
            near.truncate(MAX_TYPOS);
            out.extend(
                near.into_iter()
                    .map(|(d, _, w)| (w, quality(false, d.max(1)))),
            );
        }
        (out, more)
    }

    /// The words listed under `word`'s typo keys at the lengths `edits` make, with how
    /// many stories have each; with `near`, under its suggestion keys too; and, for
    /// an edit in the last two letters (which the keys leave out: Russian endings), the
    /// words of one word list that begin as `word` does without them.
    fn candidates(&mut self, word: &str, edits: usize, near: bool) -> Vec<(Vec<u8>, u64)> {
        let n = word.chars().count();
        let head: String = word.chars().take(n.saturating_sub(2).max(3)).collect();
        let hi = after_prefix(head.as_bytes());
        let (mut out, _) = self.range(Kind::Words, head.as_bytes(), &hi, 1, |f, o| {
            listed(f, head.as_bytes(), &hi, o)
        });
        for len in n.saturating_sub(edits)..=n + edits {
            let keys = typo_keys(word, len).into_iter().flatten();
            for key in keys.chain(near.then(|| near_key(word, len)).flatten()) {
                let hi = after_prefix(&key);
                let (found, _) =
                    self.range(Kind::Typos, &key, &hi, 1, |f, o| under_key(f, &key, o));
                out.extend(found);
            }
        }
        out
    }

    /// The nearest indexed word to `word` for a suggestion (itself, if indexed): one
    /// edit more than a search allows, two at most; the nearest, then the commonest.
    /// `None` while its files are being fetched, or when it has none.
    fn nearest(&mut self, word: &str, typos: &Typos) -> Option<String> {
        if self.indexed(word.as_bytes())? {
            return Some(word.to_string());
        }
        if word.chars().count() < 3 {
            return None;
        }
        let edits = (typos_allowed(word) + 1).min(2);
        let candidates = self.candidates(word, 2, true);
        let dfa = typos.dfa(word, edits, false);
        candidates
            .into_iter()
            .filter_map(|(w, df)| match dfa.eval(&w) {
                Distance::Exact(d) => Some((d, std::cmp::Reverse(df), w)),
                Distance::AtLeast(_) => None,
            })
            .min()
            .map(|(_, _, w)| String::from_utf8_lossy(&w).into_owned())
    }
}

/// The typo automata's builders (costly to make: made once).
pub struct Typos {
    one: LevenshteinAutomatonBuilder,
    two: LevenshteinAutomatonBuilder,
}

impl Default for Typos {
    fn default() -> Typos {
        Typos {
            one: LevenshteinAutomatonBuilder::new(1, true),
            two: LevenshteinAutomatonBuilder::new(2, true),
        }
    }
}

impl Typos {
    fn dfa(&self, word: &str, typos: u8, prefix: bool) -> DFA {
        let builder = if typos == 1 { &self.one } else { &self.two };
        if prefix {
            builder.build_prefix_dfa(word)
        } else {
            builder.build_dfa(word)
        }
    }
}

/// Where a story has a word: its field's weight.
fn field_weight(id: u32, p: &Postings) -> f32 {
    if p.title.binary_search(&id).is_ok() {
        3.0
    } else if p.lead.binary_search(&id).is_ok() {
        2.0
    } else {
        1.0
    }
}

/// The stories that every word's scores have, with their sums.
fn shared<S: std::borrow::Borrow<HashMap<u32, f32>>>(
    scores: &[S],
) -> impl Iterator<Item = (f32, u32)> + '_ {
    let first = scores
        .first()
        .map(|s| s.borrow().keys())
        .into_iter()
        .flatten();
    first.filter_map(move |&id| {
        let sum = scores
            .iter()
            .map(|s| s.borrow().get(&id))
            .sum::<Option<f32>>()?;
        Some((sum, id))
    })
}

/// The stories for `query`, `limit` of them from `offset`, or the files to fetch first.
pub fn search(
    entry: &Entry,
    files: &impl Files,
    typos: &Typos,
    query: &str,
    offset: usize,
    limit: usize,
) -> Step {
    let (words, typing) = words(query);
    if words.is_empty() {
        return Step::Done(Found::default());
    }
    let mut round = Round {
        entry,
        files,
        need: BTreeSet::new(),
    };
    let n = entry.ids.max(1);
    let last = words.len() - 1;
    // Per word: each story's best score.
    let mut scores: Vec<HashMap<u32, f32>> = Vec::with_capacity(words.len());
    let mut matched: BTreeSet<String> = BTreeSet::new();
    let mut narrowable = None;
    // Whether the words other than the one typed have all their files.
    let mut others_read = true;
    for (i, w) in words.iter().enumerate() {
        let prefix = typing && i == last;
        let needed = round.need.len();
        // The prefix keeps its commonest completions alone; beside other words, a
        // few if those leave more stories than it can be looked for in (known once
        // their files are read); else its rare ones only.
        let common = if words.len() == 1 {
            u64::MAX
        } else if prefix && others_read && shared(&scores).nth(NARROW).is_some() {
            COMMON_STORIES
        } else {
            0
        };
        let (terms, more) = round.expand(&w.term, prefix, common, typos);
        if more {
            narrowable = Some(i);
        }
        let mut best: HashMap<u32, f32> = HashMap::new();
        for (term, q) in terms {
            let Some(p) = round.postings(&term) else {
                continue;
            };
            matched.insert(String::from_utf8_lossy(&term).into_owned());
            let weight = q * idf(n, p.any.len());
            for &id in &p.any {
                let s = weight * field_weight(id, &p);
                let e = best.entry(id).or_insert(0.0);
                *e = e.max(s);
            }
        }
        others_read &= prefix || round.need.len() == needed;
        scores.push(best);
    }
    // A prefix with more completions than were read, or a typo with more candidates
    // than were kept: within the stories the other words score best in, look for it
    // in each story's own words.
    if let Some(i) = narrowable.filter(|_| words.len() > 1 && others_read) {
        let others: Vec<&HashMap<u32, f32>> = (0..words.len())
            .filter(|&j| j != i)
            .map(|j| &scores[j])
            .collect();
        // The stories the other words score best in (in their titles first), when
        // more than a few have them.
        let mut left: Vec<(f32, u32)> = shared(&others).collect();
        left.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(b.1.cmp(&a.1)));
        left.truncate(NARROW);
        let mut left: Vec<u32> = left.into_iter().map(|(_, id)| id).collect();
        left.sort_unstable();
        let word = &words[i].term;
        let prefix = typing && i == last;
        let dfa = (!prefix).then(|| typos.dfa(word, typos_allowed(word), false));
        // How well a word of the story matches: as the prefix, or within the typos.
        let quality_of = |term: &str| match &dfa {
            None => term.starts_with(word.as_str()).then(|| quality(true, 0)),
            Some(dfa) => match dfa.eval(term) {
                Distance::Exact(d) if d > 0 => Some(quality(false, d)),
                _ => None,
            },
        };
        let weight = idf(n, 1);
        for id in left {
            // The story's own file (its title and lead), which a result shows anyway:
            // a tenth of its words file, which has the body too.
            let Some(file) = round.file(&story_name(id)) else {
                continue;
            };
            let Ok(story) = serde_json::from_slice::<IndexedArticle>(file) else {
                continue;
            };
            let lead = story.lead.as_deref().unwrap_or_default();
            // Its first field with a word that matches: title, then lead.
            let hit = [(story.title.as_str(), 3.0), (lead, 2.0)]
                .into_iter()
                .find_map(|(text, field)| {
                    tokens(text).into_iter().find_map(|t| {
                        let q = quality_of(&t.term)?;
                        Some((t.term, q * field))
                    })
                });
            let Some((hit, score)) = hit else {
                continue;
            };
            matched.insert(hit);
            let e = scores[i].entry(id).or_insert(0.0);
            *e = e.max(weight * score);
        }
    }
    if !round.need.is_empty() {
        return Step::Fetch(round.need.into_iter().collect());
    }

    // Every word, else the most words any story has.
    let mut total: HashMap<u32, (u8, f32)> = HashMap::new();
    for s in &scores {
        for (&id, &score) in s {
            let e = total.entry(id).or_insert((0, 0.0));
            e.0 += 1;
            e.1 += score;
        }
    }
    let most = total.values().map(|v| v.0).max().unwrap_or(0);
    let mut hits: Vec<(u32, f32)> = total
        .into_iter()
        .filter(|(_, v)| v.0 == most)
        .map(|(id, v)| (id, v.1 * (1.0 + 0.1 * id as f32 / n as f32)))
        .collect();
    let count = hits.len();
    let mut suggestion = None;
    if count == 0 {
        let nearest: Vec<Option<String>> = words
            .iter()
            .map(|w| round.nearest(&w.term, typos))
            .collect();
        if !round.need.is_empty() {
            return Step::Fetch(round.need.into_iter().collect());
        }
        let nearest: Option<Vec<String>> = nearest.into_iter().collect();
        suggestion = nearest
            .filter(|n| n.iter().zip(&words).any(|(n, w)| *n != w.term))
            .map(|n| n.join(" "));
    }
    let order = |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(b.0.cmp(&a.0));
    let wanted = (offset + limit).min(count);
    if wanted > 0 && wanted < count {
        hits.select_nth_unstable_by(wanted - 1, order);
        hits.truncate(wanted);
    }
    hits.sort_unstable_by(order);
    let ids: Vec<u32> = hits
        .into_iter()
        .skip(offset)
        .take(limit)
        .map(|h| h.0)
        .collect();
    // The stories shown are read too.
    let missing: Vec<String> = ids
        .iter()
        .map(|&id| story_name(id))
        .filter(|name| files.get(name).is_none())
        .collect();
    if !missing.is_empty() {
        return Step::Fetch(missing);
    }
    Step::Done(Found {
        ids,
        total: count,
        matched: matched.into_iter().collect(),
        suggestion,
    })
}
