//! Which words of a shown result to mark: those that begin with a word the query
//! matched, compared as the engine compares words (`fold`), so a search for "cafe"
//! marks "Café" as it finds it. Runs where the engine runs, in the worker: the page
//! gets byte ranges and never folds a word itself.

use serde::{Deserialize, Serialize};

use super::fold::tokens;

/// Byte ranges of `text` to mark, in order.
pub type Ranges = Vec<(u32, u32)>;

/// The marks of one result.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Marked {
    pub title: Ranges,
    #[serde(default)]
    pub lead: Ranges,
}

/// The words of a query as the engine reads them.
pub fn query_words(query: &str) -> Vec<String> {
    tokens(query).into_iter().map(|t| t.term).collect()
}

/// The ranges of `text` whose words begin with one of `words` (folded).
pub fn ranges(text: &str, words: &[String]) -> Ranges {
    tokens(text)
        .into_iter()
        .filter(|t| {
            words
                .iter()
                .any(|w| !w.is_empty() && t.term.starts_with(w.as_str()))
        })
        .map(|t| (t.start as u32, t.end as u32))
        .collect()
}

/// The marks of a result with this title and lead.
pub fn marked(title: &str, lead: Option<&str>, words: &[String]) -> Marked {
    Marked {
        title: ranges(title, words),
        lead: lead.map(|l| ranges(l, words)).unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str, words: &[&str]) -> Vec<String> {
        let words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        marked_in(text, &words)
    }

    fn marked_in(text: &str, words: &[String]) -> Vec<String> {
        ranges(text, words)
            .into_iter()
            .map(|(a, b)| text[a as usize..b as usize].to_string())
            .collect()
    }

    #[test]
    fn a_search_for_cafe_marks_cafe_with_its_accent() {
        assert_eq!(
            marked_in("Café opens, cafes close", &query_words("cafe")),
            ["Café", "cafes"]
        );
        assert_eq!(marked_in("ﬁnal word", &query_words("final")), ["ﬁnal"]);
    }

    #[test]
    fn marks_the_words_that_begin_with_a_matched_word_in_three_scripts() {
        assert_eq!(
            shown(
                "Иран и Армения: Ёлка, iran-talks, Երևան",
                &["иран", "ел", "talk", "երեւ"]
            ),
            ["Иран", "Ёлка", "talks", "Երևան"]
        );
        assert!(shown("abc", &[]).is_empty());
        assert!(shown("", &["a"]).is_empty());
        assert!(shown("abc", &[""]).is_empty());
    }
}
