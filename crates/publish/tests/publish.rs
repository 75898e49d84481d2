//! Publishing on a built site: the pre-render step run again after stories are
//! published, corrected and taken down brings the site to exactly what a clean build of
//! the final tree makes, rewriting only what changed.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

mod harness;

use harness::{prerender as build, temp_dir};
use newsfront_core::contract::IndexedArticle;
use newsfront_core::search::archive::layout::{ENTRY, Entry, story_name};
use newsfront_core::search::archive::query::{Step, Typos, search};
use proptest::prelude::*;
use serde_json::{Value, json};

/// A generated tree of `n` stories per edition, every file dated an hour back (so the
/// step may trust the stamps of files nobody touched since).
fn tree(name: &str, n: usize) -> PathBuf {
    let api = temp_dir(name);
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_demo-gen"))
        // Three stories a feed page: an archive's later pages, in a small tree.
        .args(["--articles", &n.to_string(), "--page-size", "3", "--out"])
        .arg(&api)
        .status()
        .unwrap();
    assert!(status.success());
    let old = SystemTime::now() - Duration::from_secs(3600);
    for file in files(&api).keys() {
        let f = std::fs::File::options()
            .write(true)
            .open(api.join(file))
            .unwrap();
        f.set_modified(old).unwrap();
    }
    api
}

/// Every file below `dir` (but the step's own state), by path.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            let rel = p.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
            if rel.starts_with(".newsfront") {
                continue;
            }
            if p.is_dir() {
                todo.push(p);
            } else {
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    out
}

fn read(api: &Path, path: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(api.join(path)).unwrap()).unwrap()
}

fn write(api: &Path, path: &str, value: &Value) {
    std::fs::write(api.join(path), value.to_string()).unwrap();
}

/// The feed pages and front page of an edition, where stories are listed.
fn listings(api: &Path, lang: &str) -> Vec<String> {
    let mut out = vec![format!("{lang}/front.json")];
    for section in read(api, &format!("{lang}/site.json"))["sections"]
        .as_array()
        .unwrap()
    {
        let slug = section["slug"].as_str().unwrap();
        let mut page = 1;
        while api
            .join(format!("{lang}/sections/{slug}/{page}.json"))
            .exists()
        {
            out.push(format!("{lang}/sections/{slug}/{page}.json"));
            page += 1;
        }
    }
    out
}

/// The slugs of an edition's stories, from its articles folder.
fn slugs(api: &Path, lang: &str) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(api.join(format!("{lang}/articles")))
        .unwrap()
        .filter_map(|e| {
            e.ok()?
                .file_name()
                .into_string()
                .ok()?
                .strip_suffix(".json")
                .map(str::to_string)
        })
        .collect();
    out.sort();
    out
}

/// Each summary list of a listing document, to edit in place.
fn for_each_list(doc: &mut Value, mut f: impl FnMut(&mut Vec<Value>)) {
    if let Some(items) = doc["items"].as_array_mut() {
        f(items);
    }
    if let Some(top) = doc["top"].as_array_mut() {
        f(top);
    }
    if let Some(sections) = doc["sections"].as_array_mut() {
        for s in sections {
            if let Some(items) = s["items"].as_array_mut() {
                f(items);
            }
        }
    }
}

#[derive(Debug, Clone)]
enum Op {
    /// A new story, a copy of the `n`th one under a new slug, on top of its section.
    Publish(usize),
    /// The `n`th story's title corrected, in the story and wherever it is listed.
    Correct(usize),
    /// The `n`th story gone: its file and every listing of it.
    TakeDown(usize),
    /// The `n`th story moved to the next section, on top of that section's feed.
    Move(usize),
    /// The edition renamed in its `site.json`, which pages of other editions read too
    /// (the edition switch).
    Rename,
}

/// `slug` out of every listing of the edition.
fn unlist(api: &Path, lang: &str, slug: &str) {
    for listing in listings(api, lang) {
        let mut doc = read(api, &listing);
        let mut changed = false;
        for_each_list(&mut doc, |items| {
            let before = items.len();
            items.retain(|i| i["slug"] != json!(slug));
            changed |= items.len() != before;
        });
        if changed {
            write(api, &listing, &doc);
        }
    }
}

fn apply(api: &Path, op: &Op, serial: usize) {
    let lang = ["en", "ru", "hy"][serial % 3];
    let all = slugs(api, lang);
    let pick = |n: usize| all[n % all.len()].clone();
    match op {
        Op::Publish(n) => {
            let mut story = read(api, &format!("{lang}/articles/{}.json", pick(*n)));
            let slug = format!("breaking-{serial}");
            story["slug"] = json!(slug);
            story["title"] = json!(format!("Breaking story {serial}"));
            story["published_at"] = json!("2026-11-26T11:30:00+04:00");
            story["translations"] = json!([]);
            write(api, &format!("{lang}/articles/{slug}.json"), &story);
            let section = story["section"]["slug"].as_str().unwrap().to_string();
            let summary = json!({"slug": slug, "title": story["title"], "section": story["section"],
                                 "published_at": story["published_at"]});
            let first = format!("{lang}/sections/{section}/1.json");
            let mut page = read(api, &first);
            page["items"]
                .as_array_mut()
                .unwrap()
                .insert(0, summary.clone());
            write(api, &first, &page);
            let mut front = read(api, &format!("{lang}/front.json"));
            front["top"].as_array_mut().unwrap().insert(0, summary);
            write(api, &format!("{lang}/front.json"), &front);
        }
        Op::Correct(n) => {
            let slug = pick(*n);
            let path = format!("{lang}/articles/{slug}.json");
            let mut story = read(api, &path);
            let title = format!("Corrected: {}", story["title"].as_str().unwrap());
            story["title"] = json!(title);
            story["updated_at"] = json!("2026-11-26T11:45:00+04:00");
            write(api, &path, &story);
            for listing in listings(api, lang) {
                let mut doc = read(api, &listing);
                let mut changed = false;
                for_each_list(&mut doc, |items| {
                    for item in items.iter_mut().filter(|i| i["slug"] == json!(slug)) {
                        item["title"] = json!(title);
                        changed = true;
                    }
                });
                if changed {
                    write(api, &listing, &doc);
                }
            }
        }
        Op::TakeDown(n) => {
            let slug = pick(*n);
            std::fs::remove_file(api.join(format!("{lang}/articles/{slug}.json"))).unwrap();
            unlist(api, lang, &slug);
        }
        Op::Move(n) => {
            let slug = pick(*n);
            let path = format!("{lang}/articles/{slug}.json");
            let mut story = read(api, &path);
            let site = read(api, &format!("{lang}/site.json"));
            let sections = site["sections"].as_array().unwrap();
            let at = sections
                .iter()
                .position(|s| s["slug"] == story["section"]["slug"])
                .unwrap_or(0);
            let to = &sections[(at + 1) % sections.len()];
            story["section"] = json!({"slug": to["slug"], "title": to["title"]});
            write(api, &path, &story);
            unlist(api, lang, &slug);
            let first = format!("{lang}/sections/{}/1.json", to["slug"].as_str().unwrap());
            let mut page = read(api, &first);
            let summary = json!({"slug": slug, "title": story["title"], "section": story["section"],
                                 "published_at": story["published_at"]});
            page["items"].as_array_mut().unwrap().insert(0, summary);
            write(api, &first, &page);
        }
        Op::Rename => {
            let path = format!("{lang}/site.json");
            let mut site = read(api, &path);
            site["name"] = json!(format!("Renamed {serial}"));
            write(api, &path, &site);
        }
    }
}

/// The slugs of every story the edition's search index finds for `q`.
fn found(dist: &Path, lang: &str, q: &str, typos: &Typos) -> BTreeSet<String> {
    let folder = dist.join("search").join(lang);
    let entry = Entry::decode(&std::fs::read(folder.join(ENTRY)).unwrap()).unwrap();
    let mut have: HashMap<String, Vec<u8>> = HashMap::new();
    loop {
        match search(&entry, &have, typos, q, 0, usize::MAX / 2) {
            Step::Done(found) => {
                return found
                    .ids
                    .iter()
                    .map(|&id| {
                        let file = &have[&story_name(id)];
                        serde_json::from_slice::<IndexedArticle>(file)
                            .map_or_else(|_| format!("#{id}, without its story file"), |f| f.slug)
                    })
                    .collect();
            }
            Step::Fetch(names) => {
                for n in names {
                    let file = std::fs::read(folder.join(&n)).unwrap_or_default();
                    have.insert(n, file);
                }
            }
        }
    }
}

/// The search indexes of two sites find the same stories for every story's title and
/// title word
/// (their files differ: a published one has a recent segment, and its own ids).
fn assert_same_search(published: &Path, clean: &Path) {
    let typos = Typos::default();
    for lang in ["en", "ru", "hy"] {
        let titles: BTreeSet<String> = files(&clean.join("search").join(lang).join("s"))
            .values()
            .map(|f| serde_json::from_slice::<IndexedArticle>(f).unwrap().title)
            .collect();
        assert!(
            !titles.is_empty(),
            "{lang}: the clean build indexed its stories"
        );
        // Each title, and each of their words alone (a story taken down shares some).
        let words: BTreeSet<String> = titles
            .iter()
            .flat_map(|t| t.split_whitespace().map(str::to_string))
            .collect();
        for title in titles.into_iter().chain(words) {
            let q = format!("{title} ");
            let (a, b) = (
                found(published, lang, &q, &typos),
                found(clean, lang, &q, &typos),
            );
            assert_eq!(a, b, "{lang}: {q:?} finds other stories when published");
        }
    }
}

fn assert_same_site(published: &Path, clean: &Path) {
    assert_same_search(published, clean);
    let not_search = |mut all: BTreeMap<String, Vec<u8>>| {
        all.retain(|path, _| !path.starts_with("search/"));
        all
    };
    let (a, b) = (not_search(files(published)), not_search(files(clean)));
    let only_a: Vec<_> = a.keys().filter(|k| !b.contains_key(*k)).collect();
    let only_b: Vec<_> = b.keys().filter(|k| !a.contains_key(*k)).collect();
    assert!(
        only_a.is_empty() && only_b.is_empty(),
        "only published: {only_a:?}; only clean: {only_b:?}"
    );
    for (path, bytes) in &a {
        assert!(bytes == &b[path], "{path} differs from a clean build's");
    }
}

#[test]
fn a_second_run_on_an_unchanged_tree_rewrites_nothing() {
    let api = tree("unchanged", 20);
    let dist = temp_dir("unchanged-dist");
    let first = build(&dist, &api);
    assert!(first.problems.is_empty(), "{:?}", first.problems);
    assert_eq!(first.rendered, first.pages + first.older_pages);
    assert!(
        first.older_pages > 0,
        "the demo's live stories have older pages"
    );
    let again = build(&dist, &api);
    assert_eq!(again.pages, first.pages);
    assert_eq!(again.rendered, 0, "no page rewritten");
    assert!(again.changes.is_empty(), "{:?}", again.changes);
    assert_eq!(again.documents_read, 0, "every story known by its stamp");
    assert!(first.listings_read > 0, "the tree has later feed pages");
    assert_eq!(again.listings_read, 0, "every feed page known by its stamp");
}

#[test]
fn publishing_one_story_renders_its_pages_and_no_other_story() {
    let api = tree("one", 20);
    let dist = temp_dir("one-dist");
    build(&dist, &api);
    apply(&api, &Op::Publish(3), 0);
    let report = build(&dist, &api);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    // Pages, not counting a live story's older pages (the story copied may be one).
    let pages: Vec<&String> = report
        .changes
        .iter()
        .filter(|c| c.ends_with("index.html") && !c.contains("/updates/"))
        .collect();
    // The story and its card, its section's page and headlines widget, the front page.
    assert_eq!(
        pages.iter().filter(|c| c.contains("/breaking-0/")).count(),
        2,
        "{pages:?}"
    );
    assert!(
        pages
            .iter()
            .any(|c| c.contains("embed/article/") && c.contains("/breaking-0/")),
        "{pages:?}"
    );
    assert!(
        pages.iter().any(|c| c.contains("embed/section/")),
        "{pages:?}"
    );
    assert_eq!(pages.len(), 5, "{pages:?}");
    assert_eq!(report.documents_read, 1, "only the new story is read");
    assert!(report.changes.iter().any(|c| c.starts_with("+ sitemaps/")));
    let gone = Op::TakeDown(0);
    let slug = slugs(&api, "ru")[0].clone();
    apply(&api, &gone, 1);
    let report = build(&dist, &api);
    assert!(
        report
            .changes
            .iter()
            .any(|c| c.starts_with("- ru/") && c.contains(&format!("/{slug}/"))),
        "{:?}",
        report.changes
    );
}

#[test]
fn a_document_changed_renders_exactly_the_pages_that_read_it() {
    let api = tree("reads", 20);
    let dist = temp_dir("reads-dist");
    build(&dist, &api);
    // The Russian edition renamed (`apply` picks the edition by the serial: 1 is ru).
    apply(&api, &Op::Rename, 1);
    let report = build(&dist, &api);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    let pages = pages_written(&report);
    let english_sections = read(&api, "en/site.json")["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| format!("{}/index.html", s["slug"].as_str().unwrap()))
        .collect::<Vec<_>>();
    // An English section page has the edition switch, which reads every edition's site.
    for section in &english_sections {
        assert!(pages.contains(&section.as_str()), "{section}: {pages:?}");
    }
    // Every Russian page names the site; no English story page reads the Russian site.
    let russian_stories = slugs(&api, "ru");
    for slug in &russian_stories {
        assert!(
            pages
                .iter()
                .any(|p| p.starts_with("ru/") && p.contains(&format!("/{slug}/"))),
            "{slug}: {pages:?}"
        );
    }
    for slug in slugs(&api, "en") {
        assert!(
            !pages.iter().any(|p| p.contains(&format!("/{slug}/"))),
            "{slug} was rendered again: {pages:?}"
        );
    }
    let clean = temp_dir("reads-clean");
    build(&clean, &api);
    assert_same_site(&dist, &clean);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 5, ..ProptestConfig::default() })]

    #[test]
    fn any_sequence_of_publishing_equals_a_clean_build(
        ops in prop::collection::vec(
            prop_oneof![
                (0usize..100).prop_map(Op::Publish),
                (0usize..100).prop_map(Op::Correct),
                (0usize..100).prop_map(Op::TakeDown),
                (0usize..100).prop_map(Op::Move),
                Just(Op::Rename),
            ],
            1..5,
        ),
        runs_between in prop::collection::vec(any::<bool>(), 5),
    ) {
        let api = tree("seq", 30);
        let published = temp_dir("seq-published");
        build(&published, &api);
        for (i, op) in ops.iter().enumerate() {
            apply(&api, op, i);
            // Some changes are published one by one, some together.
            if runs_between[i] {
                build(&published, &api);
            }
        }
        build(&published, &api);
        let clean = temp_dir("seq-clean");
        build(&clean, &api);
        assert_same_site(&published, &clean);
        std::fs::remove_dir_all(&published).unwrap();
        std::fs::remove_dir_all(&clean).unwrap();
        std::fs::remove_dir_all(&api).unwrap();
    }
}

/// The pages a run wrote (added or rewritten).
fn pages_written(report: &newsfront_publish::Report) -> Vec<&str> {
    report
        .changes
        .iter()
        .filter_map(|c| c.strip_prefix("+ "))
        .filter(|c| c.ends_with("index.html"))
        .collect()
}

/// A live story's new post (issue #30) is an ordinary publish: the story's page (and its
/// card) in each edition, no other page, and the newest posts handed over in it.
#[test]
fn a_live_post_renders_only_the_live_story() {
    let api = tree("live", 20);
    let dist = temp_dir("live-dist");
    build(&dist, &api);
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_demo-gen"))
        .args(["--live-update", "--step", "1", "--out"])
        .arg(&api)
        .status()
        .unwrap();
    assert!(status.success());
    let report = build(&dist, &api);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    let pages = pages_written(&report);
    let live: Vec<String> = ["en", "ru", "hy"]
        .iter()
        .map(|lang| read(&api, &format!("{lang}/front.json"))["top"][0]["slug"].clone())
        .map(|s| format!("/{}/", s.as_str().unwrap()))
        .collect();
    // Each live story's page and card, and its older pages (which show the corrections
    // and take-downs of its newest page, so they go with it).
    for slug in &live {
        let (older, own): (Vec<&str>, Vec<&str>) = pages
            .iter()
            .filter(|p| p.contains(slug.as_str()))
            .partition(|p| p.contains("/updates/"));
        assert_eq!(own.len(), 2, "{slug}: {pages:?}");
        assert!(older.len() >= 10, "{slug}: {older:?}");
    }
    assert!(
        pages
            .iter()
            .all(|p| live.iter().any(|s| p.contains(s.as_str()))),
        "{pages:?}"
    );
    assert_eq!(report.documents_read, 3, "the three live stories");
    let section = read(&api, "en/front.json")["top"][0]["section"]["slug"].clone();
    let page = std::fs::read_to_string(dist.join(format!(
        "{}{}index.html",
        section.as_str().unwrap(),
        live[0]
    )))
    .unwrap();
    let latest = read(&api, &format!("en/live{}latest.json", live[0]));
    let newest = latest["posts"][0]["id"].as_str().unwrap();
    assert!(page.contains(&format!("id=\"post-{newest}\"")));
    // Its next page has a page of its own, linked from the story (without scripts).
    let next = latest["next"].as_str().unwrap().trim_end_matches(".json");
    let older = format!("{}{}updates/{next}", section.as_str().unwrap(), live[0]);
    assert!(page.contains(&format!("href=\"{older}\"")), "{older}");
    assert!(dist.join(&older).join("index.html").exists());
}
