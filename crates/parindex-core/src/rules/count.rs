//! `count`: a whole number scored by bands (*số lượng*), e.g. complaints about
//! administrative regulations: none → 1 point, at most 2 → 0.5.
//!
//! Framework: `bands = [{ at_most | below | at_least | above, points }]`, `otherwise`.
//! Input: `value` (whole number ≥ 0).

use super::thresholds::{Allowed, Bound, Threshold, Thresholds};
use super::words;
use super::{both, points_of, Decision, Kind, LeafContext, Words};
use crate::decimal::Human;
use crate::diagnostic::{Diagnostics, Lang, Text};
use crate::reader::{count, Fields};
use crate::tree::Node;
use rust_decimal::Decimal;
use serde_json::Value;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count {
    pub thresholds: Thresholds,
}

impl Kind for Count {
    const NAME: &'static str = "count";
    const INPUT_KEYS: &'static [&'static str] = &["value"];
    type Input = u64;
    /// The threshold that applied (`None`: `otherwise`).
    type Why = Option<usize>;

    fn parse(rule: &mut Fields, _max: Option<Decimal>, diags: &mut Diagnostics) -> Option<Self> {
        Some(Count {
            thresholds: Thresholds::parse(rule, Allowed::Either, diags)?,
        })
    }

    fn trusted(rule: &Value, _max: Decimal) -> Option<Self> {
        Some(Count {
            thresholds: Thresholds::trusted(rule)?,
        })
    }

    fn outcomes(&self) -> Vec<(String, Decimal)> {
        self.thresholds.outcomes()
    }

    fn read_input<N: Node>(&self, entry: &mut Fields<N>, diags: &mut Diagnostics) -> Option<u64> {
        let path = entry.path_of("value");
        count(entry.optional("value")?, &path, diags)
    }

    fn decide(&self, value: &u64, _ctx: LeafContext) -> Decision<Option<usize>> {
        let v = Decimal::from(*value);
        let (points, applied) = self.thresholds.decide(|t| v.cmp(&t));
        Decision::new(points, applied)
    }

    fn explain(&self, value: &u64, decided: &Decision<Option<usize>>, ctx: LeafContext) -> Words {
        let v = Decimal::from(*value);
        let got = points_of(decided.points, ctx.max);
        let which = self.thresholds.applied_text(decided.why, "");
        let explanation = both(|l| match l {
            Lang::Vi => words!(
                "Số lượng: {}; mức «{}» → {}.",
                Human(v, l),
                which.vi,
                got.vi
            ),
            Lang::En => words!("Count: {}; band “{}” → {}.", Human(v, l), which.en, got.en),
        });
        let advice = self
            .thresholds
            .next_better(decided.why, decided.points)
            .map(advice_for);
        Words::new(explanation, advice)
    }
}

fn advice_for(threshold: &Threshold) -> Text {
    let t = threshold.value;
    let target = match threshold.bound {
        Bound::AtLeast => t.ceil(),
        Bound::Above => t.floor() + Decimal::ONE,
        Bound::AtMost => t.floor(),
        Bound::Below => t.ceil() - Decimal::ONE,
    };
    let rising = matches!(threshold.bound, Bound::AtLeast | Bound::Above);
    both(|l| {
        let (target, points) = (Human(target, l), Human(threshold.points, l));
        match (l, rising) {
            (Lang::Vi, true) => words!("Cần đạt từ {target} trở lên để được {points} điểm."),
            (Lang::Vi, false) => {
                words!("Cần giảm xuống không quá {target} để được {points} điểm.")
            }
            (Lang::En, true) => words!("At least {target} earns {points} points."),
            (Lang::En, false) => words!("At most {target} earns {points} points."),
        }
    })
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn fewer_is_better_bands() {
        let r = rule(r#"{ kind = "count", bands = [{ at_most = "0", points = "1" }, { below = "3", points = "0.5" }], otherwise = "0" }"#, "1").unwrap();
        assert_eq!(points(&r, r#"{"value":0}"#, "1"), "1");
        assert_eq!(points(&r, r#"{"value":2}"#, "1"), "0.5");
        assert_eq!(points(&r, r#"{"value":3}"#, "1"), "0");
        let (_, words) = scored(&r, r#"{"value":3}"#, "1");
        assert!(words
            .advice
            .unwrap()
            .en
            .contains("At most 2 earns 0.5 points"));
    }

    #[test]
    fn more_is_better_bands() {
        let r = rule(r#"{ kind = "count", bands = [{ above = "4", points = "2" }, { at_least = "2", points = "1" }] }"#, "2").unwrap();
        assert_eq!(points(&r, r#"{"value":5}"#, "2"), "2");
        assert_eq!(points(&r, r#"{"value":4}"#, "2"), "1");
        assert_eq!(points(&r, r#"{"value":"2"}"#, "2"), "1");
        assert_eq!(points(&r, r#"{"value":1}"#, "2"), "0");
    }

    #[test]
    fn bad_values_and_mixed_directions() {
        let r = rule(
            r#"{ kind = "count", bands = [{ at_most = "0", points = "1" }] }"#,
            "1",
        )
        .unwrap();
        assert_eq!(first_error(input(&r, r#"{"value":-1}"#)).0, "self.1.value");
        assert_eq!(first_error(input(&r, r#"{"value":1.5}"#)).0, "self.1.value");
        let (path, msg) = first_error(rule(
            r#"{ kind = "count", bands = [{ at_most = "0", points = "1" }, { at_least = "5", points = "0" }] }"#,
            "1",
        ));
        assert_eq!(path, "rule.bands[1]");
        assert!(msg.contains("cannot mix"));
    }
}
