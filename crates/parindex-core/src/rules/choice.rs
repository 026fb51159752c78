//! `choice`: the unit picks one of the framework's options (*chọn một mức*), e.g.
//! "Đạt / Không đạt", each with its points.
//!
//! Framework: `options = [{ key, label = { vi, en }, points }]`. Input: `choice = "key"`.

use super::keyed::{self, Item, Points, What};
use super::words;
use super::{both, points_of, Decision, Kind, LeafContext, Words};
use crate::codes;
use crate::decimal::Human;
use crate::diagnostic::{Diagnostics, Lang};
use crate::reader::{string, Fields};
use crate::tree::Node;
use rust_decimal::Decimal;
use serde_json::Value;

const OPTION: What = ("lựa chọn", "option");

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub options: Vec<Item>,
}

impl Kind for Choice {
    const NAME: &'static str = "choice";
    const INPUT_KEYS: &'static [&'static str] = &["choice"];
    /// Index of the chosen option.
    type Input = usize;
    type Why = ();

    fn parse(rule: &mut Fields, _max: Option<Decimal>, diags: &mut Diagnostics) -> Option<Self> {
        let options = keyed::read(rule, "options", OPTION, Points::Required, diags)?;
        Some(Choice { options })
    }

    fn trusted(rule: &Value, _max: Decimal) -> Option<Self> {
        Some(Choice {
            options: keyed::trusted(rule, "options")?,
        })
    }

    fn outcomes(&self) -> Vec<(String, Decimal)> {
        self.options
            .iter()
            .enumerate()
            .map(|(i, o)| (format!("options[{i}].points"), o.points))
            .collect()
    }

    fn read_input<N: Node>(&self, entry: &mut Fields<N>, diags: &mut Diagnostics) -> Option<usize> {
        let path = entry.path_of("choice");
        let key = string(entry.optional("choice")?, &path, diags)?;
        keyed::find(
            &self.options,
            &key,
            codes::CHOICE_UNKNOWN_OPTION,
            OPTION,
            &path,
            diags,
        )
    }

    fn decide(&self, index: &usize, _ctx: LeafContext) -> Decision<()> {
        // The reader gives only indices of this rule's options.
        let points = self.options.get(*index).map_or(Decimal::ZERO, |o| o.points);
        Decision::new(points, ())
    }

    fn explain(&self, index: &usize, decided: &Decision<()>, ctx: LeafContext) -> Words {
        let got = points_of(decided.points, ctx.max);
        let Some(chosen) = self.options.get(*index) else {
            return Words {
                explanation: both(|l| match l {
                    Lang::Vi => "Lựa chọn không tồn tại".into(),
                    Lang::En => "No such option".into(),
                }),
                advice: None,
            };
        };
        let explanation = both(|l| match l {
            Lang::Vi => words!("Chọn một mức: «{}» → {}.", chosen.label.vi, got.vi),
            Lang::En => words!("One option: “{}” → {}.", chosen.label.en, got.en),
        });
        let best = self
            .options
            .iter()
            .filter(|o| o.points > chosen.points)
            .max_by_key(|o| o.points);
        let advice = best.map(|b| {
            both(|l| match l {
                Lang::Vi => words!(
                    "Được {} điểm nếu đạt mức «{}».",
                    Human(b.points, l),
                    b.label.vi
                ),
                Lang::En => words!("“{}” would earn {} points.", b.label.en, Human(b.points, l)),
            })
        });
        Words::new(explanation, advice)
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
        let (_, words) = scored(&r, r#"{"choice":"khong"}"#, "1");
        assert!(
            words.explanation.vi.contains("«Không đạt»"),
            "{}",
            words.explanation.vi
        );
        assert!(words.advice.unwrap().vi.contains("«Đạt»"));
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
