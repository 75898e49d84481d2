//! Named character references (`&eacute;`) for the sanitiser, decoded by the browser
//! itself: the standard's table of 2,231 names is not in the Wasm (it is about 12 KB
//! brotli; this costs the bundle under 0.3 KB). `newsfront_core::sanitize` holds the
//! rules around it (numeric references, the attribute rule); this reads one name.

/// Gives the sanitiser this decoder; called once at start.
pub fn install() {
    newsfront_core::sanitize::decode_named_with(named);
}

/// The longest named reference at the start of `run` (letters and digits, perhaps a
/// `;`): a detached `<textarea>` reads `&run` as a browser reads text, and what it did
/// not take stays as written at the end.
fn named(run: &str) -> Option<(usize, String)> {
    // `run` holds no `<`: the element gets text, never markup.
    let element = web_sys::window()?
        .document()?
        .create_element("textarea")
        .ok()?;
    element.set_inner_html(&format!("&{run}"));
    let decoded = element.text_content()?;
    // A name is at least two letters; no reference stands for a letter or a digit, so
    // the first end of `run` that the text ends with is where the name stopped.
    (2..=run.len()).find_map(|taken| {
        let rest = &run[taken..];
        let value = decoded.strip_suffix(rest).filter(|v| !v.is_empty())?;
        Some((taken, value.to_string()))
    })
}
