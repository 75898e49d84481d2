//! Stage 0, configure: what every later stage reads about the run, made once from the
//! options and the shell page.

use std::path::Path;

use newsfront::api::config::Config;
use newsfront_core::contract::paths;
use newsfront_core::logic::edition::Edition;

use crate::Options;
use crate::shell::{self, Shell};
use crate::source::ApiReader;
use crate::state::fingerprint;

pub struct Site<'a> {
    pub options: &'a Options,
    pub dist: &'a Path,
    pub shell: Shell,
    /// The shell with nothing filled in (the search pages are it).
    pub blank: String,
    /// `<base href>`: the path the site is served under (`/`, `/news/`).
    pub base_path: String,
    /// The app's configuration, as it would read it from this shell page at this
    /// origin; each page it renders is given it.
    pub config: Config,
    /// The site's public base URL (`https://news.example/`).
    pub public_base: String,
    /// The API's base URL as the app resolves it.
    pub api_base: String,
    /// The API's base relative to `<base href>` when it is below it: links into the
    /// API (images) are written so, like every other link within the site, so the same
    /// files serve from any host and sub-path (previews, tests); links meant to be
    /// shared stay absolute.
    pub api_local: Option<String>,
    /// Threads that render.
    pub threads: usize,
}

impl<'a> Site<'a> {
    pub fn open(options: &'a Options) -> Result<Site<'a>, String> {
        let dist = options.dist.as_path();
        let shell = Shell::open(dist)?;
        let blank = shell.page(&shell::Fill::default());
        let base_path = attribute(&blank, "<base href=\"").unwrap_or_else(|| "/".to_string());
        let api_meta = attribute(&blank, "<meta name=\"api-base\" content=\"").unwrap_or_default();
        let public_base = format!("{}{}", options.origin.trim_end_matches('/'), base_path);
        let config = Config::new(&public_base, &api_meta);
        let api_base = config.api_base().to_string();
        let api_local = api_base.strip_prefix(&public_base).map(str::to_string);
        let threads = match options.threads {
            0 => std::thread::available_parallelism().map_or(1, usize::from),
            n => n,
        };
        Ok(Site {
            options,
            dist,
            shell,
            blank,
            base_path,
            config,
            public_base,
            api_base,
            api_local,
            threads,
        })
    }

    /// A worker thread's reader of the API tree (readers cache per thread).
    pub fn thread_reader(&self) -> ApiReader {
        ApiReader::new(&self.options.api)
    }

    /// What every page is made with beside its own documents: the shell (and the app's
    /// file names in it), this program, the origin. The program is known by its file's
    /// size and time: a build writes it anew.
    pub fn renderer(&self) -> Result<String, String> {
        let program = std::env::current_exe()
            .and_then(std::fs::metadata)
            .map(|m| (m.len(), m.modified().ok()))
            .map_err(|e| format!("the pre-render program: {e}"))?;
        Ok(format!(
            "{:016x}",
            fingerprint(&(&self.blank, &program, &self.options.origin))
        ))
    }
}

/// The hash of a document's text, or of its absence.
pub fn text_hash(reader: &ApiReader, path: &str) -> Result<u64, String> {
    Ok(fingerprint(&reader.read(path)?))
}

/// The fingerprint every site-wide file's includes (sitemaps, feeds: this crate's own,
/// so their inputs are declared here): the renderer's (`Site::renderer`), and every
/// edition's `site.json`.
pub fn site_wide(reader: &ApiReader, renderer: &str) -> Result<u64, String> {
    let mut site_docs = Vec::new();
    for edition in Edition::ALL {
        site_docs.push(text_hash(reader, &paths::site(edition))?);
    }
    Ok(fingerprint(&(renderer, &site_docs)))
}

/// The content of `<tag attr="...">` in `html`: `<base href>`, `<meta name=api-base>`.
fn attribute(html: &str, before: &str) -> Option<String> {
    let start = html.find(before)? + before.len();
    let end = html[start..].find('"')?;
    Some(html[start..start + end].to_string())
}
