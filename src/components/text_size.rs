//! A- / A+: the article text size, in bounded steps. At either end the button is
//! disabled and its label says why.

use leptos::prelude::*;
use stylers::style;

use crate::state::{Reader, TEXT_STEPS};

#[component]
pub fn TextSize() -> impl IntoView {
    let class = style! {
        .text-size {
            display: inline-flex;
            gap: 0.25rem;
        }
        button {
            min-width: 44px;
            min-height: 44px;
            border: 1px solid var(--rule);
            border-radius: 6px;
            background: var(--bg);
            color: var(--text);
            font-family: var(--font-ui);
            font-weight: 700;
            cursor: pointer;
        }
    };
    let reader = Reader::get();
    let t = move || reader.text();
    let step = reader.text_step;
    let at_min = move || step.get() == 0;
    let at_max = move || step.get() + 1 >= TEXT_STEPS;
    // How a disabled button looks is in style/base.css, from the text step on <html>.
    view! { class = class,
        <div class="text-size no-print needs-script" role="group" aria-label=move || t().text_size>
            // The visible "A-" stays in the accessible name (WCAG 2.5.3); the words after
            // it say what the button does, or why it is disabled.
            <button type="button" class="smaller" disabled=at_min
                title=move || if at_min() { t().text_smallest } else { t().text_smaller }
                on:click=move |_| step.update(|s| *s = s.saturating_sub(1))>
                "A-"
                <span class="visually-hidden">
                    {move || if at_min() { t().text_smallest } else { t().text_smaller }}
                </span>
            </button>
            <button type="button" class="larger" disabled=at_max
                title=move || if at_max() { t().text_largest } else { t().text_larger }
                on:click=move |_| step.update(|s| *s = (*s + 1).min(TEXT_STEPS - 1))>
                "A+"
                <span class="visually-hidden">
                    {move || if at_max() { t().text_largest } else { t().text_larger }}
                </span>
            </button>
        </div>
    }
}
