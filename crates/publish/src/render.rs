//! Stage 3, render: each page the plan names, rendered by the app's own components in
//! the shell, with its head and the documents it hands over to the app, and written.

use leptos::prelude::*;

use std::collections::HashSet;
use std::rc::Rc;

use newsfront::api::config::Config;
use newsfront::api::handover;
use newsfront::browser::router::Address;
use newsfront::components::live::PostPages;
use newsfront_core::contract::{Article, Live, PostsPage, paths};
use newsfront_core::logic::live::page_name;
use newsfront_core::logic::routes;

use crate::head::{self, Head};
use crate::parallel::parallel;
use crate::plan::{Kind, Plan, Render};
use crate::site::Site;
use crate::source::ApiReader;
use crate::state::Reads;
use crate::write::{output_of, write_atomic};
use crate::{Report, Run, manifest, markup, shell, tree};

/// A job done: its page's size, what it read, and a live story's older pages written
/// with it.
type Rendered = (usize, Reads, Vec<String>);

/// Renders and writes the pages the plan says changed, on every thread; a page that
/// fails is reported and left out of the site (its old file is removed later).
pub(crate) fn run(run: &Run, plan: &mut Plan, report: &mut Report) {
    // What the threads read (the main thread's reader stays on it).
    let (site, ctx, state) = (run.site, &run.ctx, run.state);
    let jobs = std::mem::take(&mut plan.to_render);
    let pages = &plan.pages;
    let rendered: Vec<Result<Rendered, String>> = parallel(
        &jobs,
        site.threads,
        || Rc::new(site.thread_reader()),
        |reader, job| {
            let mut reads = Vec::new();
            let mut page = |path: &str, head: &Head, widget: bool, pages: Option<&PostPages>| {
                let (html, read) = page_html(site, reader, path, head, widget, pages);
                reads.extend(read);
                write_atomic(site.dist, &output_of(path), &html).map(|()| html.len())
            };
            let mut updates = Vec::new();
            let (bytes, own) = match job {
                Render::Page(p) => {
                    let job = &pages[*p];
                    let head = match job.kind {
                        Kind::Front => head::front(ctx, job.edition),
                        Kind::Section(section) => head::section(ctx, job.edition, section),
                        Kind::Headlines(section) => head::widget(job.edition, &section.title),
                    };
                    let widget = matches!(job.kind, Kind::Headlines(_));
                    (page(&job.path, &head, widget, None)?, None)
                }
                Render::Story(i) => {
                    let e = &state.articles[*i];
                    let path = paths::article(e.edition, &e.slug);
                    let text = reader.read(&path)?.unwrap_or_default();
                    let article = tree::decode::<Article>(&site.config, &text, &path)?;
                    let edition = ctx
                        .edition(e.edition)
                        .expect("a story of an edition in the tree");
                    let card = e.card_path().expect("a story in order");
                    page(&card, &head::widget(edition, &article.title), true, None)?;
                    // A live story's newest posts, for its structured data, and its
                    // older pages, each a page of its own (the pages read them too, so
                    // they are in its fingerprint).
                    let live = article.live.as_ref();
                    let posts = live.and_then(|l| read_posts(site, reader, l.posts.as_str()));
                    let older = match (live, &posts) {
                        (Some(live), Some(latest)) => older_pages(site, reader, live, latest),
                        _ => Vec::new(),
                    };
                    let head = head::article(ctx, edition, &article, posts.as_ref());
                    let at = e.page_path().expect("a story in order");
                    let pages = live.map(|live| key_event_pages(live, &older));
                    let bytes = page(&at, &head, false, pages.as_ref())?;
                    let section = &e.known.story.as_ref().expect("a story in order").section;
                    for (name, _) in &older {
                        let path = routes::live_updates(e.edition, section, &e.slug, name);
                        page(
                            &path,
                            &head::live_updates(ctx, edition, &article, &path),
                            false,
                            None,
                        )?;
                        updates.push(path);
                    }
                    (bytes, Some(path))
                }
            };
            // The story's own document is in its fingerprint already (`Known::hash`).
            reads.retain(|r| Some(&**r) != own.as_deref());
            reads.sort_unstable();
            reads.dedup();
            Ok((bytes, reads.into_boxed_slice(), updates))
        },
    );
    for (job, result) in jobs.iter().zip(rendered) {
        let output = output_of(&plan.path(run.state, job));
        let result = result.and_then(|(bytes, reads, updates)| {
            match job {
                Render::Page(p) => plan.rendered_page(*p, reads)?,
                Render::Story(i) => plan.rendered_story(run, *i, reads)?,
            }
            for path in updates {
                report.rendered += 1;
                report.changes.push(format!("+ {}", output_of(&path)));
                plan.outputs.insert(output_of(&path), 0);
            }
            Ok(bytes)
        });
        match result {
            Ok(bytes) => {
                // A widget is counted with its page (a card) or apart (a headlines box).
                if !matches!(job, Render::Page(p) if matches!(plan.pages[*p].kind, Kind::Headlines(_)))
                {
                    report.rendered += 1;
                }
                report.changes.push(format!("+ {output}"));
                if let Render::Story(i) = job {
                    let card = run.state.articles[*i]
                        .card_path()
                        .expect("a story in order");
                    report.changes.push(format!("+ {}", output_of(&card)));
                    report.article_bytes_total += bytes;
                    report.article_bytes_max = report.article_bytes_max.max(bytes);
                }
            }
            Err(e) => {
                match job {
                    Render::Story(i) => plan.page_of[*i] = None,
                    Render::Page(_) => {
                        plan.outputs.remove(&output);
                    }
                }
                report.problems.push(e);
            }
        }
    }
    report.articles = plan.order.iter().filter(|&&i| plan.written(i)).count();
    let headlines = plan
        .pages
        .iter()
        .filter(|j| matches!(j.kind, Kind::Headlines(_)))
        .filter(|j| plan.outputs.contains_key(&output_of(&j.path)))
        .count();
    report.older_pages = plan
        .outputs
        .keys()
        .filter_map(|output| output.strip_suffix("/index.html"))
        .filter(|path| matches!(routes::parse(path).1, routes::Route::LiveUpdates { .. }))
        .count();
    report.pages = plan.outputs.len() - headlines - report.older_pages + report.articles;
    report.widgets = headlines + report.articles;
}

/// A page of a live story's posts at `url` (absolute), if it is below the API base and
/// decodes.
fn read_posts(site: &Site, reader: &ApiReader, url: &str) -> Option<PostsPage> {
    let path = url.strip_prefix(site.config.api_base())?;
    let text = reader.read(path).ok()??;
    tree::decode::<PostsPage>(&site.config, &text, path).ok()
}

/// A live story's older pages, newest first, with their names (`live::page_name`):
/// `next` followed from the newest page while it names a page beside it that decodes,
/// each page once (a `next` that loops ends the list).
fn older_pages(
    site: &Site,
    reader: &ApiReader,
    live: &Live,
    latest: &PostsPage,
) -> Vec<(String, PostsPage)> {
    let mut pages = Vec::new();
    let mut seen = HashSet::new();
    let mut next = latest.next.clone();
    while let Some(url) = next {
        let Some(name) = page_name(&url, &live.posts).filter(|n| seen.insert(n.clone())) else {
            break;
        };
        let Some(page) = read_posts(site, reader, url.as_str()) else {
            break;
        };
        next = page.next.clone();
        pages.push((name, page));
    }
    pages
}

/// The older page of each key event's post found on one (`PostPages`).
fn key_event_pages(live: &Live, older: &[(String, PostsPage)]) -> PostPages {
    let named: HashSet<&str> = live.key_events.iter().map(|e| e.post.as_str()).collect();
    let mut pages = PostPages::default();
    for (name, page) in older {
        for post in &page.posts {
            if (post.key_event || named.contains(post.id.as_str()))
                && !pages.0.iter().any(|(id, _)| *id == post.id)
            {
                pages.0.push((post.id.clone(), name.clone()));
            }
        }
    }
    pages
}

/// What the app shows at `path` (below the site's base) with `query`, its documents read
/// from `reader`, and every document it looked up: (API URL, text; `None`: missing).
/// `pages`: a live story's key events on older pages.
pub fn page(
    config: &Config,
    reader: &Rc<ApiReader>,
    path: &str,
    query: &str,
    pages: Option<&PostPages>,
) -> (String, Vec<(String, Option<String>)>) {
    let source = {
        let reader = Rc::clone(reader);
        let api_base = config.api_base().to_string();
        Rc::new(move |url: &str| reader.read(url.strip_prefix(&api_base)?).ok().flatten())
    };
    let documents = handover::Documents::new(source);
    let address = Address {
        path: path.to_string(),
        query: query.to_string(),
    };
    let owner = Owner::new();
    let html = owner.with(|| {
        provide_context(config.clone());
        provide_context(address);
        provide_context(documents.clone());
        if let Some(pages) = pages {
            provide_context(pages.clone());
        }
        view! { <newsfront::app::App/> }.to_html()
    });
    owner.cleanup();
    (html, documents.take_read())
}

/// One page: the app's view of `path`, in the shell, with its head and its documents;
/// a `widget` is the view alone, with no app to take it over (`shell::Fill::widget`).
fn page_html(
    site: &Site,
    reader: &Rc<ApiReader>,
    path: &str,
    head: &Head,
    widget: bool,
    pages: Option<&PostPages>,
) -> (String, Vec<Box<str>>) {
    let edition = routes::parse(&format!("/{path}")).0;
    let lang = edition.lang();
    // A headlines widget lists the most a partner may ask for (its script keeps the
    // number asked for).
    let query = if widget {
        format!("count={}", newsfront::widget::MAX_COUNT)
    } else {
        String::new()
    };
    let (body, documents) = page(&site.config, reader, &format!("/{path}"), &query, pages);
    // Every lookup, found or not, by path below the API base (the app asks for nothing
    // else).
    let reads = documents
        .iter()
        .filter_map(|(url, _)| url.strip_prefix(&site.api_base))
        .map(Into::into)
        .collect();
    let body = match &site.api_local {
        Some(local) => body.replace(&site.api_base, local),
        None => body,
    };
    // Leptos marks the places of dynamic views with `<!>` for its hydration, which the
    // take-over does not use (`takeover`); HTML has no such comment. Text never holds
    // it: a `<` in text is escaped.
    let body = relative_to_base(&body, &site.base_path).replace("<!>", "");
    let title = markup::escape(&head.title);
    // A partner's page is not the site: no manifest for it.
    let installable = if widget {
        String::new()
    } else {
        manifest::head_tags(edition)
    };
    let head = format!(
        "{}{installable}  <noscript><link rel=\"stylesheet\" href=\"noscript.css\"></noscript>\n",
        head.tags
    );
    // A widget is not taken over: no markers, no documents for the app.
    let body = if widget {
        body
    } else {
        let documents = handover_elements(&site.api_base, documents);
        format!("<!--prerendered-->{body}<!--/prerendered-->\n{documents}")
    };
    let html = site.shell.page(&shell::Fill {
        lang: Some(lang),
        title: Some(&title),
        head: Some(&head),
        body: Some(&body),
        widget,
        script: None,
    });
    (html, reads)
}

/// Links and images within the site made relative to `<base href>` (`/news/world` →
/// `world`), as the app's shell page has them, so that a host that serves the build
/// under another sub-path, rewriting `<base href>`, serves these pages too.
fn relative_to_base(body: &str, base_path: &str) -> String {
    let mut out = body.to_string();
    for attr in ["href=\"", "src=\""] {
        let from = format!("{attr}{base_path}");
        let mut rest = out.as_str();
        let mut result = String::with_capacity(out.len());
        while let Some(i) = rest.find(&from) {
            let after = &rest[i + from.len()..];
            result.push_str(&rest[..i]);
            // `//host` is another site, not a path.
            if base_path == "/" && after.starts_with('/') {
                result.push_str(&from);
            } else {
                result.push_str(attr);
            }
            rest = after;
        }
        result.push_str(rest);
        out = result;
    }
    out
}

/// The hand-over elements: the documents a page used, by path below the API base,
/// without the whitespace between their tokens. Only documents that are JSON go in (one
/// that is not failed to render anyway).
fn handover_elements(api_base: &str, documents: Vec<(String, Option<String>)>) -> String {
    documents
        .iter()
        .filter_map(|(url, text)| {
            let path = url.strip_prefix(api_base)?;
            let text = text.as_ref()?;
            Some(format!(
                "  <script type=\"application/json\" {}=\"{}\">{}</script>\n",
                handover::ATTRIBUTE,
                markup::escape(path),
                markup::script_json(&compact_json(text)?)
            ))
        })
        .collect()
}

/// `text` as compact JSON, or `None` when it is not JSON.
fn compact_json(text: &str) -> Option<String> {
    let mut out = Vec::with_capacity(text.len());
    let mut from = serde_json::Deserializer::from_str(text);
    serde_transcode::transcode(&mut from, &mut serde_json::Serializer::new(&mut out)).ok()?;
    from.end().ok()?;
    String::from_utf8(out).ok()
}
