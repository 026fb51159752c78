//! Blank assessments (`parindex new`): a file listing every leaf with an empty entry, in
//! framework order, ready to be filled in. Empty entries count as `missing`.

use crate::framework::Framework;
use crate::rules::RuleKind;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

/// Leaf codes serialised as a JSON object of empty entries, in framework order.
struct EmptyEntries(Vec<String>);

impl Serialize for EmptyEntries {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for code in &self.0 {
            map.serialize_entry(code, &serde_json::Map::new())?;
        }
        map.end()
    }
}

#[derive(Serialize)]
struct Blank<'a> {
    format: u32,
    framework: String,
    unit: &'a str,
    year: i32,
    #[serde(rename = "self")]
    self_entries: EmptyEntries,
    appraisal: serde_json::Map<String, serde_json::Value>,
    survey: EmptyEntries,
    bonus: [(); 0],
    penalty: [(); 0],
}

/// The JSON text of a blank assessment of `framework` for `unit` and `year`.
pub fn blank_assessment(framework: &Framework, unit: &str, year: i32) -> String {
    let mut own = Vec::new();
    let mut survey = Vec::new();
    for (_, c) in framework.leaves() {
        match c.rule.as_ref().map(|r| r.kind()) {
            Some(RuleKind::Survey) => survey.push(c.code.clone()),
            _ => own.push(c.code.clone()),
        }
    }
    let blank = Blank {
        format: 1,
        framework: framework.reference(),
        unit,
        year,
        self_entries: EmptyEntries(own),
        appraisal: serde_json::Map::new(),
        survey: EmptyEntries(survey),
        bonus: [],
        penalty: [],
    };
    crate::format::pretty_json(&blank)
}
