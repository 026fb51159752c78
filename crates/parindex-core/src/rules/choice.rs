//! `choice`: the unit picks one of the framework's options (*chọn một mức*), e.g.
//! "Đạt / Không đạt", each with its points.
//!
//! Framework: `options = [{ key, label = { vi, en }, points }]`. Input: `choice = "key"`.

use super::{both, points_of, Input, LeafContext, Outcome};
use crate::decimal::human;
use crate::diagnostic::{Diagnostics, Lang, Text};
use crate::reader::{array, framework_number, string, Fields};
use crate::text::read_text;
use rust_decimal::Decimal;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChoiceOption {
    pub key: String,
    pub label: Text,
    pub points: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub options: Vec<ChoiceOption>,
}

impl Choice {
    pub(crate) fn parse(rule: &mut Fields, diags: &mut Diagnostics) -> Option<Choice> {
        let before = diags.len();
        let path = rule.path_of("options");
        let list = rule
            .required("options", diags)
            .and_then(|v| array(v, &path, diags))?;
        if list.is_empty() {
            diags.error(
                &path,
                "cần ít nhất một lựa chọn",
                "needs at least one option",
            );
        }
        let mut options: Vec<ChoiceOption> = Vec::new();
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
            let points = f
                .required("points", diags)
                .and_then(|v| framework_number(v, &f.path_of("points"), diags));
            if let Some(k) = &key {
                if options.iter().any(|o| &o.key == k) {
                    diags.error(
                        f.path_of("key"),
                        format!("khoá \"{k}\" bị trùng"),
                        format!("duplicate key \"{k}\""),
                    );
                }
            }
            f.finish(diags);
            if let (Some(key), Some(label), Some(points)) = (key, label, points) {
                options.push(ChoiceOption { key, label, points });
            }
        }
        (diags.len() == before).then_some(Choice { options })
    }

    pub(crate) fn read_input(&self, entry: &mut Fields, diags: &mut Diagnostics) -> Option<Input> {
        let path = entry.path_of("choice");
        let key = string(entry.optional("choice")?, &path, diags)?;
        match self.options.iter().position(|o| o.key == key) {
            Some(i) => Some(Input::Choice(i)),
            None => {
                let keys: Vec<&str> = self.options.iter().map(|o| o.key.as_str()).collect();
                diags.error(
                    path,
                    format!(
                        "không có lựa chọn \"{key}\" (các lựa chọn: {})",
                        keys.join(", ")
                    ),
                    format!("unknown option \"{key}\" (options: {})", keys.join(", ")),
                );
                None
            }
        }
    }

    pub(crate) fn score(&self, index: usize, ctx: LeafContext) -> Outcome {
        let Some(chosen) = self.options.get(index) else {
            return Outcome {
                points: Decimal::ZERO,
                not_applicable: false,
                explanation: Text::new("Lựa chọn không tồn tại", "No such option"),
                advice: None,
            };
        };
        if !ctx.explain {
            return Outcome::bare(chosen.points, false);
        }
        let got = points_of(chosen.points, ctx.max);
        let explanation = both(|l| match l {
            Lang::Vi => format!("Chọn một mức: «{}» → {}.", chosen.label.vi, got.vi),
            Lang::En => format!("One option: “{}” → {}.", chosen.label.en, got.en),
        });
        let best = self
            .options
            .iter()
            .filter(|o| o.points > chosen.points)
            .max_by_key(|o| o.points);
        let advice = best.map(|b| {
            both(|l| match l {
                Lang::Vi => format!(
                    "Được {} điểm nếu đạt mức «{}».",
                    human(b.points, l),
                    b.label.vi
                ),
                Lang::En => format!("“{}” would earn {} points.", b.label.en, human(b.points, l)),
            })
        });
        Outcome {
            points: chosen.points,
            not_applicable: false,
            explanation,
            advice,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    const RULE: &str = r#"{ kind = "choice", options = [
        { key = "dat", label = { vi = "Đạt", en = "Met" }, points = "1" },
        { key = "mot-phan", label = { vi = "Đạt một phần" }, points = "0.5" },
        { key = "khong", label = { vi = "Không đạt", en = "Not met" }, points = "0" } ] }"#;

    #[test]
    fn the_chosen_option_gives_its_points() {
        let r = rule(RULE, "1").unwrap();
        assert_eq!(points(&r, r#"{"choice":"dat"}"#, "1"), "1");
        assert_eq!(points(&r, r#"{"choice":"mot-phan"}"#, "1"), "0.5");
        let out = r.score(
            &input(&r, r#"{"choice":"khong"}"#).unwrap().unwrap(),
            ctx("1"),
        );
        assert!(
            out.explanation.vi.contains("«Không đạt»"),
            "{}",
            out.explanation.vi
        );
        assert!(out.advice.unwrap().vi.contains("«Đạt»"));
    }

    #[test]
    fn unknown_options_are_named() {
        let r = rule(RULE, "1").unwrap();
        let (path, msg) = first_error(input(&r, r#"{"choice":"tot"}"#));
        assert_eq!(path, "self.1.choice");
        assert!(
            msg.contains("unknown option \"tot\" (options: dat, mot-phan, khong)"),
            "{msg}"
        );
    }

    #[test]
    fn the_best_option_must_equal_max() {
        let (path, msg) = first_error(rule(RULE, "2"));
        assert_eq!(path, "rule");
        assert!(
            msg.contains("best outcome gives 1 points but max is 2"),
            "{msg}"
        );
        let (path, _) = first_error(rule(RULE, "0.5"));
        assert_eq!(path, "rule.options[0].points");
    }
}
