//! The keyed item list shared by `choice` (`options`) and `checklist` (`items`):
//! `[{ key, label = { vi, en }, points }]`, keys unique, at least one item.

use crate::codes;
use crate::diagnostic::{Diagnostics, Text};
use crate::reader::{array, framework_number, string, Fields};
use crate::text::read_text;
use rust_decimal::Decimal;
use serde_json::Value;

/// One option of a `choice` or item of a `checklist`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub key: String,
    pub label: Text,
    /// The item's points; zero in an `all_or_nothing` checklist that gives none.
    pub points: Decimal,
}

/// Whether each item must carry `points`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Points {
    Required,
    /// Absent points read as zero (an `all_or_nothing` checklist).
    Optional,
}

/// What the entries of a list are called in messages: `("lựa chọn", "option")`.
pub(crate) type What = (&'static str, &'static str);

/// Reads the list under `key` of a rule table. Every problem is reported; `None` when
/// there was one.
pub(crate) fn read(
    rule: &mut Fields,
    key: &str,
    what: What,
    points: Points,
    diags: &mut Diagnostics,
) -> Option<Vec<Item>> {
    let before = diags.len();
    let path = rule.path_of(key);
    let list = rule
        .required(key, diags)
        .and_then(|v| array(v, &path, diags))?;
    if list.is_empty() {
        diags.error(
            codes::ITEMS_NONE,
            &path,
            format!("cần ít nhất một {}", what.0),
            format!("needs at least one {}", what.1),
        );
    }
    let mut items: Vec<Item> = Vec::with_capacity(list.len());
    for (i, value) in list.iter().enumerate() {
        let item_path = format!("{path}[{i}]");
        let Some(mut f) = Fields::of(value, &item_path, diags) else {
            continue;
        };
        let key = f.required_with("key", string, diags);
        let label = f.required_with("label", read_text, diags);
        let points_path = f.path_of("points");
        let item_points = match points {
            Points::Required => f.required("points", diags),
            Points::Optional => f.optional("points"),
        }
        .map(|v| framework_number(v, &points_path, diags));
        let item_points = match (points, item_points) {
            (_, Some(p)) => p,
            (Points::Optional, None) => Some(Decimal::ZERO),
            (Points::Required, None) => None,
        };
        if let Some(k) = &key {
            if items.iter().any(|it| &it.key == k) {
                diags.error(
                    codes::ITEMS_KEY_DUPLICATE,
                    f.path_of("key"),
                    format!("khoá \"{k}\" bị trùng"),
                    format!("duplicate key \"{k}\""),
                );
            }
        }
        f.finish(diags);
        if let (Some(key), Some(label), Some(points)) = (key, label, item_points) {
            items.push(Item { key, label, points });
        }
    }
    (diags.len() == before).then_some(items)
}

/// The list under `key` of a validated rule (`crate::trusted`).
pub(crate) fn trusted(rule: &Value, key: &str) -> Option<Vec<Item>> {
    use crate::trusted::{bilingual, decimal_or, list, text};
    list(rule.get(key), |item| {
        Some(Item {
            key: text(item.get("key")?)?,
            label: bilingual(item.get("label")?)?,
            points: decimal_or(item.get("points"), Decimal::ZERO)?,
        })
    })
}

/// The position of the item with `key`, or an error naming the keys there are.
pub(crate) fn find(
    items: &[Item],
    key: &str,
    code: &'static str,
    what: What,
    path: &dyn std::fmt::Display,
    diags: &mut Diagnostics,
) -> Option<usize> {
    let found = items.iter().position(|it| it.key == key);
    if found.is_none() {
        let keys: Vec<&str> = items.iter().map(|it| it.key.as_str()).collect();
        let keys = keys.join(", ");
        diags.error(
            code,
            path,
            format!("không có {} \"{key}\" (các {}: {keys})", what.0, what.0),
            format!("unknown {} \"{key}\" ({}s: {keys})", what.1, what.1),
        );
    }
    found
}
