//! # parindex-core
//!
//! Exact, explained scoring of the Public Administration Reform Index (*Chỉ số cải cách
//! hành chính*, PAR Index). A framework file (the methodology, as data) and an
//! assessment file (one unit's inputs for one year) give a scorecard: every criterion's
//! points in exact decimals, the total, the index and its band, and for every leaf an
//! explanation in Vietnamese and English of why it earned what it earned.
//!
//! This crate is pure: no I/O, no clock, no platform dependency. The same inputs give the
//! same bytes natively and in WebAssembly. Formats are specified in `docs/formats.md`.
//!
//! ```
//! let framework = parindex_core::builtin("mau-huyen@2022").unwrap();
//! let json = parindex_core::blank_assessment(&framework, "UBND huyện A", 2022);
//! let card = parindex_core::score_json(&json, None).unwrap();
//! assert!(!card.complete);
//! ```

pub mod annex;
pub mod assessment;
mod blank;
pub mod builtin;
pub mod code;
pub mod codes;
pub mod compare;
pub mod date;
pub mod decimal;
pub mod diagnostic;
pub mod draft;
pub mod format;
pub mod framework;
pub mod framework_toml;
mod json_write;
pub mod keyword;
mod markers;
mod order;
#[cfg(feature = "toml")]
mod parallel;
pub mod rank;
mod reader;
pub mod render;
pub mod report;
pub mod rules;
pub mod scorecard;
pub mod scoring;
pub mod strict_json;
mod text;
#[cfg(feature = "toml")]
mod toml_tree;
mod tree;
mod trusted;

pub use assessment::{Assessment, Opened, Section};
pub use blank::blank_assessment;
#[cfg(feature = "toml")]
pub use builtin::{builtin, BUILTIN};
pub use compare::{compare, Comparison};
pub use diagnostic::{Diagnostic, Lang, Location, Severity, Text};
pub use draft::{score_draft, score_draft_with, DraftScore};
pub use framework::Framework;
pub use rank::{rank, Ranking};
pub use rust_decimal::Decimal;
pub use scorecard::Scorecard;
pub use scoring::{explain_leaf, score, score_with, Detail};

use serde::Serialize;

/// The framework of an opened assessment: the given framework text, or the built-in
/// one the assessment names.
#[cfg(feature = "toml")]
pub fn framework_for(
    opened: &Opened,
    framework_toml: Option<&str>,
) -> Result<Framework, Vec<Diagnostic>> {
    match framework_toml {
        Some(toml) => Framework::from_toml(toml),
        None => builtin(&opened.framework),
    }
}

/// Parses, validates and scores assessment JSON, against `framework_toml` when given,
/// else against the built-in framework the assessment names.
#[cfg(feature = "toml")]
pub fn score_json(
    assessment_json: &str,
    framework_toml: Option<&str>,
) -> Result<Scorecard, Vec<Diagnostic>> {
    let (framework, assessment) =
        Opened::read_with(assessment_json, |named| match framework_toml {
            Some(toml) => Framework::from_toml(toml),
            None => builtin(named),
        })?;
    Ok(score(&framework, &assessment))
}

/// Scores many assessments of one framework and ranks them. Each diagnostic names the
/// position of its assessment in `location.file`.
#[cfg(feature = "toml")]
pub fn rank_json(
    assessments: &[&str],
    framework_toml: Option<&str>,
) -> Result<Ranking, Vec<Diagnostic>> {
    rank_json_on(assessments, framework_toml, 1)
}

/// As [`rank_json`], reading and scoring the assessments on `workers` threads (the CLI
/// gives the machine's cores; the result does not depend on it). The framework is the
/// one given, or the built-in one the first readable assessment names.
#[cfg(feature = "toml")]
pub fn rank_json_on(
    assessments: &[&str],
    framework_toml: Option<&str>,
    workers: usize,
) -> Result<Ranking, Vec<Diagnostic>> {
    let in_file = |i: usize| {
        move |mut d: Diagnostic| {
            d.location.file = Some(i);
            d
        }
    };
    let first = assessments
        .iter()
        .enumerate()
        .find_map(|(i, text)| Opened::from_json(text).ok().map(|o| (i, o)));
    let framework = match &first {
        Some((i, opened)) => framework_for(opened, framework_toml)
            .map_err(|ds| ds.into_iter().map(in_file(*i)).collect::<Vec<_>>())?,
        // No file can be read: each says why below.
        None => match framework_toml {
            Some(toml) => Framework::from_toml(toml)?,
            None => builtin(BUILTIN.first().map_or("", |b| b.reference))?,
        },
    };
    // Each worker keeps only what ranking needs of a scorecard, and an arena for the
    // texts it reads.
    let one = |arena: &mut bumpalo::Bump, (i, text): (usize, &&str)| {
        let assessment = Opened::validated_in(text, &framework, arena)
            .map_err(|ds| ds.into_iter().map(in_file(i)).collect::<Vec<_>>())?;
        let card = score_with(&framework, &assessment, Detail::Numbers);
        Ok::<_, Vec<Diagnostic>>(rank::Standing::of(&card))
    };
    let results = parallel::map_with(assessments, workers, bumpalo::Bump::new, one);
    let mut diags = Vec::new();
    let mut standings = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(standing) => standings.push(standing),
            Err(ds) => diags.extend(ds),
        }
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    rank::rank_standings(standings)
}

/// What a framework is, for listings (`parindex frameworks`, the app's start page).
#[derive(Debug, Clone, Serialize)]
pub struct FrameworkInfo {
    pub reference: String,
    pub id: String,
    pub edition: String,
    pub level: framework::Level,
    pub official: bool,
    pub source: Text,
    pub title: Text,
    #[serde(serialize_with = "scorecard::ser_points")]
    pub scale: Decimal,
    pub criteria: usize,
    pub leaves: usize,
}

impl FrameworkInfo {
    pub fn of(f: &Framework) -> FrameworkInfo {
        FrameworkInfo {
            reference: f.reference(),
            id: f.id.clone(),
            edition: f.edition.clone(),
            level: f.level,
            official: f.official,
            source: f.source.clone(),
            title: f.title.clone(),
            scale: f.scale,
            criteria: f.criteria.len(),
            leaves: f.leaves().count(),
        }
    }
}

/// The built-in frameworks that load (all of them, as the tests check).
#[cfg(feature = "toml")]
pub fn builtin_infos() -> Vec<FrameworkInfo> {
    builtin::all()
        .iter()
        .filter_map(|f| f.as_ref().ok())
        .map(FrameworkInfo::of)
        .collect()
}
