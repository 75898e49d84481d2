//! Files below the built site: written whole or not at all, and removed with their
//! empty folders.
//!
//! Hand-written rather than `tempfile`'s `persist`: its files are made readable by
//! their owner only (0600), and a site's files must be readable by the web server.

use std::io::Write;
use std::path::Path;

use crate::Report;

/// The file of a page below the base (`""` is the front page).
pub fn output_of(path: &str) -> String {
    if path.is_empty() {
        "index.html".to_string()
    } else {
        format!("{path}/index.html")
    }
}

/// Writes `text` to `path` below `dist` whole or not at all (`write_atomic_with`).
pub fn write_atomic(dist: &Path, path: &str, text: impl AsRef<[u8]>) -> Result<(), String> {
    write_atomic_with(dist, path, |mut file| file.write_all(text.as_ref()))
}

/// Writes `path` below `dist` whole or not at all: `write` fills a file beside it, then
/// it is renamed over it, so a reader (or a failed run) never sees half a file.
pub fn write_atomic_with(
    dist: &Path,
    path: &str,
    write: impl FnOnce(std::fs::File) -> std::io::Result<()>,
) -> Result<(), String> {
    let target = dist.join(path);
    if let Some(dir) = target.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{path}: {e}"))?;
    }
    let name = target
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("file");
    let temp = target.with_file_name(format!(
        ".{name}.{}-{:?}.tmp",
        std::process::id(),
        std::thread::current().id()
    ));
    std::fs::File::create(&temp)
        .and_then(write)
        .and_then(|()| std::fs::rename(&temp, &target))
        .map_err(|e| {
            let _ = std::fs::remove_file(&temp);
            format!("{path}: {e}")
        })
}

/// Removes a file an earlier run wrote, and its folder when nothing else is in it.
pub fn remove_output(dist: &Path, path: &str, report: &mut Report) {
    let file = dist.join(path);
    if std::fs::remove_file(&file).is_ok() {
        report.changes.push(format!("- {path}"));
    }
    let mut dir = file.parent();
    while let Some(d) = dir.filter(|d| *d != dist) {
        if std::fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
}
