//! Where the pre-render step reads the API tree: a folder (the bundled demo, or a
//! newsroom's static export) or an HTTP(S) base URL.
//!
//! A document that is not there (no file, HTTP 404) is `Ok(None)`: the newsroom took it
//! down. Anything else that fails (a read error, a server error, no answer) is `Err`,
//! and the run stops before it changes the site: a publish must never take pages down
//! because the API did not answer.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::PathBuf;
use std::time::UNIX_EPOCH;

enum Place {
    Dir(PathBuf),
    Http(String),
}

/// What a file was when it was last read: if it is the same, the file is too (the
/// check a publish makes instead of reading every document again).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Stamp {
    pub modified_ns: u128,
    pub size: u64,
}

/// Reads one tree; each thread of the step has its own.
pub struct ApiReader {
    place: Place,
    /// Documents every page reads again (`site.json`, feed pages), read once.
    kept: RefCell<HashMap<String, Option<String>>>,
    /// The last other document (an article is read for its head, then for its page).
    last: RefCell<Option<(String, Option<String>)>>,
}

/// Whether a document is one many pages read, worth keeping after its first read:
/// `site.json`, `front.json` and the first page of each feed (not the archive's other
/// feed pages, read once each, nor the articles).
fn shared(path: &str) -> bool {
    path.ends_with("/site.json") || path.ends_with("/front.json") || path.ends_with("/1.json")
}

impl ApiReader {
    pub fn new(arg: &str) -> ApiReader {
        let place = if arg.starts_with("http://") || arg.starts_with("https://") {
            let mut base = arg.to_string();
            if !base.ends_with('/') {
                base.push('/');
            }
            Place::Http(base)
        } else {
            Place::Dir(PathBuf::from(arg))
        };
        ApiReader {
            place,
            kept: RefCell::default(),
            last: RefCell::default(),
        }
    }

    fn safe(path: &str) -> bool {
        // The path comes from the tree itself (`next` links): never leave the base.
        !path.split('/').any(|s| s == ".." || s.is_empty())
    }

    /// The document at `path` below the API base (`en/site.json`).
    pub fn read(&self, path: &str) -> Result<Option<String>, String> {
        if !Self::safe(path) {
            return Ok(None);
        }
        if let Some(known) = self.kept.borrow().get(path) {
            return Ok(known.clone());
        }
        if let Some((p, text)) = self.last.borrow().as_ref()
            && p == path
        {
            return Ok(text.clone());
        }
        let text = self.fetch(path)?;
        if shared(path) {
            self.kept
                .borrow_mut()
                .insert(path.to_string(), text.clone());
        } else {
            *self.last.borrow_mut() = Some((path.to_string(), text.clone()));
        }
        Ok(text)
    }

    /// The file's stamp, where the tree is a folder; `None` over HTTP or for a file
    /// that is not there.
    pub fn stamp(&self, path: &str) -> Option<Stamp> {
        let Place::Dir(dir) = &self.place else {
            return None;
        };
        if !Self::safe(path) {
            return None;
        }
        let meta = std::fs::metadata(dir.join(path)).ok()?;
        let modified_ns = meta
            .modified()
            .ok()?
            .duration_since(UNIX_EPOCH)
            .ok()?
            .as_nanos();
        Some(Stamp {
            modified_ns,
            size: meta.len(),
        })
    }

    fn fetch(&self, path: &str) -> Result<Option<String>, String> {
        match &self.place {
            Place::Dir(dir) => match std::fs::read_to_string(dir.join(path)) {
                Ok(text) => Ok(Some(text)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
                // Not UTF-8: not the contract's JSON, as if it were malformed.
                Err(e) if e.kind() == std::io::ErrorKind::InvalidData => Ok(Some(String::new())),
                Err(e) => Err(format!("{path}: {e}")),
            },
            Place::Http(base) => match ureq::get(&format!("{base}{path}")).call() {
                Ok(mut response) => response
                    .body_mut()
                    .read_to_string()
                    .map(Some)
                    .map_err(|e| format!("{path}: {e}")),
                Err(ureq::Error::StatusCode(404 | 410)) => Ok(None),
                Err(e) => Err(format!("{path}: {e}")),
            },
        }
    }
}
