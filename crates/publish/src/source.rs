//! Where the pre-render step reads the API tree: a folder (the bundled demo, or a
//! newsroom's static export) or an HTTP(S) base URL.
//!
//! A document that is not there (no file, HTTP 404) is `Ok(None)`: the newsroom took it
//! down. Anything else that fails (a read error, a server error, no answer) is `Err`,
//! and the run stops before it changes the site: a publish must never take pages down
//! because the API did not answer.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

enum Place {
    Dir(PathBuf),
    Http(String),
}

/// What a document was when it was last read: if it is the same, the document is too
/// (the check a publish makes instead of reading every document again). A file's time
/// and size; over HTTP, the validators the server sent, which a conditional request
/// sends back (`ETag`, `Last-Modified`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Stamp {
    File {
        modified_ns: u64,
        size: u64,
    },
    /// Boxed: a state holds a stamp for every story, and most are files'.
    Http(Box<Validators>),
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Validators {
    pub etag: Option<Box<str>>,
    pub last_modified: Option<Box<str>>,
}

/// What `ApiReader::check` found.
pub enum Checked {
    /// The document is the one last read.
    Same,
    /// It changed (`None`: it is gone), with its new stamp.
    Read(Option<String>, Option<Stamp>),
}

/// Reads one tree; each thread of the step has its own.
pub struct ApiReader {
    place: Place,
    /// Documents every page reads again (`site.json`, feed pages), read once.
    kept: RefCell<HashMap<String, Option<String>>>,
    /// The last other document (an article is read for its head, then for its page).
    last: RefCell<Option<(String, Option<String>)>>,
    /// Folders of the tree, open, by path below it: their files are checked by name.
    folders: RefCell<HashMap<String, Option<rustix::fd::OwnedFd>>>,
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
            folders: RefCell::default(),
        }
    }

    /// How many documents to read at once with `cores`: over HTTP, many requests in
    /// flight (each mostly waits); from a folder, one per core.
    pub fn readers(&self, cores: usize) -> usize {
        match self.place {
            Place::Dir(_) => cores,
            Place::Http(_) => cores.max(16),
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

    /// The document at `path`, unless it is the one last read with `known`: a file
    /// whose stamp is `known` and that `trust` trusts (it may have changed within the
    /// same clock tick), or what a server answers 304 Not Modified for.
    pub fn check(
        &self,
        path: &str,
        known: Option<&Stamp>,
        trust: impl Fn(&Stamp) -> bool,
    ) -> Result<Checked, String> {
        match &self.place {
            Place::Dir(dir) => {
                let stamp = Self::safe(path)
                    .then(|| self.file_stamp(dir, path))
                    .flatten();
                if stamp.is_some() && stamp.as_ref() == known && known.is_some_and(trust) {
                    return Ok(Checked::Same);
                }
                Ok(Checked::Read(self.read(path)?, stamp))
            }
            Place::Http(base) => {
                if !Self::safe(path) {
                    return Ok(Checked::Read(None, None));
                }
                let mut request = ureq::get(&format!("{base}{path}"));
                if let Some(Stamp::Http(v)) = known {
                    let Validators {
                        etag,
                        last_modified,
                    } = &**v;
                    if let Some(v) = etag {
                        request = request.header("If-None-Match", &**v);
                    }
                    if let Some(v) = last_modified {
                        request = request.header("If-Modified-Since", &**v);
                    }
                }
                let mut response = match request.call() {
                    Ok(r) => r,
                    Err(ureq::Error::StatusCode(404 | 410)) => {
                        return Ok(Checked::Read(None, None));
                    }
                    Err(e) => return Err(format!("{path}: {e}")),
                };
                if response.status() == 304 {
                    return Ok(Checked::Same);
                }
                let header = |name: &str| -> Option<Box<str>> {
                    Some(response.headers().get(name)?.to_str().ok()?.into())
                };
                let (etag, last_modified) = (header("etag"), header("last-modified"));
                let stamp = (etag.is_some() || last_modified.is_some()).then(|| {
                    Stamp::Http(Box::new(Validators {
                        etag,
                        last_modified,
                    }))
                });
                let text = response
                    .body_mut()
                    .read_to_string()
                    .map_err(|e| format!("{path}: {e}"))?;
                Ok(Checked::Read(Some(text), stamp))
            }
        }
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

impl ApiReader {
    /// A file's time and size; `None` when it is not there. Checked by name in its
    /// folder, kept open: a story's file is one of an archive's in the same folder.
    fn file_stamp(&self, dir: &Path, path: &str) -> Option<Stamp> {
        use rustix::fs::{AtFlags, Mode, OFlags};
        let (folder, name) = path.rsplit_once('/').unwrap_or(("", path));
        let mut folders = self.folders.borrow_mut();
        if !folders.contains_key(folder) {
            let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC;
            let open = rustix::fs::open(dir.join(folder), flags, Mode::empty()).ok();
            folders.insert(folder.to_string(), open);
        }
        let handle = folders.get(folder)?.as_ref()?;
        let stat = rustix::fs::statat(handle, name, AtFlags::empty()).ok()?;
        let seconds = u64::try_from(stat.st_mtime).ok()?;
        // Nanoseconds of a second: 0 to 999,999,999 (a signed type on some systems).
        let nanos = stat.st_mtime_nsec as u64;
        Some(Stamp::File {
            modified_ns: seconds.checked_mul(1_000_000_000)?.checked_add(nanos)?,
            size: u64::try_from(stat.st_size).ok()?,
        })
    }
}
