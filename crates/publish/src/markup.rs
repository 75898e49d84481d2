//! Escaping for the text the pre-render step writes itself (head tags, XML feeds).

/// Text for HTML or XML content and double-quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    newsfront_core::sanitize::escape(text, &mut out);
    out
}

/// JSON to put inside a `<script>` data block: `<` is written as `\u003c`, so no
/// `</script>` or `<!--` can end or change the block (valid JSON either way, since `<`
/// only occurs inside strings).
pub fn script_json(json: &str) -> String {
    json.replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(escape("a\u{0}b"), "ab");
    }

    #[test]
    fn script_json_cannot_close_the_block() {
        let out = script_json(r#"{"t":"</script><script>alert(1)</script><!--"}"#);
        assert!(!out.contains('<'));
        let back: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(back["t"], "</script><script>alert(1)</script><!--");
    }
}
