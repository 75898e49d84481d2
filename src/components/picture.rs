//! A photo as a `<picture>`: the newer formats the contract's image offers (`sources`)
//! first, then the `src`/`srcset` every browser reads. Width and height reserve its
//! space before it loads; only the page's largest photo is fetched early.

use crate::components::attr::Checked;
use leptos::prelude::*;
use stylers::style;

use newsfront_core::contract::Image;

#[component]
pub fn Picture(
    image: Image,
    /// How wide the photo is drawn (the `sizes` attribute), so a phone fetches a
    /// phone's width.
    sizes: &'static str,
    /// The page's largest paint: fetched first, not lazily.
    #[prop(optional)]
    eager: bool,
    /// Beside a link that says the same (a story card): no alternative text.
    #[prop(optional)]
    decorative: bool,
    /// Cut to 16:9 whatever its own shape (a list of cards).
    #[prop(optional)]
    crop: bool,
) -> impl IntoView {
    let class = style! {
        picture {
            display: contents;
        }
        img {
            display: block;
            width: 100%;
            height: auto;
            background: var(--placeholder);
            border-radius: 4px;
        }
        img.crop {
            aspect-ratio: 16 / 9;
            object-fit: cover;
        }
    };
    let alt = if decorative {
        String::new()
    } else {
        image.alt.unwrap_or_default()
    };
    // The lead is not decoded `async`: that lets Chromium paint it a frame after the
    // text, which is a later LCP. The others are, so they never hold a frame back.
    // `sizes` means nothing (and is invalid HTML) without a `srcset`.
    let img_sizes = image.srcset.is_some().then_some(sizes);
    view! { class = class,
        <picture>
            {image.sources.into_iter().map(|s| view! { class = class,
                <source type=s.kind.mime() srcset=Checked(s.srcset) sizes=sizes/>
            }).collect_view()}
            <img
                class:crop=crop
                src=Checked(image.src)
                srcset=image.srcset.map(Checked)
                sizes=img_sizes
                alt=alt
                width=image.width
                height=image.height
                loading=if eager { "eager" } else { "lazy" }
                fetchpriority=if eager { Some("high") } else { None }
                decoding=if eager { None } else { Some("async") }
            />
        </picture>
    }
}
