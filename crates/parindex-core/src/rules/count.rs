//! `count`: a whole number scored by bands (*số lượng*), e.g. complaints about
//! administrative regulations: none → 1 point, at most 2 → 0.5.
//!
//! Framework: `bands = [{ at_most | below | at_least | above, points }]`, `otherwise`.
//! Input: `value` (whole number ≥ 0).

use super::bands::{Allowed, Band, Bands, Bound};
use super::{both, points_of, Input, LeafContext, Outcome};
use crate::decimal::human;
use crate::diagnostic::{Diagnostics, Lang, Text};
use crate::reader::{count, Fields};
use rust_decimal::Decimal;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count {
    pub bands: Bands,
}

impl Count {
    pub(crate) fn parse(rule: &mut Fields, diags: &mut Diagnostics) -> Option<Count> {
        Some(Count {
            bands: Bands::parse(rule, Allowed::Either, diags)?,
        })
    }

    pub(crate) fn read_input(entry: &mut Fields, diags: &mut Diagnostics) -> Option<Input> {
        let path = entry.path_of("value");
        count(entry.optional("value")?, &path, diags).map(Input::Count)
    }

    pub(crate) fn score(&self, value: u64, ctx: LeafContext) -> Outcome {
        let v = Decimal::from(value);
        let applied = self
            .bands
            .bands
            .iter()
            .position(|b| b.bound.holds(v.cmp(&b.threshold)));
        let points = applied.map_or(self.bands.otherwise, |i| self.bands.bands[i].points);
        if !ctx.explain {
            return Outcome::bare(points, false);
        }
        let got = points_of(points, ctx.max);
        let which = match applied {
            Some(i) => self.bands.bands[i].condition_text(""),
            None => Text::new(
                "không đạt mức nào (otherwise)",
                "no band reached (otherwise)",
            ),
        };
        let explanation = both(|l| match l {
            Lang::Vi => format!(
                "Số lượng: {}; mức «{}» → {}.",
                human(v, l),
                which.vi,
                got.vi
            ),
            Lang::En => format!("Count: {}; band “{}” → {}.", human(v, l), which.en, got.en),
        });
        let better = self.bands.bands[..applied.unwrap_or(self.bands.bands.len())]
            .iter()
            .rev()
            .find(|b| b.points > points);
        let advice = better.map(advice_for);
        Outcome {
            points,
            not_applicable: false,
            explanation,
            advice,
        }
    }
}

fn advice_for(band: &Band) -> Text {
    let t = band.threshold;
    let target = match band.bound {
        Bound::AtLeast => t.ceil(),
        Bound::Above => t.floor() + Decimal::ONE,
        Bound::AtMost => t.floor(),
        Bound::Below => t.ceil() - Decimal::ONE,
    };
    let rising = matches!(band.bound, Bound::AtLeast | Bound::Above);
    both(|l| match (l, rising) {
        (Lang::Vi, true) => format!(
            "Cần đạt từ {} trở lên để được {} điểm.",
            human(target, l),
            human(band.points, l)
        ),
        (Lang::Vi, false) => format!(
            "Cần giảm xuống không quá {} để được {} điểm.",
            human(target, l),
            human(band.points, l)
        ),
        (Lang::En, true) => format!(
            "At least {} earns {} points.",
            human(target, l),
            human(band.points, l)
        ),
        (Lang::En, false) => format!(
            "At most {} earns {} points.",
            human(target, l),
            human(band.points, l)
        ),
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
        let out = r.score(&input(&r, r#"{"value":3}"#).unwrap().unwrap(), ctx("1"));
        assert!(out
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
