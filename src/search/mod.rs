//! Search: the engine (`fold`, `index`), which has no view code and is tested natively,
//! and the messages (`protocol`) between the page and the Web Worker it runs in
//! (`worker`). The page's side is `crate::search_client`.

pub mod fold;
pub mod index;
pub mod protocol;
pub mod worker;
