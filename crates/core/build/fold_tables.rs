//! Writes `fold_tables.rs` into `OUT_DIR`: the search engine's word folding
//! (`src/search/engine/fold.rs`) as small tables, made here with
//! `unicode-normalization` so that the search worker carries only the letters of the
//! scripts it folds, not the crate's whole Unicode tables (54 KB of its 161 KB brotli).

use std::fmt::Write;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{compose, is_combining_mark};

/// The code points whose folds are tabled: Latin, Greek, Cyrillic and Armenian with
/// their marks, punctuation and letter-like symbols, and the compatibility forms
/// (ligatures, full-width Latin) their texts use. Others fold by case alone; Hangul's
/// letters, which compose by rule, are left out.
pub const COVERED: [(u32, u32); 5] = [
    (0x0000, 0x10ff),
    (0x1200, 0x24ff),
    (0x2c00, 0x2dff),
    (0xfb00, 0xfb17),
    (0xff00, 0xff5e),
];

/// The fold of one character: NFKD, lower case, accents on Latin letters dropped, NFC,
/// "ё" read as "е". What `fold` did with the crate's tables.
pub fn reference(word: &str) -> String {
    let mut base_is_latin = false;
    let lowered: String = word
        .nfkd()
        .flat_map(char::to_lowercase)
        .filter(|&c| {
            if is_combining_mark(c) {
                !base_is_latin
            } else {
                base_is_latin = c.is_ascii_alphabetic();
                true
            }
        })
        .collect();
    lowered
        .nfc()
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect()
}

/// Whether NFC would reorder marks in `word` (two or more in a row after a letter that
/// is not Latin), which the tables leave as they come (for tests/fold.rs).
pub fn reorders(word: &str) -> bool {
    let (mut latin, mut run) = (false, 0);
    for c in word.nfkd().flat_map(char::to_lowercase) {
        if is_combining_mark(c) {
            run += usize::from(!latin);
            if run >= 2 {
                return true;
            }
        } else {
            (latin, run) = (c.is_ascii_alphabetic(), 0);
        }
    }
    false
}

fn by_case(c: char) -> String {
    c.to_lowercase()
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect()
}

fn covered() -> impl Iterator<Item = char> {
    COVERED
        .iter()
        .flat_map(|&(a, b)| a..=b)
        .filter_map(char::from_u32)
}

pub fn tables() -> String {
    let mut out = String::new();
    // Combining marks, as ranges.
    let mut ranges: Vec<(u32, u32)> = Vec::new();
    for c in (0..=0x10ffffu32).filter_map(char::from_u32) {
        if is_combining_mark(c) {
            let c = c as u32;
            match ranges.last_mut() {
                Some(r) if r.1 + 1 == c => r.1 = c,
                _ => ranges.push((c, c)),
            }
        }
    }
    writeln!(
        out,
        "static MARKS: [(u32, u32); {}] = {ranges:?};",
        ranges.len()
    )
    .unwrap();
    // Characters whose fold is not their lower case.
    let (mut keys, mut ends, mut text) = (Vec::new(), Vec::new(), String::new());
    for c in covered() {
        let folded = reference(&c.to_string());
        if folded != by_case(c) {
            keys.push(c as u32);
            text.push_str(&folded);
            ends.push(text.len() as u16);
        }
    }
    writeln!(out, "static FOLD_KEYS: [u32; {}] = {keys:?};", keys.len()).unwrap();
    writeln!(out, "static FOLD_ENDS: [u16; {}] = {ends:?};", ends.len()).unwrap();
    writeln!(out, "static FOLD_TEXT: &str = {text:?};").unwrap();
    // A mark after a letter that is not Latin, composed with it as NFC would.
    let mut pairs = Vec::new();
    for base in covered().filter(|&c| !is_combining_mark(c) && !c.is_ascii()) {
        if by_case(base) != base.to_string() {
            continue;
        }
        for mark in covered().filter(|&c| is_combining_mark(c)) {
            if let Some(made) = compose(base, mark) {
                let made = by_case(made);
                let mut chars = made.chars();
                if let (Some(m), None) = (chars.next(), chars.next()) {
                    pairs.push((base as u32, mark as u32, m as u32));
                }
            }
        }
    }
    pairs.sort_unstable();
    writeln!(
        out,
        "static COMPOSE: [(u32, u32, u32); {}] = {pairs:?};",
        pairs.len()
    )
    .unwrap();
    out
}
