//! `ratio`: a percentage of cases meeting a target, scored by bands (*tỷ lệ hồ sơ giải
//! quyết đúng hạn: trên 95% → 2 điểm …*). Bands are compared exactly:
//! `numerator × 100` against `threshold × denominator`, never a rounded percentage.
//!
//! Framework: `bands = [{ at_least | above, points }]`, `otherwise`, `if_no_cases`.
//! Input: `numerator`, `denominator` (whole numbers, numerator ≤ denominator).

use super::thresholds::{Allowed, Bound, Threshold, Thresholds};
use super::words;
use super::{both, points_of, Decision, Kind, LeafContext, Words};
use crate::codes;
use crate::decimal::Human;
use crate::decimal::{cmp_percent, human, percent_relation};
use crate::diagnostic::{Diagnostics, Lang, Text};
use crate::keyword::{self, keyword_enum};
use crate::reader::{count, Fields};
use crate::tree::Node;
use rust_decimal::Decimal;
use serde_json::Value;

keyword_enum! {
    /// What a ratio or proportional leaf scores when there were no cases (denominator 0).
    pub enum NoCases ("cách tính khi không phát sinh trường hợp nào", "if_no_cases value") {
        /// Full points: nothing could go wrong.
        Max = "max",
        Zero = "zero",
        /// The leaf becomes not applicable, under the framework's `not_applicable`
        /// policy.
        NotApplicable = "not-applicable",
    }
}

impl NoCases {
    pub(crate) fn parse(rule: &mut Fields, diags: &mut Diagnostics) -> Option<NoCases> {
        let path = rule.path_of("if_no_cases");
        keyword::read(rule.required("if_no_cases", diags)?, &path, diags)
    }

    /// The decision for a zero denominator.
    pub(crate) fn decide<W>(self, ctx: LeafContext, why: W) -> Decision<W> {
        let (points, not_applicable) = match self {
            NoCases::Max => (ctx.max, false),
            NoCases::Zero => (Decimal::ZERO, false),
            NoCases::NotApplicable => (Decimal::ZERO, true),
        };
        Decision {
            points,
            not_applicable,
            why,
        }
    }

    /// Why a zero denominator gave what it gave.
    pub(crate) fn explain(self, points: Decimal, ctx: LeafContext) -> Words {
        let (vi, en) = match self {
            NoCases::Max => ("được điểm tối đa", "full points"),
            NoCases::Zero => ("không được điểm", "no points"),
            NoCases::NotApplicable => ("tiêu chí không áp dụng", "the criterion does not apply"),
        };
        let explanation = if self == NoCases::NotApplicable {
            Text::new(
                words!("Không phát sinh trường hợp nào (mẫu số 0): {vi}."),
                words!("No cases (denominator 0): {en}."),
            )
        } else {
            let got = points_of(points, ctx.max);
            Text::new(
                words!(
                    "Không phát sinh trường hợp nào (mẫu số 0): {vi} → {}.",
                    got.vi
                ),
                words!("No cases (denominator 0): {en} → {}.", got.en),
            )
        };
        Words {
            explanation,
            advice: None,
        }
    }
}

/// The input of `ratio` and `proportional` leaves: cases meeting the target out of all
/// cases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cases {
    pub numerator: u64,
    pub denominator: u64,
}

impl Cases {
    /// The ratio as people read it: `6.416/6.507 ≈ 98,6%`.
    pub fn shown(&self, lang: Lang) -> String {
        let (n, d) = (self.numerator, self.denominator);
        words!(
            "{}/{} {}",
            Human(n.into(), lang),
            Human(d.into(), lang),
            percent_relation(n, d, lang)
        )
    }
}

/// The input keys of `ratio` and `proportional` leaves.
pub(crate) const CASES_KEYS: &[&str] = &["numerator", "denominator"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ratio {
    pub thresholds: Thresholds,
    pub if_no_cases: NoCases,
}

/// Which part of a ratio rule applied: no cases, or a threshold (`None`: `otherwise`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RatioWhy {
    NoCases,
    Threshold(Option<usize>),
}

impl Kind for Ratio {
    const NAME: &'static str = "ratio";
    const INPUT_KEYS: &'static [&'static str] = CASES_KEYS;
    type Input = Cases;
    type Why = RatioWhy;

    fn parse(rule: &mut Fields, _max: Option<Decimal>, diags: &mut Diagnostics) -> Option<Self> {
        let thresholds = Thresholds::parse(rule, Allowed::Rising, diags);
        let if_no_cases = NoCases::parse(rule, diags);
        Some(Ratio {
            thresholds: thresholds?,
            if_no_cases: if_no_cases?,
        })
    }

    fn trusted(rule: &Value, _max: Decimal) -> Option<Self> {
        Some(Ratio {
            thresholds: Thresholds::trusted(rule)?,
            if_no_cases: crate::trusted::keyword(rule.get("if_no_cases")?)?,
        })
    }

    fn outcomes(&self) -> Vec<(String, Decimal)> {
        self.thresholds.outcomes()
    }

    fn read_input<N: Node>(&self, entry: &mut Fields<N>, diags: &mut Diagnostics) -> Option<Cases> {
        read_cases(entry, diags)
    }

    fn decide(&self, c: &Cases, ctx: LeafContext) -> Decision<RatioWhy> {
        if c.denominator == 0 {
            return self.if_no_cases.decide(ctx, RatioWhy::NoCases);
        }
        let (points, applied) = self
            .thresholds
            .decide(|t| cmp_percent(c.numerator, c.denominator, t));
        Decision::new(points, RatioWhy::Threshold(applied))
    }

    fn explain(&self, c: &Cases, decided: &Decision<RatioWhy>, ctx: LeafContext) -> Words {
        let RatioWhy::Threshold(applied) = decided.why else {
            return self.if_no_cases.explain(decided.points, ctx);
        };
        let got = points_of(decided.points, ctx.max);
        let which = self.thresholds.applied_text(applied, "%");
        let (n, d) = (c.numerator, c.denominator);
        let explanation = both(|l| {
            let (ratio, which, got) = (c.shown(l), which.get(l), got.get(l));
            match l {
                Lang::Vi => words!("Tỷ lệ {ratio}; mức «{which}» → {got}."),
                Lang::En => words!("Ratio {ratio}; band “{which}” → {got}."),
            }
        });
        let advice = self
            .thresholds
            .next_better(applied, decided.points)
            .map(|t| advice_for(t, n, d));
        Words::new(explanation, advice)
    }
}

/// The smallest numerator that reaches `threshold` with the same denominator, in words.
fn advice_for(threshold: &Threshold, numerator: u64, denominator: u64) -> Text {
    let exact = threshold.value * Decimal::from(denominator) / Decimal::ONE_HUNDRED;
    let needed = match threshold.bound {
        Bound::Above => exact.floor() + Decimal::ONE,
        _ => exact.ceil(),
    };
    let condition = threshold.condition_text("%");
    let reachable = needed <= Decimal::from(denominator);
    let more = needed - Decimal::from(numerator);
    both(|l| {
        let (band, points) = (condition.get(l), Human(threshold.points, l));
        let (needed, all, more) = (
            Human(needed, l),
            Human(denominator.into(), l),
            Human(more, l),
        );
        match (l, reachable) {
            (Lang::Vi, false) => {
                words!("Mức «{band}» ({points} điểm) cần tỷ lệ cao hơn mức có thể đạt.")
            }
            (Lang::En, false) => words!("Band “{band}” ({points} points) is out of reach."),
            (Lang::Vi, true) => words!(
                "Cần ít nhất {needed}/{all} (thêm {more}) để đạt mức «{band}» ({points} điểm)."
            ),
            (Lang::En, true) => {
                words!("At least {needed}/{all} ({more} more) reaches “{band}” ({points} points).")
            }
        }
    })
}

/// Reads `numerator` and `denominator` for `ratio` and `proportional` leaves.
pub(crate) fn read_cases<N: Node>(entry: &mut Fields<N>, diags: &mut Diagnostics) -> Option<Cases> {
    let num_path = entry.path_of("numerator");
    let den_path = entry.path_of("denominator");
    let num = entry.optional("numerator");
    let den = entry.optional("denominator");
    match (num, den) {
        (None, None) => None,
        (Some(_), None) => {
            diags.error(
                codes::RATIO_DENOMINATOR_MISSING,
                den_path,
                "thiếu mẫu số (denominator)",
                "missing the denominator",
            );
            None
        }
        (None, Some(_)) => {
            diags.error(
                codes::RATIO_NUMERATOR_MISSING,
                num_path,
                "thiếu tử số (numerator)",
                "missing the numerator",
            );
            None
        }
        (Some(n), Some(d)) => {
            let numerator = count(n, &num_path, diags);
            let denominator = count(d, &den_path, diags);
            let (numerator, denominator) = (numerator?, denominator?);
            if numerator > denominator {
                diags.error(
                    codes::RATIO_NUMERATOR_ABOVE_DENOMINATOR,
                    num_path,
                    format!(
                        "{} lớn hơn mẫu số {}",
                        human(numerator.into(), Lang::Vi),
                        human(denominator.into(), Lang::Vi)
                    ),
                    format!(
                        "{} is greater than the denominator {}",
                        human(numerator.into(), Lang::En),
                        human(denominator.into(), Lang::En)
                    ),
                );
                return None;
            }
            Some(Cases {
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
        let (out, words) = scored(&r, r#"{"numerator":27,"denominator":30}"#, "2");
        assert_eq!(crate::decimal::points_str(out.points), "1");
        assert!(words.advice.unwrap().en.contains("At least 28/30 (1 more)"));
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
            let (out, _) = scored(&r, r#"{"numerator":0,"denominator":0}"#, "2");
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
        // Numbers in each language's own format.
        let big = input(&r, r#"{"numerator":70000,"denominator":67378}"#).expect_err("rejected");
        assert_eq!(big[0].message.vi, "70.000 lớn hơn mẫu số 67.378");
        assert_eq!(
            big[0].message.en,
            "70,000 is greater than the denominator 67,378"
        );
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
