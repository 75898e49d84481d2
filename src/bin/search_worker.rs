//! The search Web Worker: a second Wasm module that Trunk builds (`data-type="worker"`
//! in index.html), loaded only when the reader first opens search.

fn main() {
    newsfront::search::worker::run();
}
