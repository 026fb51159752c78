//! `ratio`: a percentage of cases meeting a target, scored by bands (*tỷ lệ hồ sơ giải
//! quyết đúng hạn: trên 95% → 2 điểm …*). Bands are compared exactly:
//! `numerator × 100` against `threshold × denominator`, never a rounded percentage.
//!
//! Framework: `bands = [{ at_least | above, points }]`, `otherwise`, `if_no_cases`.
//! Input: `numerator`, `denominator` (whole numbers, numerator ≤ denominator).

use super::bands::{Allowed, Band, Bands, Bound};
use super::{both, points_of, Input, LeafContext, Outcome};
use crate::decimal::{cmp_percent, human, percent_relation};
use crate::diagnostic::{Diagnostics, Lang, Text};
use crate::reader::{count, string, Fields};
use rust_decimal::Decimal;

/// What a ratio or proportional leaf scores when there were no cases (denominator 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoCases {
    /// Full points: nothing could go wrong.
    Max,
    Zero,
    /// The leaf becomes not applicable, under the framework's `not_applicable` policy.
    NotApplicable,
}

impl NoCases {
    pub(crate) fn parse(rule: &mut Fields, diags: &mut Diagnostics) -> Option<NoCases> {
        let path = rule.path_of("if_no_cases");
        let s = string(rule.required("if_no_cases", diags)?, &path, diags)?;
        match s.as_str() {
            "max" => Some(NoCases::Max),
            "zero" => Some(NoCases::Zero),
            "not-applicable" => Some(NoCases::NotApplicable),
            _ => {
                diags.error(
                    path,
                    format!("\"{s}\" không hợp lệ (max, zero hoặc not-applicable)"),
                    format!("unknown value \"{s}\" (expected max, zero or not-applicable)"),
                );
                None
            }
        }
    }

    /// The outcome of a zero denominator.
    pub(crate) fn outcome(self, ctx: LeafContext) -> Outcome {
        let (points, not_applicable, vi, en) = match self {
            NoCases::Max => (ctx.max, false, "được điểm tối đa", "full points"),
            NoCases::Zero => (Decimal::ZERO, false, "không được điểm", "no points"),
            NoCases::NotApplicable => (
                Decimal::ZERO,
                true,
                "tiêu chí không áp dụng",
                "the criterion does not apply",
            ),
        };
        if !ctx.explain {
            return Outcome::bare(points, not_applicable);
        }
        let got = points_of(points, ctx.max);
        let explanation = if not_applicable {
            Text::new(
                format!("Không phát sinh trường hợp nào (mẫu số 0): {vi}."),
                format!("No cases (denominator 0): {en}."),
            )
        } else {
            Text::new(
                format!(
                    "Không phát sinh trường hợp nào (mẫu số 0): {vi} → {}.",
                    got.vi
                ),
                format!("No cases (denominator 0): {en} → {}.", got.en),
            )
        };
        Outcome {
            points,
            not_applicable,
            explanation,
            advice: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ratio {
    pub bands: Bands,
    pub if_no_cases: NoCases,
}

impl Ratio {
    pub(crate) fn parse(rule: &mut Fields, diags: &mut Diagnostics) -> Option<Ratio> {
        let bands = Bands::parse(rule, Allowed::Rising, diags);
        let if_no_cases = NoCases::parse(rule, diags);
        Some(Ratio {
            bands: bands?,
            if_no_cases: if_no_cases?,
        })
    }

    pub(crate) fn score(&self, numerator: u64, denominator: u64, ctx: LeafContext) -> Outcome {
        if denominator == 0 {
            return self.if_no_cases.outcome(ctx);
        }
        let applied = self.bands.bands.iter().position(|b| {
            b.bound
                .holds(cmp_percent(numerator, denominator, b.threshold))
        });
        let points = applied.map_or(self.bands.otherwise, |i| self.bands.bands[i].points);
        if !ctx.explain {
            return Outcome::bare(points, false);
        }
        let got = points_of(points, ctx.max);
        let which = match applied {
            Some(i) => self.bands.bands[i].condition_text("%"),
            None => Text::new(
                "không đạt mức nào (otherwise)",
                "no band reached (otherwise)",
            ),
        };
        let explanation = both(|l| match l {
            Lang::Vi => format!(
                "Tỷ lệ {}/{} {}; mức «{}» → {}.",
                human(numerator.into(), l),
                human(denominator.into(), l),
                percent_relation(numerator, denominator, l),
                which.vi,
                got.vi
            ),
            Lang::En => format!(
                "Ratio {}/{} {}; band “{}” → {}.",
                human(numerator.into(), l),
                human(denominator.into(), l),
                percent_relation(numerator, denominator, l),
                which.en,
                got.en
            ),
        });
        let better = self.bands.bands[..applied.unwrap_or(self.bands.bands.len())]
            .iter()
            .rev()
            .find(|b| b.points > points);
        let advice = better.map(|band| advice_for(band, numerator, denominator));
        Outcome {
            points,
            not_applicable: false,
            explanation,
            advice,
        }
    }
}

/// The smallest numerator that reaches `band` with the same denominator, in words.
fn advice_for(band: &Band, numerator: u64, denominator: u64) -> Text {
    let exact = band.threshold * Decimal::from(denominator) / Decimal::ONE_HUNDRED;
    let needed = match band.bound {
        Bound::Above => exact.floor() + Decimal::ONE,
        _ => exact.ceil(),
    };
    let condition = band.condition_text("%");
    if needed > Decimal::from(denominator) {
        return both(|l| match l {
            Lang::Vi => format!(
                "Mức «{}» ({} điểm) cần tỷ lệ cao hơn mức có thể đạt.",
                condition.vi,
                human(band.points, l)
            ),
            Lang::En => format!(
                "Band “{}” ({} points) is out of reach.",
                condition.en,
                human(band.points, l)
            ),
        });
    }
    let more = needed - Decimal::from(numerator);
    both(|l| match l {
        Lang::Vi => format!(
            "Cần ít nhất {}/{} (thêm {}) để đạt mức «{}» ({} điểm).",
            human(needed, l),
            human(denominator.into(), l),
            human(more, l),
            condition.vi,
            human(band.points, l)
        ),
        Lang::En => format!(
            "At least {}/{} ({} more) reaches “{}” ({} points).",
            human(needed, l),
            human(denominator.into(), l),
            human(more, l),
            condition.en,
            human(band.points, l)
        ),
    })
}

/// Reads `numerator` and `denominator` for `ratio` and `proportional` leaves.
pub(crate) fn read_cases(entry: &mut Fields, diags: &mut Diagnostics) -> Option<Input> {
    let num_path = entry.path_of("numerator");
    let den_path = entry.path_of("denominator");
    let num = entry.optional("numerator");
    let den = entry.optional("denominator");
    match (num, den) {
        (None, None) => None,
        (Some(_), None) => {
            diags.error(
                den_path,
                "thiếu mẫu số (denominator)",
                "missing the denominator",
            );
            None
        }
        (None, Some(_)) => {
            diags.error(num_path, "thiếu tử số (numerator)", "missing the numerator");
            None
        }
        (Some(n), Some(d)) => {
            let numerator = count(n, &num_path, diags);
            let denominator = count(d, &den_path, diags);
            let (numerator, denominator) = (numerator?, denominator?);
            if numerator > denominator {
                diags.error(
                    num_path,
                    format!("{numerator} lớn hơn mẫu số {denominator}"),
                    format!("{numerator} is greater than the denominator {denominator}"),
                );
                return None;
            }
            Some(Input::Cases {
                numerator,
                denominator,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn band_edges_are_exact() {
        let at_least = rule(r#"{ kind = "ratio", bands = [{ at_least = "95", points = "2" }], if_no_cases = "max" }"#, "2").unwrap();
        let above = rule(
            r#"{ kind = "ratio", bands = [{ above = "95", points = "2" }], if_no_cases = "max" }"#,
            "2",
        )
        .unwrap();
        assert_eq!(
            points(&at_least, r#"{"numerator":19,"denominator":20}"#, "2"),
            "2"
        );
        assert_eq!(
            points(&above, r#"{"numerator":19,"denominator":20}"#, "2"),
            "0"
        );
        let third = rule(r#"{ kind = "ratio", bands = [{ at_least = "66.6667", points = "1" }], if_no_cases = "zero" }"#, "1").unwrap();
        assert_eq!(
            points(&third, r#"{"numerator":2,"denominator":3}"#, "1"),
            "0"
        );
    }

    #[test]
    fn first_matching_band_wins_and_advice_names_the_next_band() {
        let r = rule(
            r#"{ kind = "ratio", bands = [{ above = "90", points = "2" }, { at_least = "70", points = "1" }], otherwise = "0", if_no_cases = "max" }"#,
            "2",
        )
        .unwrap();
        let out = r.score(
            &input(&r, r#"{"numerator":27,"denominator":30}"#)
                .unwrap()
                .unwrap(),
            ctx("2"),
        );
        assert_eq!(crate::decimal::points_str(out.points), "1");
        assert!(out.advice.unwrap().en.contains("At least 28/30 (1 more)"));
        assert_eq!(points(&r, r#"{"numerator":20,"denominator":30}"#, "2"), "0");
    }

    #[test]
    fn no_cases_follow_the_rule() {
        for (policy, want, na) in [
            ("max", "2", false),
            ("zero", "0", false),
            ("not-applicable", "0", true),
        ] {
            let r = rule(&format!(r#"{{ kind = "ratio", bands = [{{ at_least = "50", points = "2" }}], if_no_cases = "{policy}" }}"#), "2").unwrap();
            let out = r.score(
                &input(&r, r#"{"numerator":0,"denominator":0}"#)
                    .unwrap()
                    .unwrap(),
                ctx("2"),
            );
            assert_eq!(crate::decimal::points_str(out.points), want);
            assert_eq!(out.not_applicable, na);
        }
    }

    #[test]
    fn numerator_above_denominator_is_an_error() {
        let r = rule(r#"{ kind = "ratio", bands = [{ at_least = "50", points = "1" }], if_no_cases = "max" }"#, "1").unwrap();
        let (path, msg) = first_error(input(&r, r#"{"numerator":105,"denominator":100}"#));
        assert_eq!(path, "self.1.numerator");
        assert_eq!(msg, "105 is greater than the denominator 100");
        assert_eq!(
            first_error(input(&r, r#"{"numerator":5}"#)).0,
            "self.1.denominator"
        );
    }

    #[test]
    fn unreachable_or_rising_bands_are_rejected() {
        let (path, msg) = first_error(rule(
            r#"{ kind = "ratio", bands = [{ at_least = "80", points = "1" }, { at_least = "90", points = "1" }], if_no_cases = "max" }"#,
            "1",
        ));
        assert_eq!(path, "rule.bands[1]");
        assert!(msg.contains("can never match"));
        let (path, _) = first_error(rule(
            r#"{ kind = "ratio", bands = [{ at_least = "90", points = "1" }, { at_least = "80", points = "2" }], if_no_cases = "max" }"#,
            "2",
        ));
        assert_eq!(path, "rule.bands[1].points");
    }
}
