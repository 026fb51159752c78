//! `checklist`: several items, each met or not (*các nội dung*), e.g. the quarterly,
//! half-year and annual reports. Points add up per item, or with `all_or_nothing` the
//! leaf earns its max only when every item is met.
//!
//! Framework: `items = [{ key, label, points }]`, `all_or_nothing`. Under
//! `all_or_nothing` items may leave out their points; when they give them, the points
//! must sum to the leaf's max like any checklist's (`docs/format-decisions.md`).
//! Input: `checked = ["key", …]`.

use super::keyed::{self, Item, Points, What};
use super::words;
use super::{both, points_of, Decision, Kind, LeafContext, Words};
use crate::codes;
use crate::decimal::points_str;
use crate::decimal::Human;
use crate::diagnostic::{Diagnostics, Lang, Text};
use crate::reader::{array, boolean, string, Fields, Indexed};
use crate::tree::Node;
use rust_decimal::Decimal;
use serde_json::Value;

const ITEM: What = ("nội dung", "item");

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checklist {
    pub items: Vec<Item>,
    pub all_or_nothing: bool,
}

impl Kind for Checklist {
    const NAME: &'static str = "checklist";
    const INPUT_KEYS: &'static [&'static str] = &["checked"];
    /// Indices of the checked items, in framework order.
    type Input = Vec<usize>;
    type Why = ();

    fn parse(rule: &mut Fields, max: Option<Decimal>, diags: &mut Diagnostics) -> Option<Self> {
        let before = diags.len();
        let aon_path = rule.path_of("all_or_nothing");
        let all_or_nothing = match rule.optional("all_or_nothing") {
            // A bad value is reported; reading goes on so the items are checked too.
            Some(v) => boolean(v, &aon_path, diags).unwrap_or(false),
            None => false,
        };
        let path = rule.path_of("items");
        // Items of an all-or-nothing list may carry points; when one does, all must.
        let given = |v: &serde_json::Value| {
            v.as_array()
                .is_some_and(|l| l.iter().any(|i| i.get("points").is_some()))
        };
        let with_points = !all_or_nothing || rule.peek("items").is_some_and(given);
        let points = if with_points {
            Points::Required
        } else {
            Points::Optional
        };
        let items = keyed::read(rule, "items", ITEM, points, diags)?;
        if with_points && diags.len() == before {
            let sum: Decimal = items.iter().map(|i| i.points).sum();
            if let Some(max) = max.filter(|m| *m != sum) {
                diags.error(
                    codes::CHECKLIST_SUM_NOT_MAX,
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

    fn trusted(rule: &Value, _max: Decimal) -> Option<Self> {
        Some(Checklist {
            items: keyed::trusted(rule, "items")?,
            all_or_nothing: rule.get("all_or_nothing").is_some_and(|v| v == true),
        })
    }

    fn outcomes(&self) -> Vec<(String, Decimal)> {
        if self.all_or_nothing {
            // The max, or nothing: right by definition.
            Vec::new()
        } else {
            vec![("items".into(), self.items.iter().map(|i| i.points).sum())]
        }
    }

    fn read_input<N: Node>(
        &self,
        entry: &mut Fields<N>,
        diags: &mut Diagnostics,
    ) -> Option<Vec<usize>> {
        let path = entry.path_of("checked");
        let list = array(entry.optional("checked")?, &path, diags)?;
        let mut checked: Vec<usize> = Vec::new();
        let before = diags.len();
        for (i, v) in list.iter().enumerate() {
            let item_path = Indexed {
                list: &path,
                index: i,
            };
            let Some(key) = string(v, &item_path, diags) else {
                continue;
            };
            let found = keyed::find(
                &self.items,
                &key,
                codes::CHECKLIST_UNKNOWN_ITEM,
                ITEM,
                &item_path,
                diags,
            );
            match found {
                Some(idx) if checked.contains(&idx) => {
                    diags.error(
                        codes::CHECKLIST_ITEM_REPEATED,
                        item_path,
                        format!("\"{key}\" bị lặp lại"),
                        format!("\"{key}\" is listed twice"),
                    );
                }
                Some(idx) => checked.push(idx),
                None => {}
            }
        }
        // At most one entry per item (repeats are refused above): a short list.
        crate::order::sort_small_by(&mut checked, usize::cmp);
        (diags.len() == before).then_some(checked)
    }

    fn decide(&self, checked: &Vec<usize>, ctx: LeafContext) -> Decision<()> {
        let points = if self.all_or_nothing {
            if checked.len() == self.items.len() {
                ctx.max
            } else {
                Decimal::ZERO
            }
        } else {
            checked
                .iter()
                .filter_map(|&i| self.items.get(i))
                .map(|it| it.points)
                .sum::<Decimal>()
                .min(ctx.max)
        };
        Decision::new(points, ())
    }

    fn explain(&self, checked: &Vec<usize>, decided: &Decision<()>, ctx: LeafContext) -> Words {
        let done: Vec<&Item> = checked.iter().filter_map(|&i| self.items.get(i)).collect();
        let missing: Vec<&Item> = self
            .items
            .iter()
            .enumerate()
            .filter(|(i, _)| !checked.contains(i))
            .map(|(_, it)| it)
            .collect();
        let got = points_of(decided.points, ctx.max);
        let names = |items: &[&Item], l: Lang| -> String {
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
        let (met, all) = (done.len(), self.items.len());
        let explanation = both(|l| {
            let (mode, names, got) = (mode.get(l), names(&done, l), got.get(l));
            match l {
                Lang::Vi => words!("Đáp ứng {met}/{all} nội dung{mode}: {names} → {got}."),
                Lang::En => words!("{met}/{all} items met{mode}: {names} → {got}."),
            }
        });
        let advice = (!missing.is_empty()).then(|| {
            let gain = if self.all_or_nothing {
                ctx.max - decided.points
            } else {
                missing.iter().map(|it| it.points).sum()
            };
            both(|l| {
                let (names, gain) = (names(&missing, l), Human(gain, l));
                match l {
                    Lang::Vi => words!("Còn thiếu: {names} (thêm {gain} điểm)."),
                    Lang::En => words!("Not yet met: {names} (+{gain} points)."),
                }
            })
        });
        Words::new(explanation, advice)
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
        let (_, words) = scored(&r, r#"{"checked":["q1"]}"#, "1");
        assert!(words
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

    /// `docs/formats.md` gives checklist items `points`; under `all_or_nothing` they are
    /// accepted when they sum to the max, and the leaf still scores all or nothing.
    #[test]
    fn all_or_nothing_items_may_carry_points_that_sum_to_max() {
        let r = rule(
            r#"{ kind = "checklist", all_or_nothing = true, items = [{ key = "a", label = { vi = "A" }, points = "1" }, { key = "b", label = { vi = "B" }, points = "0.5" }] }"#,
            "1.5",
        )
        .unwrap();
        assert_eq!(points(&r, r#"{"checked":["a"]}"#, "1.5"), "0");
        assert_eq!(points(&r, r#"{"checked":["a","b"]}"#, "1.5"), "1.5");
        let wrong_sum = rule(
            r#"{ kind = "checklist", all_or_nothing = true, items = [{ key = "a", label = { vi = "A" }, points = "1" }, { key = "b", label = { vi = "B" }, points = "1" }] }"#,
            "1.5",
        );
        assert_eq!(first_code(wrong_sum), "checklist.sum-not-max");
        let some_without = rule(
            r#"{ kind = "checklist", all_or_nothing = true, items = [{ key = "a", label = { vi = "A" }, points = "1.5" }, { key = "b", label = { vi = "B" } }] }"#,
            "1.5",
        );
        let (path, msg) = first_error(some_without);
        assert_eq!(
            (path.as_str(), msg.as_str()),
            ("rule.items[1].points", "missing required key")
        );
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
