//! The closed registry of rule kinds (*cách chấm điểm*). Each kind lives in one file of
//! this folder and implements [`Kind`]: its framework keys (`parse`, `outcomes`), its
//! assessment input keys (`read_input`), how it decides points (`decide`, used by every
//! path that scores, with or without words) and how it says why (`explain`, only when
//! words are wanted). The one list below, [`rule_kinds!`], makes the `Rule`, `Input`
//! and `RuleKind` enums and their dispatch from those files; this module adds what every
//! rule must satisfy: the best outcome equals the leaf's max and no outcome is negative
//! or above it.
//!
//! To add a kind: a file here implementing [`Kind`], one line in the list, its row in
//! `docs/formats.md`, its control in `web/src/components/leaf/controls.rs` (see
//! `ARCHITECTURE.md`, "Add a rule kind").

mod checklist;
mod choice;
mod count;
mod deadline;
mod keyed;
mod manual;
mod proportional;
mod ratio;
mod survey;
mod thresholds;

pub use checklist::Checklist;
pub use choice::Choice;
pub use count::Count;
pub use deadline::{Deadline, DeadlineCase};
pub use keyed::Item;
pub use manual::Manual;
pub use proportional::Proportional;
pub use ratio::{Cases, NoCases, Ratio};
pub use survey::Survey;
pub use thresholds::{Bound, Threshold, Thresholds};

use crate::codes;
use crate::decimal::{points_str, Rounding};
use crate::diagnostic::{Diagnostics, Lang, Text};
use crate::keyword::{self, serialize_as_keyword, Keyword};
use crate::reader::Fields;
use crate::tree::Node;
use rust_decimal::Decimal;
use serde_json::Value;
use std::fmt;

/// What a leaf needs to know about itself and the assessment to be scored.
#[derive(Debug, Clone, Copy)]
pub struct LeafContext {
    pub max: Decimal,
    pub year: i32,
    pub rounding: Rounding,
}

/// What deciding a leaf's points gives: the points, whether the input makes the leaf
/// not applicable (`if_no_cases = "not-applicable"`), and what the kind found on the way
/// (which option, threshold or case applied), kept for the words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision<W> {
    pub points: Decimal,
    pub not_applicable: bool,
    pub why: W,
}

impl<W> Decision<W> {
    pub fn new(points: Decimal, why: W) -> Self {
        Decision {
            points,
            not_applicable: false,
            why,
        }
    }
}

/// The words of a scored leaf: which rule, which inputs, which threshold or option
/// applied (*giải thích*), and what input would have earned more (`None` at full
/// points).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words {
    pub explanation: Text,
    pub advice: Option<Text>,
}

impl Words {
    pub fn new(explanation: Text, advice: Option<Text>) -> Self {
        Words {
            explanation,
            advice,
        }
    }
}

/// What scoring one leaf's input gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub points: Decimal,
    pub not_applicable: bool,
    /// `None` when words were not asked for (ranking needs only points).
    pub words: Option<Words>,
}

/// What every rule kind provides. One implementation per file of this folder.
pub trait Kind: Sized {
    /// The word in `rule.kind`.
    const NAME: &'static str;
    /// The assessment keys that carry this kind's input.
    const INPUT_KEYS: &'static [&'static str];
    /// A validated input of one entry.
    type Input: Clone + PartialEq + Eq + fmt::Debug;
    /// What [`Kind::decide`] found out, for [`Kind::explain`].
    type Why;

    /// Reads the kind's keys from a `rule` table (the leaf's `max`, when it is known, for
    /// checks that need it).
    fn parse(rule: &mut Fields, max: Option<Decimal>, diags: &mut Diagnostics) -> Option<Self>;

    /// Reads the kind's keys from a `rule` table of a framework validated elsewhere
    /// (`crate::trusted`): no checks, no messages; `None` if something is off.
    fn trusted(rule: &Value, max: Decimal) -> Option<Self>;

    /// Every fixed outcome with the key that gives it. Kinds whose points scale with the
    /// leaf's max (proportional, manual, survey) or are the max by definition give none.
    fn outcomes(&self) -> Vec<(String, Decimal)> {
        Vec::new()
    }

    /// Reads this kind's input keys from an entry: `None` when the entry has none of them
    /// (the leaf is still missing) or when one is wrong (reported).
    fn read_input<N: Node>(
        &self,
        entry: &mut Fields<N>,
        diags: &mut Diagnostics,
    ) -> Option<Self::Input>;

    /// The points an input earns. The only place the kind decides them.
    fn decide(&self, input: &Self::Input, ctx: LeafContext) -> Decision<Self::Why>;

    /// Why the decision was what it was, and what would have earned more.
    fn explain(
        &self,
        input: &Self::Input,
        decided: &Decision<Self::Why>,
        ctx: LeafContext,
    ) -> Words;
}

/// Decides, then words only when wanted.
fn run<K: Kind>(rule: &K, input: &K::Input, ctx: LeafContext, words: bool) -> Outcome {
    let decided = rule.decide(input, ctx);
    Outcome {
        points: decided.points,
        not_applicable: decided.not_applicable,
        words: words.then(|| rule.explain(input, &decided, ctx)),
    }
}

/// Makes `RuleKind`, `Rule`, `Input` and their dispatch from one list of kinds.
macro_rules! rule_kinds {
    ($( $(#[$doc:meta])* $variant:ident($ty:ty) ),* $(,)?) => {
        /// The kind of a rule, as written in `rule.kind`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum RuleKind { $($variant),* }

        impl Keyword for RuleKind {
            const WHAT: (&'static str, &'static str) = ("loại quy tắc", "rule kind");
            const ALL: &'static [(&'static str, RuleKind)] =
                &[$((<$ty as Kind>::NAME, RuleKind::$variant)),*];
        }

        /// How a leaf is scored (*quy tắc chấm điểm của tiêu chí thành phần*).
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub enum Rule { $($(#[$doc])* $variant($ty)),* }

        /// A leaf's validated input (*kết quả tự đánh giá / thẩm định*).
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub enum Input { $($variant(<$ty as Kind>::Input)),* }

        impl RuleKind {
            /// The assessment keys that carry this kind's input.
            pub fn input_keys(self) -> &'static [&'static str] {
                match self { $(RuleKind::$variant => <$ty as Kind>::INPUT_KEYS),* }
            }

            fn trusted_rule(self, rule: &Value, max: Decimal) -> Option<Rule> {
                match self { $(RuleKind::$variant => <$ty as Kind>::trusted(rule, max).map(Rule::$variant)),* }
            }

            fn parse_rule(
                self,
                f: &mut Fields,
                max: Option<Decimal>,
                diags: &mut Diagnostics,
            ) -> Option<Rule> {
                match self { $(RuleKind::$variant => <$ty as Kind>::parse(f, max, diags).map(Rule::$variant)),* }
            }
        }

        impl Rule {
            pub fn kind(&self) -> RuleKind {
                match self { $(Rule::$variant(_) => RuleKind::$variant),* }
            }

            fn outcomes(&self) -> Vec<(String, Decimal)> {
                match self { $(Rule::$variant(r) => r.outcomes()),* }
            }

            fn read_kind_input<N: Node>(&self, f: &mut Fields<N>, diags: &mut Diagnostics) -> Option<Input> {
                match self { $(Rule::$variant(r) => r.read_input(f, diags).map(Input::$variant)),* }
            }

            /// Scores a validated input; with `words`, says why. Inputs of another kind
            /// cannot reach here (the reader builds them from this rule); should one
            /// arrive, it scores 0 with a plain note.
            pub fn score(&self, input: &Input, ctx: LeafContext, words: bool) -> Outcome {
                match (self, input) {
                    $((Rule::$variant(r), Input::$variant(i)) => run(r, i, ctx, words),)*
                    #[allow(unreachable_patterns)]
                    _ => Outcome {
                        points: Decimal::ZERO,
                        not_applicable: false,
                        words: words.then(|| Words {
                            explanation: Text::new(
                                "Dữ liệu không khớp với quy tắc",
                                "Input does not match the rule",
                            ),
                            advice: None,
                        }),
                    },
                }
            }
        }
    };
}

rule_kinds! {
    /// One option among several (`choice.rs`).
    Choice(Choice),
    /// Done by a due date (`deadline.rs`).
    Deadline(Deadline),
    /// A percentage of cases, by thresholds (`ratio.rs`).
    Ratio(Ratio),
    /// Points in proportion to a percentage of cases (`proportional.rs`).
    Proportional(Proportional),
    /// A whole number, by thresholds (`count.rs`).
    Count(Count),
    /// Items met (`checklist.rs`).
    Checklist(Checklist),
    /// Points entered directly (`manual.rs`).
    Manual(Manual),
    /// Scored by the sociological survey (`survey.rs`).
    Survey(Survey),
}

serialize_as_keyword!(RuleKind);

impl Rule {
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
        let kind = f
            .required("kind", diags)
            .and_then(|v| keyword::read::<RuleKind>(v, &kind_path, diags))?;
        let rule = kind.parse_rule(&mut f, max, diags);
        f.finish(diags);
        let rule = rule?;
        if let Some(max) = max {
            rule.check_outcomes(path, max, diags);
        }
        (diags.len() == before).then_some(rule)
    }

    /// Reads a `rule` table of a framework validated elsewhere (`crate::trusted`).
    pub(crate) fn trusted(rule: &Value, max: Decimal) -> Option<Rule> {
        crate::trusted::keyword::<RuleKind>(rule.get("kind")?)?.trusted_rule(rule, max)
    }

    fn check_outcomes(&self, path: &str, max: Decimal, diags: &mut Diagnostics) {
        let outcomes = self.outcomes();
        for (key, points) in &outcomes {
            if *points > max {
                diags.error(
                    codes::RULE_OUTCOME_ABOVE_MAX,
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
                    codes::RULE_BEST_BELOW_MAX,
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
    pub(crate) fn read_input<N: Node>(
        &self,
        entry: &mut Fields<N>,
        diags: &mut Diagnostics,
    ) -> Result<Option<Input>, ()> {
        let before = diags.len();
        let input = self.read_kind_input(entry, diags);
        if diags.len() > before {
            Err(())
        } else {
            Ok(input)
        }
    }
}

/// `format!` for the words of explanations and advice, which a scorecard writes by the
/// hundred: the string gets room for a sentence at once rather than growing as it is
/// written (growing took a fifth of explaining).
macro_rules! words {
    ($($arg:tt)*) => {
        $crate::rules::sentence(format_args!($($arg)*))
    };
}
pub(crate) use words;

/// The string behind [`words!`].
pub(crate) fn sentence(args: fmt::Arguments<'_>) -> String {
    let mut s = String::with_capacity(128);
    let _ = fmt::Write::write_fmt(&mut s, args);
    s
}

/// `{points}/{max} điểm` in both languages.
pub(crate) fn points_of(points: Decimal, max: Decimal) -> Text {
    use crate::decimal::Human;
    Text::new(
        words!("{}/{} điểm", Human(points, Lang::Vi), Human(max, Lang::Vi)),
        words!(
            "{}/{} points",
            Human(points, Lang::En),
            Human(max, Lang::En)
        ),
    )
}

/// Builds a text from one template that takes the language as argument, so numbers and
/// dates follow the language.
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

    /// Scores an entry with words; the words must exist.
    pub fn scored(rule: &Rule, entry: &str, max: &str) -> (Outcome, Words) {
        let i = input(rule, entry).expect("valid input").expect("an input");
        let out = rule.score(&i, ctx(max), true);
        let words = out.words.clone().expect("words were asked for");
        let bare = rule.score(&i, ctx(max), false);
        assert_eq!(bare.points, out.points, "the same points without words");
        assert_eq!(bare.not_applicable, out.not_applicable);
        assert!(bare.words.is_none());
        (out, words)
    }

    /// Scores an entry and returns the points as a normalised string.
    pub fn points(rule: &Rule, entry: &str, max: &str) -> String {
        crate::decimal::points_str(scored(rule, entry, max).0.points)
    }

    /// The first error's path and English message.
    pub fn first_error(
        r: Result<impl std::fmt::Debug, Vec<crate::diagnostic::Diagnostic>>,
    ) -> (String, String) {
        let diags = r.expect_err("must be rejected");
        (diags[0].path.clone(), diags[0].message.en.clone())
    }

    /// The first error's code.
    pub fn first_code(
        r: Result<impl std::fmt::Debug, Vec<crate::diagnostic::Diagnostic>>,
    ) -> &'static str {
        r.expect_err("must be rejected")[0].code
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kind_list_names_every_variant() {
        let every = [
            RuleKind::Choice,
            RuleKind::Deadline,
            RuleKind::Ratio,
            RuleKind::Proportional,
            RuleKind::Count,
            RuleKind::Checklist,
            RuleKind::Manual,
            RuleKind::Survey,
        ];
        // A new kind fails to compile here until it is listed above.
        for k in every {
            match k {
                RuleKind::Choice
                | RuleKind::Deadline
                | RuleKind::Ratio
                | RuleKind::Proportional
                | RuleKind::Count
                | RuleKind::Checklist
                | RuleKind::Manual
                | RuleKind::Survey => {}
            }
        }
        keyword::check_names_every_variant(&every);
    }
}
