//! Reading without a network (issue #31): the service worker, written with this build's
//! names, and each edition's offline page, which the worker shows for a page it has not
//! kept when the network does not answer. Beyond the contract: nothing of it comes from
//! the newsroom.

use std::path::Path;

use newsfront_core::logic::edition::Edition;
use newsfront_core::logic::routes;

use crate::markup::escape;
use crate::shell::{self, Shell};
use crate::state::fingerprint;

/// The worker's file, below the base: its scope is the whole site.
pub const WORKER: &str = "sw.js";
/// The offline page's script, below the base, and its text.
pub const PAGE_SCRIPT: &str = "offline.js";
pub const PAGE_SCRIPT_TEXT: &str = include_str!("offline.js");

/// An edition's offline page, below the base (`offline`, `ru/offline`).
pub fn page_path(edition: Edition) -> String {
    format!("{}offline", routes::front(edition))
}

struct Texts {
    title: &'static str,
    lead: &'static str,
    none: &'static str,
    saved: &'static str,
    front: &'static str,
}

fn texts(edition: Edition) -> Texts {
    match edition {
        Edition::En => Texts {
            title: "You are offline",
            lead: "This page is not saved on this device. These stories are, and open without a connection:",
            none: "No story is saved yet: the stories you open are kept for reading offline.",
            saved: "saved",
            front: "Front page",
        },
        Edition::Ru => Texts {
            title: "Нет подключения к сети",
            lead: "Эта страница не сохранена на устройстве. Эти материалы сохранены и открываются без сети:",
            none: "Сохранённых материалов пока нет: материалы, которые вы открываете, сохраняются для чтения без сети.",
            saved: "сохранено",
            front: "Главная",
        },
        Edition::Hy => Texts {
            title: "Կապ չկա",
            lead: "Այս էջը պահված չէ այս սարքում։ Այս նյութերը պահված են և բացվում են առանց կապի՝",
            none: "Պահված նյութեր դեռ չկան․ ձեր բացած նյութերը պահվում են առանց կապի կարդալու համար։",
            saved: "պահված",
            front: "Գլխավոր",
        },
    }
}

/// An edition's offline page: the shell without the app, its list filled on the reader's
/// device from what the worker keeps (`offline.js`).
pub fn page(shell: &Shell, edition: Edition, site_name: &str) -> String {
    let t = texts(edition);
    let body = format!(
        "<main id=\"main\" class=\"offline page-narrow\">\n<p class=\"offline-site\">{}</p>\n\
         <h1>{}</h1>\n<p>{}</p>\n\
         <ul class=\"saved-stories\" data-saved=\"{}\"></ul>\n\
         <p class=\"none-saved\">{}</p>\n<p><a href=\"{}\">{}</a></p>\n</main>",
        escape(site_name),
        escape(t.title),
        escape(t.lead),
        escape(t.saved),
        escape(t.none),
        escape(&format!("./{}", routes::front(edition))),
        escape(t.front),
    );
    let head = format!(
        "  <meta name=\"robots\" content=\"noindex\">\n{}",
        crate::manifest::head_tags(edition)
    );
    shell.page(&shell::Fill {
        lang: Some(edition.lang()),
        title: Some(&escape(t.title)),
        head: Some(&head),
        body: Some(&body),
        widget: false,
        script: Some(PAGE_SCRIPT),
    })
}

/// The worker: `sw.js` with this build's app files (those of `dist` named by their
/// hash, but the partner widget's, and the offline pages' script) and the offline pages,
/// and a build name made of them.
pub fn worker(dist: &Path) -> Result<String, String> {
    let mut app: Vec<String> = shell::hashed_files(dist)?
        .into_iter()
        .filter(|f| !f.starts_with("widget-"))
        .collect();
    // The offline pages' script is the app's too: without it their list stays empty.
    app.push(PAGE_SCRIPT.to_string());
    let offline: Vec<String> = Edition::ALL
        .iter()
        .map(|&e| format!("{:?}:{:?}", routes::front(e), format!("{}/", page_path(e))))
        .collect();
    let prefixes: serde_json::Map<String, serde_json::Value> = Edition::ALL
        .iter()
        .map(|&e| (e.lang().to_string(), routes::front(e).into()))
        .collect();
    let app_list = serde_json::to_string(&app).map_err(|e| e.to_string())?;
    let template = shell::minified(include_str!("sw.js"));
    Ok(template
        .replacen(
            "'BUILD_ID'",
            &format!("'{:016x}'", fingerprint(&(&app, &template))),
            1,
        )
        .replacen("APP_FILES_LIST", &app_list, 1)
        .replacen("OFFLINE_PAGES", &format!("{{{}}}", offline.join(",")), 1)
        .replacen(
            "EDITION_PREFIXES",
            &serde_json::Value::Object(prefixes).to_string(),
            1,
        ))
}
