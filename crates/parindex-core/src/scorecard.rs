//! Scorecards (*bảng kết quả chấm điểm*): the result of scoring, shaped exactly as
//! `docs/formats.md` §3, with the same bytes natively and in WebAssembly.

use crate::codes;
use crate::decimal::{fixed_str, points_str};
use crate::diagnostic::{Diagnostic, Text};
use crate::keyword::keyword_enum;
use crate::rules::RuleKind;
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

/// Serialises a decimal as a normalised string (`"8.5"`).
pub fn ser_points<S: Serializer>(value: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&points_str(*value))
}

keyword_enum! {
    /// The state of a node.
    pub enum Status ("trạng thái", "status") {
        Scored = "scored",
        /// *Không phát sinh*.
        NotApplicable = "not-applicable",
        /// No input yet: counts 0 and makes the assessment incomplete.
        Missing = "missing",
        /// A survey leaf without a survey result.
        SurveyPending = "survey-pending",
    }
}

impl Status {
    /// The status as people read it: `Chưa nhập`, `Missing`.
    pub fn label(self) -> Text {
        match self {
            Status::Scored => Text::new("Đã chấm", "Scored"),
            Status::NotApplicable => Text::new("Không phát sinh", "Not applicable"),
            Status::Missing => Text::new("Chưa nhập", "Missing"),
            Status::SurveyPending => Text::new("Chờ điều tra XHH", "Survey pending"),
        }
    }
}

/// A total: points out of the applicable max, the index and its band (*xếp loại*).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Total {
    #[serde(serialize_with = "ser_points")]
    pub points: Decimal,
    #[serde(serialize_with = "ser_points")]
    pub max: Decimal,
    /// Written with exactly the framework's rounding places; `None` when max is 0.
    #[serde(serialize_with = "ser_index")]
    pub index: Option<Index>,
    pub band: Option<Text>,
}

/// A rounded index and the places it is written with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Index {
    pub value: Decimal,
    pub places: u32,
}

impl Index {
    pub fn to_fixed(self) -> String {
        fixed_str(self.value, self.places)
    }
}

/// Serialises an index with its places (`"83.00"`), or `null`.
pub fn ser_index<S: Serializer>(value: &Option<Index>, s: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(i) => s.serialize_str(&i.to_fixed()),
        None => s.serialize_none(),
    }
}

/// Counts of leaves by status.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub leaves: usize,
    pub scored: usize,
    pub not_applicable: usize,
    pub missing: usize,
    pub survey_pending: usize,
    /// Leaves whose counted input comes from the appraisal.
    pub appraised: usize,
}

/// One criterion's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Node {
    pub code: String,
    pub title: Text,
    /// The applicable max.
    #[serde(serialize_with = "ser_points")]
    pub max: Decimal,
    /// Points counted (appraised where appraised).
    #[serde(serialize_with = "ser_points")]
    pub points: Decimal,
    /// Points from the self-assessment alone.
    #[serde(serialize_with = "ser_points")]
    pub self_points: Decimal,
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<RuleKind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub self_status: Option<Status>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub appraised: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub advice: Option<Text>,
}

/// Points lost on a leaf (*điểm bị trừ / chưa đạt*), with what would earn them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Gap {
    pub code: String,
    #[serde(serialize_with = "ser_points")]
    pub lost: Decimal,
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub advice: Option<Text>,
}

/// The whole result of scoring one assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Scorecard {
    pub format: u32,
    pub framework: String,
    pub unit: String,
    pub year: i32,
    pub complete: bool,
    pub total: Total,
    pub self_total: Total,
    #[serde(serialize_with = "ser_points")]
    pub bonus: Decimal,
    #[serde(serialize_with = "ser_points")]
    pub penalty: Decimal,
    pub summary: Summary,
    pub nodes: Vec<Node>,
    pub gaps: Vec<Gap>,
    /// Warnings, written as the contract shows them (`severity`, `path`, `message`).
    #[serde(serialize_with = "crate::diagnostic::ser_contract")]
    pub diagnostics: Vec<Diagnostic>,
}

impl Scorecard {
    /// The scorecard JSON as the CLI prints it and the JS API returns it: two-space
    /// indentation and a final newline, the same bytes on every platform — those
    /// `crate::format::pretty_json` gives for this type's `Serialize`, written directly
    /// (`json_write.rs`).
    pub fn to_json(&self) -> String {
        crate::json_write::scorecard(self)
    }

    /// The node of a criterion code.
    pub fn node(&self, code: &str) -> Option<&Node> {
        self.nodes.iter().find(|n| n.code == code)
    }

    /// Codes of the appraised leaves whose change still lacks the appraiser's comment
    /// (the [`codes::APPRAISAL_COMMENT_OWED`] warnings), in framework order.
    pub fn comments_owed(&self) -> Vec<&str> {
        self.diagnostics
            .iter()
            .filter(|d| d.code == codes::APPRAISAL_COMMENT_OWED)
            .filter_map(|d| d.location.criterion.as_deref())
            .collect()
    }

    /// Leaves whose appraised points differ from the self-assessed points, with the
    /// change (`appraised − self`): largest change either way first, then by code
    /// (framework order).
    pub fn differences(&self) -> Vec<(&Node, Decimal)> {
        let mut out: Vec<(&Node, Decimal)> = self
            .nodes
            .iter()
            .filter(|n| n.kind.is_some() && n.appraised && n.points != n.self_points)
            .map(|n| (n, n.points - n.self_points))
            .collect();
        // A stable sort keeps framework order among equal changes.
        crate::order::sort_small_by(&mut out, |a, b| b.1.abs().cmp(&a.1.abs()));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_status_list_names_every_variant() {
        let every = [
            Status::Scored,
            Status::NotApplicable,
            Status::Missing,
            Status::SurveyPending,
        ];
        for s in every {
            match s {
                Status::Scored
                | Status::NotApplicable
                | Status::Missing
                | Status::SurveyPending => {}
            }
        }
        crate::keyword::check_names_every_variant(&every);
    }
}
