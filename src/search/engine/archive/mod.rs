//! The archive index: an edition's search index as many small files, so that a query
//! fetches kilobytes of an archive of any size (after Pagefind's, which splits its
//! words by range). Below `search/{lang}/` in the built site:
//!
//! - `entry.bin`, the one file with a fixed name (revalidated, not cached for long):
//!   how many story ids there are, and the three directories below, each a list of
//!   (first key, file hash) in key order;
//! - `p{hash}.bin`, postings: the words of a range, each with the stories that have it
//!   anywhere, in the title and in the lead (`codec::put_ids`);
//! - `w{hash}.bin`, word lists: the words of a range with how many stories have each,
//!   for the completions of a word being typed;
//! - `t{hash}.bin`, typo lists: the words by a key a mistyped word shares with them
//!   (`typo_keys`), for the candidates of a word that matches nothing;
//! - `s/{id}.json`, a story: what a result shows;
//! - `v/{id}.txt`, a story's words (to look for a prefix within a few stories).
//!
//! A story's id says how new it is: ids are given in order of publication, so the
//! ranking's recency needs no data of its own. Every file but the entry and the
//! stories is named by its content and never changes.

#[cfg(not(target_arch = "wasm32"))]
pub mod build;
pub mod codec;
pub mod layout;
pub mod query;
