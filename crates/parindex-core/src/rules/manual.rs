//! `manual`: points entered directly by the assessor (*chấm điểm trực tiếp*), within
//! `[0, max]` and on the framework's `step` (e.g. 0.25).
//!
//! Framework: optional `step`. Input: `points`.

use super::{both, points_of, Decision, Kind, LeafContext, Words};
use crate::codes;
use crate::decimal::{human, points_str, MAX_INPUT_PLACES};
use crate::diagnostic::{Diagnostics, Lang};
use crate::reader::{decimal, framework_number, Fields};
use rust_decimal::Decimal;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Manual {
    pub step: Option<Decimal>,
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
        Some(Manual { step })
    }

    fn read_input(
        &self,
        entry: &mut Fields,
        max: Decimal,
        diags: &mut Diagnostics,
    ) -> Option<Decimal> {
        let path = entry.path_of("points");
        let p = decimal(entry.optional("points")?, &path, diags)?;
        if p < Decimal::ZERO {
            diags.error(
                codes::NUMBER_NEGATIVE,
                &path,
                format!("{p} là số âm"),
                format!("{p} is negative"),
            );
            return None;
        }
        if p.scale() > MAX_INPUT_PLACES {
            diags.error(
                codes::NUMBER_TOO_MANY_PLACES,
                &path,
                format!("{p} có quá {MAX_INPUT_PLACES} chữ số thập phân"),
                format!("{p} has more than {MAX_INPUT_PLACES} decimal places"),
            );
            return None;
        }
        if let Some(step) = self.step {
            if !(p % step).is_zero() {
                diags.error(
                    codes::MANUAL_OFF_STEP,
                    &path,
                    format!("{p} không phải là bội số của bước {}", points_str(step)),
                    format!("{p} is not a multiple of the step {}", points_str(step)),
                );
                return None;
            }
        }
        if p > max {
            diags.error(
                codes::MANUAL_ABOVE_MAX,
                &path,
                format!("{} vượt quá điểm tối đa {}", points_str(p), points_str(max)),
                format!("{} is above the max {}", points_str(p), points_str(max)),
            );
            return None;
        }
        Some(p)
    }

    fn decide(&self, points: &Decimal, ctx: LeafContext) -> Decision<()> {
        Decision::new((*points).min(ctx.max), ())
    }

    fn explain(&self, _points: &Decimal, decided: &Decision<()>, ctx: LeafContext) -> Words {
        let got = points_of(decided.points, ctx.max);
        let explanation = both(|l| match l {
            Lang::Vi => format!("Chấm điểm trực tiếp → {}.", got.vi),
            Lang::En => format!("Points entered directly → {}.", got.en),
        });
        let advice = (decided.points < ctx.max).then(|| {
            both(|l| match l {
                Lang::Vi => format!(
                    "Có thể được tối đa {} điểm theo hướng dẫn chấm.",
                    human(ctx.max, l)
                ),
                Lang::En => format!(
                    "Up to {} points are possible under the guide.",
                    human(ctx.max, l)
                ),
            })
        });
        Words {
            explanation,
            advice,
        }
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
        let (path, msg) = first_error(input_max(&r, r#"{"points":"1.75"}"#, "1.5"));
        assert_eq!(
            (path.as_str(), msg.as_str()),
            ("self.1.points", "1.75 is above the max 1.5")
        );
    }
}
