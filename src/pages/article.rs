//! A story: section label, headline, time, lead, hero image, body, byline, source, view
//! count, the ad slot, the Telegram call, tags, related stories, and the section's feed.

use leptos::prelude::*;
use stylers::style;

use crate::api::{self, ApiError, config};
use crate::browser::router::{absolute_href, href};
use crate::components::ad_slot::AdSlot;
use crate::components::body::body;
use crate::components::error_box::ErrorBox;
use crate::components::figure::Figure;
use crate::components::live::LiveBlog;
use crate::components::live_marker::live_marker;
use crate::components::loading::Loading;
use crate::components::published::Published;
use crate::components::section_feed::SectionFeed;
use crate::components::share_bar::ShareBar;
use crate::components::story_card::StoryCard;
use crate::components::telegram_follow::TelegramFollow;
use crate::components::text_size::TextSize;
use crate::components::title::Title;
use crate::pages::live_updates::older_updates;
use crate::pages::not_found::NotFound;
use crate::state::Reader;
use crate::state::Translations;
use crate::takeover::Staged;
use newsfront_core::contract::paths;
use newsfront_core::contract::{Article, byline};
use newsfront_core::logic::edition::Edition;
use newsfront_core::logic::routes;

/// `updates`: an older page of a live story's posts, by name (`pages::live_updates`),
/// shown instead of the story.
#[component]
pub fn ArticlePage(
    edition: Edition,
    section: String,
    slug: String,
    #[prop(optional)] updates: Option<String>,
) -> impl IntoView {
    let reader = Reader::get();
    let article =
        api::Fetched::<Article>::new(move || config::api_path(&paths::article(edition, &slug)));
    let retry = Callback::new(move |_| article.refetch());
    // The edition switch follows this story's translations while it is on screen.
    let translations = Translations::get();
    Effect::new(move |_| {
        let list = article
            .get()
            .and_then(Result::ok)
            .map(|a| a.translations)
            .unwrap_or_default();
        translations.0.set(list);
    });
    on_cleanup(move || {
        let _ = translations.0.try_set(Vec::new());
    });
    move || {
        match article.get() {
        None => view! { <div class="page-narrow"><Loading height="100vh"/></div> }.into_any(),
        Some(Err(ApiError::Status(404))) => view! { <NotFound/> }.into_any(),
        Some(Err(error)) => view! {
            <div class="page-narrow">
                <ErrorBox what=Signal::derive(move || reader.text().fail_article) error on_retry=retry/>
            </div>
        }
        .into_any(),
        Some(Ok(a)) => {
            crate::browser::scroll_memory::restore_after_render();
            let section = section.clone();
            match updates.clone() {
                Some(name) => older_updates(edition, a, section, name),
                None => view! { <Staged><Story edition article=a section/></Staged> }.into_any(),
            }
        }
    }
    }
}

#[component]
fn Story(edition: Edition, article: Article, section: String) -> impl IntoView {
    // A+/A- scale the whole story (`--text-scale`): its own size is the body's, and
    // everything in it is sized relative to that, so title, lead, captions and quotes
    // grow with the text. 1em here is 1.125rem at the default step.
    let class = style! {
        .story {
            padding-top: 1.5rem;
            font-size: calc(1.125rem * var(--text-scale));
            overflow-wrap: break-word;
        }
        .topline {
            display: flex;
            align-items: center;
            justify-content: space-between;
            gap: 1rem;
        }
        .label {
            display: inline-block;
            color: var(--accent-text);
            font-weight: 700;
            text-transform: uppercase;
            letter-spacing: 0.06rem;
            font-size: 0.875rem;
            text-decoration: none;
        }
        .label:hover {
            text-decoration: underline;
        }
        .labels {
            display: flex;
            flex-wrap: wrap;
            align-items: center;
            gap: 0.75rem;
        }
        h1 {
            font-family: var(--font-head);
            font-size: calc(clamp(1.75rem, 4vw, 2.5rem) * var(--text-scale));
            line-height: 1.15;
            margin: 0.5rem 0 0.75rem 0;
        }
        .meta {
            color: var(--muted);
            font-size: 83.33%;
            margin: 0 0 1rem 0;
        }
        .standfirst {
            font-size: 111.11%;
            line-height: 1.5;
            margin: 0 0 1rem 0;
        }
        .body {
            line-height: 1.7;
        }
        .credits {
            margin: 2rem 0 0 0;
            padding-top: 1rem;
            border-top: 1px solid var(--rule);
            color: var(--muted);
        }
        .credits p {
            margin: 0.25rem 0;
        }
        .byline {
            color: var(--text);
            font-weight: 600;
        }
        .tags {
            display: flex;
            flex-wrap: wrap;
            gap: 0.5rem;
            list-style: none;
            margin: 1.5rem 0;
            padding: 0;
        }
        .tags li {
            padding: 0.25rem 0.75rem;
            border-radius: 999px;
            background: var(--accent-soft);
            font-size: 77.78%;
        }
        .more {
            margin-top: 2rem;
        }
        .more h2 {
            font-family: var(--font-head);
            text-transform: uppercase;
            font-size: 1.25rem;
            border-bottom: 2px solid var(--text);
            padding-bottom: 0.25rem;
        }
        .more h2 a {
            color: inherit;
            text-decoration: none;
        }
        .more h2 a:hover {
            text-decoration: underline;
        }
        .related {
            list-style: none;
            margin: 0;
            padding: 0;
            display: grid;
            grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr));
            gap: 0 2rem;
        }
    };
    let reader = Reader::get();
    let t = move || reader.text();
    let section_link = href(&routes::section(edition, &article.section.slug));
    let authors = byline(&article.authors);
    let views = article.views;
    let has_related = !article.related.is_empty();
    let related = article
        .related
        .into_iter()
        .map(|story| view! { class = class, <li><StoryCard story edition/></li> })
        .collect_view();
    let tags = (!article.tags.is_empty()).then(|| {
        let items = article
            .tags
            .into_iter()
            .map(|tag| view! { class = class, <li>{tag.title}</li> })
            .collect_view();
        view! { class = class, <ul class="tags" aria-label=move || t().tags>{items}</ul> }
    });
    let section_title = article.section.title.clone();
    let section_feed_link = section_link.clone();
    let canonical = absolute_href(&routes::article(
        edition,
        &article.section.slug,
        &article.slug,
    ));
    let share_title = article.title.clone();
    let live_status = article.live.as_ref().map(|l| l.status);
    view! { class = class,
        <Title text=article.title.clone()/>
        <article class="story page-narrow">
            <div class="topline">
                <span class="labels">
                    <a class="label" href=section_link>{article.section.title.clone()}</a>
                    {live_status.map(live_marker)}
                </span>
                <TextSize/>
            </div>
            <h1>{article.title.clone()}</h1>
            <p class="meta">
                {article.published_at.map(|at| view! { <Published at/> })}
                {article.updated_at.map(|at| view! { " · " {move || t().updated} " " <Published at/> })}
            </p>
            {article.lead.map(|l| view! { class = class, <p class="standfirst">{l}</p> })}
            {article.image.map(|image| view! { <Figure image eager=true/> })}
            <div class="body">
                <Staged>{body(article.body)}</Staged>
            </div>
            {article.live.map(|live| {
                let (section, slug) = (article.section.slug.clone(), article.slug.clone());
                view! { <Staged><LiveBlog live edition section slug/></Staged> }
            })}
            <Staged>
                <div class="credits">
                    {(!authors.is_empty()).then(|| view! { class = class,
                        <p class="byline">{move || t().by} " " {authors.clone()}</p>
                    })}
                    {article.source.map(|s| view! { class = class, <p class="source">{move || t().source} ": " {s}</p> })}
                    {views.map(|v| view! { class = class, <p class="views">{move || t().views} ": " {v}</p> })}
                </div>
                <p class="print-only">{canonical.clone()}</p>
                {tags}
                <ShareBar url=canonical title=share_title/>
                <AdSlot placement="article-inline"/>
                <TelegramFollow/>
            </Staged>
        </article>
        // Their story cards are built each on its own in a take-over (`StoryCard`).
        {has_related.then(|| view! { class = class,
            <section class="more page-wide" aria-labelledby="related-heading">
                <h2 id="related-heading">{move || t().related}</h2>
                <ul class="related">{related}</ul>
            </section>
        })}
        <section class="more page-wide" aria-labelledby="feed-heading">
            <h2 id="feed-heading"><a href=section_feed_link>{move || t().more_in} " " {section_title}</a></h2>
            <SectionFeed edition section infinite=false lazy=true/>
        </section>
    }
}
