//! The dossier (*hồ sơ điện tử*, `docs/formats.md` §6) in the page: evidence files attached
//! and kept in the browser, the `.zip` exported and opened, its history.
//!
//! The browser side is `web/static/dossier.js` (IndexedDB store `files`, SHA-256, the space
//! used) with the `parindex-zip` module (the `.zip`, the same Rust code as `parindex
//! dossier`); `boot.js` imports them only when a file is attached, shown, exported or
//! opened, so a first visit downloads neither. What a draft knows of its dossier — the
//! history of its exports, the assessment as last exported or received, the problems found
//! when it was opened — is kept in the draft's envelope (`storage::Meta::dossier`), as
//! JSON: `{"history": [...], "last": {assessment}, "problems": [{"entry", "vi", "en"}]}`.
//!
//! The pure parts (the files an assessment names, what changed between two exports, the
//! history entry) are tested natively.

use crate::model::object;
use crate::storage::keys_of_either;
use parindex_core::decimal::points_str;
use parindex_core::format::compact_json;
use parindex_core::{Scorecard, Text};
use serde_json::{Map, Value};
use wasm_bindgen::JsValue;

/// The dossier's folder of evidence files.
const FILES: &str = "tai-lieu";

/// Where a criterion's attached document lives in the dossier.
pub fn path(code: &str, name: &str) -> String {
    format!("{FILES}/{code}/{name}")
}

/// Every document the assessment's evidence items attach, once per path, as the dossier
/// module writes them: `{"code", "name", "type", "sha256", "size"}`.
pub fn files(tree: &Value) -> Vec<Value> {
    let mut out: Vec<Value> = Vec::new();
    for section in ["self", "appraisal", "survey"] {
        let Some(entries) = tree.get(section).and_then(Value::as_object) else {
            continue;
        };
        for (code, entry) in entries {
            let items = entry.get("evidence").and_then(Value::as_array);
            for file in items.into_iter().flatten().filter_map(|i| i.get("file")) {
                let text = |k: &str| file.get(k).and_then(Value::as_str).unwrap_or_default();
                let f = object(vec![
                    ("code", code.as_str().into()),
                    ("name", text("name").into()),
                    ("type", text("type").into()),
                    ("sha256", text("sha256").into()),
                    ("size", file.get("size").cloned().unwrap_or_default()),
                ]);
                if !out
                    .iter()
                    .any(|o| o["code"] == f["code"] && o["name"] == f["name"])
                {
                    out.push(f);
                }
            }
        }
    }
    out
}

/// What changed from one export of the dossier to the next, by criterion: the unit's
/// inputs (`self`), its notes and *giải trình*, the appraisal's inputs and comments, the
/// survey, the documents added and removed (paths), and any other part (`bonus`, …).
/// Lists left empty are left out.
pub fn changes(before: &Value, after: &Value) -> Value {
    const NOTES: [(&str, &str, &str); 3] = [
        ("self", "note", "notes"),
        ("self", "explanation", "explanations"),
        ("appraisal", "comment", "comments"),
    ];
    const TEXT: [&str; 4] = ["note", "explanation", "comment", "evidence"];
    let mut out = Map::new();
    let mut put = |list: &str, item: String| {
        let slot = out.entry(list).or_insert_with(|| Value::Array(Vec::new()));
        if let Some(a) = slot.as_array_mut() {
            if !a.iter().any(|v| v.as_str() == Some(item.as_str())) {
                a.push(Value::String(item));
            }
        }
    };
    let entries = |v: &Value, s: &str| {
        v.get(s)
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default()
    };
    for (section, list) in [
        ("self", "inputs"),
        ("appraisal", "appraisal"),
        ("survey", "survey"),
    ] {
        let (x, y) = (entries(before, section), entries(after, section));
        for code in keys_of_either(&x, &y) {
            // The inputs: an entry without its notes and evidence.
            let inputs = |e: Option<&Value>| {
                let mut m = e.and_then(Value::as_object).cloned().unwrap_or_default();
                m.retain(|k, _| !TEXT.contains(&k.as_str()));
                m
            };
            if inputs(x.get(code)) != inputs(y.get(code)) {
                put(list, code.clone());
            }
        }
    }
    for (section, key, list) in NOTES {
        let (x, y) = (entries(before, section), entries(after, section));
        for code in keys_of_either(&x, &y) {
            let text = |e: &Map<String, Value>| e.get(code).and_then(|e| e.get(key)).cloned();
            if text(&x) != text(&y) {
                put(list, code.clone());
            }
        }
    }
    let paths = |v: &Value| -> Vec<String> {
        files(v)
            .iter()
            .map(|f| {
                let t = |k: &str| f[k].as_str().unwrap_or_default().to_string();
                format!("{}#{}", path(&t("code"), &t("name")), t("sha256"))
            })
            .collect()
    };
    let (x, y) = (paths(before), paths(after));
    let unhashed = |p: &String| p.split('#').next().unwrap_or_default().to_string();
    for p in y.iter().filter(|p| !x.contains(p)) {
        put("files_added", unhashed(p));
    }
    for p in x.iter().filter(|p| !y.contains(p)) {
        put("files_removed", unhashed(p));
    }
    // The other parts (`bonus`, `penalty`, …) as the drafts compare them.
    for key in crate::storage::differences(before, after).parts {
        put("other", key);
    }
    Value::Object(out)
}

/// The dossier's state after an export by `role` (`unit` or `appraiser`) at `at`: one more
/// history entry — the totals then, and what changed since the last export or the dossier
/// received (`null` for the first) — and the assessment as exported.
pub fn exported(
    previous: Option<&Value>,
    tree: &Value,
    card: Option<&Scorecard>,
    role: &str,
    at: &str,
) -> Value {
    let mut history = previous
        .and_then(|d| d.get("history"))
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let since = previous
        .and_then(|d| d.get("last"))
        .filter(|l| l.is_object());
    // Points, max and index as the scorecard writes them.
    let total = |t: &parindex_core::scorecard::Total| {
        object(vec![
            ("points", points_str(t.points).into()),
            ("max", points_str(t.max).into()),
            ("index", t.index.map(|i| i.to_fixed()).into()),
        ])
    };
    history.push(object(vec![
        ("round", (history.len() + 1).into()),
        ("role", role.into()),
        ("at", at.into()),
        ("total", card.map(|c| total(&c.total)).into()),
        ("self_total", card.map(|c| total(&c.self_total)).into()),
        ("appraised", card.map(|c| c.summary.appraised).into()),
        ("changes", since.map(|l| changes(l, tree)).into()),
    ]));
    let mut out = object(vec![("history", history.into()), ("last", tree.clone())]);
    // What was found in the files received stays true of them.
    if let Some(p) = previous.and_then(|d| d.get("problems")) {
        out["problems"] = p.clone();
    }
    out
}

/// A dossier received: its history, the assessment as received (what the next export is
/// compared with), and what was found wrong with its files.
pub fn received(history: Value, assessment: &Value, problems: Value) -> Value {
    object(vec![
        ("history", history),
        ("last", assessment.clone()),
        ("problems", problems),
    ])
}

/// The problem found with the document at `path` when the dossier was opened.
pub fn problem(dossier: Option<&Value>, path: &str) -> Option<Text> {
    problems(dossier)
        .into_iter()
        .find_map(|(entry, text)| (entry == path).then_some(text))
}

/// Every problem found when the dossier was opened, as `(entry, text)`.
pub fn problems(dossier: Option<&Value>) -> Vec<(String, Text)> {
    let list = dossier
        .and_then(|d| d.get("problems"))
        .and_then(Value::as_array);
    list.into_iter()
        .flatten()
        .map(|p| {
            let t = |k: &str| p[k].as_str().unwrap_or_default().to_string();
            (t("entry"), Text::new(t("vi"), t("en")))
        })
        .collect()
}

/// The history entries.
pub fn history(dossier: Option<&Value>) -> &[Value] {
    dossier
        .and_then(|d| d.get("history"))
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// The name of a history entry's round: the unit's first exports are its self-assessment
/// (*tự đánh giá*), the appraiser's first its appraisal (*thẩm định*); the unit's after an
/// appraisal answer it (*giải trình*), the appraiser's after that appraise again (*thẩm
/// định lại*).
pub fn round_name(history: &[Value], i: usize) -> Text {
    let appraised_before = history[..i.min(history.len())]
        .iter()
        .any(|e| e["role"] == "appraiser");
    match (
        history.get(i).map(|e| e["role"] == "appraiser"),
        appraised_before,
    ) {
        (Some(true), false) => Text::new("Thẩm định", "Appraisal"),
        (Some(true), true) => Text::new("Thẩm định lại", "Appraisal again"),
        (_, true) => Text::new("Giải trình", "The unit's answer"),
        (_, false) => Text::new("Tự đánh giá", "Self-assessment"),
    }
}

/// What a history entry's `changes` say, in words: `null` (the first export) says so.
pub fn changes_words(changes: &Value, lang: crate::i18n::Lang) -> String {
    use crate::i18n::tr;
    let Some(map) = changes.as_object() else {
        return tr(lang, "lần xuất đầu tiên", "first export").to_string();
    };
    const KINDS: [(&str, &str, &str); 9] = [
        ("inputs", "số liệu tự đánh giá", "self-assessed inputs"),
        ("notes", "ghi chú", "notes"),
        ("explanations", "giải trình", "explanations"),
        ("appraisal", "kết quả thẩm định", "appraisal"),
        ("comments", "nhận xét thẩm định", "appraiser's comments"),
        ("survey", "điều tra XHH", "survey"),
        ("files_added", "tệp thêm", "files added"),
        ("files_removed", "tệp bớt", "files removed"),
        ("other", "phần khác", "other parts"),
    ];
    let parts: Vec<String> = KINDS
        .iter()
        .filter_map(|(key, vi, en)| {
            let list: Vec<&str> = map
                .get(*key)?
                .as_array()?
                .iter()
                .filter_map(Value::as_str)
                .collect();
            (!list.is_empty())
                .then(|| format!("{} ({}): {}", tr(lang, vi, en), list.len(), list.join(", ")))
        })
        .collect();
    if parts.is_empty() {
        tr(lang, "không thay đổi", "no change").to_string()
    } else {
        parts.join("; ")
    }
}

/// A size in words, to a tenth: `47,1 KB`, `3,2 MB`, `4,0 GB`.
pub fn size(bytes: u64, lang: crate::i18n::Lang) -> String {
    let (unit, name) = if bytes >= 1 << 30 {
        (1u64 << 30, "GB")
    } else if bytes >= 1 << 20 {
        (1 << 20, "MB")
    } else {
        (1 << 10, "KB")
    };
    let tenths = ((bytes * 10 + unit / 2) / unit).max(1);
    let sep = if lang == crate::i18n::Lang::Vi {
        ','
    } else {
        '.'
    };
    format!("{}{sep}{} {name}", tenths / 10, tenths % 10)
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// Defined by `web/static/boot.js`: imports `dossier.js` and runs one operation.
    #[wasm_bindgen(catch, js_namespace = globalThis, js_name = parindexDossier)]
    async fn call(op: &str, arg: &JsValue) -> Result<JsValue, JsValue>;
}

/// Runs an operation of `dossier.js`: its text, or its problems (`[{"entry", "vi", "en"}]`
/// thrown as JSON text; anything else means the code could not be loaded).
async fn run(op: &str, arg: &JsValue) -> Result<String, Vec<Text>> {
    let unavailable = || {
        vec![Text::new(
            "không tải được phần xử lý hồ sơ (mất kết nối mạng?). Hãy mở trang này một lần khi có mạng",
            "the dossier code could not be loaded (offline?). Open this page once while online",
        )]
    };
    // A page without boot.js (a test's) has no dossier code.
    if !crate::platform::boot_defines("parindexDossier") {
        return Err(unavailable());
    }
    match call(op, arg).await {
        Ok(v) => Ok(v.as_string().unwrap_or_default()),
        Err(thrown) => {
            let list = thrown.as_string().and_then(|t| crate::model::read_list(&t));
            Err(match list {
                Some(list) => list
                    .iter()
                    .map(|p| {
                        let t = |k: &str| p[k].as_str().unwrap_or_default();
                        let at = p["entry"]
                            .as_str()
                            .map(|e| format!("{e}: "))
                            .unwrap_or_default();
                        Text::new(format!("{at}{}", t("vi")), format!("{at}{}", t("en")))
                    })
                    .collect(),
                None => unavailable(),
            })
        }
    }
}

/// Keeps a chosen file in the browser: its `file` description for the evidence item.
pub async fn attach(file: web_sys::File) -> Result<Value, Vec<Text>> {
    let text = run("attach", &file.into()).await?;
    crate::model::read_json(&text)
        .ok_or_else(|| vec![Text::new("không lưu được tệp", "the file was not kept")])
}

/// A `blob:` URL of a kept document, if this browser holds it.
pub async fn url(sha256: &str) -> Option<String> {
    run("url", &JsValue::from_str(sha256))
        .await
        .ok()
        .filter(|u| !u.is_empty())
}

/// The space this site uses and may use (bytes), and whether the browser keeps it for
/// good.
pub async fn space() -> Option<(u64, u64, bool)> {
    let text = run("space", &JsValue::NULL).await.ok()?;
    let v: Value = crate::model::read_json(&text)?;
    Some((
        v["used"].as_u64()?,
        v["quota"].as_u64()?,
        v["persisted"].as_bool()?,
    ))
}

/// Writes the dossier of `tree` with `history` and offers it as the download `name`. A
/// document this browser does not hold (never received, or received altered) is left
/// out — a reader then finds it missing — and its path returned.
pub async fn save(name: &str, tree: &Value, history: &[Value]) -> Result<Vec<String>, Vec<Text>> {
    let request = object(vec![
        ("name", name.into()),
        ("assessment", crate::model::export_text(tree).into()),
        ("files", files(tree).into()),
        ("history", history.to_vec().into()),
    ]);
    let text = run("save", &JsValue::from_str(&compact_json(&request))).await?;
    let left_out = crate::model::read_list(&text).unwrap_or_default();
    Ok(left_out
        .into_iter()
        .filter_map(|path| match path {
            Value::String(path) => Some(path),
            _ => None,
        })
        .collect())
}

/// Reads a dossier `.zip` and keeps its files: the assessment's text, and the dossier's
/// state as received (`received`).
pub async fn open(file: web_sys::File) -> Result<(String, Value), Vec<Text>> {
    let text = run("open", &file.into()).await?;
    let bad = || {
        vec![Text::new(
            "không đọc được hồ sơ",
            "the dossier cannot be read",
        )]
    };
    let v: Value = crate::model::read_json(&text).ok_or_else(bad)?;
    let assessment = v["assessment"].as_str().ok_or_else(bad)?.to_string();
    let tree: Value = crate::model::read_json(&assessment).unwrap_or(Value::Null);
    Ok((
        assessment.clone(),
        received(v["history"].clone(), &tree, v["problems"].clone()),
    ))
}

/// The assessment's text in a dossier `.zip`, its files neither read nor hashed (ranking,
/// comparing): a few hundred kilobytes of the file are read, whatever it weighs.
pub async fn assessment(file: web_sys::File) -> Result<String, Vec<Text>> {
    run("assessment", &file.into()).await
}

/// Erases every kept document not in `keep` (run when the bin is emptied).
pub async fn keep_only(keep: &[String]) {
    let list = Value::Array(keep.iter().cloned().map(Value::String).collect());
    let _ = run("keepOnly", &JsValue::from_str(&compact_json(&list))).await;
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn file(name: &str, sha: &str) -> Value {
        json!({ "name": name, "sha256": sha.repeat(32), "size": 3, "type": "application/pdf" })
    }

    #[test]
    fn the_files_of_an_assessment_once_per_path() {
        let tree = json!({
            "self": { "1.1": { "evidence": [{ "ref": "x" }, { "file": file("a.pdf", "aa") }] },
                      "2.1": { "evidence": [{ "file": file("b.png", "bb") }] } },
            "appraisal": { "1.1": { "evidence": [{ "file": file("a.pdf", "aa") }] } }
        });
        let names: Vec<_> = files(&tree)
            .iter()
            .map(|f| format!("{}/{}", f["code"], f["name"]))
            .collect();
        assert_eq!(names, ["\"1.1\"/\"a.pdf\"", "\"2.1\"/\"b.png\""]);
    }

    #[test]
    fn changes_between_exports_are_named_by_kind() {
        let before = json!({ "unit": "A", "self": { "1.1": { "value": 2, "note": "n" },
            "1.2": { "evidence": [{ "file": file("a.pdf", "aa") }] } } });
        let after = json!({ "unit": "A", "bonus": [{ "points": "1" }],
            "self": { "1.1": { "value": 3, "note": "n", "explanation": "đã bổ sung" },
                      "1.2": { "evidence": [{ "file": file("a.pdf", "ab") }, { "file": file("c.pdf", "cc") }] } },
            "appraisal": { "1.1": { "value": 2, "comment": "thiếu" } } });
        assert_eq!(
            changes(&before, &after),
            json!({ "inputs": ["1.1"], "appraisal": ["1.1"], "explanations": ["1.1"], "comments": ["1.1"],
                    "files_added": ["tai-lieu/1.2/a.pdf", "tai-lieu/1.2/c.pdf"],
                    "files_removed": ["tai-lieu/1.2/a.pdf"], "other": ["bonus"] })
        );
        assert_eq!(changes(&after, &after), json!({}));
    }

    #[test]
    fn rounds_are_named_by_who_exported_and_what_came_before() {
        let h: Vec<Value> = ["unit", "unit", "appraiser", "unit", "appraiser"]
            .iter()
            .map(|r| json!({ "role": r }))
            .collect();
        let names: Vec<String> = (0..h.len()).map(|i| round_name(&h, i).vi).collect();
        assert_eq!(
            names,
            [
                "Tự đánh giá",
                "Tự đánh giá",
                "Thẩm định",
                "Giải trình",
                "Thẩm định lại"
            ]
        );
        use crate::i18n::Lang;
        assert_eq!(changes_words(&Value::Null, Lang::Vi), "lần xuất đầu tiên");
        let c = json!({ "inputs": ["1.1", "2.1"], "files_added": ["tai-lieu/1.1/a.pdf"] });
        assert_eq!(
            changes_words(&c, Lang::Vi),
            "số liệu tự đánh giá (2): 1.1, 2.1; tệp thêm (1): tai-lieu/1.1/a.pdf"
        );
        assert_eq!(changes_words(&json!({}), Lang::En), "no change");
    }

    #[test]
    fn sizes_in_words() {
        use crate::i18n::Lang;
        assert_eq!(size(48_213, Lang::Vi), "47,1 KB");
        assert_eq!(size(3 * 1024 * 1024 + 200_000, Lang::En), "3.2 MB");
        assert_eq!(size(10, Lang::Vi), "0,1 KB");
        assert_eq!(size(4 << 30, Lang::Vi), "4,0 GB");
    }
}
