//! Share, print and copy link for an article. Share links go to the networks' share
//! pages; where the device has a share sheet (Web Share API) a Share button comes
//! first. Copy link uses the Clipboard API and confirms with a toast; when the
//! clipboard is missing or refused, the link is shown selected for the reader to copy.

use leptos::html::Input;
use leptos::prelude::*;
use stylers::style;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::components::icons::{NetworkIcon, network_name};
use crate::state::Reader;
use newsfront_core::logic::share;

/// How long the "Link copied" toast stays.
const TOAST_MS: u64 = 3000;

fn navigator_method(name: &str) -> Option<(JsValue, js_sys::Function)> {
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    let navigator: JsValue = window().navigator().into();
    let target = if name == "writeText" {
        js_sys::Reflect::get(&navigator, &"clipboard".into()).ok()?
    } else {
        navigator
    };
    let f = js_sys::Reflect::get(&target, &name.into()).ok()?;
    f.dyn_into::<js_sys::Function>().ok().map(|f| (target, f))
}

/// Calls a navigator method that returns a promise; `Ok` when it resolves.
async fn call(name: &str, arg: &JsValue) -> Result<(), ()> {
    let (this, f) = navigator_method(name).ok_or(())?;
    let promise = f.call1(&this, arg).map_err(|_| ())?;
    let promise = promise.dyn_into::<js_sys::Promise>().map_err(|_| ())?;
    JsFuture::from(promise).await.map(|_| ()).map_err(|_| ())
}

#[component]
pub fn ShareBar(
    /// The article's canonical URL.
    url: String,
    title: String,
) -> impl IntoView {
    let class = style! {
        .share {
            margin: 2rem 0;
            padding: 1rem 0;
            border-top: 1px solid var(--rule);
            border-bottom: 1px solid var(--rule);
        }
        .prompt {
            margin: 0 0 0.75rem 0;
            font-family: var(--font-ui);
            font-weight: 600;
        }
        .actions {
            display: flex;
            flex-wrap: wrap;
            gap: 0.5rem;
            align-items: center;
        }
        .action {
            display: inline-flex;
            align-items: center;
            gap: 0.375rem;
            min-height: 44px;
            min-width: 44px;
            padding: 0 0.875rem;
            border: 1px solid var(--rule);
            border-radius: 999px;
            background: var(--bg);
            color: var(--text);
            font-family: var(--font-ui);
            font-size: 0.875rem;
            text-decoration: none;
            cursor: pointer;
        }
        .action:hover {
            border-color: var(--accent);
        }
        .fallback {
            margin-top: 0.75rem;
            display: flex;
            flex-wrap: wrap;
            gap: 0.5rem;
            align-items: center;
        }
        .fallback input {
            flex: 1 1 16rem;
            min-height: 44px;
            padding: 0 0.5rem;
            font-family: var(--font-ui);
            border: 1px solid var(--rule);
            border-radius: 6px;
            background: var(--bg);
            color: var(--text);
        }
        .toast {
            position: fixed;
            left: 50%;
            bottom: 1.5rem;
            transform: translateX(-50%);
            padding: 0.75rem 1.25rem;
            border-radius: 999px;
            background: var(--button-bg);
            color: var(--button-text);
            font-family: var(--font-ui);
            z-index: 20;
        }
        .toast:empty {
            display: none;
        }
    };
    let reader = Reader::get();
    let t = move || reader.text();
    let toast = RwSignal::new(None::<&'static str>);
    let fallback = RwSignal::new(false);
    let input = NodeRef::<Input>::new();
    let can_share = navigator_method("share").is_some();

    let networks = share::NETWORKS
        .into_iter()
        .filter_map(|n| Some((n, share::link(n, &url, &title)?)))
        .map(|(network, href)| {
            view! { class = class,
                <a class="action" href=href target="_blank" rel="noopener noreferrer"
                    aria-label=move || format!("{} {}", t().share_on, network_name(network))>
                    <NetworkIcon network/>
                    <span>{network_name(network)}</span>
                </a>
            }
        })
        .collect_view();

    let copy = {
        let url = url.clone();
        move |_| {
            let url = url.clone();
            leptos::task::spawn_local(async move {
                if call("writeText", &JsValue::from_str(&url)).await.is_ok() {
                    fallback.set(false);
                    toast.set(Some(reader.text().link_copied));
                    set_timeout(
                        move || {
                            let _ = toast.try_set(None);
                        },
                        std::time::Duration::from_millis(TOAST_MS),
                    );
                } else {
                    fallback.set(true);
                    request_animation_frame(move || {
                        if let Some(i) = input.get_untracked() {
                            let _ = i.focus();
                            i.select();
                        }
                    });
                }
            });
        }
    };
    let native_share = {
        let (url, title) = (url.clone(), title.clone());
        move |_| {
            let data = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&data, &"url".into(), &url.as_str().into());
            let _ = js_sys::Reflect::set(&data, &"title".into(), &title.as_str().into());
            leptos::task::spawn_local(async move {
                // A cancelled share sheet is the reader's choice, not an error.
                let _ = call("share", &data.into()).await;
            });
        }
    };
    let print = move |_| {
        let _ = window().print();
    };

    view! { class = class,
        <section class="share no-print" aria-label=move || t().share>
            <p class="prompt">{move || t().share_prompt}</p>
            <div class="actions">
                // Rendered hidden where the device has no share sheet, as in the pre-rendered
                // page, whose own script (crates/publish/src/early.js) shows it where there is one.
                <button type="button" class="action native-share needs-script" hidden=!can_share
                    on:click=native_share>
                    {move || t().share}
                </button>
                {networks}
                <button type="button" class="action print needs-script" on:click=print>{move || t().print}</button>
                <button type="button" class="action copy-link needs-script" on:click=copy>{move || t().copy_link}</button>
            </div>
            {move || fallback.get().then(|| view! { class = class,
                <div class="fallback">
                    <label for="share-url">{move || t().copy_by_hand}</label>
                    <input id="share-url" node_ref=input type="url" readonly value=url.clone()/>
                </div>
            })}
            <div class="toast" role="status" aria-live="polite">{move || toast.get()}</div>
        </section>
    }
}
