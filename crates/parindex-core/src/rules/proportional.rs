//! `proportional`: points in proportion to a ratio (*điểm = điểm tối đa × tỷ lệ*), e.g.
//! the share of documents signed digitally. Rounded as the framework says.
//!
//! Framework: `if_no_cases`. Input: `numerator`, `denominator`.

use super::ratio::NoCases;
use super::{both, points_of, LeafContext, Outcome};
use crate::decimal::{human, percent_relation, round_quotient};
use crate::diagnostic::{Diagnostics, Lang};
use crate::reader::Fields;
use rust_decimal::Decimal;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proportional {
    pub if_no_cases: NoCases,
}

impl Proportional {
    pub(crate) fn parse(rule: &mut Fields, diags: &mut Diagnostics) -> Option<Proportional> {
        Some(Proportional {
            if_no_cases: NoCases::parse(rule, diags)?,
        })
    }

    pub(crate) fn score(&self, numerator: u64, denominator: u64, ctx: LeafContext) -> Outcome {
        if denominator == 0 {
            return self.if_no_cases.outcome(ctx);
        }
        let exact = ctx.max * Decimal::from(numerator);
        let points = round_quotient(exact, Decimal::from(denominator), ctx.rounding)
            .unwrap_or(Decimal::ZERO)
            .min(ctx.max);
        if !ctx.explain {
            return Outcome::bare(points, false);
        }
        let got = points_of(points, ctx.max);
        let explanation = both(|l| match l {
            Lang::Vi => format!(
                "Tỷ lệ {}/{} {}; điểm = {} × tỷ lệ, làm tròn {} chữ số ({}) → {}.",
                human(numerator.into(), l),
                human(denominator.into(), l),
                percent_relation(numerator, denominator, l),
                human(ctx.max, l),
                ctx.rounding.places,
                ctx.rounding.mode.name(),
                got.vi
            ),
            Lang::En => format!(
                "Ratio {}/{} {}; points = {} × ratio, rounded to {} places ({}) → {}.",
                human(numerator.into(), l),
                human(denominator.into(), l),
                percent_relation(numerator, denominator, l),
                human(ctx.max, l),
                ctx.rounding.places,
                ctx.rounding.mode.name(),
                got.en
            ),
        });
        let missing = denominator - numerator;
        let advice = (points < ctx.max).then(|| {
            both(|l| match l {
                Lang::Vi => format!(
                    "Còn {} trường hợp chưa đạt; đạt đủ {}/{} thì được {} điểm.",
                    human(missing.into(), l),
                    human(denominator.into(), l),
                    human(denominator.into(), l),
                    human(ctx.max, l)
                ),
                Lang::En => format!(
                    "{} cases are not met; all {} met would earn {} points.",
                    human(missing.into(), l),
                    human(denominator.into(), l),
                    human(ctx.max, l)
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
