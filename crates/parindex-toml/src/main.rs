//! The pages' framework TOML reader and validator. A framework `.toml` a person opens is
//! read and checked here, with the same reader, checks and messages as the CLI, and
//! given to the page in its compact JSON form (`parindex_core::Framework::tree_json`),
//! which the page reads without validating again (`Framework::from_trusted_json`).
//! Built by Trunk beside each page (`data-type="worker"`), fetched only when first used,
//! so neither the TOML parser nor the validator costs anything on a first visit.

use parindex_core::{Framework, Lang};
use wasm_bindgen::prelude::*;

/// The compact JSON form of valid framework TOML text. The problems of an invalid one
/// are thrown as the JSON text `[{"vi": "…", "en": "…", "code": …}, …]`: each message in
/// both languages with its place, as `parindex validate` prints them, beside the
/// diagnostic as data (`severity`, `code`, `path`, `location`, `message`) for the
/// embedded mode's `error` message.
#[wasm_bindgen]
pub fn tree_json(toml: &str) -> Result<String, String> {
    let problems = |diags: Vec<parindex_core::Diagnostic>| {
        let list: Vec<serde_json::Value> = diags
            .iter()
            .map(|d| {
                let mut v = serde_json::to_value(d).unwrap_or_default();
                v["vi"] = d.render(Lang::Vi).into();
                v["en"] = d.render(Lang::En).into();
                v
            })
            .collect();
        serde_json::Value::Array(list).to_string()
    };
    let json = Framework::tree_json(toml).map_err(|d| problems(vec![d]))?;
    Framework::from_json(&json).map_err(problems)?;
    Ok(json)
}

fn main() {}
