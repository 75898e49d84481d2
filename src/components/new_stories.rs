//! "3 new stories" (or a live story's "3 new updates"): offered when a list the reader
//! is looking at has news the page does not show yet (`browser::freshness`). It floats
//! at the top of the window, so its coming moves nothing; the stories go in only when
//! the reader asks, and the reader is then taken to them.

use leptos::prelude::*;
use stylers::style;

use crate::state::Reader;
use newsfront_core::logic::edition::Edition;
use newsfront_core::logic::i18n;

/// The control for `count` stories waiting; `on_show` puts them in, and the reader is
/// taken to the top of the page.
pub fn new_stories(count: RwSignal<usize>, on_show: Callback<()>) -> impl IntoView {
    new_items(count, on_show, i18n::new_stories, "main")
}

/// The control for `count` items waiting, labelled by `label`; `on_show` puts them in,
/// and the reader is taken to the element `to` (which takes focus). A plain function,
/// not a component: the props machinery cost more of the bundle than the control.
pub fn new_items(
    count: RwSignal<usize>,
    on_show: Callback<()>,
    label: fn(Edition, usize) -> String,
    to: &'static str,
) -> impl IntoView {
    let class = style! {
        .new-stories {
            position: fixed;
            top: 0.75rem;
            left: 50%;
            transform: translateX(-50%);
            z-index: 20;
            box-shadow: 0 2px 10px rgba(0, 0, 0, 0.25);
            border-radius: 999px;
        }
        .new-stories[hidden] {
            display: none;
        }
    };
    let reader = Reader::get();
    let show = move |_| {
        count.set(0);
        on_show.run(());
        // Once the stories are in (the list renders in a later task).
        // Focus first: it scrolls the main region's top to the window's.
        request_animation_frame(move || {
            if let Some(target) = document().get_element_by_id(to) {
                let target = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(target);
                let _ = target.focus();
                if to != "main" {
                    target.scroll_into_view();
                    return;
                }
            }
            crate::browser::scroll_memory::to_top();
        });
    };
    // Always there, hidden while nothing waits: no view to build or drop as news comes.
    view! { class = class,
        <div role="status" aria-live="polite">
            <button type="button" class="button new-stories" hidden=move || count.get() == 0 on:click=show>
                {move || label(reader.edition.get(), count.get())}
            </button>
        </div>
    }
}
