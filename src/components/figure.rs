//! An image with its caption and credit. Width and height reserve its space before it
//! loads.

use leptos::prelude::*;
use stylers::style;

use crate::contract::Image;

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
        img {
            display: block;
            width: 100%;
            height: auto;
            background: var(--placeholder);
            border-radius: 4px;
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
    // `sizes` means nothing (and is invalid HTML) without a `srcset`.
    let sizes = image
        .srcset
        .is_some()
        .then_some("(min-width: 760px) 720px, 100vw");
    view! { class = class,
        <figure>
            <img
                src=image.src
                srcset=image.srcset
                sizes=sizes
                alt=image.alt.clone().unwrap_or_default()
                width=image.width
                height=image.height
                loading=if eager { "eager" } else { "lazy" }
                fetchpriority=if eager { Some("high") } else { None }
                decoding="async"
            />
            {has_caption.then(|| view! { class = class,
                <figcaption>
                    {caption}
                    {credit.map(|c| view! { class = class, <span class="credit">{c}</span> })}
                </figcaption>
            })}
        </figure>
    }
}
