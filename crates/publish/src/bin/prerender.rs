//! Pre-renders every page of an API tree into a built site (see `newsfront_publish`).
//!
//! Run on a built site, it publishes: only what changed in the API tree is rendered
//! again. Its options: `prerender --help` (`USAGE`). `--changes` lists the files this
//! run wrote and removed, below the site, for a deploy step to upload and purge.

use std::path::PathBuf;
use std::process::ExitCode;

use newsfront_core::logic::dates::Timestamp;
use newsfront_publish::{Options, cli, run};

const USAGE: &str = "\
prerender: pre-renders every page of an API tree into a built site; on a built site,
only what changed.

  --dist DIR       the built site (default: Trunk's staging folder as its hook, else dist)
  --api DIR|URL    the API tree (default: DIST/api, the demo copy)
  --origin URL     the site's public origin (default: $SITE_ORIGIN, else http://localhost:8080)
  --now RFC3339    the time the news sitemap counts from (default: now)
  --threads N      threads that render (default: one per core)
  --changes FILE   write the files written (+ path) and removed (- path) there
";

fn main() -> ExitCode {
    let mut dist =
        std::env::var("TRUNK_STAGING_DIR").map_or_else(|_| PathBuf::from("dist"), PathBuf::from);
    let mut api = None;
    let mut threads = 0;
    let mut changes: Option<PathBuf> = None;
    let mut origin =
        std::env::var("SITE_ORIGIN").unwrap_or_else(|_| "http://localhost:8080".to_string());
    let mut now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let parsed = cli::parse("prerender", USAGE, |name, p| {
        match name {
            "dist" => dist = cli::value(p)?,
            "api" => api = Some(cli::value(p)?),
            "origin" => origin = cli::value(p)?,
            "changes" => changes = Some(cli::value(p)?),
            "threads" => threads = cli::value(p)?,
            "now" => {
                let text: String = cli::value(p)?;
                now = Timestamp::parse(&text)
                    .ok_or("--now wants an RFC 3339 time")?
                    .unix();
            }
            _ => return Err(cli::unknown(name)),
        }
        Ok(())
    });
    if let Err(code) = parsed {
        return code;
    }
    let api = api.unwrap_or_else(|| dist.join("api").to_string_lossy().into_owned());
    let options = Options {
        dist,
        api,
        origin,
        now,
        threads,
    };
    match run(&options) {
        Ok(report) => {
            for problem in &report.problems {
                eprintln!("prerender: left out {problem}");
            }
            println!(
                "prerender: {} pages ({} articles) and {} partner widgets, {} older pages of live stories, {} rendered ({:.1} KB per article page at most), {} unchanged, {} documents read, {} later feed pages read, {} files written or removed, {} RSS feeds, {} sitemap files (at most {} URLs), {} stories indexed for search, in {:.2} s",
                report.pages,
                report.articles,
                report.widgets,
                report.older_pages,
                report.rendered,
                report.article_bytes_max as f64 / 1024.0,
                report.pages + report.older_pages - report.rendered,
                report.documents_read,
                report.listings_read,
                report.changes.len(),
                report.feeds,
                report.sitemaps,
                report.sitemap_max_urls,
                report.search_indexed,
                report.seconds
            );
            if let Some(kb) = peak_memory_kb() {
                println!("prerender: peak memory {:.0} MB", kb as f64 / 1024.0);
            }
            if let Some(file) = changes {
                let list: String = report.changes.iter().map(|c| format!("{c}\n")).collect();
                if let Err(e) = std::fs::write(&file, list) {
                    eprintln!("prerender: {}: {e}", file.display());
                    return ExitCode::FAILURE;
                }
            }
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

/// The most memory the process has held (Linux), for the publishing benchmark.
fn peak_memory_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
