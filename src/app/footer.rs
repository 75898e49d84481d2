//! The footer: social and app links, the reuse notice and the copyright from `site.json`.

use leptos::prelude::*;
use stylers::style;

use crate::components::social_links::SocialLinks;
use crate::state::SiteData;

#[component]
pub fn Footer() -> impl IntoView {
    let class = style! {
        footer {
            margin-top: 3rem;
            padding: 2rem 1rem;
            background: var(--footer-bg);
            color: var(--footer-text);
            font-size: 0.875rem;
            min-height: 6rem;
        }
        .inner {
            max-width: var(--page-width);
            margin: 0 auto;
        }
        p {
            margin: 0.5rem 0;
        }
    };
    let site = SiteData::get();
    view! { class = class,
        <footer>
            <div class="inner">
                {move || site.site().map(|s| view! { class = class,
                    <SocialLinks site=s.clone()/>
                    {s.notice.map(|n| view! { class = class, <p class="notice">{n}</p> })}
                    <p class="copyright">{s.copyright.unwrap_or_default()} " " {s.name}</p>
                })}
            </div>
        </footer>
    }
}
