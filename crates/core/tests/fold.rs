//! The search engine's folding against `unicode-normalization` itself: the tables
//! made at build time (`build/fold_tables.rs`) must fold every letter of the scripts
//! they cover, and words of them, as NFKC with Latin marks dropped does.

#[path = "../build/fold_tables.rs"]
#[allow(dead_code)]
mod fold_tables;

use fold_tables::reference;
use newsfront_core::search::fold::fold;
use proptest::prelude::*;

/// Letters, digits and marks of the scripts the tables cover.
fn covered() -> Vec<char> {
    fold_tables::COVERED
        .into_iter()
        .flat_map(|(a, b)| a..=b)
        .filter_map(char::from_u32)
        .filter(|c| !c.is_control())
        .collect()
}

#[test]
fn every_covered_character_folds_as_the_crate_does() {
    let mut checked = 0;
    for c in covered() {
        let w = c.to_string();
        assert_eq!(fold(&w), reference(&w), "U+{:04X}", c as u32);
        checked += 1;
    }
    assert!(checked > 9000, "{checked}");
}

#[test]
fn words_in_three_scripts_fold_as_the_crate_does() {
    for w in [
        "Café",
        "CAFE\u{301}",
        "ﬁnal",
        "Ёлка",
        "Е\u{308}лка",
        "йод",
        "и\u{306}од",
        "İstanbul",
        "Երևան",
        "ԵՐԵՒԱՆ",
        "ﬓ",
        "Ｎｏｒｔｈ",
        "Straße",
        "Ǿ",
        "o\u{338}\u{301}",
        "ἄλφα",
        "α\u{313}\u{301}",
        "Ǆemal",
        "²",
        "№5",
    ] {
        assert_eq!(fold(w), reference(w), "{w:?}");
    }
}

fn letter() -> impl Strategy<Value = char> {
    let letters = covered();
    (0..letters.len()).prop_map(move |i| letters[i])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 20_000, max_global_rejects: 20_000, ..ProptestConfig::default() })]
    /// Any short run of covered letters, precomposed or not. A run of two marks or
    /// more after a letter that is not Latin is left out: NFC reorders such marks by
    /// their classes before composing, which the tables do not (no edition writes it).
    #[test]
    fn any_word_folds_as_the_crate_does(word in prop::collection::vec(letter(), 1..6)) {
        let word: String = word.into_iter().collect();
        prop_assume!(!fold_tables::reorders(&word));
        prop_assert_eq!(fold(&word), reference(&word), "{:?}", word);
    }
}
