//! Search in the app: the Web Worker the engine (`newsfront_core::search`) runs in
//! (`worker`), the page's side that talks to the worker or to the backend's endpoint
//! (`client`), and the views: the header's overlay, the results page and a result.

pub mod client;
pub mod marked_text;
pub mod overlay;
pub mod result;
pub mod results_page;
pub mod worker;
