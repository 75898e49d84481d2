//! Character references (`&eacute;`, `&#233;`, `&#x80;`) as the HTML standard decodes
//! them: the longest named reference at that point, with or without its semicolon (the
//! legacy names), the attribute rule that keeps `?a=1&copy=2` a URL, and the numeric
//! rules (zero, surrogates and overflow to U+FFFD, C1 controls read as windows-1252).
//!
//! The table of 2,231 names is the one thing that costs bytes. Natively (the pre-render,
//! the tests) it is the `entities` crate's, the standard's own list (frozen by the
//! standard, so an old crate is a complete one). The app's Wasm does not carry it (the
//! table is about 12 KB brotli, against a bundle being shrunk): the app hands over the
//! browser's own decoder at start (`decode_named_with`), which reads one reference at a
//! time from a detached element and costs the bundle under 0.3 KB.

/// The longest named reference at the start of `run` (the text after `&`: ASCII letters
/// and digits, then perhaps `;`): how many bytes it takes and what it stands for.
#[cfg(target_arch = "wasm32")]
pub type Named = fn(run: &str) -> Option<(usize, String)>;

#[cfg(target_arch = "wasm32")]
static NAMED: std::sync::OnceLock<Named> = std::sync::OnceLock::new();

/// The app's named references: the browser's decoder, given once at start. Without
/// one (a worker that never reads markup), named references stay as written.
#[cfg(target_arch = "wasm32")]
pub fn decode_named_with(named: Named) {
    let _ = NAMED.set(named);
}

#[cfg(target_arch = "wasm32")]
fn named(run: &str) -> Option<(usize, String)> {
    NAMED.get().and_then(|f| f(run))
}

#[cfg(not(target_arch = "wasm32"))]
fn named(run: &str) -> Option<(usize, String)> {
    use std::collections::HashMap;
    use std::sync::OnceLock;
    static TABLE: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        entities::ENTITIES
            .iter()
            .map(|e| (&e.entity[1..], e.characters))
            .collect()
    });
    // The longest name is `CounterClockwiseContourIntegral;`: 32 bytes.
    (1..=run.len().min(32))
        .rev()
        .find_map(|n| table.get(&run[..n]).map(|c| (n, c.to_string())))
}

/// windows-1252's characters for the C1 controls 0x80–0x9F (0: kept as the control).
const C1: [u16; 32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
    0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
];

fn numeric(value: u32) -> char {
    let value = match value {
        0x80..=0x9F => match C1[(value - 0x80) as usize] {
            0 => value,
            mapped => u32::from(mapped),
        },
        _ => value,
    };
    // Zero, surrogates and beyond Unicode are U+FFFD (`from_u32` refuses the last two).
    char::from_u32(value)
        .filter(|c| *c != '\0')
        .unwrap_or('\u{fffd}')
}

/// Decodes the reference after an `&` at the start of `rest` into `out`, and says how
/// many bytes of `rest` it took. 0: not a reference, and the `&` is pushed as text.
fn reference(rest: &str, in_attribute: bool, out: &mut String) -> usize {
    let b = rest.as_bytes();
    if b.first() == Some(&b'#') {
        let hex = matches!(b.get(1), Some(b'x' | b'X'));
        let start = 1 + usize::from(hex);
        let radix = if hex { 16 } else { 10 };
        let digits = b[start..]
            .iter()
            .take_while(|d| (**d as char).is_digit(radix))
            .count();
        if digits == 0 {
            out.push('&');
            return 0;
        }
        let value = b[start..start + digits].iter().fold(0u32, |v, d| {
            let d = (*d as char).to_digit(radix).unwrap_or(0);
            v.saturating_mul(radix).saturating_add(d)
        });
        out.push(numeric(value));
        let end = start + digits;
        return end + usize::from(b.get(end) == Some(&b';'));
    }
    let letters = b.iter().take_while(|c| c.is_ascii_alphanumeric()).count();
    let run = &rest[..letters + usize::from(b.get(letters) == Some(&b';'))];
    match named(run) {
        Some((n, text)) => {
            // In an attribute, `&copy=` or `&copyx` without a semicolon is text (URLs).
            let next = b.get(n).copied().unwrap_or(b' ');
            if in_attribute
                && !run[..n].ends_with(';')
                && (next == b'=' || next.is_ascii_alphanumeric())
            {
                out.push('&');
                return 0;
            }
            out.push_str(&text);
            n
        }
        None => {
            out.push('&');
            0
        }
    }
}

/// Writes `text` to `out` with its references decoded, as in an element's content or
/// an attribute's value. A reference never runs past the end of `text`: the tokenizer
/// hands over text up to a `<`, a quote, a space or a `>`, none of which a reference
/// holds or is decided by.
pub fn decode(text: &str, in_attribute: bool, out: &mut String) {
    let mut rest = text;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p + 1..];
        rest = &rest[reference(rest, in_attribute, out)..];
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attr(s: &str) -> String {
        let mut out = String::new();
        decode(s, true, &mut out);
        out
    }

    fn text(s: &str) -> String {
        let mut out = String::new();
        decode(s, false, &mut out);
        out
    }

    #[test]
    fn named_references_longest_first_with_legacy_names() {
        assert_eq!(text("&eacute;&ouml;&notin;&amp;"), "éö∉&");
        assert_eq!(text("&gt &copy 2024 &notit; &ampx"), "> © 2024 ¬it; &x");
        assert_eq!(text("&unknown; &; & &eacute"), "&unknown; &; & é");
        assert_eq!(text("&NotNestedGreaterGreater;"), "⪢\u{338}");
    }

    #[test]
    fn in_attributes_a_legacy_name_before_equals_or_a_letter_is_text() {
        assert_eq!(attr("?a=1&copy=2&notx=3&not;x"), "?a=1&copy=2&notx=3¬x");
        assert_eq!(attr("&copy &copy;"), "© ©");
    }

    #[test]
    fn numeric_references() {
        assert_eq!(text("&#60;&#x3C;&#X3c;&#41BAR"), "<<<)BAR");
        assert_eq!(text("FOO&#BAR &#x; &#"), "FOO&#BAR &#x; &#");
        assert_eq!(text("&#x80;&#x9F;&#x81;"), "€Ÿ\u{81}");
        assert_eq!(
            text("&#0;&#xD800;&#99999999999;&#x110000;"),
            "\u{fffd}\u{fffd}\u{fffd}\u{fffd}"
        );
    }
}
