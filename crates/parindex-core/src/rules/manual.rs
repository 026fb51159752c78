//! `manual`: points entered directly by the assessor (*chấm điểm trực tiếp*), within
//! `[0, max]` and on the framework's `step` (e.g. 0.25).
//!
//! Framework: optional `step`. Input: `points`.

use super::words;
use super::{both, points_of, Decision, Kind, LeafContext, Words};
use crate::codes;
use crate::decimal::Human;
use crate::decimal::{human, points_str};
use crate::diagnostic::{Diagnostics, Lang};
use crate::reader::{framework_number, input_decimal, Fields};
use crate::tree::Node;
use rust_decimal::Decimal;
use serde_json::Value;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Manual {
    pub step: Option<Decimal>,
    /// The leaf's max, which entered points may not exceed.
    pub max: Decimal,
}

impl Kind for Manual {
    const NAME: &'static str = "manual";
    const INPUT_KEYS: &'static [&'static str] = &["points"];
    type Input = Decimal;
    type Why = ();

    fn parse(rule: &mut Fields, max: Option<Decimal>, diags: &mut Diagnostics) -> Option<Self> {
        let path = rule.path_of("step");
        let step = match rule.optional("step") {
            None => None,
            Some(v) => {
                let s = framework_number(v, &path, diags)?;
                if s.is_zero() {
                    diags.error(
                        codes::MANUAL_STEP_ZERO,
                        &path,
                        "bước điểm phải lớn hơn 0",
                        "step must be greater than 0",
                    );
                    return None;
                }
                if let Some(max) = max {
                    if !(max % s).is_zero() {
                        diags.error(
                            codes::MANUAL_MAX_OFF_STEP,
                            &path,
                            format!(
                                "điểm tối đa {} không phải là bội số của bước {}",
                                points_str(max),
                                points_str(s)
                            ),
                            format!(
                                "max {} is not a multiple of step {}",
                                points_str(max),
                                points_str(s)
                            ),
                        );
                        return None;
                    }
                }
                Some(s)
            }
        };
        Some(Manual {
            step,
            max: max.unwrap_or_default(),
        })
    }

    fn trusted(rule: &Value, max: Decimal) -> Option<Self> {
        let step = rule.get("step").map(crate::trusted::decimal);
        Some(Manual {
            step: step.map_or(Some(None), |s| s.map(Some))?,
            max,
        })
    }

    fn read_input<N: Node>(
        &self,
        entry: &mut Fields<N>,
        diags: &mut Diagnostics,
    ) -> Option<Decimal> {
        let path = entry.path_of("points");
        let p = input_decimal(entry.optional("points")?, &path, diags)?;
        // In each language's own number format: `0,75` in Vietnamese.
        let vi = |d: Decimal| human(d, Lang::Vi);
        let en = |d: Decimal| human(d, Lang::En);
        let step = self.step.filter(|s| !(p % s).is_zero());
        // The first rule the points break, with its message.
        let broken = if p < Decimal::ZERO {
            Some((
                codes::NUMBER_NEGATIVE,
                format!("{} là số âm", vi(p)),
                format!("{} is negative", en(p)),
            ))
        } else if let Some(step) = step {
            Some((
                codes::MANUAL_OFF_STEP,
                format!("{} không phải là bội số của bước {}", vi(p), vi(step)),
                format!("{} is not a multiple of the step {}", en(p), en(step)),
            ))
        } else if p > self.max {
            Some((
                codes::MANUAL_ABOVE_MAX,
                format!("{} vượt quá điểm tối đa {}", vi(p), vi(self.max)),
                format!("{} is above the max {}", en(p), en(self.max)),
            ))
        } else {
            None
        };
        match broken {
            Some((code, vi, en)) => {
                diags.error(code, &path, vi, en);
                None
            }
            None => Some(p),
        }
    }

    fn decide(&self, points: &Decimal, ctx: LeafContext) -> Decision<()> {
        Decision::new((*points).min(ctx.max), ())
    }

    fn explain(&self, _points: &Decimal, decided: &Decision<()>, ctx: LeafContext) -> Words {
        let got = points_of(decided.points, ctx.max);
        let explanation = both(|l| match l {
            Lang::Vi => words!("Chấm điểm trực tiếp → {}.", got.vi),
            Lang::En => words!("Points entered directly → {}.", got.en),
        });
        let advice = (decided.points < ctx.max).then(|| {
            both(|l| {
                let max = Human(ctx.max, l);
                match l {
                    Lang::Vi => words!("Có thể được tối đa {max} điểm theo hướng dẫn chấm."),
                    Lang::En => words!("Up to {max} points are possible under the guide."),
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
    fn points_on_the_step() {
        let r = rule(r#"{ kind = "manual", step = "0.25" }"#, "1.5").unwrap();
        assert_eq!(points(&r, r#"{"points":"0.75"}"#, "1.5"), "0.75");
        assert_eq!(
            first_error(input(&r, r#"{"points":"0.3"}"#)).1,
            "0.3 is not a multiple of the step 0.25"
        );
        let above = input(&r, r#"{"points":"1.750"}"#).expect_err("rejected");
        assert_eq!(above[0].message.vi, "1,75 vượt quá điểm tối đa 1,5");
        assert_eq!(
            first_error(input(&r, r#"{"points":"-0.25"}"#)).0,
            "self.1.points"
        );
        assert!(
            first_error(rule(r#"{ kind = "manual", step = "0.4" }"#, "1"))
                .1
                .contains("not a multiple of step")
        );
        // Above the leaf's max: refused where the input is read, with the max named.
        let (path, msg) = first_error(input(&r, r#"{"points":"1.75"}"#));
        assert_eq!(
            (path.as_str(), msg.as_str()),
            ("self.1.points", "1.75 is above the max 1.5")
        );
    }
}
