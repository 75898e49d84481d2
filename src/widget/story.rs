//! The story widget (`/{ed}/embed/article/{section}/{slug}`): one story as a card
//! (image, title, lead, time) for a partner's page.

use leptos::prelude::*;

use crate::api::{self, config};
use crate::components::error_box::ErrorBox;
use crate::components::loading::Loading;
use crate::components::story_card::StoryCard;
use crate::components::title::Title;
use crate::state::Reader;
use crate::widget::WidgetFrame;
use newsfront_core::contract::paths;
use newsfront_core::contract::{Article, SectionRef, Summary};
use newsfront_core::logic::edition::Edition;

#[component]
pub fn StoryWidget(edition: Edition, section: String, slug: String) -> impl IntoView {
    let reader = Reader::get();
    let article =
        api::Fetched::<Article>::new(move || config::api_path(&paths::article(edition, &slug)));
    let retry = Callback::new(move |_| article.refetch());
    let title = move || {
        article
            .get()
            .and_then(Result::ok)
            .map(|a| a.title)
            .unwrap_or_default()
    };
    view! {
        <Title text=title/>
        <WidgetFrame>
            {move || match article.get() {
                None => view! { <Loading height="24rem"/> }.into_any(),
                Some(Err(error)) => view! {
                    <ErrorBox what=Signal::derive(move || reader.text().fail_article) error on_retry=retry/>
                }.into_any(),
                Some(Ok(a)) => {
                    // The card links to the section of the address the partner gave.
                    let story = Summary {
                        slug: a.slug,
                        title: a.title,
                        lead: a.lead,
                        section: SectionRef { slug: section.clone(), title: a.section.title },
                        published_at: a.published_at,
                        image: a.image,
                        views: a.views,
                        live: a.live.map(|l| l.status),
                    };
                    view! { <StoryCard story edition lead=true level=1 new_tab=true/> }.into_any()
                }
            }}
        </WidgetFrame>
    }
}
