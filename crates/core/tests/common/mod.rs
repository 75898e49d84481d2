//! What every sanitiser output must hold, shared by the sanitiser tests and the fuzzer.

use newsfront_core::sanitize::Node;

/// No element that runs script, styles, frames, forms or redirects the page; no handler
/// or style attribute; `href` and `src` only http, https or mailto.
pub fn assert_clean(nodes: &[Node], input: &str) {
    for n in nodes {
        if let Node::Element {
            tag,
            attrs,
            children,
        } = n
        {
            assert!(
                !matches!(
                    *tag,
                    "script"
                        | "style"
                        | "iframe"
                        | "object"
                        | "embed"
                        | "svg"
                        | "form"
                        | "input"
                        | "base"
                        | "meta"
                        | "link"
                ),
                "{tag} survived in {input:?}"
            );
            if newsfront_core::sanitize::MATHML.contains(tag) {
                assert!(
                    attrs.iter().all(|(a, _)| *a == "display"),
                    "{tag} {attrs:?} survived in {input:?}"
                );
            }
            for (name, value) in attrs {
                assert!(
                    !name.starts_with("on") && *name != "style",
                    "{tag} {name} survived in {input:?}"
                );
                if matches!(*name, "href" | "src") {
                    let scheme = newsfront_core::logic::uri::scheme(value);
                    assert!(
                        matches!(scheme.as_deref(), Some("http" | "https" | "mailto")),
                        "{tag} {name}={value} in {input:?}"
                    );
                }
            }
            assert_clean(children, input);
        }
    }
}
