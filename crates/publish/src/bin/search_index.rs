//! Builds the archive search index of every edition of an API tree into a built site,
//! alone (re-indexing, benchmarks); see `newsfront_publish::search`. Or runs
//! queries on one, natively, and prints what each fetched (for the benchmark).
//! Its options: `search-index --help` (`USAGE`).

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;

use newsfront_core::contract::IndexedArticle;
use newsfront_core::search::archive::layout::{ENTRY, Entry};
use newsfront_core::search::archive::query::{Step, Typos, search};
use newsfront_publish::cli;

fn run_queries(folder: PathBuf, queries: &str) -> Result<(), String> {
    let read = |name: &str| std::fs::read(folder.join(name)).map_err(|e| format!("{name}: {e}"));
    let entry = Entry::decode(&read(ENTRY)?).ok_or("the entry is not an index's")?;
    let typos = Typos::default();
    for q in queries.lines().filter(|l| !l.is_empty()) {
        // Each query starts with nothing fetched but the entry, as a first query does.
        let mut have: HashMap<String, Vec<u8>> = HashMap::new();
        let mut rounds: Vec<Vec<String>> = Vec::new();
        let found = loop {
            match search(&entry, &have, &typos, q, 0, 10) {
                Step::Done(found) => break found,
                Step::Fetch(names) => {
                    for n in &names {
                        // A file that is not there is empty: the query goes on.
                        have.insert(n.clone(), read(n).unwrap_or_default());
                    }
                    rounds.push(names);
                }
            }
        };
        let slugs: Vec<String> = found
            .ids
            .iter()
            .filter_map(|&id| {
                let file = have.get(&newsfront_core::search::archive::layout::story_name(id))?;
                Some(serde_json::from_slice::<IndexedArticle>(file).ok()?.slug)
            })
            .collect();
        let line =
            serde_json::json!({ "q": q, "slugs": slugs, "total": found.total, "rounds": rounds });
        println!("{line}");
    }
    Ok(())
}

const USAGE: &str = "\
search-index: builds the archive search index of every edition of an API tree into a
built site; or runs queries on one and prints what each fetched.

  search-index --api DIR|URL [--dist DIR] [--threads N]
  search-index --lang LANG --queries FILE [--dist DIR]

  --dist DIR       the built site (default: dist)
  --api DIR|URL    the API tree to index
  --threads N      threads that read stories (default: one per core)
  --lang LANG      the edition to query (en, ru, hy)
  --queries FILE   one query a line; prints a JSON line for each: the slugs found (best
                   first, 10) and the files fetched, by round
";

fn main() -> ExitCode {
    let (mut dist, mut api, mut lang, mut queries, mut threads) =
        (PathBuf::from("dist"), None, None, None::<String>, 0);
    let parsed = cli::parse("search-index", USAGE, |name, p| {
        match name {
            "dist" => dist = cli::value(p)?,
            "api" => api = Some(cli::value::<String>(p)?),
            "lang" => lang = Some(cli::value::<String>(p)?),
            "queries" => queries = Some(cli::value(p)?),
            "threads" => threads = cli::value(p)?,
            _ => return Err(cli::unknown(name)),
        }
        Ok(())
    });
    if let Err(code) = parsed {
        return code;
    }
    let threads = match threads {
        0 => std::thread::available_parallelism().map_or(1, usize::from),
        n => n,
    };
    let result = match (api, lang, queries) {
        (Some(api), None, None) => {
            let started = std::time::Instant::now();
            newsfront_publish::search::index(&dist, &api, threads).map(|editions| {
                for e in editions {
                    println!(
                        "search-index: {}: {} stories, {} files, {:.1} MB, in {:.1} s",
                        e.lang,
                        e.stories,
                        e.files,
                        e.bytes as f64 / 1e6,
                        started.elapsed().as_secs_f64()
                    );
                }
            })
        }
        (None, Some(lang), Some(file)) => std::fs::read_to_string(&file)
            .map_err(|e| format!("{file}: {e}"))
            .and_then(|text| run_queries(dist.join("search").join(lang), &text)),
        _ => Err("use --api to build, or --lang and --queries to query".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("search-index: {e}");
            ExitCode::FAILURE
        }
    }
}
