//! Hostile input: deep nesting, enormous numbers, huge texts and markup get a clear
//! error or are kept as plain text — never a crash, a hang or unbounded work.

use parindex_core::{score_json, Framework};
use std::time::{Duration, Instant};

fn quick<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "{what} took {:?}",
        start.elapsed()
    );
    out
}

#[test]
fn deeply_nested_json_is_refused() {
    for depth in [200, 10_000, 200_000] {
        let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        let err = quick("nested JSON", || score_json(&text, None)).unwrap_err();
        assert_eq!(err[0].path, "");
        assert!(
            err[0].message.en.contains("JSON syntax error"),
            "{}",
            err[0].message.en
        );
        let objects = format!("{}1{}", "{\"a\":".repeat(depth), "}".repeat(depth));
        assert!(quick("nested objects", || score_json(&objects, None)).is_err());
    }
}

#[test]
fn deeply_nested_toml_is_refused() {
    for depth in [200, 10_000, 200_000] {
        let arrays = format!("a = {}{}\n", "[".repeat(depth), "]".repeat(depth));
        assert!(quick("nested TOML arrays", || Framework::from_toml(&arrays)).is_err());
        let tables = format!("a = {}1{}\n", "{ b = ".repeat(depth), " }".repeat(depth));
        assert!(quick("nested TOML tables", || Framework::from_toml(&tables)).is_err());
    }
}

#[test]
fn enormous_numbers_are_named_not_overflowed() {
    let example = include_str!("../../../examples/tra-cu-2022.json");
    for huge in [
        "\"99999999999999999999999999999999999999\"",
        "1e400",
        "18446744073709551616",
        "\"1e30\"",
        "-0",
    ] {
        let text = example.replacen("\"numerator\": 6416", &format!("\"numerator\": {huge}"), 1);
        assert_ne!(text, example);
        let err = quick("huge number", || score_json(&text, None)).unwrap_err();
        // Either the field is named, or (a number JSON itself cannot hold) the line is.
        let named = err
            .iter()
            .any(|d| d.path == "self.3.3.2.numerator" || d.message.en.contains("line 130"));
        assert!(named, "{huge}: {err:?}");
    }
    let framework = parindex_core::BUILTIN[0]
        .source
        .replacen("max = \"10\"", "max = \"1e28\"", 1);
    assert!(Framework::from_toml(&framework).is_err());
}

#[test]
fn huge_texts_are_handled_in_bounded_time() {
    // 50 MB of JSON: a clear error, quickly.
    let big = format!("{{\"format\": 1, \"framework\": \"mau-huyen@2022\", \"unit\": \"{}\", \"year\": 2022, \"x\": 1}}", "a".repeat(50 << 20));
    let err = quick("50 MB assessment", || score_json(&big, None)).unwrap_err();
    assert_eq!(err[0].path, "x");
}

#[test]
fn markup_stays_text() {
    let example = include_str!("../../../examples/tra-cu-2022.json");
    let text = example.replacen(
        "\"UBND huyện Trà Cú\"",
        "\"<script>alert(1)</script> & <b>x</b>\"",
        1,
    );
    let card = score_json(&text, None).unwrap();
    assert_eq!(card.unit, "<script>alert(1)</script> & <b>x</b>");
    // JSON output escapes nothing it need not: the consumer renders it as text.
    assert!(card.to_json().contains("<script>alert(1)</script>"));
}
