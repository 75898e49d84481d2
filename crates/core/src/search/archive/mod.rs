//! The archive index: an edition's search index as many small files, so that a query
//! fetches kilobytes of an archive of any size (after Pagefind's, which splits its
//! words by range). Below `search/{lang}/` in the built site:
//!
//! - `entry.bin`, the one file with a fixed name (revalidated, not cached for long):
//!   how many story ids there are, the ids masked in the base segment, and for each
//!   segment (`layout::Entry`) the directories of the pages below;
//! - `d{hash}.bin`, a directory page: the first key and name of some 90 files of a kind;
//! - `p{hash}.bin`, postings: the words of a range, each with the stories that have it
//!   anywhere, in the title and in the lead (`codec::put_ids`);
//! - `w{hash}.bin`, word lists: the words of a range with how many stories have each,
//!   for the completions of a word being typed;
//! - `t{hash}.bin`, typo lists: the words by a key a mistyped word shares with them
//!   (`typo_keys`, `near_key`), for a typo's candidates and for suggestions;
//! - `r/`, the recent segment's files of those kinds (publishing rewrites them);
//! - `s/{id}.json`, a story: what a result shows, and where a prefix or typo with more
//!   candidates than a query reads is looked for among the best few stories;
//! - `v/{id}.txt`, a story's words (to index it again in the recent segment).
//!
//! A story's id says how new it is: ids are given in order of publication, so the
//! ranking's recency needs no data of its own. Every file but the entry and the
//! stories is named by its content and never changes.

pub mod build;
pub mod codec;
pub mod layout;
pub mod query;
