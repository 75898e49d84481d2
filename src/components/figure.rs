//! A photo with its caption and credit.

use leptos::prelude::*;
use stylers::style;

use crate::components::picture::Picture;
use newsfront_core::contract::Image;

#[component]
pub fn Figure(
    image: Image,
    /// The hero image is the page's largest paint: load it first, not lazily.
    #[prop(optional)]
    eager: bool,
) -> impl IntoView {
    // Captions follow the story's text size (A+/A-): 0.875rem at the default step.
    let class = style! {
        figure {
            margin: 1.5rem 0;
        }
        figcaption {
            margin-top: 0.5rem;
            font-size: 77.78%;
            color: var(--muted);
            line-height: 1.4;
        }
        .credit {
            margin-left: 0.5rem;
            font-style: italic;
        }
    };
    let caption = image.caption.clone();
    let credit = image.credit.clone();
    let has_caption = caption.is_some() || credit.is_some();
    view! { class = class,
        <figure>
            // The story's column: 42rem of text width, less the page's margins below it.
            <Picture image sizes="(min-width: 44rem) 42rem, calc(100vw - 2rem)" eager=eager/>
            {has_caption.then(|| view! { class = class,
                <figcaption>
                    {caption}
                    {credit.map(|c| view! { class = class, <span class="credit">{c}</span> })}
                </figcaption>
            })}
        </figure>
    }
}
