//! `survey`: scored by the sociological survey (*điều tra xã hội học*), not by the unit:
//! points = max × percent / 100, rounded as the framework says.
//!
//! Framework: nothing beyond `kind`. Input (in the `survey` section): `percent` (0–100).

use super::words;
use super::{both, points_of, Decision, Kind, LeafContext, Words};
use crate::codes;
use crate::decimal::Human;
use crate::decimal::{human, round_quotient};
use crate::diagnostic::{Diagnostics, Lang};
use crate::reader::{input_decimal, Fields};
use crate::tree::Node;
use rust_decimal::Decimal;
use serde_json::Value;

/// A survey rule: nothing to configure beyond `kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Survey;

impl Kind for Survey {
    const NAME: &'static str = "survey";
    const INPUT_KEYS: &'static [&'static str] = &["percent"];
    /// The survey result, 0–100.
    type Input = Decimal;
    type Why = ();

    fn parse(_rule: &mut Fields, _max: Option<Decimal>, _diags: &mut Diagnostics) -> Option<Self> {
        Some(Survey)
    }

    fn trusted(_rule: &Value, _max: Decimal) -> Option<Self> {
        Some(Survey)
    }

    fn read_input<N: Node>(
        &self,
        entry: &mut Fields<N>,
        diags: &mut Diagnostics,
    ) -> Option<Decimal> {
        let path = entry.path_of("percent");
        let p = input_decimal(entry.optional("percent")?, &path, diags)?;
        if p < Decimal::ZERO || p > Decimal::ONE_HUNDRED {
            diags.error(
                codes::SURVEY_PERCENT_OUT_OF_RANGE,
                &path,
                format!("{} nằm ngoài khoảng 0–100", human(p, Lang::Vi)),
                format!("{} is outside 0–100", human(p, Lang::En)),
            );
            return None;
        }
        Some(p)
    }

    fn decide(&self, percent: &Decimal, ctx: LeafContext) -> Decision<()> {
        let points = round_quotient(ctx.max * *percent, Decimal::ONE_HUNDRED, ctx.rounding)
            .unwrap_or(Decimal::ZERO)
            .min(ctx.max);
        Decision::new(points, ())
    }

    fn explain(&self, percent: &Decimal, decided: &Decision<()>, ctx: LeafContext) -> Words {
        let got = points_of(decided.points, ctx.max);
        let explanation = both(|l| {
            let (pct, max, got) = (Human(*percent, l), Human(ctx.max, l), got.get(l));
            match l {
                Lang::Vi => words!("Điều tra XHH: {pct}% × {max} điểm → {got}."),
                Lang::En => words!("Survey: {pct}% × {max} points → {got}."),
            }
        });
        let advice = (decided.points < ctx.max).then(|| both(|l| match l {
            Lang::Vi => "Điểm do kết quả điều tra xã hội học quyết định: nâng mức hài lòng của người dân, tổ chức.".to_string(),
            Lang::En => "Set by the survey: raise the satisfaction of citizens and organisations.".to_string(),
        }));
        Words::new(explanation, advice)
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn percent_of_max_rounded() {
        let r = rule(r#"{ kind = "survey" }"#, "6").unwrap();
        assert_eq!(points(&r, r#"{"percent":"86.4"}"#, "6"), "5.18");
        assert_eq!(points(&r, r#"{"percent":"80.25"}"#, "6"), "4.82");
        assert_eq!(points(&r, r#"{"percent":100}"#, "6"), "6");
        assert_eq!(
            first_error(input(&r, r#"{"percent":"101"}"#)).1,
            "101 is outside 0–100"
        );
        assert!(first_error(input(&r, r#"{"percent":86.4}"#))
            .1
            .contains("write decimals as strings"));
    }
}
