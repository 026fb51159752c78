//! Comparing two scorecards (*so sánh*): last year's and this year's, or two units'.
//! Criteria are matched by code; when the frameworks differ (another edition, another
//! province), what cannot be matched — a code present on one side only, or the same code
//! with another maximum — is listed, never silently compared.

use crate::diagnostic::Text;
use crate::scorecard::{ser_points, Scorecard};
use rust_decimal::Decimal;
use serde::Serialize;

/// How one criterion compares.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Delta {
    pub code: String,
    pub title: Text,
    #[serde(serialize_with = "ser_points")]
    pub before: Decimal,
    #[serde(serialize_with = "ser_points")]
    pub after: Decimal,
    /// `after − before`.
    #[serde(serialize_with = "ser_points")]
    pub change: Decimal,
    /// Whether the criterion's maximum is the same on both sides (if not, the change in
    /// points says little: compare the shares instead).
    pub same_max: bool,
}

/// The comparison of two scorecards.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comparison {
    pub before: String,
    pub after: String,
    /// Both sides use the same framework (`id@edition`).
    pub same_framework: bool,
    /// Change of the total points and of the index (percentage points), when both exist.
    #[serde(serialize_with = "ser_points")]
    pub total_change: Decimal,
    #[serde(serialize_with = "crate::compare::ser_opt_points")]
    pub index_change: Option<Decimal>,
    /// Top-level criteria (*lĩnh vực*) found on both sides.
    pub fields: Vec<Delta>,
    /// Leaves found on both sides, largest change (either way) first.
    pub leaves: Vec<Delta>,
    /// Codes only in the earlier scorecard.
    pub only_before: Vec<String>,
    /// Codes only in the later scorecard.
    pub only_after: Vec<String>,
}

pub(crate) fn ser_opt_points<S: serde::Serializer>(
    v: &Option<Decimal>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match v {
        Some(d) => ser_points(d, s),
        None => s.serialize_none(),
    }
}

/// Compares `before` with `after`.
pub fn compare(before: &Scorecard, after: &Scorecard) -> Comparison {
    let mut fields = Vec::new();
    let mut leaves = Vec::new();
    let mut only_before = Vec::new();
    for b in &before.nodes {
        let Some(a) = after.node(&b.code) else {
            only_before.push(b.code.clone());
            continue;
        };
        let delta = Delta {
            code: b.code.clone(),
            title: a.title.clone(),
            before: b.points,
            after: a.points,
            change: a.points - b.points,
            same_max: a.max == b.max,
        };
        if !b.code.contains('.') {
            fields.push(delta.clone());
        }
        if a.kind.is_some() && b.kind.is_some() {
            leaves.push(delta);
        }
    }
    let only_after = after
        .nodes
        .iter()
        .filter(|a| before.node(&a.code).is_none())
        .map(|a| a.code.clone())
        .collect();
    leaves.sort_by(|x, y| {
        y.change
            .abs()
            .cmp(&x.change.abs())
            .then_with(|| crate::code::compare(&x.code, &y.code))
    });
    let index_change = match (before.total.index, after.total.index) {
        (Some(b), Some(a)) => Some(a.value - b.value),
        _ => None,
    };
    Comparison {
        before: format!("{} {} ({})", before.unit, before.year, before.framework),
        after: format!("{} {} ({})", after.unit, after.year, after.framework),
        same_framework: before.framework == after.framework,
        total_change: after.total.points - before.total.points,
        index_change,
        fields,
        leaves,
        only_before,
        only_after,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score_json;

    const EXAMPLE: &str = include_str!("../../../examples/tra-cu-2022.json");

    #[test]
    fn same_framework_deltas_are_exact_and_ordered() {
        let before = score_json(EXAMPLE, None).unwrap();
        let better = EXAMPLE.replacen("\"numerator\": 65289", "\"numerator\": 67378", 1);
        let after = score_json(&better, None).unwrap();
        let c = compare(&before, &after);
        assert!(c.same_framework);
        assert_eq!(c.total_change, Decimal::ONE);
        assert_eq!(c.index_change, Some(Decimal::new(104, 2)));
        assert_eq!(c.leaves[0].code, "3.3.3");
        assert_eq!(c.leaves[0].change, Decimal::ONE);
        assert!(c.leaves[1..].iter().all(|d| d.change.is_zero()));
        let field3 = c.fields.iter().find(|f| f.code == "3").unwrap();
        assert_eq!(field3.change, Decimal::ONE);
        assert!(c.only_before.is_empty() && c.only_after.is_empty());
    }

    #[test]
    fn other_editions_compare_what_matches_and_list_the_rest() {
        let before = score_json(EXAMPLE, None).unwrap();
        let blank =
            crate::blank_assessment(&crate::builtin("mau-xa@2024").unwrap(), "UBND xã A", 2024);
        let after = score_json(&blank, None).unwrap();
        let c = compare(&before, &after);
        assert!(!c.same_framework);
        assert!(
            !c.only_before.is_empty(),
            "codes of the district framework the commune one lacks"
        );
        assert!(!c.only_after.is_empty());
        for d in c.fields.iter().chain(&c.leaves) {
            assert!(after.node(&d.code).is_some() && before.node(&d.code).is_some());
        }
        assert!(
            c.fields.iter().any(|d| !d.same_max),
            "field maxima differ between the frameworks"
        );
        let json = serde_json::to_string(&c).unwrap();
        assert!(json.contains("\"same_framework\":false"));
    }
}
