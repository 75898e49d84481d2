//! "3 new stories": offered when a list the reader is looking at has news the page does
//! not show yet (`browser::freshness`). It floats at the top of the window, so its
//! coming moves nothing; the stories go in only when the reader asks, and the reader is
//! then taken to them.

use leptos::prelude::*;
use stylers::style;

use crate::logic::i18n;
use crate::state::Reader;

#[component]
pub fn NewStories(
    /// How many stories are waiting.
    #[prop(into)]
    count: Signal<usize>,
    /// Puts them in.
    on_show: Callback<()>,
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
    };
    let reader = Reader::get();
    let show = move |_| {
        on_show.run(());
        window().scroll_to_with_x_and_y(0.0, 0.0);
        let main = document()
            .get_element_by_id("main")
            .and_then(|m| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(m).ok());
        if let Some(main) = main {
            let _ = main.focus();
        }
    };
    view! { class = class,
        <div role="status" aria-live="polite">
            {move || (count.get() > 0).then(|| view! { class = class,
                <button type="button" class="button new-stories" on:click=show>
                    {i18n::new_stories(reader.edition.get(), count.get())}
                </button>
            })}
        </div>
    }
}
