//! Words as the engine compares them: Unicode-normalised (NFKC), lower-cased, Latin
//! accents dropped, Russian "ё" read as "е". Lower-casing covers Cyrillic and
//! Armenian, so "ИРАН" finds "Иран" and "ԻՐԱՆ" finds "Իրան"; compatibility forms such
//! as the Armenian ligature "և" become their letters ("եւ").

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// A word of a text: its folded form and where it is (byte offsets in the text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub term: String,
    pub start: usize,
    pub end: usize,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// Whether `c` folds to itself lower-cased (ё to е) with no normalisation: ASCII,
/// the basic Cyrillic and Armenian letters. Most words of the three editions are made
/// of these alone; for them `fold` skips NFKD and NFC, which were a fifth of indexing
/// an archive (`perf`, 150,000 stories: 303 s before, see `prerender::search`).
fn plain(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, '\u{0401}' | '\u{0410}'..='\u{044f}' | '\u{0451}')
        || matches!(c, '\u{0531}'..='\u{0556}' | '\u{0561}'..='\u{0586}')
}

/// The folded form of one word.
pub fn fold(word: &str) -> String {
    if word.chars().all(plain) {
        return word
            .chars()
            .flat_map(char::to_lowercase)
            .map(|c| if c == 'ё' { 'е' } else { c })
            .collect();
    }
    let mut base_is_latin = false;
    let lowered: String = word
        .nfkd()
        .flat_map(char::to_lowercase)
        .filter(|&c| {
            if is_combining_mark(c) {
                // "é" → "e", but "й" stays "й": only accents on Latin letters go.
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
    fn the_plain_letters_fold_as_the_normalised_path_does() {
        let slow = |w: &str| -> String {
            // `fold` without its shortcut: every letter through NFKD and NFC.
            fold(&format!("{w}\u{00e9}"))
                .strip_suffix('e')
                .expect("é folds to e")
                .to_string()
        };
        let letters = ('0'..='z')
            .chain('\u{0400}'..='\u{045f}')
            .chain('\u{0531}'..='\u{0587}')
            .filter(|&c| c.is_alphanumeric());
        for c in letters {
            let w = c.to_string();
            assert_eq!(fold(&w), slow(&w), "{c:?} (U+{:04X})", c as u32);
        }
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
