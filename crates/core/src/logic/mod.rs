//! Pure logic the views and the pre-render step share, with no browser code: URI
//! references, the reader-facing URL scheme, editions, dates, interface text, share and
//! player links, paged lists and live stories' posts.

pub mod dates;
pub mod edition;
pub mod i18n;
pub mod live;
pub mod paged;
pub mod players;
pub mod routes;
pub mod share;
pub mod uri;
