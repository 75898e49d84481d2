//! What the reader sees if the app crashes: a message and a reload link, in the
//! edition's language. It waits hidden in the page; `public/crash.js` shows it, since a
//! crashed Wasm module can run nothing (release builds abort on a panic, with no hook).

use leptos::prelude::*;

use crate::state::Reader;

#[component]
pub fn CrashNotice() -> impl IntoView {
    let reader = Reader::get();
    view! {
        <div id="crash" role="alert" hidden>
            <p>{move || reader.text().crashed}</p>
            <a href="">{move || reader.text().reload}</a>
        </div>
    }
}
