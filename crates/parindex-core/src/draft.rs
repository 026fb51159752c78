//! Scoring a draft while it is being typed: entries with bad input are reported and left
//! out (they count as missing), and everything else is scored, so a person sees both the
//! message next to the field and a live score. The draft itself is never changed: what
//! the person typed stays in their file.

use crate::assessment::{Assessment, Section};
use crate::diagnostic::{Diagnostic, Severity};
use crate::framework::Framework;
use crate::scorecard::{Node, Scorecard};
use crate::scoring::{explain_leaf, score, score_with, Detail};
use serde_json::Value;
use std::cell::OnceCell;

/// The result of scoring a draft.
#[derive(Debug, Clone)]
pub struct DraftScore {
    /// `None` only when the file as a whole is unusable (wrong framework, no unit…). At
    /// the detail asked for: [`DraftScore::full`] and [`DraftScore::explained`] give the
    /// words a [`Detail::Points`] scorecard leaves out.
    pub scorecard: Option<Scorecard>,
    /// Every error of the draft as typed, with its path.
    pub diagnostics: Vec<Diagnostic>,
    /// What was scored: the draft without the entries that have errors.
    assessment: Option<Assessment>,
    detail: Detail,
    /// The full scorecard, once asked for (when `detail` is not [`Detail::Full`]).
    full: OnceCell<Option<Scorecard>>,
}

impl DraftScore {
    /// The scorecard with every word (what the CLI writes for the same input), built
    /// once when first asked for. `framework` is the one the draft was scored with.
    pub fn full(&self, framework: &Framework) -> Option<&Scorecard> {
        if self.detail == Detail::Full {
            return self.scorecard.as_ref();
        }
        self.full
            .get_or_init(|| self.assessment.as_ref().map(|a| score(framework, a)))
            .as_ref()
    }

    /// One leaf's node with its explanation and advice, equal to the full scorecard's
    /// node of that leaf, without scoring the others again.
    pub fn explained(&self, framework: &Framework, code: &str) -> Option<Node> {
        if self.detail == Detail::Full {
            return self.scorecard.as_ref()?.node(code).cloned();
        }
        explain_leaf(framework, self.assessment.as_ref()?, code)
    }
}

/// What to leave out of a draft so that the rest scores: an entry, a bonus or penalty
/// item, or a whole section, as the diagnostic's location names it.
enum Cut<'a> {
    Entry(&'static str, &'a str),
    Item(&'static str, usize),
    Section(&'static str),
}

fn cut_of(d: &Diagnostic) -> Option<Cut<'_>> {
    let l = &d.location;
    let section = l.section?;
    match (&l.criterion, l.item) {
        (Some(code), _) if Section::of_key(section).is_some() => Some(Cut::Entry(section, code)),
        (None, Some(i)) if matches!(section, "bonus" | "penalty") => Some(Cut::Item(section, i)),
        (None, None) if l.field.is_none() => Some(Cut::Section(section)),
        _ => None,
    }
}

/// Scores `tree` against `framework`, leaving out the entries that have errors.
pub fn score_draft(framework: &Framework, tree: &Value) -> DraftScore {
    score_draft_with(framework, tree, Detail::Full)
}

/// [`score_draft`] at the chosen detail: an app redrawing on every keystroke asks for
/// [`Detail::Points`] and the words of the leaf in view.
pub fn score_draft_with(framework: &Framework, tree: &Value, detail: Detail) -> DraftScore {
    let scored = |assessment: Option<Assessment>, diagnostics| DraftScore {
        scorecard: assessment
            .as_ref()
            .map(|a| score_with(framework, a, detail)),
        diagnostics,
        assessment,
        detail,
        full: OnceCell::new(),
    };
    let diagnostics = match Assessment::from_tree(tree, framework) {
        Ok(a) => return scored(Some(a), Vec::new()),
        Err(d) => d,
    };
    let mut cleaned = tree.clone();
    let mut removed_items: Vec<(&str, usize)> = Vec::new();
    for cut in diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .filter_map(cut_of)
    {
        match cut {
            Cut::Entry(section, code) => {
                if let Some(map) = cleaned.get_mut(section).and_then(Value::as_object_mut) {
                    map.remove(code);
                }
            }
            Cut::Item(section, i) => removed_items.push((section, i)),
            Cut::Section(section) => {
                if let Some(map) = cleaned.as_object_mut() {
                    map.remove(section);
                }
            }
        }
    }
    // Remove from the highest index so earlier indices stay valid.
    crate::order::sort_small_by(&mut removed_items, |a, b| b.1.cmp(&a.1));
    removed_items.dedup();
    for (section, i) in removed_items {
        if let Some(list) = cleaned.get_mut(section).and_then(Value::as_array_mut) {
            if i < list.len() {
                list.remove(i);
            }
        }
    }
    scored(Assessment::from_tree(&cleaned, framework).ok(), diagnostics)
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
        let at = |path: &str| {
            let d = draft.diagnostics.iter().find(|d| d.path == path).unwrap();
            (d.code, d.location.clone())
        };
        let (code, loc) = at("self.3.3.2.numerator");
        assert_eq!(code, "count.not-whole");
        assert!(loc.is_at("self", "3.3.2", "numerator"), "{loc:?}");
        let (code, loc) = at("bonus[1].points");
        assert_eq!(code, "decimal.malformed");
        assert_eq!(
            (loc.section, loc.item, loc.field.as_deref()),
            (Some("bonus"), Some(1), Some("points"))
        );
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
        assert_eq!(draft.diagnostics[0].code, "assessment.framework-mismatch");
        assert_eq!(
            draft.diagnostics[0].location.field.as_deref(),
            Some("framework")
        );
    }
}
