//! The closed list of diagnostic codes (*mã lỗi*): one stable, English, kebab-case name
//! per kind of problem, `area.problem`. Front ends and embedding pages switch on a code
//! (never on the wording of a message, which may be improved at any time); the
//! `tests/invalid/*.expect` fixtures name the code they expect; the package's TypeScript
//! declarations list them as the `DiagnosticCode` union (a test keeps the two equal).
//!
//! A new kind of problem gets a new code here and in [`ALL`]; a code is never reused for
//! another meaning.

macro_rules! codes {
    ($( $(#[$doc:meta])* $name:ident = $code:literal; )*) => {
        $( $(#[$doc])* pub const $name: &str = $code; )*
        /// Every code, in this file's order.
        pub const ALL: &[&str] = &[$($code),*];
    };
}

codes! {
    // Syntax of a whole file.
    /// The JSON text cannot be parsed (or repeats a key).
    JSON_SYNTAX = "json.syntax";
    /// The TOML text cannot be parsed.
    TOML_SYNTAX = "toml.syntax";
    /// `format` is not a version this build reads.
    FORMAT_UNSUPPORTED = "format.unsupported";

    // Keys and values, in any file.
    /// A required key is absent.
    KEY_MISSING = "key.missing";
    /// A key the format does not know.
    KEY_UNKNOWN = "key.unknown";
    /// A value of the wrong type (a number where a string is expected, …).
    VALUE_WRONG_TYPE = "value.wrong-type";
    /// A text that must not be empty is empty.
    VALUE_EMPTY = "value.empty";
    /// A word that must be one of a fixed list (`level`, `kind`, `rounding.mode`, the
    /// policies, `if_no_cases`) is not.
    KEYWORD_UNKNOWN = "keyword.unknown";
    /// A date that does not exist or is not written `YYYY-MM-DD`.
    DATE_NOT_REAL = "date.not-real";
    /// A decimal string that is not a plain decimal (`"1e3"`, `".5"`).
    DECIMAL_MALFORMED = "decimal.malformed";
    /// A floating-point literal where an exact decimal string is needed.
    DECIMAL_FLOAT = "decimal.float";
    /// A negative number where 0 or more is needed.
    NUMBER_NEGATIVE = "number.negative";
    /// A number above the largest accepted value.
    NUMBER_TOO_LARGE = "number.too-large";
    /// A number with more decimal places than accepted.
    NUMBER_TOO_MANY_PLACES = "number.too-many-places";
    /// A count that is not a whole number of 0 or more.
    COUNT_NOT_WHOLE = "count.not-whole";

    // Frameworks.
    /// `id` is not `[a-z0-9][a-z0-9-]*`.
    FRAMEWORK_ID_INVALID = "framework.id-invalid";
    /// `edition` contains spaces or `@`.
    FRAMEWORK_EDITION_INVALID = "framework.edition-invalid";
    /// The top-level maxima do not sum to `scale`.
    FRAMEWORK_SCALE_NOT_SUM = "framework.scale-not-sum";
    /// No built-in framework has this reference.
    FRAMEWORK_UNKNOWN = "framework.unknown";
    /// The framework could not be loaded (offline, never downloaded).
    FRAMEWORK_UNAVAILABLE = "framework.unavailable";
    /// `rounding.places` is not a whole number from 0 to 4.
    ROUNDING_PLACES_INVALID = "rounding.places-invalid";
    /// A classification band's `min` is above 100.
    BAND_ABOVE_100 = "band.above-100";
    /// Classification bands' `min` values are not strictly decreasing.
    BAND_NOT_DECREASING = "band.not-decreasing";
    /// The framework has no criterion.
    CRITERION_NONE = "criterion.none";
    /// A criterion code is not a dotted path (`3.2.1`).
    CRITERION_CODE_MALFORMED = "criterion.code-malformed";
    /// Two criteria share a code.
    CRITERION_CODE_DUPLICATE = "criterion.code-duplicate";
    /// A criterion's parent code is absent.
    CRITERION_PARENT_MISSING = "criterion.parent-missing";
    /// A criterion with children has a rule.
    CRITERION_RULE_ON_PARENT = "criterion.rule-on-parent";
    /// A leaf has no rule.
    CRITERION_RULE_MISSING = "criterion.rule-missing";
    /// `may_not_apply` on a criterion with children.
    CRITERION_MAY_NOT_APPLY_ON_PARENT = "criterion.may-not-apply-on-parent";
    /// A parent's max is not the sum of its children's.
    CRITERION_MAX_NOT_SUM = "criterion.max-not-sum";

    // Rules (framework side).
    /// An outcome of a rule gives more than the leaf's max.
    RULE_OUTCOME_ABOVE_MAX = "rule.outcome-above-max";
    /// The best outcome of a rule gives less than the leaf's max.
    RULE_BEST_BELOW_MAX = "rule.best-below-max";
    /// A `choice` or `checklist` has no options or items.
    ITEMS_NONE = "items.none";
    /// Two options or items share a key.
    ITEMS_KEY_DUPLICATE = "items.key-duplicate";
    /// A checklist's items' points do not sum to the leaf's max.
    CHECKLIST_SUM_NOT_MAX = "checklist.sum-not-max";
    /// `due` is not a real month-day.
    DEADLINE_DUE_NOT_REAL = "deadline.due-not-real";
    /// `due_year_offset` is not a whole number from -5 to 5.
    DEADLINE_OFFSET_INVALID = "deadline.offset-invalid";
    /// A threshold list (`bands` of `ratio` and `count`) is empty.
    THRESHOLD_NONE = "threshold.none";
    /// A threshold does not name exactly one bound (`at_least`, `above`, …).
    THRESHOLD_BOUND_COUNT = "threshold.bound-count";
    /// A percentage threshold no ratio can reach (above 100 %).
    THRESHOLD_OUT_OF_REACH = "threshold.out-of-reach";
    /// Rising and falling bounds mixed in one list.
    THRESHOLD_MIXED_DIRECTIONS = "threshold.mixed-directions";
    /// A threshold that can never match after the ones before it.
    THRESHOLD_UNREACHABLE = "threshold.unreachable";
    /// Points that increase down the threshold list.
    THRESHOLD_POINTS_INCREASE = "threshold.points-increase";
    /// `otherwise` gives more than the last threshold.
    THRESHOLD_OTHERWISE_ABOVE_LAST = "threshold.otherwise-above-last";
    /// A manual `step` of 0.
    MANUAL_STEP_ZERO = "manual.step-zero";
    /// The leaf's max is not a multiple of the manual `step`.
    MANUAL_MAX_OFF_STEP = "manual.max-off-step";

    // Assessments.
    /// `framework` is not written `id@edition`.
    ASSESSMENT_FRAMEWORK_INVALID = "assessment.framework-invalid";
    /// The assessment names another framework than the one given.
    ASSESSMENT_FRAMEWORK_MISMATCH = "assessment.framework-mismatch";
    /// `year` is not a year from 1900 to 2200.
    ASSESSMENT_YEAR_INVALID = "assessment.year-invalid";
    /// An entry for a code the framework does not have.
    ENTRY_UNKNOWN_CRITERION = "entry.unknown-criterion";
    /// An entry for a criterion with children.
    ENTRY_NOT_A_LEAF = "entry.not-a-leaf";
    /// A survey leaf outside `survey`, or another leaf inside it.
    ENTRY_WRONG_SECTION = "entry.wrong-section";
    /// `not_applicable` on a leaf that may not be declared so.
    ENTRY_NOT_APPLICABLE_NOT_ALLOWED = "entry.not-applicable-not-allowed";
    /// `not_applicable` together with inputs.
    ENTRY_NOT_APPLICABLE_WITH_INPUT = "entry.not-applicable-with-input";
    /// An input key of another rule kind.
    ENTRY_FOREIGN_INPUT = "entry.foreign-input";
    /// An evidence item with neither `ref` nor `title`.
    EVIDENCE_EMPTY = "evidence.empty";
    /// An evidence item's `file` that is not a file name, SHA-256 and size.
    EVIDENCE_FILE_INVALID = "evidence.file-invalid";
    /// A `choice` names an option the rule does not have.
    CHOICE_UNKNOWN_OPTION = "choice.unknown-option";
    /// `checked` names an item the rule does not have.
    CHECKLIST_UNKNOWN_ITEM = "checklist.unknown-item";
    /// `checked` names an item twice.
    CHECKLIST_ITEM_REPEATED = "checklist.item-repeated";
    /// `done = true` without the date it was done.
    DEADLINE_DONE_WITHOUT_DATE = "deadline.done-without-date";
    /// A date together with `done = false`.
    DEADLINE_DATE_AND_NOT_DONE = "deadline.date-and-not-done";
    /// A numerator without its denominator.
    RATIO_DENOMINATOR_MISSING = "ratio.denominator-missing";
    /// A denominator without its numerator.
    RATIO_NUMERATOR_MISSING = "ratio.numerator-missing";
    /// More cases met than cases.
    RATIO_NUMERATOR_ABOVE_DENOMINATOR = "ratio.numerator-above-denominator";
    /// Manual points above the leaf's max.
    MANUAL_ABOVE_MAX = "manual.above-max";
    /// Manual points off the framework's step.
    MANUAL_OFF_STEP = "manual.off-step";
    /// A survey percent outside 0–100.
    SURVEY_PERCENT_OUT_OF_RANGE = "survey.percent-out-of-range";

    // Warnings in a scorecard.
    /// The appraised points differ from the unit's and the appraiser has not said why.
    APPRAISAL_COMMENT_OWED = "appraisal.comment-owed";
    /// Bonus or penalty items add up to more than the framework's cap.
    ADJUSTMENT_OVER_CAP = "adjustment.over-cap";

    // Ranking and front ends.
    /// Ranking was given no assessment.
    RANK_EMPTY = "rank.empty";
    /// Assessments of different frameworks cannot be ranked together.
    RANK_FRAMEWORK_MISMATCH = "rank.framework-mismatch";
    /// A file could not be read (too large, not text, refused by the system).
    FILE_UNREADABLE = "file.unreadable";
    /// A JavaScript argument of the wrong kind.
    ARGUMENT_INVALID = "argument.invalid";
}

#[cfg(test)]
mod tests {
    #[test]
    fn codes_are_unique_and_well_formed() {
        for (i, code) in super::ALL.iter().enumerate() {
            assert!(!super::ALL[..i].contains(code), "{code} twice");
            let (area, problem) = code.split_once('.').expect("area.problem");
            for part in [area, problem] {
                assert!(
                    !part.is_empty()
                        && part
                            .bytes()
                            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                    "{code}"
                );
            }
        }
    }
}
