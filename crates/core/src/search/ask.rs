//! What a query asks, read the same by both indexes: its words (at most `MAX_WORDS`,
//! each once, from its first `MAX_QUERY_BYTES`), whether the last is still being
//! typed, and how many typos a word allows.

use std::collections::HashSet;

use super::fold::{Token, tokens};

const MAX_WORDS: usize = 8;
const MAX_QUERY_BYTES: usize = 256;

/// The query's words, and whether the last is still being typed (no space or
/// punctuation after it).
pub fn words(query: &str) -> (Vec<Token>, bool) {
    let mut end = query.len().min(MAX_QUERY_BYTES);
    while !query.is_char_boundary(end) {
        end -= 1;
    }
    let query = &query[..end];
    let mut words = tokens(query);
    let typing = words.last().is_some_and(|t| t.end == query.len());
    let mut seen = HashSet::new();
    words.retain(|t| seen.insert(t.term.clone()));
    words.truncate(MAX_WORDS);
    (words, typing)
}

/// One typo from four letters, two from eight.
pub fn typos_allowed(word: &str) -> u8 {
    match word.chars().count() {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}
