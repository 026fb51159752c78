//! The closed registry of rule kinds (*cách chấm điểm*). Each kind lives in its own file
//! with its framework keys, its assessment input keys, its scoring and its explanation;
//! this module dispatches between them and checks what every rule must satisfy: the best
//! outcome equals the leaf's max and no outcome is negative or above it.

mod bands;
mod checklist;
mod choice;
mod count;
mod deadline;
mod manual;
mod proportional;
mod ratio;
mod survey;

pub use bands::{Band, Bands, Bound};
pub use checklist::{Checklist, ChecklistItem};
pub use choice::{Choice, ChoiceOption};
pub use count::Count;
pub use deadline::Deadline;
pub use manual::Manual;
pub use proportional::Proportional;
pub use ratio::{NoCases, Ratio};

use crate::date::Date;
use crate::decimal::{human, points_str, Rounding};
use crate::diagnostic::{Diagnostics, Lang, Text};
use crate::reader::{string, Fields};
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value;

/// The kind of a rule, as written in `rule.kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleKind {
    Choice,
    Deadline,
    Ratio,
    Proportional,
    Count,
    Checklist,
    Manual,
    Survey,
}

impl RuleKind {
    pub const ALL: [RuleKind; 8] = [
        RuleKind::Choice,
        RuleKind::Deadline,
        RuleKind::Ratio,
        RuleKind::Proportional,
        RuleKind::Count,
        RuleKind::Checklist,
        RuleKind::Manual,
        RuleKind::Survey,
    ];

    pub fn name(self) -> &'static str {
        match self {
            RuleKind::Choice => "choice",
            RuleKind::Deadline => "deadline",
            RuleKind::Ratio => "ratio",
            RuleKind::Proportional => "proportional",
            RuleKind::Count => "count",
            RuleKind::Checklist => "checklist",
            RuleKind::Manual => "manual",
            RuleKind::Survey => "survey",
        }
    }

    pub fn parse(s: &str) -> Option<RuleKind> {
        RuleKind::ALL.into_iter().find(|k| k.name() == s)
    }

    /// The assessment keys that carry this kind's input.
    pub fn input_keys(self) -> &'static [&'static str] {
        match self {
            RuleKind::Choice => &["choice"],
            RuleKind::Deadline => &["date", "done"],
            RuleKind::Ratio | RuleKind::Proportional => &["numerator", "denominator"],
            RuleKind::Count => &["value"],
            RuleKind::Checklist => &["checked"],
            RuleKind::Manual => &["points"],
            RuleKind::Survey => &["percent"],
        }
    }
}

/// How a leaf is scored (*quy tắc chấm điểm của tiêu chí thành phần*).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    Choice(Choice),
    Deadline(Deadline),
    Ratio(Ratio),
    Proportional(Proportional),
    Count(Count),
    Checklist(Checklist),
    Manual(Manual),
    /// Scored by the sociological survey (*điều tra xã hội học*): max × percent / 100.
    Survey,
}

/// A leaf's validated input (*kết quả tự đánh giá / thẩm định*).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Index of the chosen option.
    Choice(usize),
    /// `Some(date)` done on that date; `None` not done.
    Deadline(Option<Date>),
    /// `ratio` and `proportional`: cases meeting the target out of all cases.
    Cases {
        numerator: u64,
        denominator: u64,
    },
    Count(u64),
    /// Indices of the checked items, in framework order.
    Checklist(Vec<usize>),
    Manual(Decimal),
    Survey(Decimal),
}

/// What scoring one leaf's input gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub points: Decimal,
    /// The input makes the leaf not applicable (`if_no_cases = "not-applicable"`).
    pub not_applicable: bool,
    /// Which rule, which inputs, which band or option applied.
    pub explanation: Text,
    /// What input would have earned more; `None` at full points.
    pub advice: Option<Text>,
}

impl Outcome {
    /// Points without words, when no explanation is wanted.
    pub fn bare(points: Decimal, not_applicable: bool) -> Outcome {
        Outcome {
            points,
            not_applicable,
            explanation: Text::new("", ""),
            advice: None,
        }
    }
}

/// What a rule needs to know about the leaf and the assessment.
#[derive(Debug, Clone, Copy)]
pub struct LeafContext {
    pub max: Decimal,
    pub year: i32,
    pub rounding: Rounding,
    /// Whether to write the explanation and advice (ranking needs only points).
    pub explain: bool,
}

impl Rule {
    pub fn kind(&self) -> RuleKind {
        match self {
            Rule::Choice(_) => RuleKind::Choice,
            Rule::Deadline(_) => RuleKind::Deadline,
            Rule::Ratio(_) => RuleKind::Ratio,
            Rule::Proportional(_) => RuleKind::Proportional,
            Rule::Count(_) => RuleKind::Count,
            Rule::Checklist(_) => RuleKind::Checklist,
            Rule::Manual(_) => RuleKind::Manual,
            Rule::Survey => RuleKind::Survey,
        }
    }

    /// Reads a `rule` table and checks it against the leaf's `max`.
    pub(crate) fn parse(
        value: &Value,
        path: &str,
        max: Option<Decimal>,
        diags: &mut Diagnostics,
    ) -> Option<Rule> {
        let before = diags.len();
        let mut f = Fields::of(value, &path, diags)?;
        let kind_path = f.path_of("kind");
        let kind_name = f
            .required("kind", diags)
            .and_then(|v| string(v, &kind_path, diags))?;
        let Some(kind) = RuleKind::parse(&kind_name) else {
            let names: Vec<&str> = RuleKind::ALL.iter().map(|k| k.name()).collect();
            diags.error(
                kind_path,
                format!(
                    "không có loại quy tắc \"{kind_name}\" (các loại: {})",
                    names.join(", ")
                ),
                format!(
                    "unknown rule kind \"{kind_name}\" (kinds: {})",
                    names.join(", ")
                ),
            );
            return None;
        };
        let rule = match kind {
            RuleKind::Choice => Choice::parse(&mut f, diags).map(Rule::Choice),
            RuleKind::Deadline => Deadline::parse(&mut f, diags).map(Rule::Deadline),
            RuleKind::Ratio => Ratio::parse(&mut f, diags).map(Rule::Ratio),
            RuleKind::Proportional => Proportional::parse(&mut f, diags).map(Rule::Proportional),
            RuleKind::Count => Count::parse(&mut f, diags).map(Rule::Count),
            RuleKind::Checklist => Checklist::parse(&mut f, max, diags).map(Rule::Checklist),
            RuleKind::Manual => Manual::parse(&mut f, max, diags).map(Rule::Manual),
            RuleKind::Survey => Some(Rule::Survey),
        };
        f.finish(diags);
        let rule = rule?;
        if let Some(max) = max {
            rule.check_outcomes(path, max, diags);
        }
        (diags.len() == before).then_some(rule)
    }

    /// Every fixed outcome the rule can give, with the key that gives it. Rules whose
    /// outcomes scale with `max` (proportional, manual, survey) give none.
    fn outcomes(&self) -> Vec<(String, Decimal)> {
        match self {
            Rule::Choice(c) => c
                .options
                .iter()
                .enumerate()
                .map(|(i, o)| (format!("options[{i}].points"), o.points))
                .collect(),
            Rule::Deadline(d) => vec![
                ("on_time".into(), d.on_time),
                ("late".into(), d.late),
                ("not_done".into(), d.not_done),
            ],
            Rule::Ratio(r) => bands_outcomes(&r.bands),
            Rule::Count(c) => bands_outcomes(&c.bands),
            Rule::Checklist(c) if !c.all_or_nothing => {
                vec![("items".into(), c.items.iter().map(|i| i.points).sum())]
            }
            Rule::Checklist(_) | Rule::Proportional(_) | Rule::Manual(_) | Rule::Survey => {
                Vec::new()
            }
        }
    }

    fn check_outcomes(&self, path: &str, max: Decimal, diags: &mut Diagnostics) {
        let outcomes = self.outcomes();
        for (key, points) in &outcomes {
            if *points > max {
                diags.error(
                    format!("{path}.{key}"),
                    format!(
                        "{} điểm vượt quá điểm tối đa {} của tiêu chí",
                        points_str(*points),
                        points_str(max)
                    ),
                    format!(
                        "{} points exceed the criterion's max {}",
                        points_str(*points),
                        points_str(max)
                    ),
                );
            }
        }
        if let Some(best) = outcomes.iter().map(|(_, p)| *p).max() {
            if best < max {
                diags.error(
                    path,
                    format!(
                        "kết quả tốt nhất của quy tắc chỉ được {} điểm, nhưng điểm tối đa là {}",
                        points_str(best),
                        points_str(max)
                    ),
                    format!(
                        "the best outcome gives {} points but max is {}",
                        points_str(best),
                        points_str(max)
                    ),
                );
            }
        }
    }

    /// Reads this rule's input keys from an assessment entry. `Ok(None)` when the entry
    /// has none of them (the leaf is still missing); `Err(())` when something was wrong
    /// (already reported).
    pub(crate) fn read_input(
        &self,
        entry: &mut Fields,
        diags: &mut Diagnostics,
    ) -> Result<Option<Input>, ()> {
        let before = diags.len();
        let input = match self {
            Rule::Choice(c) => c.read_input(entry, diags),
            Rule::Deadline(_) => Deadline::read_input(entry, diags),
            Rule::Ratio(_) | Rule::Proportional(_) => ratio::read_cases(entry, diags),
            Rule::Count(_) => Count::read_input(entry, diags),
            Rule::Checklist(c) => c.read_input(entry, diags),
            Rule::Manual(m) => m.read_input(entry, diags),
            Rule::Survey => survey::read_input(entry, diags),
        };
        if diags.len() > before {
            Err(())
        } else {
            Ok(input)
        }
    }

    /// Scores a validated input. Inputs of another kind cannot reach here (the reader
    /// builds them from this rule); should one arrive, it scores 0 with a plain note.
    pub fn score(&self, input: &Input, ctx: LeafContext) -> Outcome {
        match (self, input) {
            (Rule::Choice(c), Input::Choice(i)) => c.score(*i, ctx),
            (Rule::Deadline(d), Input::Deadline(date)) => d.score(*date, ctx),
            (
                Rule::Ratio(r),
                Input::Cases {
                    numerator,
                    denominator,
                },
            ) => r.score(*numerator, *denominator, ctx),
            (
                Rule::Proportional(p),
                Input::Cases {
                    numerator,
                    denominator,
                },
            ) => p.score(*numerator, *denominator, ctx),
            (Rule::Count(c), Input::Count(v)) => c.score(*v, ctx),
            (Rule::Checklist(c), Input::Checklist(checked)) => c.score(checked, ctx),
            (Rule::Manual(m), Input::Manual(p)) => m.score(*p, ctx),
            (Rule::Survey, Input::Survey(p)) => survey::score(*p, ctx),
            _ => Outcome {
                points: Decimal::ZERO,
                not_applicable: false,
                explanation: Text::new(
                    "Dữ liệu không khớp với quy tắc",
                    "Input does not match the rule",
                ),
                advice: None,
            },
        }
    }
}

fn bands_outcomes(bands: &Bands) -> Vec<(String, Decimal)> {
    let mut out: Vec<(String, Decimal)> = bands
        .bands
        .iter()
        .enumerate()
        .map(|(i, b)| (format!("bands[{i}].points"), b.points))
        .collect();
    out.push(("otherwise".into(), bands.otherwise));
    out
}

/// `{points}/{max} điểm` in both languages.
pub(crate) fn points_of(points: Decimal, max: Decimal) -> Text {
    Text::new(
        format!("{}/{} điểm", human(points, Lang::Vi), human(max, Lang::Vi)),
        format!(
            "{}/{} points",
            human(points, Lang::En),
            human(max, Lang::En)
        ),
    )
}

/// Builds an explanation from a Vietnamese and an English template that each take the
/// language as argument, so numbers and dates follow the language.
pub(crate) fn both(f: impl Fn(Lang) -> String) -> Text {
    Text::new(f(Lang::Vi), f(Lang::En))
}

/// Helpers for the per-kind unit tests.
#[cfg(test)]
pub(crate) mod testing {
    use super::*;
    use crate::decimal::RoundingMode;
    use std::str::FromStr;

    pub fn d(s: &str) -> Decimal {
        Decimal::from_str(s).expect("test decimal")
    }

    /// Parses `rule = { … }` (TOML inline table text) for a leaf of `max`.
    pub fn rule(inline: &str, max: &str) -> Result<Rule, Vec<crate::diagnostic::Diagnostic>> {
        let value: Value = crate::toml_tree::parse(&format!("rule = {inline}")).expect("test TOML");
        let mut diags = Diagnostics::default();
        let rule = Rule::parse(&value["rule"], "rule", Some(d(max)), &mut diags);
        match rule {
            Some(r) if diags.is_empty() => Ok(r),
            _ => Err(diags.0),
        }
    }

    pub fn ctx(max: &str) -> LeafContext {
        LeafContext {
            max: d(max),
            year: 2022,
            rounding: Rounding {
                places: 2,
                mode: RoundingMode::HalfUp,
            },
            explain: true,
        }
    }

    /// Reads an entry (JSON text) with the rule's input reader.
    pub fn input(
        rule: &Rule,
        entry: &str,
    ) -> Result<Option<Input>, Vec<crate::diagnostic::Diagnostic>> {
        let value: Value = serde_json::from_str(entry).expect("test JSON");
        let mut diags = Diagnostics::default();
        let mut f = Fields::of(&value, &"self.1", &mut diags).expect("an object");
        match rule.read_input(&mut f, &mut diags) {
            Ok(i) if diags.is_empty() => Ok(i),
            _ => Err(diags.0),
        }
    }

    /// Scores an entry and returns the points as a normalised string.
    pub fn points(rule: &Rule, entry: &str, max: &str) -> String {
        let i = input(rule, entry).expect("valid input").expect("an input");
        crate::decimal::points_str(rule.score(&i, ctx(max)).points)
    }

    /// The first error's path and English message.
    pub fn first_error(
        r: Result<impl std::fmt::Debug, Vec<crate::diagnostic::Diagnostic>>,
    ) -> (String, String) {
        let diags = r.expect_err("must be rejected");
        (diags[0].path.clone(), diags[0].message.en.clone())
    }
}
