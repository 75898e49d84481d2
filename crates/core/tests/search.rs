//! The search engine on an index held in memory, as the worker makes it from a site's
//! one-file index: folding, prefixes, typos, ranking, the three scripts, and queries
//! that are empty, huge, punctuation or in another script.

use std::collections::HashMap;

use newsfront_core::contract::IndexedArticle;
use newsfront_core::logic::dates::Timestamp;
use newsfront_core::search::archive::build::in_memory;
use newsfront_core::search::archive::layout::{Entry, story_name};
use newsfront_core::search::archive::query::{Found, Step, Typos, search as query};

fn story(slug: &str, title: &str, lead: &str, day: u32) -> IndexedArticle {
    IndexedArticle {
        slug: slug.into(),
        title: title.into(),
        lead: Some(lead.into()),
        section: "world".into(),
        published_at: Timestamp::parse(&format!("2026-11-{day:02}T09:00:00+04:00")),
        live: None,
    }
}

struct Index {
    entry: Entry,
    files: HashMap<String, Vec<u8>>,
}

impl Index {
    fn build(stories: Vec<IndexedArticle>) -> Index {
        let (entry, files) = in_memory(stories);
        Index { entry, files }
    }

    fn search(&self, q: &str, offset: usize, limit: usize) -> Found {
        match query(
            &self.entry,
            &self.files,
            &Typos::default(),
            q,
            offset,
            limit,
        ) {
            Step::Done(found) => found,
            Step::Fetch(names) => panic!("{q}: the index in memory lacks {names:?}"),
        }
    }

    fn slug(&self, id: u32) -> String {
        let file = &self.files[&story_name(id)];
        serde_json::from_slice::<IndexedArticle>(file).unwrap().slug
    }
}

fn index() -> Index {
    Index::build(vec![
        story(
            "iran-talks",
            "Iran talks resume in Geneva",
            "Diplomats meet again after a pause.",
            20,
        ),
        story(
            "harbour",
            "Harbour repairs begin",
            "The council says Iran is not involved.",
            25,
        ),
        story(
            "budget",
            "Council approves the budget",
            "Spending on schools rises.",
            22,
        ),
        story(
            "budget-old",
            "Council budget debate",
            "An older story on spending.",
            2,
        ),
        story(
            "ru-iran",
            "Иран и Армения обсудили транзит",
            "Встреча прошла в Ереване.",
            21,
        ),
        story(
            "ru-yolka",
            "Новогодняя ёлка на площади",
            "Её украсили жители.",
            23,
        ),
        story(
            "hy-iran",
            "Իրանը և Հայաստանը քննարկեցին տարանցումը",
            "Հանդիպումը տեղի ունեցավ Երևանում։",
            24,
        ),
        story(
            "cafe",
            "Café owners protest",
            "Prices rose in the international market.",
            19,
        ),
        story(
            "infrastructure",
            "Infrastructure plan unveiled",
            "Roads and bridges first.",
            18,
        ),
    ])
}

fn slugs(r: &Found) -> Vec<String> {
    let index = index();
    r.ids.iter().map(|&id| index.slug(id)).collect()
}

fn search(q: &str) -> Vec<String> {
    slugs(&index().search(q, 0, 10))
}

#[test]
fn title_hits_rank_above_lead_hits() {
    assert_eq!(search("iran "), ["iran-talks", "harbour"]);
}

#[test]
fn ties_are_broken_by_recency() {
    // Both have "council" and "budget" in the title; the newer comes first.
    assert_eq!(search("council budget "), ["budget", "budget-old"]);
}

#[test]
fn every_word_must_match_when_some_story_matches_all() {
    assert_eq!(search("council spending schools "), ["budget"]);
}

#[test]
fn case_is_folded_in_all_three_scripts() {
    assert_eq!(search("IRAN "), search("iran "));
    assert_eq!(search("ИРАН "), ["ru-iran"]);
    assert_eq!(search("ԻՐԱՆԸ "), ["hy-iran"]);
    assert_eq!(search("елка "), ["ru-yolka"], "ё is read as е");
    assert_eq!(
        search("cafe "),
        ["cafe"],
        "accents on Latin letters are dropped"
    );
    assert_eq!(
        search("Երեւանում "),
        ["hy-iran"],
        "the ligature և is its two letters"
    );
}

#[test]
fn the_word_being_typed_matches_as_a_prefix() {
    assert_eq!(search("infra"), ["infrastructure"]);
    assert_eq!(search("Ир"), ["ru-iran"]);
    assert_eq!(search("Հայաս"), ["hy-iran"]);
    // A finished word (a space after it) is not a prefix.
    assert!(search("infra ").is_empty());
}

#[test]
fn typos_one_edit_from_four_letters_two_from_eight() {
    assert_eq!(search("harbur "), ["harbour"], "one deletion");
    assert_eq!(
        search("cuoncil budget "),
        ["budget", "budget-old"],
        "a transposition is one edit"
    );
    assert_eq!(
        search("infrastrutcure "),
        ["infrastructure"],
        "two edits on a long word"
    );
    assert!(
        search("ian ").is_empty(),
        "no typo allowed under four letters"
    );
    assert!(
        search("hrbur ").is_empty(),
        "two edits are too many for a six-letter word"
    );
    assert_eq!(search("Армениа "), ["ru-iran"], "Cyrillic typo");
    assert_eq!(search("Հայաստանն "), ["hy-iran"], "Armenian typo");
}

#[test]
fn the_indexed_words_that_matched_are_reported_for_highlighting() {
    let r = index().search("talks genva harb", 0, 10);
    assert_eq!(r.matched, ["geneva", "harbour", "talks"]);
}

#[test]
fn empty_punctuation_and_huge_queries_are_harmless() {
    assert_eq!(index().search("", 0, 10), Found::default());
    assert_eq!(index().search("  ?!… «» — ", 0, 10), Found::default());
    let huge = "iran ".repeat(10_000) + &"ж".repeat(100_000);
    let r = index().search(&huge, 0, 10);
    assert_eq!(slugs(&r), ["iran-talks", "harbour"]);
}

#[test]
fn a_query_in_another_script_than_the_edition_finds_nothing() {
    let english = Index::build(vec![story(
        "iran-talks",
        "Iran talks resume",
        "In Geneva.",
        20,
    )]);
    for q in ["Иран ", "Իրան ", "北京 ", "Ирн"] {
        let r = english.search(q, 0, 10);
        assert_eq!((r.total, r.suggestion), (0, None), "{q}");
    }
}

#[test]
fn the_stories_matching_most_words_come_when_none_matches_all() {
    assert_eq!(search("harbour zebra "), ["harbour"]);
}

#[test]
fn no_results_suggest_the_nearest_indexed_words() {
    let r = index().search("goverment harbr ", 0, 10);
    assert_eq!(r.total, 0);
    assert_eq!(r.suggestion, None, "no indexed word near 'goverment'");
    let r = index().search("harbr reparz ", 0, 10);
    assert_eq!(r.total, 0);
    assert_eq!(r.suggestion.as_deref(), Some("harbour repairs"));
}

#[test]
fn pages_follow_each_other() {
    let i = index();
    let all = slugs(&i.search("council ", 0, 10));
    assert_eq!(all.len(), 3);
    let first = slugs(&i.search("council ", 0, 2));
    let second = slugs(&i.search("council ", 2, 2));
    assert_eq!([first, second].concat(), all);
    assert_eq!(i.search("council ", 0, 2).total, 3);
}
