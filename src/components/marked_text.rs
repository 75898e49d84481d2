//! Text with some of its words highlighted (`<mark>`): the words of a search.

use leptos::prelude::*;

use crate::search_client::fold_simply;

/// The pieces of `text`, each with whether it is marked: a word is marked when it
/// begins with one of `highlight` (words folded as `fold_simply` folds them).
pub fn pieces(text: &str, highlight: &[String]) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = Vec::new();
    let mut push = |piece: &str, marked: bool| match out.last_mut() {
        Some((last, m)) if *m == marked => last.push_str(piece),
        _ => out.push((piece.to_string(), marked)),
    };
    let mut start = 0;
    let mut in_word = false;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        let word_char = i < text.len() && c.is_alphanumeric();
        if word_char == in_word {
            continue;
        }
        let piece = &text[start..i];
        let marked = in_word && {
            let w = fold_simply(piece);
            highlight
                .iter()
                .any(|h| !h.is_empty() && w.starts_with(h.as_str()))
        };
        if !piece.is_empty() {
            push(piece, marked);
        }
        start = i;
        in_word = word_char;
    }
    out
}

#[component]
pub fn MarkedText(text: String, highlight: std::sync::Arc<Vec<String>>) -> impl IntoView {
    pieces(&text, &highlight)
        .into_iter()
        .map(|(piece, marked)| {
            if marked {
                view! { <mark>{piece}</mark> }.into_any()
            } else {
                piece.into_any()
            }
        })
        .collect_view()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn marks_the_words_that_begin_with_a_highlighted_word() {
        let p = pieces(
            "Иран и Армения: Ёлка, iran-talks",
            &words(&["иран", "ел", "talk"]),
        );
        assert_eq!(
            p,
            [
                ("Иран".to_string(), true),
                (" и Армения: ".to_string(), false),
                ("Ёлка".to_string(), true),
                (", iran-".to_string(), false),
                ("talks".to_string(), true),
            ]
        );
        assert_eq!(pieces("abc", &[]), [("abc".to_string(), false)]);
        assert!(pieces("", &words(&["a"])).is_empty());
    }
}
