//! The html5lib tokenizer suite (`scripts/setup.sh` fetches it into `.tools/`) against
//! our tokenizer. Compared as the sanitiser uses tokens: comments and doctypes are
//! dropped, runs of text merged, attributes as sets; parse errors are not reported.
//! Every case must agree but those of a kind `differs` names, with its reason.

use super::references::decode;
use super::tokenizer::{Content, Token, Tokenizer};
use serde_json::Value;

const SUITE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../.tools/html5lib-tests");

/// Cases whose difference is by design, by description and why.
fn differs(case: &Value) -> Option<&'static str> {
    let text = case.to_string();
    // A NUL in a name or value becomes U+FFFD in a browser; the sanitiser drops every
    // control character from text, and no allow-listed name holds one.
    if text.contains("\\u0000") {
        return Some("NUL: dropped, not replaced");
    }
    None
}

#[derive(Debug, PartialEq)]
enum Out {
    Start(String, Vec<(String, String)>, bool),
    End(String),
    Text(String),
}

fn push(out: &mut Vec<Out>, t: Out) {
    if let (Some(Out::Text(a)), Out::Text(b)) = (out.last_mut(), &t) {
        a.push_str(b);
    } else if !matches!(&t, Out::Text(s) if s.is_empty()) {
        out.push(t);
    }
}

fn expected(output: &Value) -> Vec<Out> {
    let mut out = Vec::new();
    for t in output.as_array().into_iter().flatten() {
        let s = |i: usize| t[i].as_str().unwrap_or_default().to_string();
        let token = match t[0].as_str() {
            Some("StartTag") => {
                let mut attrs: Vec<(String, String)> = t[2]
                    .as_object()
                    .into_iter()
                    .flatten()
                    .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string()))
                    .collect();
                attrs.sort();
                Out::Start(s(1), attrs, t.get(3).and_then(Value::as_bool) == Some(true))
            }
            Some("EndTag") => Out::End(s(1)),
            Some("Character") => Out::Text(s(1)),
            _ => continue,
        };
        push(&mut out, token);
    }
    out
}

fn ours(input: &str, state: &str, last: &str) -> Vec<Out> {
    let input = input.replace("\r\n", "\n").replace('\r', "\n");
    let mut t = Tokenizer::new(&input);
    let mut out = Vec::new();
    let how = match state {
        "RCDATA state" => Some(Content::RcData),
        "RAWTEXT state" => Some(Content::RawText),
        "Script data state" => Some(Content::ScriptData),
        "PLAINTEXT state" => Some(Content::PlainText),
        _ => None,
    };
    if let Some(how) = how {
        let (text, closed) = t.content(last, how);
        push(&mut out, Out::Text(text.unwrap_or_default()));
        if closed {
            push(&mut out, Out::End(last.to_string()));
        }
    }
    for token in t {
        push(
            &mut out,
            match token {
                Token::Start {
                    name,
                    mut attrs,
                    self_closing,
                } => {
                    attrs.sort();
                    Out::Start(name, attrs, self_closing)
                }
                Token::End { name } => Out::End(name),
                Token::Text(s) => Out::Text(s),
            },
        );
    }
    out
}

/// `\uXXXX` escapes of the suite's doubly escaped cases; `None` for a lone surrogate,
/// which a Rust string (and so the contract's JSON) cannot hold.
fn unescape(s: &str) -> Option<String> {
    let mut out = String::new();
    let mut rest = s;
    while let Some(p) = rest.find("\\u") {
        out.push_str(&rest[..p]);
        let code = u32::from_str_radix(rest.get(p + 2..p + 6)?, 16).ok()?;
        out.push(char::from_u32(code)?);
        rest = &rest[p + 6..];
    }
    out.push_str(rest);
    Some(out)
}

/// Every string of a doubly escaped case unescaped; false if one cannot be.
fn unescape_all(v: &mut Value) -> bool {
    match v {
        Value::String(s) => unescape(s).map(|u| *s = u).is_some(),
        Value::Array(a) => a.iter_mut().all(unescape_all),
        Value::Object(o) => {
            let keys: Vec<String> = o.keys().cloned().collect();
            keys.into_iter().all(|k| {
                let mut value = o.remove(&k).unwrap_or_default();
                let ok = unescape_all(&mut value);
                let Some(k) = unescape(&k).filter(|_| ok) else {
                    return false;
                };
                o.insert(k, value);
                true
            })
        }
        _ => true,
    }
}

#[test]
fn the_html5lib_tokenizer_suite() {
    let dir = format!("{SUITE}/tokenizer");
    let files = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{dir}: {e} (scripts/setup.sh rust fetches it)"));
    let (mut passed, mut by_design, mut unrepresentable) = (0, 0, 0);
    let mut failures = Vec::new();
    for file in files.flatten() {
        let path = file.path();
        if path.extension().is_none_or(|e| e != "test") {
            continue;
        }
        let json: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        for case in json["tests"].as_array().into_iter().flatten() {
            let mut case = case.clone();
            if case["doubleEscaped"].as_bool() == Some(true) && !unescape_all(&mut case) {
                unrepresentable += 1;
                continue;
            }
            let input = case["input"].as_str().unwrap_or_default();
            let last = case["lastStartTag"].as_str().unwrap_or("\u{1}");
            let states: Vec<&str> = case["initialStates"]
                .as_array()
                .map(|s| s.iter().filter_map(Value::as_str).collect())
                .unwrap_or_else(|| vec!["Data state"]);
            let want = expected(&case["output"]);
            for state in states {
                // Entered only from `<![CDATA[` in foreign content, which the tests
                // of the tokenizer's own unit tests cover.
                if state == "CDATA section state" {
                    continue;
                }
                let got = ours(input, state, last);
                match (got == want, differs(&case)) {
                    (true, None) => passed += 1,
                    (true, Some(_)) => passed += 1,
                    (false, Some(_)) => by_design += 1,
                    (false, None) => failures.push(format!(
                        "{}: {state}: {input:?}\n  want {want:?}\n  got  {got:?}",
                        path.file_name().unwrap().to_string_lossy()
                    )),
                }
            }
        }
    }
    println!(
        "html5lib tokenizer: {passed} the same, {by_design} differ by design, {unrepresentable} not representable, {} differ",
        failures.len()
    );
    assert!(passed > 6000, "{passed} cases ran");
    assert!(
        failures.is_empty(),
        "{}\n{} differ",
        failures.join("\n"),
        failures.len()
    );
}

#[test]
fn the_suite_of_named_references_decodes_each() {
    let file = format!("{SUITE}/tokenizer/namedEntities.test");
    let json: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    let mut names = 0;
    for case in json["tests"].as_array().into_iter().flatten() {
        let input = case["input"].as_str().unwrap_or_default();
        let want = expected(&case["output"]);
        let mut text = String::new();
        decode(input, false, &mut text);
        assert_eq!(vec![Out::Text(text)], want, "{input}");
        names += 1;
    }
    assert!(names >= 2231, "{names} names");
}
