//! What failed and a way to try again, shown in the place of the resource that failed.

use leptos::prelude::*;
use stylers::style;

use crate::api::ApiError;
use crate::state::Reader;

#[component]
pub fn ErrorBox(
    /// What could not be loaded, in the reader's language.
    what: Signal<&'static str>,
    error: ApiError,
    on_retry: Callback<()>,
) -> impl IntoView {
    let class = style! {
        .error {
            border: 1px solid var(--error-border);
            background: var(--error-bg);
            color: var(--text);
            padding: 1rem 1.25rem;
            border-radius: 6px;
            margin: 1rem 0;
        }
        .error p {
            margin: 0 0 0.75rem 0;
        }
        .why {
            color: var(--muted);
            font-size: 0.9375rem;
        }
    };
    let reader = Reader::get();
    let why = move || {
        let t = reader.text();
        match error {
            ApiError::Offline => t.why_offline.to_string(),
            ApiError::Timeout => t.why_timeout.to_string(),
            ApiError::Status(code) => format!("{} {code}.", t.why_status),
            ApiError::Decode => t.why_decode.to_string(),
        }
    };
    view! { class = class,
        <div class="error" role="alert">
            <p><strong>{move || what.get()}</strong></p>
            <p class="why">{why}</p>
            <button type="button" class="button" on:click=move |_| on_retry.run(())>
                {move || reader.text().retry}
            </button>
        </div>
    }
}
