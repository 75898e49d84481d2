//! Pre-renders every page of an API tree into a built site (see `newsfront::prerender`).
//!
//! `prerender [--dist DIR] [--api DIR|URL] [--origin URL] [--now RFC3339]`
//!
//! Defaults: `--dist` is Trunk's staging folder when run as its hook, else `dist`;
//! `--api` is the demo copy in the build (`DIST/api`); `--origin` is `$SITE_ORIGIN`,
//! else `http://localhost:8080` (where `scripts/serve.sh` serves).

use std::path::PathBuf;
use std::process::ExitCode;

use newsfront::logic::dates::Timestamp;
use newsfront::prerender::{Options, run};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut dist =
        std::env::var("TRUNK_STAGING_DIR").map_or_else(|_| PathBuf::from("dist"), PathBuf::from);
    let mut api = None;
    let mut origin =
        std::env::var("SITE_ORIGIN").unwrap_or_else(|_| "http://localhost:8080".to_string());
    let mut now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    while let Some(flag) = args.next() {
        let Some(value) = args.next() else {
            eprintln!("{flag} needs a value");
            return ExitCode::from(2);
        };
        match flag.as_str() {
            "--dist" => dist = PathBuf::from(value),
            "--api" => api = Some(value),
            "--origin" => origin = value,
            "--now" => match Timestamp::parse(&value) {
                Some(t) => now = t.unix(),
                None => {
                    eprintln!("--now wants an RFC 3339 time");
                    return ExitCode::from(2);
                }
            },
            _ => {
                eprintln!("unknown option {flag}");
                return ExitCode::from(2);
            }
        }
    }
    let api = api.unwrap_or_else(|| dist.join("api").to_string_lossy().into_owned());
    let options = Options {
        dist,
        api,
        origin,
        now,
    };
    match run(&options) {
        Ok(report) => {
            for problem in &report.problems {
                eprintln!("prerender: left out {problem}");
            }
            println!(
                "prerender: {} pages ({} articles, {:.1} KB per article page on average, {:.1} KB at most), {} RSS feeds, in {:.2} s",
                report.pages,
                report.articles,
                report.article_bytes_total as f64 / report.articles.max(1) as f64 / 1024.0,
                report.article_bytes_max as f64 / 1024.0,
                report.feeds,
                report.seconds
            );
            if report.pages == 0 {
                eprintln!("prerender: no page could be rendered");
                return ExitCode::FAILURE;
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("prerender: {e}");
            ExitCode::FAILURE
        }
    }
}
