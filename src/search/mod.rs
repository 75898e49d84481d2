//! Search: the engine (`engine`: folding, index, ranking, marking the matched words;
//! pure, tested natively), the Web Worker it runs in (`worker`), the page's side that
//! talks to the worker or to the backend's endpoint (`client`), and the views: the
//! header's overlay, the results page and a result.

pub mod client;
pub mod engine;
pub mod marked_text;
pub mod overlay;
pub mod result;
pub mod results_page;
pub mod worker;
