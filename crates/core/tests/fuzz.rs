//! Property-based fuzzing of everything that reads outside input: the JSON decoders,
//! `next` resolution, the sanitiser, the route table, time parsing, the search
//! engine (indexes built from any text, any query) and query parameters. None may
//! panic, and the sanitiser's and the engine's output must hold their invariants
//! whatever comes in.
//!
//! `cargo test` runs a short deterministic pass (a fixed seed). A longer, random run:
//! `FUZZ_CASES=200000 FUZZ_SEED=random cargo test --release -p newsfront-core --test fuzz`.

mod common;

use newsfront_core::contract::{
    Article, FeedPage, Front, IndexedArticle, SearchIndex, Site, decode,
};
use newsfront_core::logic::dates::Timestamp;
use newsfront_core::logic::routes;
use newsfront_core::logic::uri;
use newsfront_core::sanitize::{Node, sanitize, to_html};
use newsfront_core::search::archive::build::in_memory;
use newsfront_core::search::archive::query::{Step, Typos, search};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};
use serde_json::Value;

fn config() -> Config {
    let cases = std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(256);
    let rng_seed = match std::env::var("FUZZ_SEED").ok().as_deref() {
        Some("random") => RngSeed::Random,
        Some(n) => RngSeed::Fixed(n.parse().expect("FUZZ_SEED is a number or 'random'")),
        None => RngSeed::Fixed(20_261_126),
    };
    Config {
        cases,
        rng_seed,
        failure_persistence: None,
        ..Config::default()
    }
}

/// JSON values shaped a little like the contract: its field names turn up often.
fn json() -> impl Strategy<Value = Value> {
    let key = prop_oneof![
        Just("type".to_string()),
        Just("slug".to_string()),
        Just("title".to_string()),
        Just("items".to_string()),
        Just("content".to_string()),
        Just("text".to_string()),
        Just("href".to_string()),
        Just("next".to_string()),
        Just("section".to_string()),
        Just("published_at".to_string()),
        Just("image".to_string()),
        Just("src".to_string()),
        Just("body".to_string()),
        Just("html".to_string()),
        Just("marks".to_string()),
        "[a-z_]{1,8}",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        prop_oneof![
            Just("paragraph".to_string()),
            Just("html".to_string()),
            Just("image".to_string()),
            Just("2025-04-09T12:58:00+04:00".to_string()),
            Just("javascript:alert(1)".to_string()),
            ".{0,20}",
        ]
        .prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(key.clone(), inner, 0..8)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn text_of(nodes: &[Node]) -> String {
    nodes
        .iter()
        .map(|n| match n {
            Node::Text(t) => t.clone(),
            Node::Element { children, .. } => text_of(children),
        })
        .collect()
}

fn html() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<".to_string()),
        Just(">".to_string()),
        Just("</".to_string()),
        Just("/>".to_string()),
        Just("=".to_string()),
        Just("\"".to_string()),
        Just("'".to_string()),
        Just("&".to_string()),
        Just("&#x".to_string()),
        Just(";".to_string()),
        Just("<!--".to_string()),
        Just("-->".to_string()),
        Just("<script>".to_string()),
        Just("</script>".to_string()),
        Just("<svg>".to_string()),
        Just("<a href=".to_string()),
        Just("<img src=".to_string()),
        Just(" onerror=".to_string()),
        Just("javascript:".to_string()),
        Just("<p>".to_string()),
        Just("<b>".to_string()),
        Just("<table>".to_string()),
        Just("<style>".to_string()),
        Just("<textarea>".to_string()),
        // The tree builder's edges (issue #19).
        Just("<math>".to_string()),
        Just("<mi>".to_string()),
        Just("<mtext>".to_string()),
        Just("</math>".to_string()),
        Just("<desc>".to_string()),
        Just("<foreignObject>".to_string()),
        Just("</svg>".to_string()),
        Just("</p>".to_string()),
        Just("<li>".to_string()),
        Just("<tr>".to_string()),
        Just("<td>".to_string()),
        Just("</table>".to_string()),
        Just("<div>".to_string()),
        Just("</div>".to_string()),
        Just("<button>".to_string()),
        Just("<select>".to_string()),
        Just("<video>".to_string()),
        Just("<xmp>".to_string()),
        Just("<noscript>".to_string()),
        Just("<form>".to_string()),
        Just("</style>".to_string()),
        Just("<plaintext>".to_string()),
        "[a-zA-Z0-9 ]{0,6}",
        ".{0,4}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

const BASE: &str = "https://news.example/api/en/sections/world/1.json";

proptest! {
    #![proptest_config(config())]

    #[test]
    fn decoders_never_panic_on_any_text(body in ".{0,200}") {
        let _ = decode::<Site>(&body, BASE, BASE);
        let _ = decode::<Front>(&body, BASE, BASE);
        let _ = decode::<FeedPage>(&body, BASE, BASE);
        let _ = decode::<Article>(&body, BASE, BASE);
    }

    #[test]
    fn decoders_never_panic_on_contract_shaped_json(v in json()) {
        let body = v.to_string();
        let _ = decode::<Site>(&body, BASE, BASE);
        let _ = decode::<Front>(&body, BASE, BASE);
        let _ = decode::<Article>(&body, BASE, BASE);
        if let Ok(FeedPage { next: Some(next), .. }) = decode::<FeedPage>(&body, BASE, BASE) {
            prop_assert!(next.starts_with("http"), "next {next}");
        }
    }

    #[test]
    fn next_resolution_never_panics_and_stays_absolute(reference in ".{0,60}") {
        let r = uri::resolve(BASE, &reference);
        prop_assert!(uri::scheme(&r).is_some(), "{reference:?} -> {r:?}");
    }

    #[test]
    fn sanitiser_output_is_always_clean(markup in html()) {
        common::assert_clean(&sanitize(&markup, BASE), &markup);
    }

    /// The app builds the tree's nodes one by one; the pre-rendered page is its HTML,
    /// which the browser parses: read back, it must show the same text.
    #[test]
    fn pre_rendered_html_reads_back_with_the_same_text(markup in html()) {
        let tree = sanitize(&markup, BASE);
        let again = sanitize(&to_html(&tree), BASE);
        prop_assert_eq!(text_of(&again), text_of(&tree), "{}", to_html(&tree));
    }

    #[test]
    fn sanitiser_never_panics_on_any_text(markup in ".{0,300}") {
        common::assert_clean(&sanitize(&markup, BASE), &markup);
    }

    #[test]
    fn route_table_never_panics_and_round_trips(path in "(/[a-z%0-9.-]{0,8}){0,5}", section in "[a-z-]{1,10}", slug in ".{1,20}") {
        let _ = routes::parse(&path);
        let (_, page) = routes::parse(&routes::article(newsfront_core::logic::edition::Edition::Ru, &section, &slug));
        if section != "search" && section != "embed" {
            prop_assert_eq!(page, routes::Route::Article { section, slug });
        }
    }

    #[test]
    fn time_parsing_never_panics(s in ".{0,40}") {
        let _ = Timestamp::parse(&s);
    }

    #[test]
    fn search_never_panics_and_keeps_its_word(
        titles in proptest::collection::vec("\\PC{0,40}", 0..12),
        query in "\\PC{0,60}",
        offset in 0usize..20,
        limit in 0usize..20,
    ) {
        let articles: Vec<IndexedArticle> = titles
            .iter()
            .enumerate()
            .map(|(i, t)| IndexedArticle {
                slug: format!("s{i}"),
                title: t.clone(),
                lead: Some(titles[(i + 1) % titles.len()].clone()),
                section: "world".into(),
                published_at: None,
                live: None,
            })
            .collect();
        let n = articles.len();
        let (entry, files) = in_memory(articles);
        let typos = Typos::default();
        let Step::Done(r) = search(&entry, &files, &typos, &query, offset, limit) else {
            return Err(TestCaseError::fail("an index in memory has every file"));
        };
        prop_assert!(r.ids.len() <= limit);
        prop_assert!(r.total <= n && r.ids.len() <= r.total.saturating_sub(offset));
        prop_assert!(r.ids.iter().all(|&id| (id as usize) < n));
        prop_assert!(r.total == 0 || !r.matched.is_empty());
    }

    #[test]
    fn search_index_decoding_never_panics(v in json()) {
        let _ = serde_json::from_str::<SearchIndex>(&v.to_string());
    }

    #[test]
    fn query_parameters_never_panic(query in ".{0,80}", name in "[a-z]{1,3}") {
        let _ = uri::query_param(&query, &name);
    }
}
