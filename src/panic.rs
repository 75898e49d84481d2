//! A panic must never leave a frozen page: the reader gets a message and a way to
//! reload, in the edition's language, and the console gets the details.

use wasm_bindgen::JsCast;

use crate::edition::Edition;
use crate::i18n;

fn current_edition() -> Edition {
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    let base_path = crate::uri::path_of(&crate::api::urls::document_base()).to_string();
    let below_base = path.strip_prefix(&base_path).unwrap_or(&path);
    crate::routes::table::parse(below_base).0
}

fn show_message() -> Option<()> {
    let document = web_sys::window()?.document()?;
    if document.get_element_by_id("crash").is_some() {
        return Some(());
    }
    let text = i18n::text(current_edition());
    let panel = document.create_element("div").ok()?;
    panel.set_id("crash");
    panel.set_attribute("role", "alert").ok()?;
    let message = document.create_element("p").ok()?;
    message.set_text_content(Some(text.crashed));
    let reload = document.create_element("a").ok()?;
    let here = web_sys::window()?.location().href().ok()?;
    reload.set_attribute("href", &here).ok()?;
    reload.set_text_content(Some(text.reload));
    panel.append_child(&message).ok()?;
    panel.append_child(&reload).ok()?;
    document.body()?.append_child(&panel).ok()?;
    reload.dyn_ref::<web_sys::HtmlElement>()?.focus().ok()
}

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
        show_message();
    }));
}
