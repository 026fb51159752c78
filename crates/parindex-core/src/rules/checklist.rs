//! `checklist`: several items, each met or not (*các nội dung*), e.g. the quarterly,
//! half-year and annual reports. Points add up per item, or with `all_or_nothing` the
//! leaf earns its max only when every item is met.
//!
//! Framework: `items = [{ key, label, points }]`, `all_or_nothing`. Input:
//! `checked = ["key", …]`.

use super::{both, points_of, Input, LeafContext, Outcome};
use crate::decimal::{human, points_str};
use crate::diagnostic::{Diagnostics, Lang, Text};
use crate::reader::{array, boolean, framework_number, string, Fields};
use crate::text::read_text;
use rust_decimal::Decimal;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChecklistItem {
    pub key: String,
    pub label: Text,
    /// Zero in `all_or_nothing` lists, where items carry no points of their own.
    pub points: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checklist {
    pub items: Vec<ChecklistItem>,
    pub all_or_nothing: bool,
}

impl Checklist {
    pub(crate) fn parse(
        rule: &mut Fields,
        max: Option<Decimal>,
        diags: &mut Diagnostics,
    ) -> Option<Checklist> {
        let before = diags.len();
        let aon_path = rule.path_of("all_or_nothing");
        let all_or_nothing = match rule.optional("all_or_nothing") {
            // A bad value is reported; reading goes on so the items are checked too.
            Some(v) => boolean(v, &aon_path, diags).unwrap_or(false),
            None => false,
        };
        let path = rule.path_of("items");
        let list = rule
            .required("items", diags)
            .and_then(|v| array(v, &path, diags))?;
        if list.is_empty() {
            diags.error(&path, "cần ít nhất một nội dung", "needs at least one item");
        }
        let mut items: Vec<ChecklistItem> = Vec::new();
        for (i, item) in list.iter().enumerate() {
            let item_path = format!("{path}[{i}]");
            let Some(mut f) = Fields::of(item, &item_path, diags) else {
                continue;
            };
            let key = f
                .required("key", diags)
                .and_then(|v| string(v, &f.path_of("key"), diags));
            let label = f
                .required("label", diags)
                .and_then(|v| read_text(v, &f.path_of("label"), diags));
            let points_path = f.path_of("points");
            let points = if all_or_nothing {
                if f.optional("points").is_some() {
                    diags.error(
                        &points_path,
                        "với all_or_nothing = true, từng nội dung không có điểm riêng",
                        "items carry no points when all_or_nothing = true",
                    );
                }
                Some(Decimal::ZERO)
            } else {
                f.required("points", diags)
                    .and_then(|v| framework_number(v, &points_path, diags))
            };
            if let Some(k) = &key {
                if items.iter().any(|it| &it.key == k) {
                    diags.error(
                        f.path_of("key"),
                        format!("khoá \"{k}\" bị trùng"),
                        format!("duplicate key \"{k}\""),
                    );
                }
            }
            f.finish(diags);
            if let (Some(key), Some(label), Some(points)) = (key, label, points) {
                items.push(ChecklistItem { key, label, points });
            }
        }
        if !all_or_nothing && diags.len() == before {
            let sum: Decimal = items.iter().map(|i| i.points).sum();
            if let Some(max) = max.filter(|m| *m != sum) {
                diags.error(
                    &path,
                    format!(
                        "tổng điểm các nội dung ({}) khác điểm tối đa {}",
                        points_str(sum),
                        points_str(max)
                    ),
                    format!(
                        "the items' points sum to {}, not the max {}",
                        points_str(sum),
                        points_str(max)
                    ),
                );
            }
        }
        (diags.len() == before).then_some(Checklist {
            items,
            all_or_nothing,
        })
    }

    pub(crate) fn read_input(&self, entry: &mut Fields, diags: &mut Diagnostics) -> Option<Input> {
        let path = entry.path_of("checked");
        let list = array(entry.optional("checked")?, &path, diags)?;
        let mut checked: Vec<usize> = Vec::new();
        let before = diags.len();
        for (i, v) in list.iter().enumerate() {
            let item_path = format!("{path}[{i}]");
            let Some(key) = string(v, &item_path, diags) else {
                continue;
            };
            match self.items.iter().position(|it| it.key == key) {
                Some(idx) if checked.contains(&idx) => {
                    diags.error(
                        item_path,
                        format!("\"{key}\" bị lặp lại"),
                        format!("\"{key}\" is listed twice"),
                    );
                }
                Some(idx) => checked.push(idx),
                None => {
                    let keys: Vec<&str> = self.items.iter().map(|it| it.key.as_str()).collect();
                    diags.error(
                        item_path,
                        format!(
                            "không có nội dung \"{key}\" (các nội dung: {})",
                            keys.join(", ")
                        ),
                        format!("unknown item \"{key}\" (items: {})", keys.join(", ")),
                    );
                }
            }
        }
        // At most one entry per item (repeats are refused above): a short list.
        crate::order::sort_small_by(&mut checked, usize::cmp);
        (diags.len() == before).then_some(Input::Checklist(checked))
    }

    pub(crate) fn score(&self, checked: &[usize], ctx: LeafContext) -> Outcome {
        let done: Vec<&ChecklistItem> = checked.iter().filter_map(|&i| self.items.get(i)).collect();
        let missing: Vec<&ChecklistItem> = self
            .items
            .iter()
            .enumerate()
            .filter(|(i, _)| !checked.contains(i))
            .map(|(_, it)| it)
            .collect();
        let points = if self.all_or_nothing {
            if missing.is_empty() {
                ctx.max
            } else {
                Decimal::ZERO
            }
        } else {
            done.iter()
                .map(|it| it.points)
                .sum::<Decimal>()
                .min(ctx.max)
        };
        if !ctx.explain {
            return Outcome::bare(points, false);
        }
        let got = points_of(points, ctx.max);
        let names = |items: &[&ChecklistItem], l: Lang| -> String {
            if items.is_empty() {
                match l {
                    Lang::Vi => "không có".into(),
                    Lang::En => "none".into(),
                }
            } else {
                items
                    .iter()
                    .map(|it| it.label.get(l).to_string())
                    .collect::<Vec<_>>()
                    .join("; ")
            }
        };
        let mode = if self.all_or_nothing {
            Text::new(" (phải đủ tất cả)", " (all or nothing)")
        } else {
            Text::new("", "")
        };
        let explanation = both(|l| match l {
            Lang::Vi => format!(
                "Đáp ứng {}/{} nội dung{}: {} → {}.",
                done.len(),
                self.items.len(),
                mode.vi,
                names(&done, l),
                got.vi
            ),
            Lang::En => format!(
                "{}/{} items met{}: {} → {}.",
                done.len(),
                self.items.len(),
                mode.en,
                names(&done, l),
                got.en
            ),
        });
        let advice = (!missing.is_empty()).then(|| {
            let gain = if self.all_or_nothing {
                ctx.max - points
            } else {
                missing.iter().map(|it| it.points).sum()
            };
            both(|l| match l {
                Lang::Vi => format!(
                    "Còn thiếu: {} (thêm {} điểm).",
                    names(&missing, l),
                    human(gain, l)
                ),
                Lang::En => format!(
                    "Not yet met: {} (+{} points).",
                    names(&missing, l),
                    human(gain, l)
                ),
            })
        });
        Outcome {
            points,
            not_applicable: false,
            explanation,
            advice,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    const ITEMS: &str = r#"items = [
        { key = "q1", label = { vi = "Quý I" }, points = "0.25" },
        { key = "h1", label = { vi = "6 tháng" }, points = "0.25" },
        { key = "nam", label = { vi = "Năm" }, points = "0.5" } ]"#;

    #[test]
    fn items_add_up() {
        let r = rule(&format!(r#"{{ kind = "checklist", {ITEMS} }}"#), "1").unwrap();
        assert_eq!(points(&r, r#"{"checked":["q1","nam"]}"#, "1"), "0.75");
        assert_eq!(points(&r, r#"{"checked":[]}"#, "1"), "0");
        let out = r.score(
            &input(&r, r#"{"checked":["q1"]}"#).unwrap().unwrap(),
            ctx("1"),
        );
        assert!(out
            .advice
            .unwrap()
            .vi
            .contains("6 tháng; Năm (thêm 0,75 điểm)"));
    }

    #[test]
    fn all_or_nothing() {
        let r = rule(
            r#"{ kind = "checklist", all_or_nothing = true, items = [{ key = "a", label = { vi = "A" } }, { key = "b", label = { vi = "B" } }] }"#,
            "1.5",
        )
        .unwrap();
        assert_eq!(points(&r, r#"{"checked":["a"]}"#, "1.5"), "0");
        assert_eq!(points(&r, r#"{"checked":["b","a"]}"#, "1.5"), "1.5");
    }

    #[test]
    fn unknown_and_repeated_items() {
        let r = rule(&format!(r#"{{ kind = "checklist", {ITEMS} }}"#), "1").unwrap();
        assert_eq!(
            first_error(input(&r, r#"{"checked":["q9"]}"#)).0,
            "self.1.checked[0]"
        );
        assert_eq!(
            first_error(input(&r, r#"{"checked":["q1","q1"]}"#)).1,
            "\"q1\" is listed twice"
        );
        assert!(
            first_error(rule(&format!(r#"{{ kind = "checklist", {ITEMS} }}"#), "2"))
                .1
                .contains("sum to 1, not the max 2")
        );
    }
}
