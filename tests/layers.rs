//! The app's folders depend one way (the README's map): a folder may use only those
//! below it in `LAYERS`. Between crates the compiler keeps the order; inside the app's
//! crate this test does.

use std::path::Path;

/// Lowest first; folders on one line do not use each other.
const LAYERS: &[&[&str]] = &[
    &["api"],
    &["state", "takeover"],
    &["browser"],
    &["components"],
    &["pages", "search", "widget"],
    &["app"],
];

fn layer(folder: &str) -> usize {
    LAYERS
        .iter()
        .position(|l| l.contains(&folder))
        .unwrap_or_else(|| panic!("src/{folder} is in no layer: add it to LAYERS"))
}

/// Every `crate::name` a file names, in code and in comments' paths alike.
fn uses(text: &str) -> Vec<String> {
    text.match_indices("crate::")
        .map(|(i, m)| {
            text[i + m.len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect()
        })
        .collect()
}

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_folder_uses_one_above_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let mut wrong = Vec::new();
    for path in all {
        let rel = path.strip_prefix(&src).unwrap();
        let mut parts = rel.iter();
        let first = parts.next().unwrap().to_str().unwrap();
        // Top-level files (lib.rs, main.rs) and the binaries' entries sit above it all.
        if (parts.next().is_none() && first.ends_with(".rs")) || first == "bin" {
            continue;
        }
        let folder = first.trim_end_matches(".rs");
        let text = std::fs::read_to_string(&path).unwrap();
        for used in uses(&text) {
            if used != folder && layer(&used) >= layer(folder) {
                wrong.push(format!("{}: uses crate::{used}", rel.display()));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports up or across a layer:\n{}",
        wrong.join("\n")
    );
}
