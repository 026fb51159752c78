//! Blank assessments (`parindex new`): a file listing every leaf with an empty entry, in
//! framework order, ready to be filled in. Empty entries count as `missing`.

use crate::framework::Framework;
use crate::json_write::Out;
use crate::rules::RuleKind;

/// The JSON text of a blank assessment of `framework` for `unit` and `year`: `format`,
/// `framework`, `unit`, `year`, then `self`, `appraisal` and `survey` with an empty entry
/// per leaf in framework order, and empty `bonus` and `penalty` lists.
pub fn blank_assessment(framework: &Framework, unit: &str, year: i32) -> String {
    let mut own = Vec::new();
    let mut survey = Vec::new();
    for (_, c) in framework.leaves() {
        match c.rule.as_ref().map(|r| r.kind()) {
            Some(RuleKind::Survey) => survey.push(c.code.as_str()),
            _ => own.push(c.code.as_str()),
        }
    }
    let mut o = Out::new(true, 64 * (own.len() + survey.len()) + 256);
    o.open('{');
    o.key("format");
    o.number(1);
    o.field_str("framework", &framework.reference());
    o.field_str("unit", unit);
    o.key("year");
    o.number(year);
    for (section, codes) in [("self", &own[..]), ("appraisal", &[]), ("survey", &survey)] {
        o.key(section);
        o.open('{');
        for code in codes {
            o.item();
            o.string(code);
            o.colon();
            o.open('{');
            o.close('}');
        }
        o.close('}');
    }
    for list in ["bonus", "penalty"] {
        o.key(list);
        o.open('[');
        o.close(']');
    }
    o.close('}');
    o.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blank_is_laid_out_as_every_file_parindex_writes() {
        let f = crate::builtin("mau-xa@2024").expect("a built-in framework");
        let text = blank_assessment(&f, "UBND xã \"Thử\"", 2024);
        let first = f
            .leaves()
            .next()
            .map(|(_, c)| c.code.clone())
            .expect("a leaf");
        assert!(text.starts_with(&format!(
            "{{\n  \"format\": 1,\n  \"framework\": \"mau-xa@2024\",\n  \"unit\": \"UBND xã \\\"Thử\\\"\",\n  \"year\": 2024,\n  \"self\": {{\n    \"{first}\": {{}},\n"
        )));
        assert!(text.contains("\n  },\n  \"appraisal\": {},\n  \"survey\": {\n"));
        assert!(text.ends_with("}\n  },\n  \"bonus\": [],\n  \"penalty\": []\n}\n"));
        // The codes in framework order, each once.
        let value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        let own = value["self"].as_object().map_or(0, |m| m.len());
        let survey = value["survey"].as_object().map_or(0, |m| m.len());
        assert_eq!(own + survey, f.leaves().count());
        let survey_at = text.find("\"survey\"").expect("a survey section");
        let (mut own_at, mut survey_from) = (0, survey_at);
        for (_, c) in f.leaves() {
            let at = match c.rule.as_ref().map(|r| r.kind()) {
                Some(RuleKind::Survey) => &mut survey_from,
                _ => &mut own_at,
            };
            let entry = format!("\"{}\": {{}}", c.code);
            *at += text[*at..].find(&entry).expect("in framework order") + 1;
        }
        assert!(own_at < survey_at);
    }
}
