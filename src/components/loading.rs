//! The loading state: a short announced message over a placeholder of the right height,
//! so the page does not jump when the content arrives.

use leptos::prelude::*;
use stylers::style;

use crate::state::Reader;

#[component]
pub fn Loading(
    /// The height to reserve, as CSS (e.g. "60vh").
    #[prop(into, default = "12rem".to_string())]
    height: String,
) -> impl IntoView {
    let class = style! {
        .loading {
            display: flex;
            align-items: flex-start;
            padding-top: 1rem;
            color: var(--muted);
        }
    };
    let reader = Reader::get();
    view! { class = class,
        <div class="loading" role="status" aria-live="polite" style:min-height=height>
            {move || reader.text().loading}
        </div>
    }
}
