//! `proportional`: points in proportion to a ratio (*điểm = điểm tối đa × tỷ lệ*), e.g.
//! the share of documents signed digitally. Rounded as the framework says.
//!
//! Framework: `if_no_cases`. Input: `numerator`, `denominator`.

use super::ratio::{read_cases, Cases, NoCases, CASES_KEYS};
use super::words;
use super::{both, points_of, Decision, Kind, LeafContext, Words};
use crate::decimal::round_quotient;
use crate::decimal::Human;
use crate::diagnostic::{Diagnostics, Lang};
use crate::keyword::Keyword;
use crate::reader::Fields;
use crate::tree::Node;
use rust_decimal::Decimal;
use serde_json::Value;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proportional {
    pub if_no_cases: NoCases,
}

impl Kind for Proportional {
    const NAME: &'static str = "proportional";
    const INPUT_KEYS: &'static [&'static str] = CASES_KEYS;
    type Input = Cases;
    /// Whether there were no cases (denominator 0).
    type Why = bool;

    fn parse(rule: &mut Fields, _max: Option<Decimal>, diags: &mut Diagnostics) -> Option<Self> {
        Some(Proportional {
            if_no_cases: NoCases::parse(rule, diags)?,
        })
    }

    fn trusted(rule: &Value, _max: Decimal) -> Option<Self> {
        Some(Proportional {
            if_no_cases: crate::trusted::keyword(rule.get("if_no_cases")?)?,
        })
    }

    fn read_input<N: Node>(&self, entry: &mut Fields<N>, diags: &mut Diagnostics) -> Option<Cases> {
        read_cases(entry, diags)
    }

    fn decide(&self, c: &Cases, ctx: LeafContext) -> Decision<bool> {
        if c.denominator == 0 {
            return self.if_no_cases.decide(ctx, true);
        }
        let exact = ctx.max * Decimal::from(c.numerator);
        let points = round_quotient(exact, Decimal::from(c.denominator), ctx.rounding)
            .unwrap_or(Decimal::ZERO)
            .min(ctx.max);
        Decision::new(points, false)
    }

    fn explain(&self, c: &Cases, decided: &Decision<bool>, ctx: LeafContext) -> Words {
        if decided.why {
            return self.if_no_cases.explain(decided.points, ctx);
        }
        let got = points_of(decided.points, ctx.max);
        let (places, mode) = (ctx.rounding.places, ctx.rounding.mode.keyword());
        let explanation = both(|l| {
            let (ratio, max, got) = (c.shown(l), Human(ctx.max, l), got.get(l));
            match l {
                Lang::Vi => words!("Tỷ lệ {ratio}; điểm = {max} × tỷ lệ, làm tròn {places} chữ số ({mode}) → {got}."),
                Lang::En => words!("Ratio {ratio}; points = {max} × ratio, rounded to {places} places ({mode}) → {got}."),
            }
        });
        let advice = (decided.points < ctx.max).then(|| {
            both(|l| {
                let missing = Human((c.denominator - c.numerator).into(), l);
                let (all, max) = (Human(c.denominator.into(), l), Human(ctx.max, l));
                match l {
                    Lang::Vi => words!("Còn {missing} trường hợp chưa đạt; đạt đủ {all}/{all} thì được {max} điểm."),
                    Lang::En => words!("{missing} cases are not met; all {all} met would earn {max} points."),
                }
            })
        });
        Words::new(explanation, advice)
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn points_are_proportional_and_rounded() {
        let r = rule(r#"{ kind = "proportional", if_no_cases = "max" }"#, "1").unwrap();
        assert_eq!(
            points(&r, r#"{"numerator":7,"denominator":8}"#, "1"),
            "0.88"
        );
        assert_eq!(
            points(&r, r#"{"numerator":2,"denominator":3}"#, "1"),
            "0.67"
        );
        assert_eq!(points(&r, r#"{"numerator":8,"denominator":8}"#, "1"), "1");
        assert_eq!(points(&r, r#"{"numerator":0,"denominator":0}"#, "1"), "1");
    }
}
