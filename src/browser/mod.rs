//! Browser glue that is not one feature's: the address and navigation (`router`),
//! scroll positions across Back and Forward, stored preferences, "the end of a list is
//! near" for lists that load more as the reader scrolls, the machine of such lists,
//! looking again for news while the reader reads, and the browser's decoder of named
//! character references (for the sanitiser).

pub mod freshness;
pub mod near_end;
pub mod paged_list;
// Natively the sanitiser has the whole table.
#[cfg(target_arch = "wasm32")]
pub mod references;
pub mod router;
pub mod scroll_memory;
