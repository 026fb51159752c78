//! Editing the assessment tree as a person types: pure functions over the JSON value of
//! the assessment file (`docs/formats.md` §2). What is typed is kept as typed — a valid
//! whole number becomes a JSON number, anything else stays text for the engine to
//! report — so nothing is lost and the exported file is the formats.md file.

use serde_json::{json, Map, Value};

/// The section of the file an entry lives in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    SelfAssessed,
    /// The appraiser's inputs (*thẩm định*), beside the unit's.
    Appraisal,
    Survey,
}

impl Section {
    pub fn key(self) -> &'static str {
        match self {
            Section::SelfAssessed => "self",
            Section::Appraisal => "appraisal",
            Section::Survey => "survey",
        }
    }
}

/// The entry object of a leaf, if any.
pub fn entry<'a>(tree: &'a Value, section: Section, code: &str) -> Option<&'a Map<String, Value>> {
    tree.get(section.key())?.get(code)?.as_object()
}

fn entry_mut<'a>(
    tree: &'a mut Value,
    section: Section,
    code: &str,
) -> Option<&'a mut Map<String, Value>> {
    let root = tree.as_object_mut()?;
    let sec = root
        .entry(section.key())
        .or_insert_with(|| Value::Object(Map::new()));
    if !sec.is_object() {
        *sec = Value::Object(Map::new());
    }
    let map = sec.as_object_mut()?;
    let e = map
        .entry(code.to_string())
        .or_insert_with(|| Value::Object(Map::new()));
    if !e.is_object() {
        *e = Value::Object(Map::new());
    }
    e.as_object_mut()
}

/// A field of an entry as text for an input control.
pub fn field_text(tree: &Value, section: Section, code: &str, field: &str) -> String {
    match entry(tree, section, code).and_then(|e| e.get(field)) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Bool(b)) => b.to_string(),
        _ => String::new(),
    }
}

pub fn field_bool(tree: &Value, section: Section, code: &str, field: &str) -> Option<bool> {
    entry(tree, section, code)?.get(field)?.as_bool()
}

/// Text typed into a whole-number field: digits become a JSON number (as files usually
/// write counts); anything else is kept as text, to be reported by the engine.
pub fn count_value(typed: &str) -> Value {
    let t = typed.trim();
    if !t.is_empty() && t.len() <= 15 && t.bytes().all(|b| b.is_ascii_digit()) {
        if let Ok(n) = t.parse::<u64>() {
            return json!(n);
        }
    }
    Value::String(typed.to_string())
}

/// Text typed into a decimal field (manual points, survey percent): a decimal comma is
/// read as a point, as Vietnamese users type it; the value is kept as a string.
pub fn decimal_value(typed: &str) -> Value {
    Value::String(typed.trim().replace(',', "."))
}

/// Sets (or, with `None`, removes) one field of an entry.
pub fn set_field(
    tree: &mut Value,
    section: Section,
    code: &str,
    field: &str,
    value: Option<Value>,
) {
    if let Some(e) = entry_mut(tree, section, code) {
        match value {
            Some(v) => {
                e.insert(field.to_string(), v);
            }
            None => {
                e.remove(field);
            }
        }
    }
}

/// Declares a leaf not applicable (*không phát sinh*) or undoes it. Inputs typed before
/// are kept aside in `note`-free form: declaring removes the rule's inputs, which the
/// engine would refuse beside `not_applicable`.
pub fn set_not_applicable(
    tree: &mut Value,
    section: Section,
    code: &str,
    on: bool,
    input_keys: &[&str],
) {
    if let Some(e) = entry_mut(tree, section, code) {
        if on {
            for k in input_keys {
                e.remove(*k);
            }
            e.insert("not_applicable".into(), Value::Bool(true));
        } else {
            e.remove("not_applicable");
        }
    }
}

/// Toggles one key of a checklist's `checked` list, keeping framework order.
pub fn toggle_checked(
    tree: &mut Value,
    section: Section,
    code: &str,
    key: &str,
    on: bool,
    order: &[String],
) {
    let current: Vec<String> = entry(tree, section, code)
        .and_then(|e| e.get("checked"))
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    let mut next: Vec<String> = order
        .iter()
        .filter(|k| {
            if k.as_str() == key {
                on
            } else {
                current.contains(k)
            }
        })
        .cloned()
        .collect();
    // Keys the framework does not know stay, so the engine can name them.
    next.extend(current.into_iter().filter(|k| !order.contains(k)));
    set_field(tree, section, code, "checked", Some(json!(next)));
}

/// One evidence item (*tài liệu kiểm chứng*) as the form edits it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EvidenceItem {
    pub reference: String,
    pub date: String,
    pub title: String,
}

pub fn evidence(tree: &Value, section: Section, code: &str) -> Vec<EvidenceItem> {
    let text = |v: &Value, k: &str| {
        v.get(k)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    entry(tree, section, code)
        .and_then(|e| e.get("evidence"))
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .map(|v| EvidenceItem {
                    reference: text(v, "ref"),
                    date: text(v, "date"),
                    title: text(v, "title"),
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Writes the evidence list back; empty fields are left out of the file.
pub fn set_evidence(tree: &mut Value, section: Section, code: &str, items: &[EvidenceItem]) {
    let list: Vec<Value> = items
        .iter()
        .map(|i| {
            let mut m = Map::new();
            for (k, v) in [
                ("ref", &i.reference),
                ("date", &i.date),
                ("title", &i.title),
            ] {
                if !v.trim().is_empty() {
                    m.insert(k.into(), Value::String(v.clone()));
                }
            }
            Value::Object(m)
        })
        .collect();
    set_field(
        tree,
        section,
        code,
        "evidence",
        if list.is_empty() {
            None
        } else {
            Some(Value::Array(list))
        },
    );
}

/// A bonus (*điểm thưởng*) or penalty (*điểm trừ*) item as the form edits it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AdjustmentItem {
    pub points: String,
    pub reason: String,
}

/// The items of `bonus` or `penalty`.
pub fn adjustments(tree: &Value, key: &str) -> Vec<AdjustmentItem> {
    let text = |v: &Value, k: &str| match v.get(k) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    tree.get(key)
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .map(|v| AdjustmentItem {
                    points: text(v, "points"),
                    reason: text(v, "reason"),
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Writes `bonus` or `penalty` back; points are kept as typed (a decimal comma read as a
/// point), so the engine names what is wrong.
pub fn set_adjustments(tree: &mut Value, key: &str, items: &[AdjustmentItem]) {
    let list: Vec<Value> = items
        .iter()
        .map(|i| json!({ "points": decimal_value(&i.points), "reason": i.reason }))
        .collect();
    if let Some(root) = tree.as_object_mut() {
        root.insert(key.to_string(), Value::Array(list));
    }
}

/// The unit and year an assessment names (empty and 0 when absent).
pub fn unit_and_year(tree: &Value) -> (String, i64) {
    let unit = tree
        .get("unit")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let year = tree.get("year").and_then(Value::as_i64).unwrap_or_default();
    (unit, year)
}

/// The assessment file text as exported: two-space JSON and a final newline. Keys are
/// ordered, so exporting an imported export gives the same bytes.
pub fn export_text(tree: &Value) -> String {
    let mut s = serde_json::to_string_pretty(tree).unwrap_or_default();
    s.push('\n');
    s
}

/// A file name for an export: `ubnd-huyen-tra-cu-2022.json`.
pub fn export_name(unit: &str, year: i64) -> String {
    let mut slug = String::new();
    for c in unit.chars().flat_map(fold_vietnamese) {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        format!("danh-gia-{year}.json")
    } else {
        format!("{slug}-{year}.json")
    }
}

/// Vietnamese letters without their marks, for file names.
fn fold_vietnamese(c: char) -> Option<char> {
    const GROUPS: [(&str, char); 12] = [
        ("àáạảãâầấậẩẫăằắặẳẵ", 'a'),
        ("ÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴ", 'A'),
        ("èéẹẻẽêềếệểễ", 'e'),
        ("ÈÉẸẺẼÊỀẾỆỂỄ", 'E'),
        ("ìíịỉĩ", 'i'),
        ("ÌÍỊỈĨ", 'I'),
        ("òóọỏõôồốộổỗơờớợởỡ", 'o'),
        ("ÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠ", 'O'),
        ("ùúụủũưừứựửữ", 'u'),
        ("ÙÚỤỦŨƯỪỨỰỬỮ", 'U'),
        ("ỳýỵỷỹ", 'y'),
        ("ỲÝỴỶỸ", 'Y'),
    ];
    if c == 'đ' {
        return Some('d');
    }
    if c == 'Đ' {
        return Some('D');
    }
    Some(
        GROUPS
            .iter()
            .find(|(set, _)| set.contains(c))
            .map_or(c, |(_, base)| *base),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_counts_stay_as_typed_when_not_numbers() {
        assert_eq!(count_value("6507"), json!(6507));
        assert_eq!(count_value(" 12 "), json!(12));
        assert_eq!(count_value("12a"), json!("12a"));
        assert_eq!(count_value(""), json!(""));
        assert_eq!(decimal_value("86,4"), json!("86.4"));
    }

    #[test]
    fn editing_fields_checklists_and_evidence() {
        let mut tree = json!({ "format": 1, "self": {} });
        set_field(
            &mut tree,
            Section::SelfAssessed,
            "3.3.2",
            "numerator",
            Some(json!(5)),
        );
        assert_eq!(
            field_text(&tree, Section::SelfAssessed, "3.3.2", "numerator"),
            "5"
        );
        let order = vec!["a".to_string(), "b".to_string(), "c".to_string()];
        toggle_checked(&mut tree, Section::SelfAssessed, "1.2.1", "c", true, &order);
        toggle_checked(&mut tree, Section::SelfAssessed, "1.2.1", "a", true, &order);
        assert_eq!(tree["self"]["1.2.1"]["checked"], json!(["a", "c"]));
        set_not_applicable(
            &mut tree,
            Section::SelfAssessed,
            "3.3.2",
            true,
            &["numerator", "denominator"],
        );
        assert_eq!(tree["self"]["3.3.2"], json!({ "not_applicable": true }));
        let items = vec![EvidenceItem {
            reference: "05/KH-UBND".into(),
            date: "2022-01-25".into(),
            title: String::new(),
        }];
        set_evidence(&mut tree, Section::SelfAssessed, "1.1.1", &items);
        assert_eq!(
            tree["self"]["1.1.1"]["evidence"],
            json!([{ "ref": "05/KH-UBND", "date": "2022-01-25" }])
        );
        assert_eq!(evidence(&tree, Section::SelfAssessed, "1.1.1"), items);
    }

    #[test]
    fn export_round_trips_byte_for_byte() {
        let text = include_str!("../../examples/tra-cu-2022.json");
        let once = export_text(&serde_json::from_str(text).unwrap());
        let twice = export_text(&serde_json::from_str(&once).unwrap());
        assert_eq!(once, twice);
        assert_eq!(
            export_name("UBND huyện Trà Cú", 2022),
            "ubnd-huyen-tra-cu-2022.json"
        );
        assert_eq!(export_name("Đ", 2022), "d-2022.json");
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod export_import {
        use super::super::export_text;
        use proptest::prelude::*;
        use serde_json::{json, Map, Value};

        fn text() -> impl Strategy<Value = String> {
            prop_oneof![
                "[a-z0-9 ./-]{0,20}",
                "\\PC{0,12}",
                Just("Kế hoạch số 05/KH-UBND \"CCHC\"\n\t<b>".to_string())
            ]
        }

        fn entry() -> impl Strategy<Value = Value> {
            (
                prop::option::of(0u64..100_000),
                prop::option::of(0u64..100_000),
                prop::option::of(text()),
                prop::collection::vec((text(), text()), 0..3),
                prop::option::of(any::<bool>()),
            )
                .prop_map(|(n, d, note, evidence, na)| {
                    let mut m = Map::new();
                    if let Some(n) = n {
                        m.insert("numerator".into(), json!(n));
                    }
                    if let Some(d) = d {
                        m.insert("denominator".into(), json!(d.to_string()));
                    }
                    if let Some(note) = note {
                        m.insert("note".into(), json!(note));
                    }
                    if !evidence.is_empty() {
                        let items: Vec<Value> = evidence
                            .into_iter()
                            .map(|(r, t)| json!({ "ref": r, "title": t, "date": "2022-01-25" }))
                            .collect();
                        m.insert("evidence".into(), Value::Array(items));
                    }
                    if let Some(na) = na {
                        m.insert("not_applicable".into(), json!(na));
                    }
                    Value::Object(m)
                })
        }

        proptest! {
            #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

            /// What the app exports, imported (with the engine's strict reader) and exported
            /// again, gives the same bytes.
            #[test]
            fn export_import_export_is_identical(
                unit in text(),
                year in 1900i64..2200,
                entries in prop::collection::btree_map("[1-8]\\.[1-5]\\.[1-5]", entry(), 0..30),
                survey in prop::collection::btree_map("8\\.[1-3]\\.[1-3]", "[0-9]{1,2}\\.[0-9]{1,2}", 0..5),
                bonus in prop::option::of(("[0-2]\\.[05]", text())),
            ) {
                let survey: Map<String, Value> = survey.into_iter().map(|(k, p)| (k, json!({ "percent": p }))).collect();
                let tree = json!({
                    "format": 1, "framework": "mau-huyen@2022", "unit": unit, "year": year,
                    "self": entries, "appraisal": {}, "survey": survey,
                    "bonus": bonus.map(|(p, r)| vec![json!({ "points": p, "reason": r })]).unwrap_or_default(),
                    "penalty": [],
                });
                let first = export_text(&tree);
                let imported = parindex_core::assessment::parse_json(&first).map_err(|d| TestCaseError::fail(d.to_string()))?;
                prop_assert_eq!(&imported, &tree);
                prop_assert_eq!(export_text(&imported), first);
            }
        }
    }
}
