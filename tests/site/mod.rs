//! What the pre-render tests share: the shell page and a scratch folder.

use std::path::PathBuf;

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
