//! What the pre-render tests share: the shell page, a scratch folder, one run.

use std::path::{Path, PathBuf};

use newsfront_core::logic::dates::Timestamp;
use newsfront_publish::{Options, Report, run};

pub const ORIGIN: &str = "https://news.example";
pub const NOW: &str = "2026-11-26T12:00:00+04:00";

/// The parts of Trunk's page the step relies on.
pub const SHELL: &str = r#"<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <base href="/">
  <meta name="api-base" content="api/">
  <meta name="description" content="News from our newsroom.">
  <title>News</title>
  <script type="module" src="./start-0123456789abcdef.js"></script>
  <link rel="modulepreload" href="./newsfront-0123456789abcdef.js">
</head>
<body>
  <noscript>
    <p>This news site needs JavaScript to show its stories.</p>
  </noscript>
</body>
</html>
"#;

/// An empty folder of its own for one test.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("newsfront-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// What a build leaves for the pre-render step: the shell, and the files it copies as
/// they are that the step reads.
pub fn built_shell(dist: &Path) {
    std::fs::create_dir_all(dist).unwrap();
    std::fs::write(dist.join("404.html"), SHELL).unwrap();
    std::fs::write(
        dist.join("widget.js"),
        include_str!("../../../../public/widget.js"),
    )
    .unwrap();
}

/// Pre-renders the tree at `api` into `dist`: a built site there is brought up to date,
/// else one is made from the shell.
pub fn prerender(dist: &Path, api: &Path) -> Report {
    if !dist.join("404.html").exists() {
        built_shell(dist);
        std::fs::write(dist.join("robots.txt"), "User-agent: *\nAllow: /\n").unwrap();
    }
    run(&Options {
        dist: dist.to_path_buf(),
        api: api.to_string_lossy().into_owned(),
        origin: ORIGIN.to_string(),
        now: Timestamp::parse(NOW).unwrap().unix(),
        threads: 2,
    })
    .unwrap()
}
