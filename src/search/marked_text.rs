//! Text with some of its words highlighted (`<mark>`): the words of a search, as byte
//! ranges the engine chose (`newsfront_core::search::highlight`).

use leptos::prelude::*;

use newsfront_core::search::highlight::Ranges;

/// The pieces of `text`, each with whether it is marked. Ranges out of order, out of
/// bounds or not on character boundaries are skipped.
pub fn pieces(text: &str, ranges: &[(u32, u32)]) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut at = 0;
    for &(start, end) in ranges {
        let (start, end) = (start as usize, end as usize);
        if start < at
            || end <= start
            || !text.is_char_boundary(start)
            || text.get(start..end).is_none()
        {
            continue;
        }
        if start > at {
            out.push((text[at..start].to_string(), false));
        }
        out.push((text[start..end].to_string(), true));
        at = end;
    }
    if at < text.len() {
        out.push((text[at..].to_string(), false));
    }
    out
}

#[component]
pub fn MarkedText(text: String, marks: Ranges) -> impl IntoView {
    pieces(&text, &marks)
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

    #[test]
    fn splits_text_at_the_marked_ranges() {
        let text = "Café opens";
        assert_eq!(
            pieces(text, &[(0, 5)]),
            [("Café".to_string(), true), (" opens".to_string(), false)]
        );
        assert_eq!(pieces("abc", &[]), [("abc".to_string(), false)]);
        assert!(pieces("", &[]).is_empty());
    }

    #[test]
    fn odd_ranges_are_skipped() {
        let text = "Café opens";
        // 4 is inside "é"; 20 is past the end; (6, 5) is backwards.
        assert_eq!(
            pieces(text, &[(4, 5), (6, 5), (6, 20)]),
            [(text.to_string(), false)]
        );
    }
}
