//! Ranking (*xếp hạng*) units of one framework: by index, descending; equal indices share
//! a rank and the next rank skips (1, 2, 2, 4), as `docs/formats.md` §4 says.

use crate::codes;
use crate::diagnostic::{Diagnostic, Location};
use crate::scorecard::{Scorecard, Total};
use rust_decimal::Decimal;
use serde::Serialize;
use std::cmp::Ordering;

/// One row of a ranking table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RankRow {
    pub rank: usize,
    pub unit: String,
    pub year: i32,
    /// The counted total (`points`, `max`, `index`, `band`), written inline.
    #[serde(flatten)]
    pub total: Total,
    pub complete: bool,
}

/// A ranking: the framework and its rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ranking {
    pub format: u32,
    pub framework: String,
    pub rows: Vec<RankRow>,
}

impl Ranking {
    /// The ranking's JSON (`docs/formats.md` §4): the bytes [`crate::format::pretty_json`]
    /// gives for its `Serialize`, written without serde's serializer (the desk downloads
    /// it).
    pub fn to_json(&self) -> String {
        crate::json_write::ranking(self)
    }
}

/// What ranking needs of a scorecard. Ranking many files keeps only this of each
/// scorecard (`rank_json_on`: the rest is dropped on the worker that scored it).
#[derive(Debug, Clone)]
pub(crate) struct Standing {
    pub framework: String,
    pub unit: String,
    pub year: i32,
    pub total: Total,
    pub complete: bool,
}

impl Standing {
    /// What ranking keeps of a scorecard.
    pub(crate) fn of(card: &Scorecard) -> Standing {
        Standing {
            framework: card.framework.clone(),
            unit: card.unit.clone(),
            year: card.year,
            total: card.total.clone(),
            complete: card.complete,
        }
    }
}

/// Ranks scorecards of one framework. Units without an index (nothing applicable) come
/// last and share the last rank. Within a tie, rows are ordered by unit name so the
/// output does not depend on the order of the files.
pub fn rank(scorecards: &[Scorecard]) -> Result<Ranking, Vec<Diagnostic>> {
    rank_standings(scorecards.iter().map(Standing::of).collect())
}

/// [`rank`] of what ranking needs of each scorecard.
pub(crate) fn rank_standings(standings: Vec<Standing>) -> Result<Ranking, Vec<Diagnostic>> {
    let Some(first) = standings.first() else {
        return Err(vec![Diagnostic::error(
            codes::RANK_EMPTY,
            "",
            "cần ít nhất một hồ sơ để xếp hạng",
            "ranking needs at least one assessment",
        )]);
    };
    let mismatched: Vec<Diagnostic> = standings
        .iter()
        .enumerate()
        .filter(|(_, s)| s.framework != first.framework)
        .map(|(i, s)| {
            Diagnostic::error(
                codes::RANK_FRAMEWORK_MISMATCH,
                "framework",
                format!(
                    "{} dùng bộ chỉ số \"{}\", khác \"{}\" của hồ sơ đầu tiên",
                    s.unit, s.framework, first.framework
                ),
                format!(
                    "{} uses framework \"{}\", not \"{}\" like the first assessment",
                    s.unit, s.framework, first.framework
                ),
            )
            .at(Location {
                file: Some(i),
                field: Some("framework".into()),
                ..Location::default()
            })
        })
        .collect();
    if !mismatched.is_empty() {
        return Err(mismatched);
    }
    let framework = first.framework.clone();
    let key = |s: &Standing| s.total.index.map(|i| i.value);
    let mut order = standings;
    order.sort_by(|a, b| desc_index(key(a), key(b)).then_with(|| a.unit.cmp(&b.unit)));
    let mut rows: Vec<RankRow> = Vec::with_capacity(order.len());
    for (pos, s) in order.into_iter().enumerate() {
        let rank = match rows.last() {
            Some(prev) if prev.total.index.map(|i| i.value) == key(&s) => prev.rank,
            _ => pos + 1,
        };
        rows.push(RankRow {
            rank,
            unit: s.unit,
            year: s.year,
            total: s.total,
            complete: s.complete,
        });
    }
    Ok(Ranking {
        format: 1,
        framework,
        rows,
    })
}

fn desc_index(a: Option<Decimal>, b: Option<Decimal>) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => y.cmp(&x),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}
