//! Words as the engine compares them: lower-cased, Latin accents dropped, Russian
//! "ё" read as "е", compatibility forms read as their letters (the Armenian ligature
//! "և" as "եւ", "ﬁ" as "fi"): Unicode's NFKC with Latin marks dropped. Lower-casing
//! covers Cyrillic and Armenian, so "ИРАН" finds "Иран" and "ԻՐԱՆ" finds "Իրան".
//!
//! The tables come from `unicode-normalization` at build time (`build/fold_tables.rs`)
//! and hold the scripts of our editions and their neighbours (Latin, Greek, Cyrillic,
//! Armenian, punctuation, ligatures, full width): the crate's whole tables were 54 KB
//! of the search worker's 161 KB (brotli). Other scripts fold by case alone.

include!(concat!(env!("OUT_DIR"), "/fold_tables.rs"));

/// A word of a text: its folded form and where it is (byte offsets in the text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub term: String,
    pub start: usize,
    pub end: usize,
}

fn is_combining_mark(c: char) -> bool {
    let c = c as u32;
    MARKS
        .binary_search_by(|&(a, b)| {
            if b < c {
                std::cmp::Ordering::Less
            } else if a > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// Whether `c` folds to itself lower-cased (ё to е) with no table: ASCII, the basic
/// Cyrillic and Armenian letters, most of what the three editions write.
fn plain(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, '\u{0401}' | '\u{0410}'..='\u{044f}' | '\u{0451}')
        || matches!(c, '\u{0531}'..='\u{0556}' | '\u{0561}'..='\u{0586}')
}

/// What `c` folds to on its own, when that is not its lower case.
fn tabled(c: char) -> Option<&'static str> {
    let i = FOLD_KEYS.binary_search(&(c as u32)).ok()?;
    let start = if i == 0 { 0 } else { FOLD_ENDS[i - 1] };
    Some(&FOLD_TEXT[usize::from(start)..usize::from(FOLD_ENDS[i])])
}

/// `c` lower-cased, "ё" read as "е".
fn lower(c: char) -> impl Iterator<Item = char> {
    c.to_lowercase().map(|c| if c == 'ё' { 'е' } else { c })
}

/// Adds one folded character: a mark after a Latin letter goes, one after another
/// letter is composed with it where Unicode has the pair (и + ◌̆ = й).
fn push(out: &mut String, c: char) {
    if is_combining_mark(c)
        && let Some(last) = out.chars().next_back()
    {
        if last.is_ascii_alphabetic() {
            return;
        }
        let pair = (last as u32, c as u32);
        if let Ok(i) = COMPOSE.binary_search_by(|&(b, m, _)| (b, m).cmp(&pair)) {
            out.truncate(out.len() - last.len_utf8());
            out.extend(char::from_u32(COMPOSE[i].2));
            return;
        }
    }
    out.push(c);
}

/// The folded form of one word.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if plain(c) {
            out.extend(lower(c));
        } else if let Some(folded) = tabled(c) {
            folded.chars().for_each(|c| push(&mut out, c));
        } else {
            lower(c).for_each(|c| push(&mut out, c));
        }
    }
    out
}

/// The words of `text`, in order.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (start, is_word_char(c) && i < text.len()) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                let term = fold(&text[s..i]);
                if !term.is_empty() {
                    out.push(Token {
                        term,
                        start: s,
                        end: i,
                    });
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        tokens(text).into_iter().map(|t| t.term).collect()
    }

    #[test]
    fn folds_case_in_three_scripts() {
        assert_eq!(fold("ИРАН"), fold("Иран"));
        assert_eq!(fold("ԻՐԱՆ"), fold("Իրան"));
        assert_eq!(fold("IRAN"), "iran");
        assert_eq!(fold("Ёлка"), "елка");
        assert_eq!(fold("йод"), "йод");
        assert_eq!(fold("Café"), "cafe");
        assert_eq!(fold("ﬁnal"), "final");
        assert_eq!(fold("և"), "եւ");
    }

    #[test]
    fn splits_words_and_keeps_their_place() {
        let text = "Northport's council — «Иран», Երևան!";
        let t = tokens(text);
        let words: Vec<_> = t.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(words, ["Northport", "s", "council", "Иран", "Երևան"]);
        assert_eq!(t[4].term, "երեւան");
    }

    #[test]
    fn punctuation_alone_has_no_words() {
        assert!(terms("?!… — «» ,.;").is_empty());
        assert!(terms("").is_empty());
    }

    #[test]
    fn decomposed_input_is_one_word() {
        assert_eq!(terms("Cafe\u{301} open"), ["cafe", "open"]);
    }
}
