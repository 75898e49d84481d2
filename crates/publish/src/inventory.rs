//! Stage 1, inventory: what each story the feeds list is, known by its file's stamp
//! from the last run or read (its head only).

use newsfront_core::contract::{ArticleHead, paths};
use newsfront_core::logic::edition::Edition;

use crate::Report;
use crate::parallel::parallel;
use crate::site::Site;
use crate::source::{ApiReader, Checked};
use crate::state::{Entry, Known, State, Story, fingerprint};
use crate::tree::{self, Tree};

/// What the listed stories are, as the next state's entries (sorted): a story whose
/// file has the stamp `previous` knows is taken from it, any other is read (its head
/// only: the page reads it whole). A story read again keeps its page's fingerprint,
/// so an unchanged page is not written again (over HTTP, every story is read).
pub fn inventory(
    site: &Site,
    reader: &ApiReader,
    tree: &Tree,
    previous: &mut State,
    report: &mut Report,
) -> Result<Vec<Entry>, String> {
    let threads = reader.readers(site.threads);
    let init = || site.thread_reader();
    enum Found {
        Known(usize),
        Read(Box<Known>, Option<String>),
        Missing,
    }
    let mut listed: Vec<(Edition, &str)> = tree
        .editions
        .iter()
        .flat_map(|e| tree.listed(e).map(move |slug| (e.edition, slug)))
        .collect();
    // Sorted as the old list is, each story finds its old record in one pass (and the
    // new list comes out sorted).
    listed.sort_unstable();
    let old = &previous.articles;
    let mut at = 0;
    let listed: Vec<(Edition, &str, Option<usize>)> = listed
        .into_iter()
        .map(|(edition, slug)| {
            while old
                .get(at)
                .is_some_and(|o| (o.edition, &*o.slug) < (edition, slug))
            {
                at += 1;
            }
            let found = old
                .get(at)
                .filter(|o| (o.edition, &*o.slug) == (edition, slug));
            (edition, slug, found.map(|_| at))
        })
        .collect();
    // In batches, so that what a batch found is not held for the whole archive.
    const BATCH: usize = 1 << 16;
    let mut entries: Vec<Entry> = Vec::with_capacity(listed.len());
    let mut moved: Vec<(usize, usize)> = Vec::new();
    for batch in listed.chunks(BATCH) {
        let old: &State = previous;
        let found: Vec<Result<Found, String>> =
            parallel(batch, threads, init, |reader, &(edition, slug, before)| {
                let path = paths::article(edition, slug);
                let known = before.and_then(|i| old.articles[i].known.stamp.as_ref());
                let (text, stamp) = match reader.check(&path, known, |s| old.trusts(s))? {
                    Checked::Same => return Ok(Found::Known(before.expect("a known story"))),
                    Checked::Read(text, stamp) => (text, stamp),
                };
                let Some(text) = text else {
                    return Ok(Found::Missing);
                };
                let decoded =
                    tree::decode::<ArticleHead>(&site.config, &text, &path).and_then(|a| {
                        if a.slug == slug {
                            Ok(a)
                        } else {
                            Err(format!(
                                "{path}: its slug is {:?}, not the one it is listed by",
                                a.slug
                            ))
                        }
                    });
                let known = Known {
                    stamp,
                    hash: fingerprint(&text),
                    page: before.and_then(|i| old.articles[i].known.page),
                    story: decoded.as_ref().ok().map(Story::of),
                };
                Ok(Found::Read(Box::new(known), decoded.err()))
            });
        for (&(edition, slug, _), found) in batch.iter().zip(found) {
            let path = || paths::article(edition, slug);
            let (slug, known) = match found? {
                Found::Missing => {
                    report.problems.push(format!("{}: not found", path()));
                    continue;
                }
                Found::Known(i) => {
                    let e = &mut previous.articles[i];
                    if e.known.story.is_none() {
                        report.problems.push(format!(
                            "{}: not the contract's JSON (unchanged since the last run)",
                            path()
                        ));
                    }
                    // Its slug is moved below: the old list stays sorted for `find`.
                    moved.push((entries.len(), i));
                    (Box::default(), std::mem::take(&mut e.known))
                }
                Found::Read(known, problem) => {
                    report.documents_read += 1;
                    report.problems.extend(problem);
                    (slug.into(), *known)
                }
            };
            entries.push(Entry {
                edition,
                slug,
                known,
            });
        }
    }
    for (entry, old) in moved {
        entries[entry].slug = std::mem::take(&mut previous.articles[old].slug);
    }
    // What is left of the old list: the stories read again or gone, for the removal
    // of their old pages.
    previous.articles.retain(|e| !e.slug.is_empty());
    previous.articles.shrink_to_fit();
    entries.sort_unstable_by(|a, b| (a.edition, &*a.slug).cmp(&(b.edition, &*b.slug)));
    Ok(entries)
}
