//! Writing a framework back as an annex table, laid out like the ones `import` reads: the
//! title and decision above the table, then `STT | Lĩnh vực/Tiêu chí/Tiêu chí thành phần |
//! Điểm tối đa | Tài liệu kiểm chứng | Hướng dẫn chấm điểm | Quy tắc (parindex)`, option
//! rows under a choice or checklist, the total and the bonus and penalty rows. What the
//! usual columns cannot carry is stated so that importing the table gives back the same
//! framework: each framework key on a `parindex | key | JSON` row above the header, and a
//! criterion's rule, English title, reference and `may_not_apply` as JSON in the last
//! column (a value a column would alter — a title over several lines, a maximum written
//! `1.50` — is stated there too). The file writers (`.xlsx`, `.csv`) are parindex-annex's.

use super::fold::fold;
// The import's own clean-up, so what a column carries reads back the same.
use super::{one_line, section_row};
use super::{Row, Table};
use rust_decimal::Decimal;
use serde_json::{Map, Value};
use std::str::FromStr;

/// The header row of an exported table.
pub const HEADINGS: [&str; 6] = [
    "STT",
    "Lĩnh vực/Tiêu chí/Tiêu chí thành phần",
    "Điểm tối đa",
    "Tài liệu kiểm chứng",
    "Hướng dẫn chấm điểm",
    "Quy tắc (parindex)",
];

/// The column of the maximum (numbers a spreadsheet should hold as numbers).
pub const MAX_COLUMN: usize = 2;

/// The annex table of a framework tree (the form `Framework::from_tree` reads).
pub fn table(tree: &Value) -> Table {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let empty = Map::new();
    let fw = tree.as_object().unwrap_or(&empty);
    let text = |v: Option<&Value>| -> String {
        match v {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Object(m)) => m
                .get("vi")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
            _ => String::new(),
        }
    };
    let title = text(fw.get("title"));
    if !title.is_empty() {
        rows.push(vec![title]);
    }
    let source = text(fw.get("source"));
    if !source.is_empty() {
        rows.push(vec![format!("({source})")]);
    }
    rows.push(vec![
        "Các dòng \"parindex\" dưới đây giữ thiết lập của bộ chỉ số (giá trị dạng JSON) / the \"parindex\" rows below keep the framework's settings (JSON values)".into(),
    ]);
    for (k, v) in fw {
        if k != "criterion" {
            rows.push(vec!["parindex".into(), k.clone(), v.to_string()]);
        }
    }
    rows.push(Vec::new());
    rows.push(HEADINGS.iter().map(|h| h.to_string()).collect());
    for c in fw
        .get("criterion")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_object)
    {
        rows.push(criterion_row(c));
        let rule = c.get("rule").and_then(Value::as_object);
        let listed = rule
            .and_then(|r| r.get("options").or_else(|| r.get("items")))
            .and_then(Value::as_array);
        for option in listed.into_iter().flatten() {
            let label = text(option.get("label"));
            let points = option
                .get("points")
                .and_then(Value::as_str)
                .unwrap_or_default();
            // A label read as a total or a bonus/penalty section would change the table's
            // meaning; the rule is stated in full anyway, so such a row is left out.
            let misread = section_row(&fold(&label)).is_some();
            // Without points a row would read as more of the criterion's words.
            if !label.is_empty() && !label.contains('\n') && !misread && !points.is_empty() {
                rows.push(vec![String::new(), label, points.to_string()]);
            }
        }
    }
    let scale = fw.get("scale").and_then(Value::as_str).unwrap_or("0");
    rows.push(vec![String::new(), "Tổng cộng".into(), scale.into()]);
    for (key, title) in [("bonus_max", "Điểm thưởng"), ("penalty_max", "Điểm trừ")] {
        if let Some(cap) = fw.get(key).and_then(Value::as_str) {
            if Decimal::from_str(cap).is_ok_and(|d| d > Decimal::ZERO) {
                rows.push(vec![String::new(), title.into(), cap.into()]);
            }
        }
    }
    Table {
        rows: rows
            .into_iter()
            .enumerate()
            .map(|(i, cells)| Row::new(i + 1, cells))
            .collect(),
    }
}

/// One criterion's row; what its columns cannot carry exactly goes to the last one.
fn criterion_row(c: &Map<String, Value>) -> Vec<String> {
    let get = |k: &str| c.get(k).and_then(Value::as_str).unwrap_or_default();
    let mut stated = Map::new();
    let mut title_vi = String::new();
    for (k, v) in c {
        match k.as_str() {
            "code" => {}
            "title" => {
                let mut rest = v.as_object().cloned().unwrap_or_default();
                if let Some(vi) = rest.get("vi").and_then(Value::as_str) {
                    if one_line(vi) == vi {
                        title_vi = vi.to_string();
                        rest.remove("vi");
                    }
                }
                if !rest.is_empty() {
                    stated.insert(k.clone(), Value::Object(rest));
                }
            }
            "max" => {
                let written = Decimal::from_str(get("max")).map(|d| d.normalize().to_string());
                if written.as_deref() != Ok(get("max")) {
                    stated.insert(k.clone(), v.clone());
                }
            }
            "evidence" => {
                if one_line(get(k)) != get(k) {
                    stated.insert(k.clone(), v.clone());
                }
            }
            "guide" => {
                if get(k).trim() != get(k) || get(k).is_empty() {
                    stated.insert(k.clone(), v.clone());
                }
            }
            _ => {
                stated.insert(k.clone(), v.clone());
            }
        }
    }
    vec![
        get("code").to_string(),
        title_vi,
        get("max").to_string(),
        get("evidence").to_string(),
        get("guide").to_string(),
        if stated.is_empty() {
            String::new()
        } else {
            Value::Object(stated).to_string()
        },
    ]
}
