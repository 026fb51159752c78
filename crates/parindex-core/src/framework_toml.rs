//! Writing a framework tree (the form `Framework::from_tree` reads) as a framework TOML
//! file laid out like the built-in ones: the top-level keys, then each `[[band]]`, then
//! each `[[criterion]]` with its keys in the contract's order and its rule as one inline
//! table. Used by `framework import` and the framework editor; the text reads back to
//! the same tree (tested).

use serde_json::Value;
use std::fmt::Write;

const TOP: &[&str] = &[
    "format",
    "id",
    "edition",
    "level",
    "official",
    "source",
    "title",
    "scale",
    "rounding",
    "not_applicable",
    "survey_missing",
    "bonus_max",
    "penalty_max",
];
const CRITERION: &[&str] = &[
    "code",
    "title",
    "max",
    "may_not_apply",
    "evidence",
    "guide",
    "reference",
    "rule",
];
const INLINE: &[&str] = &[
    "kind",
    "key",
    "label",
    "vi",
    "en",
    "decision",
    "annex",
    "row",
    "at_least",
    "above",
    "at_most",
    "below",
    "points",
    "due",
    "due_year_offset",
    "on_time",
    "late",
    "not_done",
    "options",
    "items",
    "bands",
    "otherwise",
    "if_no_cases",
    "all_or_nothing",
    "step",
    "places",
    "mode",
    "min",
];

/// The TOML text of a framework tree.
pub fn write_toml(tree: &Value) -> String {
    let mut out = String::new();
    let Some(map) = tree.as_object() else {
        return out;
    };
    for (k, v) in ordered(map, TOP) {
        if k != "band" && k != "criterion" {
            let _ = writeln!(out, "{} = {}", key(k), inline(v));
        }
    }
    for (table, order) in [("band", &["min", "label"][..]), ("criterion", CRITERION)] {
        for item in map
            .get(table)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let _ = writeln!(out, "\n[[{table}]]");
            if let Some(fields) = item.as_object() {
                for (k, v) in ordered(fields, order) {
                    let _ = writeln!(out, "{} = {}", key(k), block(v));
                }
            }
        }
    }
    out
}

fn ordered<'a>(
    map: &'a serde_json::Map<String, Value>,
    order: &[&str],
) -> Vec<(&'a str, &'a Value)> {
    let mut keys: Vec<&String> = map.keys().collect();
    keys.sort_by_key(|k| {
        (
            order.iter().position(|o| o == k).unwrap_or(usize::MAX),
            k.as_str(),
        )
    });
    keys.into_iter().map(|k| (k.as_str(), &map[k])).collect()
}

/// A value of a criterion's key: arrays of tables inside a rule one per line.
fn block(v: &Value) -> String {
    match v {
        Value::Object(map)
            if map
                .values()
                .any(|v| matches!(v, Value::Array(a) if a.iter().any(Value::is_object))) =>
        {
            let parts: Vec<String> = ordered(map, INLINE)
                .into_iter()
                .map(|(k, v)| match v {
                    Value::Array(a) if a.iter().any(Value::is_object) => {
                        let lines: Vec<String> =
                            a.iter().map(|i| format!("  {},\n", inline(i))).collect();
                        format!("{} = [\n{}]", key(k), lines.concat())
                    }
                    _ => format!("{} = {}", key(k), inline(v)),
                })
                .collect();
            format!("{{ {} }}", parts.join(", "))
        }
        _ => inline(v),
    }
}

fn inline(v: &Value) -> String {
    match v {
        Value::Null => "\"\"".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => string(s),
        Value::Array(a) => {
            let parts: Vec<String> = a.iter().map(inline).collect();
            format!("[{}]", parts.join(", "))
        }
        Value::Object(map) => {
            let parts: Vec<String> = ordered(map, INLINE)
                .into_iter()
                .map(|(k, v)| format!("{} = {}", key(k), inline(v)))
                .collect();
            format!("{{ {} }}", parts.join(", "))
        }
    }
}

fn key(k: &str) -> String {
    if !k.is_empty()
        && k.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    {
        k.to_string()
    } else {
        string(k)
    }
}

/// A TOML basic string.
fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(all(test, feature = "toml"))]
mod tests {
    use super::*;

    /// Every built-in framework, written out, reads back to the same tree.
    #[test]
    fn builtins_round_trip() {
        for b in crate::builtin::BUILTIN {
            let (reference, source) = (b.reference, b.source);
            let tree = crate::toml_tree::parse(source).expect("parses");
            let written = write_toml(&tree);
            let again = crate::toml_tree::parse(&written).expect("written text parses");
            assert_eq!(tree, again, "{reference}");
            assert!(crate::Framework::from_toml(&written).is_ok());
        }
    }

    #[test]
    fn escapes_strings() {
        let tree = serde_json::json!({ "id": "a", "title": { "vi": "\"Trích\"\\ \n\t\u{1}" } });
        let again = crate::toml_tree::parse(&write_toml(&tree)).expect("parses");
        assert_eq!(tree, again);
    }
}
