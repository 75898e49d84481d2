//! The index and its queries. Terms live in an `fst` map (sorted, compressed, with
//! prefix and Levenshtein search); each term points to its postings: the stories that
//! have it, and whether in the title or the lead.
//!
//! A query's words must all match (the stories that match most of them are shown
//! when none match all). A word matches a term exactly, as a prefix when it is the
//! word being typed, or with typos: one edit for words of 4+ letters, two for 8+.
//! Ranking: title hits above lead hits, exact above prefix above typo; ties by
//! recency.

use std::collections::{HashMap, HashSet};

use fst::{Automaton, IntoStreamer, Map, Streamer};
use levenshtein_automata::{DFA, Distance, LevenshteinAutomatonBuilder, SINK_STATE};

use super::ask::{typos_allowed, words};
use super::fold::{Token, tokens};
use crate::contract::IndexedArticle;

const TITLE: u8 = 1;
const LEAD: u8 = 2;
/// Terms one query word may expand to (a one-letter prefix would match thousands).
const MAX_EXPANSIONS: usize = 64;

#[derive(Debug, Clone, Copy)]
struct Posting {
    doc: u32,
    fields: u8,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Results {
    /// The stories found (indexes into `Index::articles`), best first.
    pub found: Vec<usize>,
    /// The indexed words the query matched, to highlight.
    pub matched: Vec<String>,
    /// How many stories match in all.
    pub total: usize,
    /// When nothing matches: the query with each unknown word replaced by the nearest
    /// indexed one, if there is such a word.
    pub suggestion: Option<String>,
}

pub struct Index {
    pub articles: Vec<IndexedArticle>,
    recency: Vec<i64>,
    terms: Map<Vec<u8>>,
    postings: Vec<Vec<Posting>>,
    one_typo: LevenshteinAutomatonBuilder,
    two_typos: LevenshteinAutomatonBuilder,
    // Scratch space, one slot per story, reused by every query.
    score: Vec<f32>,
    word_score: Vec<f32>,
    words_matched: Vec<u8>,
}

/// An `fst` automaton over a Levenshtein DFA.
struct Fuzzy<'a>(&'a DFA);

impl Automaton for Fuzzy<'_> {
    type State = u32;
    fn start(&self) -> u32 {
        self.0.initial_state()
    }
    fn is_match(&self, s: &u32) -> bool {
        matches!(self.0.distance(*s), Distance::Exact(_))
    }
    fn can_match(&self, s: &u32) -> bool {
        *s != SINK_STATE
    }
    fn accept(&self, s: &u32, byte: u8) -> u32 {
        self.0.transition(*s, byte)
    }
}

/// How good a match of a query word to a term is.
fn quality(exact: bool, prefix: bool, typos: u8) -> f32 {
    match (exact, prefix, typos) {
        (true, _, _) => 1.0,
        (false, true, 0) => 0.8,
        (_, _, 1) => 0.6,
        _ => 0.4,
    }
}

fn field_weight(fields: u8) -> f32 {
    (if fields & TITLE != 0 { 2.0 } else { 0.0 }) + (if fields & LEAD != 0 { 1.0 } else { 0.0 })
}

impl Index {
    pub fn build(articles: Vec<IndexedArticle>) -> Index {
        let mut by_term: HashMap<String, Vec<Posting>> = HashMap::new();
        for (doc, a) in articles.iter().enumerate() {
            let doc = doc as u32;
            let lead = a.lead.as_deref().unwrap_or_default();
            for (field, text) in [(TITLE, a.title.as_str()), (LEAD, lead)] {
                for t in tokens(text) {
                    let list = by_term.entry(t.term).or_default();
                    match list.last_mut() {
                        Some(p) if p.doc == doc => p.fields |= field,
                        _ => list.push(Posting { doc, fields: field }),
                    }
                }
            }
        }
        let mut sorted: Vec<(String, Vec<Posting>)> = by_term.into_iter().collect();
        sorted.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut postings = Vec::with_capacity(sorted.len());
        let terms = Map::from_iter(sorted.into_iter().enumerate().map(|(i, (term, list))| {
            postings.push(list);
            (term, i as u64)
        }))
        .expect("terms are sorted and unique");
        let n = articles.len();
        Index {
            recency: articles
                .iter()
                .map(|a| a.published_at.as_ref().map_or(i64::MIN, |t| t.unix()))
                .collect(),
            articles,
            terms,
            postings,
            one_typo: LevenshteinAutomatonBuilder::new(1, true),
            two_typos: LevenshteinAutomatonBuilder::new(2, true),
            score: vec![0.0; n],
            word_score: vec![0.0; n],
            words_matched: vec![0; n],
        }
    }

    pub fn terms(&self) -> usize {
        self.postings.len()
    }

    fn dfa(&self, word: &str, typos: u8, prefix: bool) -> DFA {
        let builder = if typos == 1 {
            &self.one_typo
        } else {
            &self.two_typos
        };
        if prefix {
            builder.build_prefix_dfa(word)
        } else {
            builder.build_dfa(word)
        }
    }

    /// The terms a query word matches, with the quality of each match.
    fn expand(&self, word: &str, prefix: bool) -> Vec<(u64, f32, String)> {
        let mut found: HashMap<u64, (f32, String)> = HashMap::new();
        let add = |found: &mut HashMap<u64, (f32, String)>, id: u64, q: f32, term: &[u8]| {
            let e = found
                .entry(id)
                .or_insert_with(|| (q, String::from_utf8_lossy(term).into_owned()));
            e.0 = e.0.max(q);
        };
        if let Some(id) = self.terms.get(word) {
            add(&mut found, id, 1.0, word.as_bytes());
        }
        if prefix {
            let mut s = self
                .terms
                .search(fst::automaton::Str::new(word).starts_with())
                .into_stream();
            while let Some((term, id)) = s.next() {
                add(
                    &mut found,
                    id,
                    quality(term == word.as_bytes(), true, 0),
                    term,
                );
                if found.len() > MAX_EXPANSIONS * 4 {
                    break;
                }
            }
        }
        let typos = typos_allowed(word);
        if typos > 0 {
            let dfa = self.dfa(word, typos, prefix);
            let mut s = self.terms.search(Fuzzy(&dfa)).into_stream();
            while let Some((term, id)) = s.next() {
                let d = match dfa.eval(term) {
                    Distance::Exact(d) => d,
                    Distance::AtLeast(_) => continue,
                };
                add(&mut found, id, quality(d == 0 && !prefix, prefix, d), term);
                if found.len() > MAX_EXPANSIONS * 8 {
                    break;
                }
            }
        }
        let mut out: Vec<(u64, f32, String)> =
            found.into_iter().map(|(id, (q, t))| (id, q, t)).collect();
        // The best matches first; among equals, the commoner terms.
        out.sort_unstable_by(|a, b| {
            b.1.total_cmp(&a.1).then_with(|| {
                self.postings[b.0 as usize]
                    .len()
                    .cmp(&self.postings[a.0 as usize].len())
            })
        });
        out.truncate(MAX_EXPANSIONS);
        out
    }

    /// Stories for `query`, best first, `limit` of them from `offset`.
    pub fn search(&mut self, query: &str, offset: usize, limit: usize) -> Results {
        let (words, typing) = words(query);
        if words.is_empty() {
            return Results::default();
        }
        let mut touched: Vec<u32> = Vec::new();
        let mut matched_terms: HashSet<String> = HashSet::new();
        let last = words.len() - 1;
        for (i, w) in words.iter().enumerate() {
            let terms = self.expand(&w.term, typing && i == last);
            let mut word_touched: Vec<u32> = Vec::new();
            for (id, q, term) in terms {
                matched_terms.insert(term);
                for p in &self.postings[id as usize] {
                    let d = p.doc as usize;
                    let s = q * field_weight(p.fields);
                    if self.word_score[d] == 0.0 {
                        word_touched.push(p.doc);
                    }
                    if s > self.word_score[d] {
                        self.word_score[d] = s;
                    }
                }
            }
            for &d in &word_touched {
                let d = d as usize;
                if self.words_matched[d] == 0 {
                    touched.push(d as u32);
                }
                self.words_matched[d] += 1;
                self.score[d] += self.word_score[d];
                self.word_score[d] = 0.0;
            }
        }
        let best = touched
            .iter()
            .map(|&d| self.words_matched[d as usize])
            .max()
            .unwrap_or(0);
        let mut hits: Vec<(u32, f32, i64)> = touched
            .iter()
            .filter(|&&d| self.words_matched[d as usize] == best)
            .map(|&d| (d, self.score[d as usize], self.recency[d as usize]))
            .collect();
        for &d in &touched {
            self.score[d as usize] = 0.0;
            self.words_matched[d as usize] = 0;
        }
        let total = hits.len();
        let order = |a: &(u32, f32, i64), b: &(u32, f32, i64)| {
            b.1.total_cmp(&a.1).then(b.2.cmp(&a.2)).then(a.0.cmp(&b.0))
        };
        let wanted = (offset + limit).min(total);
        if wanted > 0 && wanted < total {
            hits.select_nth_unstable_by(wanted - 1, order);
            hits.truncate(wanted);
        }
        hits.sort_unstable_by(order);
        let found = hits
            .into_iter()
            .skip(offset)
            .take(limit)
            .map(|(d, _, _)| d as usize)
            .collect();
        let mut matched: Vec<String> = matched_terms.into_iter().collect();
        matched.sort_unstable();
        let suggestion = (total == 0).then(|| self.suggest(&words)).flatten();
        Results {
            found,
            matched,
            total,
            suggestion,
        }
    }

    /// The nearest indexed word: one edit more than a search allows (two at most), the
    /// commonest among the nearest. Words under three letters have too many neighbours
    /// for a suggestion to mean anything.
    fn nearest(&self, word: &str) -> Option<String> {
        if self.terms.contains_key(word) {
            return Some(word.to_string());
        }
        if word.chars().count() < 3 {
            return None;
        }
        let edits = (typos_allowed(word) + 1).min(2);
        let dfa = self.dfa(word, edits, false);
        let mut s = self.terms.search(Fuzzy(&dfa)).into_stream();
        let mut best: Option<(u8, usize, String)> = None;
        while let Some((term, id)) = s.next() {
            let Distance::Exact(d) = dfa.eval(term) else {
                continue;
            };
            let df = self.postings[id as usize].len();
            let better = best
                .as_ref()
                .is_none_or(|(bd, bdf, _)| d < *bd || (d == *bd && df > *bdf));
            if better {
                best = Some((d, df, String::from_utf8_lossy(term).into_owned()));
            }
        }
        best.map(|b| b.2)
    }

    fn suggest(&self, words: &[Token]) -> Option<String> {
        let mut changed = false;
        let mut out = Vec::new();
        for w in words {
            let n = self.nearest(&w.term)?;
            changed |= n != w.term;
            out.push(n);
        }
        changed.then(|| out.join(" "))
    }
}
