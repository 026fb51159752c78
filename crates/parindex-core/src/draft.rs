//! Scoring a draft while it is being typed: entries with bad input are reported and left
//! out (they count as missing), and everything else is scored, so a person sees both the
//! message next to the field and a live score. The draft itself is never changed: what
//! the person typed stays in their file.

use crate::assessment::Assessment;
use crate::diagnostic::{Diagnostic, Severity};
use crate::framework::Framework;
use crate::scorecard::Scorecard;
use crate::scoring::score;
use serde_json::Value;

/// The result of scoring a draft.
#[derive(Debug, Clone)]
pub struct DraftScore {
    /// `None` only when the file as a whole is unusable (wrong framework, no unit…).
    pub scorecard: Option<Scorecard>,
    /// Every error of the draft as typed, with its path.
    pub diagnostics: Vec<Diagnostic>,
}

/// The section and code an assessment diagnostic path points into:
/// `self.3.2.1.numerator` → `("self", "3.2.1")`, matching the longest code present.
pub fn entry_of<'a>(tree: &Value, path: &'a str) -> Option<(&'a str, &'a str)> {
    let (section, rest) = path.split_once('.')?;
    let entries = tree.get(section)?.as_object()?;
    let mut end = rest.len();
    loop {
        let candidate = &rest[..end];
        if entries.contains_key(candidate) {
            return Some((section, candidate));
        }
        end = candidate.rfind('.')?;
    }
}

/// Index of a `bonus[i]…` or `penalty[i]…` path.
fn adjustment_of(path: &str) -> Option<(&str, usize)> {
    let (section, rest) = path.split_once('[')?;
    if section != "bonus" && section != "penalty" {
        return None;
    }
    let (index, _) = rest.split_once(']')?;
    Some((section, index.parse().ok()?))
}

/// Scores `tree` against `framework`, leaving out the entries that have errors.
pub fn score_draft(framework: &Framework, tree: &Value) -> DraftScore {
    let diagnostics = match Assessment::from_tree(tree, framework) {
        Ok(a) => {
            return DraftScore {
                scorecard: Some(score(framework, &a)),
                diagnostics: Vec::new(),
            }
        }
        Err(d) => d,
    };
    let mut cleaned = tree.clone();
    let mut removed_adjustments: Vec<(String, usize)> = Vec::new();
    for d in diagnostics.iter().filter(|d| d.severity == Severity::Error) {
        if let Some((section, code)) = entry_of(tree, &d.path) {
            if let Some(map) = cleaned.get_mut(section).and_then(Value::as_object_mut) {
                map.remove(code);
            }
        } else if let Some((section, i)) = adjustment_of(&d.path) {
            removed_adjustments.push((section.to_string(), i));
        } else if matches!(
            d.path.as_str(),
            "self" | "appraisal" | "survey" | "bonus" | "penalty"
        ) {
            if let Some(map) = cleaned.as_object_mut() {
                map.remove(&d.path);
            }
        }
    }
    // Remove from the highest index so earlier indices stay valid.
    crate::order::sort_small_by(&mut removed_adjustments, |a, b| b.1.cmp(&a.1));
    removed_adjustments.dedup();
    for (section, i) in removed_adjustments {
        if let Some(list) = cleaned
            .get_mut(section.as_str())
            .and_then(Value::as_array_mut)
        {
            if i < list.len() {
                list.remove(i);
            }
        }
    }
    let scorecard = Assessment::from_tree(&cleaned, framework)
        .ok()
        .map(|a| score(framework, &a));
    DraftScore {
        scorecard,
        diagnostics,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn bad_entries_are_reported_and_the_rest_scored() {
        let fw = crate::builtin("mau-huyen@2022").unwrap();
        let tree = json!({
            "format": 1, "framework": "mau-huyen@2022", "unit": "A", "year": 2022,
            "self": {
                "3.3.2": { "numerator": "12a", "denominator": 20 },
                "3.3.3": { "numerator": 19, "denominator": 20 },
                "1.1.1": { "date": "2022-02-30" }
            },
            "bonus": [{ "points": "0.5", "reason": "ok" }, { "points": "x", "reason": "bad" }]
        });
        let draft = score_draft(&fw, &tree);
        let paths: Vec<&str> = draft.diagnostics.iter().map(|d| d.path.as_str()).collect();
        assert!(paths.contains(&"self.3.3.2.numerator"), "{paths:?}");
        assert!(paths.contains(&"self.1.1.1.date"));
        assert!(paths.contains(&"bonus[1].points"));
        let card = draft.scorecard.expect("the rest is scored");
        assert_eq!(
            card.node("3.3.3").unwrap().status,
            crate::scorecard::Status::Scored
        );
        assert_eq!(
            card.node("3.3.2").unwrap().status,
            crate::scorecard::Status::Missing
        );
        assert_eq!(card.bonus, crate::Decimal::new(5, 1));
        assert_eq!(
            entry_of(&tree, "self.3.3.2.numerator"),
            Some(("self", "3.3.2"))
        );
    }

    #[test]
    fn an_unusable_file_has_no_scorecard() {
        let fw = crate::builtin("mau-huyen@2022").unwrap();
        let draft = score_draft(
            &fw,
            &json!({ "format": 1, "framework": "khac@1", "unit": "A", "year": 2022 }),
        );
        assert!(draft.scorecard.is_none());
        assert_eq!(draft.diagnostics[0].path, "framework");
    }
}
