//! Where the pre-render step reads the API tree: a folder (the bundled demo, or a
//! newsroom's static export) or an HTTP(S) base URL.

use std::path::PathBuf;

pub enum Source {
    Dir(PathBuf),
    Http(String),
}

impl Source {
    pub fn new(arg: &str) -> Source {
        if arg.starts_with("http://") || arg.starts_with("https://") {
            let mut base = arg.to_string();
            if !base.ends_with('/') {
                base.push('/');
            }
            Source::Http(base)
        } else {
            Source::Dir(PathBuf::from(arg))
        }
    }

    /// The document at `path` below the API base (`en/site.json`).
    pub fn read(&self, path: &str) -> Option<String> {
        // The path comes from the tree itself (`next` links): never leave the base.
        if path.split('/').any(|s| s == ".." || s.is_empty()) {
            return None;
        }
        match self {
            Source::Dir(dir) => std::fs::read_to_string(dir.join(path)).ok(),
            Source::Http(base) => ureq::get(&format!("{base}{path}"))
                .call()
                .ok()?
                .body_mut()
                .read_to_string()
                .ok(),
        }
    }
}
