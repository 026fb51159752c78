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
pub mod keyword;
mod order;
pub mod rank;
mod reader;
pub mod render;
pub mod report;
pub mod rules;
pub mod scorecard;
pub mod scoring;
mod strict_json;
mod text;
mod toml_tree;

pub use assessment::{Assessment, Opened, Section};
pub use blank::blank_assessment;
pub use builtin::{builtin, BUILTIN};
pub use compare::{compare, Comparison};
pub use diagnostic::{Diagnostic, Lang, Location, Severity, Text};
pub use draft::{score_draft, DraftScore};
pub use framework::Framework;
pub use rank::{rank, Ranking};
pub use rust_decimal::Decimal;
pub use scorecard::Scorecard;
pub use scoring::{score, score_with, Detail};

use serde::Serialize;

/// The framework of an opened assessment: the given framework text, or the built-in
/// one the assessment names.
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
pub fn score_json(
    assessment_json: &str,
    framework_toml: Option<&str>,
) -> Result<Scorecard, Vec<Diagnostic>> {
    let opened = Opened::from_json(assessment_json).map_err(|d| vec![d])?;
    let framework = framework_for(&opened, framework_toml)?;
    let assessment = opened.validate(&framework)?;
    Ok(score(&framework, &assessment))
}

/// Scores many assessments of one framework and ranks them. Each diagnostic names the
/// position of its assessment in `location.file`.
pub fn rank_json(
    assessments: &[&str],
    framework_toml: Option<&str>,
) -> Result<Ranking, Vec<Diagnostic>> {
    let mut diags = Vec::new();
    let mut cards = Vec::with_capacity(assessments.len());
    let mut framework: Option<Framework> = None;
    for (i, text) in assessments.iter().enumerate() {
        let in_file = |mut d: Diagnostic| {
            d.location.file = Some(i);
            d
        };
        let opened = match Opened::from_json(text) {
            Ok(o) => o,
            Err(d) => {
                diags.push(in_file(d));
                continue;
            }
        };
        if framework.is_none() {
            match framework_for(&opened, framework_toml) {
                Ok(f) => framework = Some(f),
                Err(ds) => return Err(ds.into_iter().map(in_file).collect()),
            }
        }
        let Some(fw) = &framework else { continue };
        match opened.validate(fw) {
            Ok(a) => cards.push(score_with(fw, &a, Detail::Numbers)),
            Err(ds) => diags.extend(ds.into_iter().map(in_file)),
        }
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    rank(&cards)
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
pub fn builtin_infos() -> Vec<FrameworkInfo> {
    builtin::all()
        .iter()
        .filter_map(|f| f.as_ref().ok())
        .map(FrameworkInfo::of)
        .collect()
}
