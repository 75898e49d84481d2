//! Where the pre-render step reads the API tree: a folder (the bundled demo, or a
//! newsroom's static export) or an HTTP(S) base URL.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::PathBuf;

enum Place {
    Dir(PathBuf),
    Http(String),
}

pub struct ApiReader {
    place: Place,
    /// Every page reads its site.json and feed again: each document is read once.
    read: RefCell<HashMap<String, Option<String>>>,
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
            read: RefCell::default(),
        }
    }

    /// The document at `path` below the API base (`en/site.json`).
    pub fn read(&self, path: &str) -> Option<String> {
        // The path comes from the tree itself (`next` links): never leave the base.
        if path.split('/').any(|s| s == ".." || s.is_empty()) {
            return None;
        }
        if let Some(known) = self.read.borrow().get(path) {
            return known.clone();
        }
        let text = self.fetch(path);
        self.read
            .borrow_mut()
            .insert(path.to_string(), text.clone());
        text
    }

    fn fetch(&self, path: &str) -> Option<String> {
        match &self.place {
            Place::Dir(dir) => std::fs::read_to_string(dir.join(path)).ok(),
            Place::Http(base) => ureq::get(&format!("{base}{path}"))
                .call()
                .ok()?
                .body_mut()
                .read_to_string()
                .ok(),
        }
    }
}
