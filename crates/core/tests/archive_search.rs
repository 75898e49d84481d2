//! The archive index end to end, natively: built from stories, then queried in rounds
//! with the files fetched from what the builder wrote, as the worker will.

use std::collections::HashMap;

use newsfront_core::contract::IndexedArticle;
use newsfront_core::search::archive::build::{Builder, StoryWords, held};
use newsfront_core::search::archive::layout::{Entry, RECENT, story_name};
use newsfront_core::search::archive::query::{Found, Step, Typos, search};

struct Site {
    entry: Entry,
    all: HashMap<String, Vec<u8>>,
}

fn site(stories: &[(&str, &str, &str)]) -> Site {
    let (entry, all) = held(stories.iter().enumerate().map(|(id, (title, lead, body))| {
        let story = IndexedArticle {
            slug: format!("story-{id}"),
            title: title.to_string(),
            lead: Some(lead.to_string()),
            section: "world".into(),
            published_at: None,
            live: None,
        };
        (story, StoryWords::of(title, lead, body))
    }));
    Site {
        entry: Entry::decode(&entry.encode()).expect("the entry decodes"),
        all,
    }
}

/// The query's results, and the files it fetched in each round.
fn ask(site: &Site, q: &str) -> (Found, Vec<Vec<String>>) {
    let typos = Typos::default();
    let mut have: HashMap<String, Vec<u8>> = HashMap::new();
    let mut rounds = Vec::new();
    loop {
        match search(&site.entry, &have, &typos, q, 0, 10) {
            Step::Done(found) => return (found, rounds),
            Step::Fetch(names) => {
                assert!(rounds.len() < 6, "{q}: too many rounds: {rounds:?}");
                for n in &names {
                    assert!(!have.contains_key(n), "{q}: {n} asked for twice");
                    let file = site
                        .all
                        .get(n)
                        .unwrap_or_else(|| panic!("{q}: no file {n}"));
                    have.insert(n.clone(), file.clone());
                }
                rounds.push(names);
            }
        }
    }
}

fn corpus() -> Vec<(&'static str, &'static str, &'static str)> {
    vec![
        (
            "Harbour reopens after storm",
            "Ferries run again",
            "The port authority said the harbour would reopen.",
        ),
        (
            "Budget vote delayed",
            "Parliament adjourns",
            "The economy minister asked for a week.",
        ),
        (
            "Economy grows again",
            "Exports lead",
            "Growth in the third quarter surprised economists.",
        ),
        (
            "Экономика растёт",
            "Экспорт впереди",
            "Рост экономики удивил аналитиков.",
        ),
        (
            "Տնտեսությունն աճում է",
            "Արտահանումն առաջ է",
            "Աճը զարմացրեց վերլուծաբաններին։",
        ),
        (
            "Museum opens new wing",
            "Sculpture in the garden",
            "Visitors queued for the perambulator exhibition.",
        ),
    ]
}

#[test]
fn whole_words_prefixes_and_typos_find_their_story() {
    let s = site(&corpus());
    let top = |q: &str| ask(&s, q).0.ids.first().copied();
    assert_eq!(top("harbour "), Some(0));
    assert_eq!(top("HARBOUR storm "), Some(0));
    assert_eq!(top("harb"), Some(0));
    assert_eq!(top("harbuor "), Some(0), "a transposition is one typo");
    assert_eq!(top("hxrbour "), Some(0));
    assert_eq!(top("экономика "), Some(3));
    assert_eq!(top("эканомика "), Some(3));
    assert_eq!(top("տնտեսությունն "), Some(4));
    // Title above body: "economy" is in story 2's title and story 1's body.
    assert_eq!(ask(&s, "economy ").0.ids, vec![2, 1]);
}

#[test]
fn every_word_must_match_else_the_most_do() {
    let s = site(&corpus());
    let (found, _) = ask(&s, "economy exports ");
    assert_eq!(found.ids, vec![2]);
    assert_eq!(found.total, 1);
    let (found, _) = ask(&s, "harbour zzzzqqq ");
    assert_eq!(found.ids, vec![0], "the best partial match");
    assert_eq!(ask(&s, "").0, Found::default());
}

#[test]
fn a_query_fetches_its_files_in_few_rounds() {
    let s = site(&corpus());
    let (found, rounds) = ask(&s, "budget vote ");
    assert_eq!(found.ids, vec![1]);
    // The directory's page, postings, then the story shown.
    assert_eq!(rounds.len(), 3, "{rounds:?}");
    assert!(rounds[0][0].starts_with('d'), "{rounds:?}");
    assert_eq!(rounds[2], vec![story_name(1)]);
}

#[test]
fn a_recent_segment_replaces_and_takes_down_the_base_stories() {
    let mut s = site(&corpus());
    // Story 1 corrected (its words now about a ferry), story 0 taken down.
    let mut b = Builder::default();
    let corrected = StoryWords::of("Budget ferry vote", "Parliament sits", "A late sitting.");
    b.add(1, &corrected);
    let built = b.finish();
    s.all.extend(
        built
            .files
            .into_iter()
            .map(|(n, f)| (format!("{RECENT}{n}"), f)),
    );
    let encoded = Entry {
        recent: Some(built.segment),
        ..s.entry.clone()
    }
    .encode();
    s.entry = Entry::decode(&encoded).unwrap();
    s.entry.masked = vec![0, 1];
    assert_eq!(ask(&s, "ferry vote ").0.ids, vec![1]);
    assert_eq!(ask(&s, "adjourns ").0.total, 0, "the old text is gone");
    assert_eq!(ask(&s, "harbour ").0.total, 0, "a story taken down is gone");
    assert_eq!(ask(&s, "economy ").0.ids, vec![2], "the rest stay");
    // A completion in either segment.
    assert!(ask(&s, "fer").0.ids.contains(&1));
    assert!(
        ask(&s, "budgat ").0.ids.contains(&1),
        "a typo, in the recent segment"
    );
}

#[test]
fn a_rare_completion_is_found_when_the_other_words_narrow_the_stories() {
    // "per…" has hundreds of completions, more than a prefix reads; "perambulator"
    // is in one story, which "museum" alone narrows to.
    let mut stories = corpus();
    let filler: Vec<String> = (0..600).map(|i| format!("per{i:04}x")).collect();
    let filler: &'static str = Box::leak(filler.join(" ").into_boxed_str());
    for _ in 0..40 {
        stories.push(("Filler", "More filler", filler));
    }
    let s = site(&stories);
    let (found, _) = ask(&s, "museum perambul");
    assert_eq!(found.ids, vec![5]);
    assert!(
        found.matched.contains(&"perambulator".to_string()),
        "{:?}",
        found.matched
    );
}

#[test]
fn a_prefix_that_nearly_always_means_one_common_word_is_read_as_it() {
    // "blockad…" is "blockaded" in 5,400 stories (more than the common completions'
    // budget) and "blockadeless" in 100; "harbour" is in the title of more stories than
    // it narrows to, all newer than the one with both in its title.
    let mut stories = vec![("Harbour blockaded", "A lead", "text")];
    for i in 1..5400 {
        stories.push((
            "Shipping",
            "Lead",
            if i % 54 == 0 {
                "blockadeless"
            } else {
                "blockaded"
            },
        ));
    }
    for _ in 0..100 {
        stories.push(("Harbour news", "Lead", "calm"));
    }
    let s = site(&stories);
    let (found, _) = ask(&s, "harbour blockad");
    assert_eq!(found.ids.first(), Some(&0), "{found:?}");
    assert!(found.matched.contains(&"blockaded".to_string()));
}

#[test]
fn broken_files_find_nothing_and_do_not_panic() {
    let mut s = site(&corpus());
    for (name, bytes) in s.all.iter_mut() {
        if !name.starts_with("s/") && !name.starts_with("v/") {
            bytes.truncate(bytes.len() / 2);
        }
    }
    let (found, _) = ask(&s, "harbour ");
    assert!(found.ids.len() <= 1);
    assert_eq!(Entry::decode(b"not an entry"), None);
}

#[test]
fn nothing_found_suggests_the_nearest_words() {
    let s = site(&corpus());
    let (found, _) = ask(&s, "hrbor ");
    assert_eq!(
        found.total, 0,
        "two edits: more than a five-letter word may have"
    );
    assert_eq!(found.suggestion.as_deref(), Some("harbour"));
    let (found, _) = ask(&s, "budget hrbor ");
    assert!(found.total > 0, "the best partial match");
    assert_eq!(found.suggestion, None, "something was found");
    assert_eq!(ask(&s, "qqqqqqq ").0.suggestion, None, "nothing near");
}
