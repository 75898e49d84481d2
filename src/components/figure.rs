//! An image with its caption and credit. Width and height reserve its space before it
//! loads; only web URLs are loaded.

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
            font-size: 0.875rem;
            color: var(--muted);
            line-height: 1.4;
        }
        .credit {
            margin-left: 0.5rem;
            font-style: italic;
        }
    };
    let base = crate::api::urls::document_base();
    let src = crate::url_policy::media(&image.src, &base)?;
    let srcset = image.srcset.clone().filter(|s| {
        s.split(',')
            .filter_map(|c| c.split_whitespace().next())
            .all(|u| crate::url_policy::media(u, &base).is_some())
    });
    let caption = image.caption.clone();
    let credit = image.credit.clone();
    let has_caption = caption.is_some() || credit.is_some();
    Some(view! { class = class,
        <figure>
            <img
                src=src
                srcset=srcset
                sizes="(min-width: 760px) 720px, 100vw"
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
    })
}
