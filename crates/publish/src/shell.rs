//! The one owner of the site's HTML shell. Trunk writes `index.html`; this makes it fit
//! a strict Content-Security-Policy once, writes it as `index.html` and `404.html` (the
//! app's shell, which static hosts serve for unknown paths), writes `_headers` and the
//! widget picker's policy, and then fills it for every pre-rendered page through named
//! slots (`Slot`), rather than by searching and replacing in each page.
//!
//! What is done to Trunk's page:
//! - its inline `<script type="module">` moves to a hashed file (`start-*.js`), since a
//!   policy without `'unsafe-inline'` would block it; a pre-rendered page instead has its
//!   own script (`early.js`): the page's controls from the first paint, and the app
//!   started when the reader is about to need it;
//! - the theme script (`public/prefs.js`), the crash notice's (`public/crash.js`), the
//!   starter and the style sheets (`inline_styles`) are inlined and allowed by their
//!   hashes: as files, each is a request that competes with the first paint or the lead
//!   photo (Lighthouse counted the two scripts' requests against our LCP);
//! - `integrity` on the Wasm preload goes (Chromium ignores it on a fetch destination
//!   and warns on every page, crbug.com/981419);
//! - the policy goes in as a `<meta>` tag, and into `_headers` (Cloudflare Pages' format,
//!   which Netlify reads too) with what a meta tag cannot carry (`frame-ancestors`).

use std::path::Path;

use base64::Engine;
use regex::Regex;
use sha2::{Digest, Sha256};

use newsfront_core::logic::edition::Edition;
use newsfront_core::logic::i18n;
use newsfront_core::logic::players::FRAME_HOSTS;
use newsfront_core::logic::routes;

use newsfront::browser::near_end::NEAR_END_PX;

/// The places of the shell that a page fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    /// The value of `<html lang>`.
    Lang,
    /// The text of `<title>`.
    Title,
    /// The shell's `<meta name="description">` (a page brings its own).
    Description,
    /// One of the app's preload links (a pre-rendered page does not preload the app).
    Preload(usize),
    /// Before `</head>`: the page's own head tags.
    Head,
    /// The body's `<noscript>` notice, or a page's rendered content.
    Body,
    /// The start-up script's tag.
    Start,
    /// The crash notice's inline script (`public/crash.js`).
    Crash,
}

enum Part {
    Text(String),
    Slot(Slot),
}

/// What one page puts in the slots; `None` keeps the shell's own.
#[derive(Default)]
pub struct Fill<'a> {
    pub lang: Option<&'a str>,
    pub title: Option<&'a str>,
    pub head: Option<&'a str>,
    pub body: Option<&'a str>,
    /// A partner widget: no app, no crash notice; the widget's own script instead.
    pub widget: bool,
    /// A page of the step's own that runs without the app (the offline page): its
    /// script, below the base, instead of the app's starter and the crash notice.
    pub script: Option<&'a str>,
}

pub struct Shell {
    parts: Vec<Part>,
    /// The shell's own content of each slot.
    lang: String,
    title: String,
    description: String,
    preloads: Vec<String>,
    body: String,
    start: String,
    /// The page's own script (`early_script`).
    early: String,
    crash: String,
    /// The widget script's file (`widget_script`).
    widget: String,
}

fn sha256(text: &str) -> Vec<u8> {
    Sha256::digest(text.as_bytes()).to_vec()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn write(dist: &Path, name: &str, text: &str) -> Result<(), String> {
    std::fs::write(dist.join(name), text).map_err(|e| format!("{name}: {e}"))
}

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("a valid pattern")
}

/// The widget script (`public/widget.js`, which Trunk copies as it is, for the app's
/// widgets) under a name of its content, as a pre-rendered widget loads it: cached for
/// ever, like the app's files. Written when missing.
fn widget_script(dist: &Path) -> Result<String, String> {
    let code =
        std::fs::read_to_string(dist.join("widget.js")).map_err(|e| format!("widget.js: {e}"))?;
    let name = format!("widget-{}.js", &hex(&sha256(&code))[..16]);
    if !dist.join(&name).exists() {
        write(dist, &name, &code)?;
    }
    Ok(name)
}

/// Trunk's style sheets, in their order, as one `<style>` in place of the first (the
/// files are removed: nothing links them). Each linked sheet holds back the first paint
/// for a round trip of its own; inline, the page paints from its first response. They
/// are 4.5 KB brotli, shared by every page: a page costs that again rather than a
/// cached file, which is less than the round trip it saves on a phone (issue #17).
/// Returns the page and the style's hash for the policy.
fn inline_styles(dist: &Path, html: &str) -> Result<(String, String), String> {
    let link = re(r#"\n?[ \t]*<link rel="stylesheet" href="\./([^"]+\.css)"[^>]*>"#);
    let mut css = String::new();
    for m in link.captures_iter(html) {
        let file = dist.join(&m[1]);
        let text = std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", &m[1]))?;
        if text.to_ascii_lowercase().contains("</style") {
            return Err(format!("{} would end the inline style early", &m[1]));
        }
        css.push_str(text.trim());
        css.push('\n');
        std::fs::remove_file(&file).map_err(|e| format!("{}: {e}", file.display()))?;
    }
    let Some(first) = link.find(html) else {
        return Ok((html.to_string(), String::new()));
    };
    let mut out = format!("{}\n  <style>{css}</style>", &html[..first.start()]);
    out.push_str(&link.replace_all(&html[first.end()..], ""));
    Ok((out, allow(&css)))
}

/// The policy every page carries; `frames` is what it may frame.
fn policy(script_hash: &str, style_hash: &str, api_origin: &str, frames: &str) -> String {
    [
        "default-src 'self'".to_string(),
        format!("script-src 'self' 'wasm-unsafe-eval'{script_hash}"),
        format!("style-src 'self'{style_hash}"),
        "img-src 'self' https: data:".to_string(),
        "font-src 'self'".to_string(),
        format!("connect-src 'self'{api_origin}"),
        format!("frame-src {frames}"),
        "object-src 'none'".to_string(),
        "base-uri 'self'".to_string(),
        "form-action 'self'".to_string(),
    ]
    .join("; ")
}

/// An inline script without its comment lines and indentation: every page carries it,
/// and its bytes come before the lead photo's (`early.js` is 1.3 KB brotli so, 2.0 with;
/// Lighthouse's LCP counts the page's round trips).
pub fn minified(code: &str) -> String {
    let lines: Vec<&str> = code
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("//"))
        .collect();
    format!("{}\n", lines.join("\n"))
}

/// The script a pre-rendered page carries inline (`early.js`), starting the app with
/// `start`, with each edition's texts it shows and the feeds' near-end distance.
fn early_script(start: &str) -> String {
    let texts: Vec<String> = Edition::ALL
        .iter()
        .map(|&edition| {
            let t = i18n::text(edition);
            let results = routes::search(edition);
            let list = [
                t.text_smaller,
                t.text_smallest,
                t.text_larger,
                t.text_largest,
                t.link_copied,
                t.copy_by_hand,
                results.as_str(),
            ];
            format!(
                "{}:{}",
                edition.lang(),
                serde_json::to_string(&list).expect("strings")
            )
        })
        .collect();
    minified(include_str!("early.js"))
        .replace("./START", &format!("./{start}"))
        .replacen("TEXTS", &format!("{{{}}}", texts.join(",")), 1)
        .replacen("NEAR_END_PX", &NEAR_END_PX.to_string(), 1)
}

/// The policy's source for an inline script or style.
fn allow(code: &str) -> String {
    let digest = base64::engine::general_purpose::STANDARD.encode(sha256(code));
    format!(" 'sha256-{digest}'")
}

/// The crash notice's script, as the shell carries it: marked, so that its slot is found
/// again when a built site's shell is read back.
const CRASH_TAG: &str = "<script data-crash>";

fn with_policy(html: &str, policy: &str) -> String {
    html.replacen(
        "<meta charset=\"utf-8\">",
        &format!(
            "<meta charset=\"utf-8\">\n  <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">"
        ),
        1,
    )
}

impl Shell {
    /// The shell of the site built in `dist`: its `404.html` once there is one (a site
    /// built before, pre-rendered again), else made from Trunk's page (`build`).
    pub fn open(dist: &Path) -> Result<Shell, String> {
        let Ok(html) = std::fs::read_to_string(dist.join("404.html")) else {
            return Shell::build(dist);
        };
        let start = re(r#"src="\./(start-[0-9a-f]+\.js)""#)
            .captures(&html)
            .map(|c| c[1].to_string())
            .unwrap_or_default();
        let early = early_script(&start);
        Shell::slots(&html, start, early, widget_script(dist)?)
    }

    /// Reads Trunk's `index.html` from `dist`, makes it fit the policy and writes the
    /// site's files that come from it (see the module's comment).
    fn build(dist: &Path) -> Result<Shell, String> {
        let path = dist.join("index.html");
        let mut html =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        if html.contains("http-equiv=\"Content-Security-Policy\"") {
            return Err("index.html was already made into the shell: build again".into());
        }

        let mut start = String::new();
        let mut early = String::new();
        let mut script_hash = String::new();
        if let Some(m) = re(r#"<script type="module">([\s\S]*?)</script>"#).captures(&html) {
            let code = format!("{}\n", m[1].trim());
            let hash = &hex(&sha256(&code))[..16];
            start = format!("start-{hash}.js");
            write(dist, &start, &code)?;
            early = early_script(&start);
            script_hash.push_str(&allow(&early));
            let tag = format!("<script type=\"module\" src=\"./{start}\"></script>");
            html = html.replacen(&m[0], &tag, 1);
        }

        for (name, tag) in [("prefs", "<script>"), ("crash", CRASH_TAG)] {
            let Some(m) = re(&format!(
                r#"<script src="\./({name}-[0-9a-f]+\.js)"[^>]*></script>"#
            ))
            .captures(&html) else {
                continue;
            };
            let file = dist.join(&m[1]);
            let code = std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", &m[1]))?;
            let code = minified(&code);
            if code.to_ascii_lowercase().contains("</script") {
                return Err(format!("{} would end its inline script early", &m[1]));
            }
            script_hash.push_str(&allow(&code));
            let whole = m[0].to_string();
            html = html.replacen(&whole, &format!("{tag}{code}</script>"), 1);
            std::fs::remove_file(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        }

        let (inlined, style_hash) = inline_styles(dist, &html)?;
        html = inlined;

        html = re(r#"(<link rel="preload"[^>]*as="fetch"[^>]*?) integrity="[^"]*""#)
            .replace_all(&html, "$1")
            .into_owned();
        html = re(r#"(<link rel="preload"[^>]*?) integrity="[^"]*"([^>]*as="fetch")"#)
            .replace_all(&html, "$1$2")
            .into_owned();

        // connect-src allows the API base when it is on another origin.
        let api_base = re(r#"<meta name="api-base" content="([^"]*)">"#)
            .captures(&html)
            .map(|c| c[1].to_string())
            .unwrap_or_default();
        let api_origin = re(r"^(https?://[^/]+)")
            .captures(&api_base)
            .map(|c| format!(" {}", &c[1]))
            .unwrap_or_default();
        let widget = widget_script(dist)?;
        let hosts = FRAME_HOSTS.join(" ");
        let page_policy = policy(&script_hash, &style_hash, &api_origin, &hosts);
        html = with_policy(&html, &page_policy);
        write(dist, "index.html", &html)?;
        write(dist, "404.html", &html)?;

        // The widget picker shows live widgets: it frames this site itself.
        let demo_policy = policy(
            &script_hash,
            &style_hash,
            &api_origin,
            &format!("'self' {hosts}"),
        );
        if let Ok(demo) = std::fs::read_to_string(dist.join("embed-demo.html")) {
            write(dist, "embed-demo.html", &with_policy(&demo, &demo_policy))?;
        }
        write(
            dist,
            "_headers",
            &headers(dist, &page_policy, &demo_policy)?,
        )?;

        Shell::slots(&html, start, early, widget)
    }

    /// Cuts the shell at its slots.
    fn slots(html: &str, start: String, early: String, widget: String) -> Result<Shell, String> {
        let missing = |what: &str| format!("the shell page has no {what}");
        let mut found: Vec<(usize, usize, Slot)> = Vec::new();
        let mut find = |pattern: &str, group: usize, slot: Slot| -> Option<String> {
            let c = re(pattern).captures(html)?;
            let m = c.get(group)?;
            found.push((m.start(), m.end(), slot));
            Some(m.as_str().to_string())
        };
        let lang = find(r#"<html lang="([^"]*)">"#, 1, Slot::Lang)
            .ok_or_else(|| missing("<html lang>"))?;
        let title =
            find(r"<title>([^<]*)</title>", 1, Slot::Title).ok_or_else(|| missing("<title>"))?;
        let description = find(
            r#"\n?\s*<meta name="description"[^>]*>"#,
            0,
            Slot::Description,
        )
        .unwrap_or_default();
        find(r"</head>", 0, Slot::Head).ok_or_else(|| missing("</head>"))?;
        let body = find(r"<body>\s*(<noscript>[\s\S]*?</noscript>)", 1, Slot::Body)
            .ok_or_else(|| missing("<noscript> in <body>"))?;
        if !start.is_empty() {
            find(
                &format!(
                    r#"<script type="module" src="\./{}"></script>"#,
                    regex::escape(&start)
                ),
                0,
                Slot::Start,
            );
        }
        let crash = find(
            &format!(r"\n?[ \t]*{}[\s\S]*?</script>", regex::escape(CRASH_TAG)),
            0,
            Slot::Crash,
        )
        .unwrap_or_default();
        let mut preloads = Vec::new();
        for m in re(r#"\n?[ \t]*<link rel="(?:modulepreload|preload)"[^>]*>"#).find_iter(html) {
            found.push((m.start(), m.end(), Slot::Preload(preloads.len())));
            preloads.push(m.as_str().to_string());
        }
        found.sort_by_key(|f| f.0);
        let mut parts = Vec::new();
        let mut at = 0;
        for (from, to, slot) in found {
            if from < at {
                return Err("the shell's slots overlap".into());
            }
            parts.push(Part::Text(html[at..from].to_string()));
            // `</head>` is a place before which a page adds its tags, so it stays.
            parts.push(Part::Slot(slot));
            at = if slot == Slot::Head { from } else { to };
        }
        parts.push(Part::Text(html[at..].to_string()));
        Ok(Shell {
            parts,
            lang,
            title,
            description,
            preloads,
            body,
            start,
            early,
            crash,
            widget,
        })
    }

    /// A pre-rendered page: the shell with `fill` in its slots, started after its first
    /// paint and without preloading the app.
    pub fn page(&self, fill: &Fill) -> String {
        let mut out = String::with_capacity(
            self.parts
                .iter()
                .map(|p| match p {
                    Part::Text(t) => t.len(),
                    Part::Slot(_) => 0,
                })
                .sum::<usize>()
                + fill.body.map_or(0, str::len)
                + fill.head.map_or(0, str::len),
        );
        let own_script = if fill.widget {
            Some(self.widget.as_str())
        } else {
            fill.script
        };
        for part in &self.parts {
            match part {
                Part::Text(t) => out.push_str(t),
                Part::Slot(Slot::Lang) => out.push_str(fill.lang.unwrap_or(&self.lang)),
                Part::Slot(Slot::Title) => out.push_str(fill.title.unwrap_or(&self.title)),
                Part::Slot(Slot::Description) if fill.head.is_none() => {
                    out.push_str(&self.description)
                }
                Part::Slot(Slot::Description) => {}
                Part::Slot(Slot::Preload(i)) if fill.body.is_none() => {
                    out.push_str(&self.preloads[*i])
                }
                Part::Slot(Slot::Preload(_)) => {}
                Part::Slot(Slot::Head) => out.push_str(fill.head.unwrap_or_default()),
                Part::Slot(Slot::Body) => out.push_str(fill.body.unwrap_or(&self.body)),
                Part::Slot(Slot::Start) if own_script.is_some() => out.push_str(&format!(
                    "<script defer src=\"./{}\"></script>",
                    own_script.unwrap_or_default()
                )),
                Part::Slot(Slot::Start) if fill.body.is_none() => out.push_str(&format!(
                    "<script type=\"module\" src=\"./{}\"></script>",
                    self.start
                )),
                Part::Slot(Slot::Start) => {
                    out.push_str(&format!("<script>{}</script>", self.early))
                }
                Part::Slot(Slot::Crash) if own_script.is_some() => {}
                Part::Slot(Slot::Crash) => out.push_str(&self.crash),
            }
        }
        out
    }
}

/// The files at the top of the build named by their content's hash (Trunk's
/// `name-HASH.ext`), sorted: cached for good by browsers and by the service worker.
pub fn hashed_files(dist: &Path) -> Result<Vec<String>, String> {
    let hashed = re(r"-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$");
    let mut files: Vec<String> = std::fs::read_dir(dist)
        .map_err(|e| format!("{}: {e}", dist.display()))?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|f| hashed.is_match(f))
        .collect();
    files.sort();
    Ok(files)
}

/// The framing and cache rules. Every matching rule applies, in order, and `! Name`
/// drops a header an earlier rule set. The README has the same rules for nginx.
fn headers(dist: &Path, policy: &str, demo_policy: &str) -> Result<String, String> {
    const IMMUTABLE: &str = "Cache-Control: public, max-age=31536000, immutable";
    let mut rules: Vec<(String, Vec<String>)> = vec![(
        "/*".into(),
        vec![
            format!("Content-Security-Policy: {policy}; frame-ancestors 'none'"),
            "X-Frame-Options: DENY".into(),
            "X-Content-Type-Options: nosniff".into(),
            "Referrer-Policy: strict-origin-when-cross-origin".into(),
            "Cache-Control: no-cache".into(),
        ],
    )];
    // Partner widgets may be framed by any site.
    for edition in Edition::ALL {
        let folder = match edition.prefix() {
            "" => String::new(),
            p => format!("{p}/"),
        };
        rules.push((
            format!("/{folder}embed/*"),
            vec![
                "! Content-Security-Policy".into(),
                "! X-Frame-Options".into(),
                format!("Content-Security-Policy: {policy}; frame-ancestors *"),
            ],
        ));
    }
    rules.push((
        "/embed-demo.html".into(),
        vec![
            "! Content-Security-Policy".into(),
            format!("Content-Security-Policy: {demo_policy}; frame-ancestors 'none'"),
        ],
    ));
    // Partners link the loader by a fixed name: cached briefly, not for ever.
    rules.push((
        "/embed.js".into(),
        vec![
            "! Cache-Control".into(),
            "Cache-Control: public, max-age=3600".into(),
        ],
    ));
    // The archive search index: its segments' files are named by their content; the
    // entry (fixed name) is revalidated; a story's files change when it is corrected.
    for edition in Edition::ALL {
        let folder = routes::search_archive(edition);
        for kind in ["d", "p", "w", "t", "r/"] {
            rules.push((
                format!("/{folder}{kind}*"),
                vec!["! Cache-Control".into(), IMMUTABLE.into()],
            ));
        }
        for kind in ["s/", "v/"] {
            rules.push((
                format!("/{folder}{kind}*"),
                vec![
                    "! Cache-Control".into(),
                    "Cache-Control: public, max-age=300".into(),
                ],
            ));
        }
    }
    for f in hashed_files(dist)? {
        rules.push((
            format!("/{f}"),
            vec!["! Cache-Control".into(), IMMUTABLE.into()],
        ));
    }
    Ok(rules
        .iter()
        .map(|(path, lines)| {
            let lines: String = lines.iter().map(|l| format!("  {l}\n")).collect();
            format!("{path}\n{lines}")
        })
        .collect::<Vec<_>>()
        .join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK: &str = r#"<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <base href="/">
  <meta name="api-base" content="https://api.example/v1/">
  <meta name="description" content="News from our newsroom.">
  <title>News</title>
  <script src="./prefs-0123abcd.js"></script>
  <script src="./crash-0123abcd.js" defer></script>
  <link rel="stylesheet" href="./tokens-0123abcd.css" integrity="sha384-y"/>
  <link rel="stylesheet" href="./base-0123abcd.css" integrity="sha384-z"/>
<script type="module">
import init from './newsfront-0123456789abcdef.js';
init();
</script>
  <link rel="modulepreload" href="./newsfront-0123456789abcdef.js">
  <link rel="preload" href="./newsfront-0123456789abcdef_bg.wasm" integrity="sha384-x" as="fetch" type="application/wasm" crossorigin="">
</head>
<body>
  <noscript>
    <p>This news site needs JavaScript.</p>
  </noscript>
</body>
</html>
"#;

    fn built(name: &str) -> (std::path::PathBuf, Shell) {
        let dir =
            std::env::temp_dir().join(format!("newsfront-shell-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("index.html"), TRUNK).unwrap();
        std::fs::write(
            dir.join("prefs-0123abcd.js"),
            "document.documentElement.dataset.x = 1;\n",
        )
        .unwrap();
        std::fs::write(
            dir.join("crash-0123abcd.js"),
            "addEventListener('error', show);\n",
        )
        .unwrap();
        std::fs::write(dir.join("widget.js"), "parent.postMessage(1, '*');\n").unwrap();
        std::fs::write(dir.join("tokens-0123abcd.css"), ":root { --a: 1; }\n").unwrap();
        std::fs::write(dir.join("base-0123abcd.css"), "p { margin: 0; }\n").unwrap();
        std::fs::write(
            dir.join("embed-demo.html"),
            "<meta charset=\"utf-8\"><p>picker</p>",
        )
        .unwrap();
        let shell = Shell::open(&dir).unwrap();
        (dir, shell)
    }

    #[test]
    fn trunks_page_becomes_a_shell_under_a_strict_policy() {
        let (dir, _) = built("trunk");
        let html = std::fs::read_to_string(dir.join("index.html")).unwrap();
        assert_eq!(html, std::fs::read_to_string(dir.join("404.html")).unwrap());
        assert!(!html.contains("import init"), "no inline module script");
        let start = re(r#"src="\./(start-[0-9a-f]{16}\.js)""#)
            .captures(&html)
            .unwrap()[1]
            .to_string();
        assert!(
            std::fs::read_to_string(dir.join(&start))
                .unwrap()
                .contains("import init")
        );
        assert!(html.contains("<script>document.documentElement.dataset.x = 1;\n</script>"));
        assert!(html.contains("<script data-crash>addEventListener('error', show);\n</script>"));
        assert!(!dir.join("prefs-0123abcd.js").exists() && !dir.join("crash-0123abcd.js").exists());
        assert!(!html.contains("integrity="), "{html}");
        let csp = re(r#"http-equiv="Content-Security-Policy" content="([^"]*)""#)
            .captures(&html)
            .unwrap()[1]
            .to_string();
        // The starter, the theme and the crash notice, each by its hash.
        let scripts = [
            early_script(&start),
            "document.documentElement.dataset.x = 1;\n".into(),
            "addEventListener('error', show);\n".into(),
        ];
        let hashes: String = scripts.iter().map(|s| allow(s)).collect();
        assert!(
            csp.contains(&format!("script-src 'self' 'wasm-unsafe-eval'{hashes};")),
            "{csp}"
        );
        assert!(!csp.contains("unsafe-inline"));
        // The style sheets are one inline style, in their order, allowed by its hash.
        let css = ":root { --a: 1; }\np { margin: 0; }\n";
        assert!(html.contains(&format!("<style>{css}</style>")), "{html}");
        assert!(!html.contains("rel=\"stylesheet\""));
        assert!(!dir.join("base-0123abcd.css").exists());
        assert!(
            csp.contains(&format!("style-src 'self'{};", allow(css))),
            "{csp}"
        );
        assert!(
            csp.contains("connect-src 'self' https://api.example;"),
            "{csp}"
        );
        for host in FRAME_HOSTS {
            assert!(csp.contains(host));
        }
        let headers = std::fs::read_to_string(dir.join("_headers")).unwrap();
        for ed in ["/embed/*", "/ru/embed/*", "/arm/embed/*"] {
            assert!(
                headers.contains(&format!("{ed}\n  ! Content-Security-Policy")),
                "{ed}"
            );
        }
        assert!(headers.contains(&format!(
            "/{start}\n  ! Cache-Control\n  Cache-Control: public, max-age=31536000, immutable"
        )));
        assert!(headers.contains(
            "/search/ru/p*\n  ! Cache-Control\n  Cache-Control: public, max-age=31536000, immutable"
        ));
        assert!(
            !headers.contains("/search/en/e"),
            "the entry is revalidated"
        );
        let demo = std::fs::read_to_string(dir.join("embed-demo.html")).unwrap();
        assert!(demo.contains("frame-src 'self' https://"));
        // A second run reads the shell it wrote rather than making it again.
        assert!(Shell::open(&dir).is_ok());
    }

    #[test]
    fn a_page_fills_the_named_slots() {
        let (_, shell) = built("slots");
        let page = shell.page(&Fill {
            lang: Some("hy"),
            title: Some("Story &amp; more"),
            head: Some("  <meta name=\"description\" content=\"own\">\n"),
            body: Some("<main>story</main>"),
            ..Fill::default()
        });
        assert!(page.contains("<html lang=\"hy\">"));
        assert!(page.contains("<title>Story &amp; more</title>"));
        assert_eq!(page.matches("name=\"description\"").count(), 1);
        assert!(page.contains("content=\"own\">\n</head>"), "{page}");
        assert!(
            page.contains("<body>\n  <main>story</main>\n</body>"),
            "{page}"
        );
        assert!(
            !page.contains("preload"),
            "a pre-rendered page does not preload the app"
        );
        let start = &shell.start;
        assert!(page.contains(&format!("<script>{}</script>", early_script(start))));
        assert!(page.contains(&format!("import('./{start}')")));
        assert!(!page.contains("src=\"./start-"));
        assert!(page.contains("<script data-crash>"));
        // With nothing filled in, the page is the shell itself.
        let blank = shell.page(&Fill::default());
        assert!(blank.contains("modulepreload") && blank.contains("src=\"./start-"));
        assert!(blank.contains("<noscript>"));
    }

    #[test]
    fn a_widget_page_has_its_script_and_no_app() {
        let (dir, shell) = built("widget");
        let page = shell.page(&Fill {
            body: Some("<main>headlines</main>"),
            widget: true,
            ..Fill::default()
        });
        let script = re(r#"<script defer src="\./(widget-[0-9a-f]{16}\.js)"></script>"#)
            .captures(&page)
            .unwrap_or_else(|| panic!("{page}"))[1]
            .to_string();
        assert_eq!(
            std::fs::read_to_string(dir.join(&script)).unwrap(),
            "parent.postMessage(1, '*');\n"
        );
        for app in ["start-", "data-crash", "newsfront-"] {
            assert!(!page.contains(app), "{app} in {page}");
        }
        assert!(page.contains("<main>headlines</main>"));
        let headers = std::fs::read_to_string(dir.join("_headers")).unwrap();
        assert!(headers.contains(&format!(
            "/{script}\n  ! Cache-Control\n  Cache-Control: public, max-age=31536000, immutable"
        )));
    }
}
