//! Property tests of invariants that hold for every assessment: points stay within
//! [0, max], parents are the exact sum of their children, more cases met never lower a
//! score, and no input whatsoever makes the engine panic.

use parindex_core::format::{compact_json, diagnostics_json, pretty_json, total_json, value_json};
use parindex_core::rules::{Rule, RuleKind};
use parindex_core::scorecard::Scorecard;
use parindex_core::{
    builtin, explain_leaf, rank_json, score_draft_with, score_json, score_with, Assessment,
    Decimal, Detail, Framework, Opened,
};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

/// Builds a valid assessment for `framework` from a stream of random numbers: each leaf
/// is missing, not applicable (where allowed) or filled with an input its rule accepts.
fn assessment(framework: &Framework, seed: &[u32]) -> Value {
    let mut own = Map::new();
    let mut survey = Map::new();
    let mut next = seed.iter().cycle().copied();
    let mut pick = move |n: u32| next.next().unwrap_or(0) % n.max(1);
    for (_, c) in framework.leaves() {
        let Some(rule) = &c.rule else { continue };
        let what = pick(10);
        let entry = if what == 0 {
            None
        } else if what == 1 && c.may_not_apply {
            Some(json!({ "not_applicable": true }))
        } else {
            Some(match rule {
                Rule::Choice(ch) => {
                    json!({ "choice": ch.options[pick(ch.options.len() as u32) as usize].key })
                }
                Rule::Deadline(_) if pick(5) == 0 => json!({ "done": false }),
                Rule::Deadline(_) => {
                    json!({ "date": format!("2022-{:02}-{:02}", 1 + pick(12), 1 + pick(28)) })
                }
                Rule::Ratio(_) | Rule::Proportional(_) => {
                    let den = pick(2000);
                    json!({ "numerator": pick(den + 1), "denominator": den })
                }
                Rule::Count(_) => json!({ "value": pick(8) }),
                Rule::Checklist(cl) => {
                    let keys: Vec<&str> = cl
                        .items
                        .iter()
                        .filter(|_| pick(2) == 1)
                        .map(|i| i.key.as_str())
                        .collect();
                    json!({ "checked": keys })
                }
                Rule::Manual(m) => {
                    let step = m.step.unwrap_or(Decimal::new(1, 2));
                    let steps = (c.max / step)
                        .trunc()
                        .to_string()
                        .parse::<u32>()
                        .unwrap_or(0);
                    json!({ "points": (step * Decimal::from(pick(steps + 1))).to_string() })
                }
                Rule::Survey(_) => json!({ "percent": format!("{}.{}", pick(100), pick(10)) }),
            })
        };
        if let Some(e) = entry {
            if rule.kind() == RuleKind::Survey {
                survey.insert(c.code.clone(), e);
            } else {
                own.insert(c.code.clone(), e);
            }
        }
    }
    json!({
        "format": 1, "framework": framework.reference(), "unit": "Đơn vị thử", "year": 2022,
        "self": own, "survey": survey,
        "bonus": [{ "points": format!("{}", pick(3)), "reason": "thử" }],
        "penalty": [{ "points": format!("{}", pick(3)), "reason": "thử" }]
    })
}

fn check_invariants(framework: &Framework, card: &Scorecard) -> Result<(), TestCaseError> {
    for (i, c) in framework.criteria.iter().enumerate() {
        let node = &card.nodes[i];
        prop_assert_eq!(&node.code, &c.code);
        prop_assert!(
            node.points >= Decimal::ZERO && node.points <= node.max,
            "{} {} / {}",
            c.code,
            node.points,
            node.max
        );
        prop_assert!(node.max <= c.max);
        prop_assert!(node.self_points >= Decimal::ZERO && node.self_points <= c.max);
        if !c.is_leaf() {
            let kids = c.children.iter().map(|&k| &card.nodes[k]);
            let (p, m, s) = kids.fold((Decimal::ZERO, Decimal::ZERO, Decimal::ZERO), |acc, n| {
                (acc.0 + n.points, acc.1 + n.max, acc.2 + n.self_points)
            });
            prop_assert_eq!(node.points, p, "{} points", &c.code);
            prop_assert_eq!(node.max, m, "{} max", &c.code);
            prop_assert_eq!(node.self_points, s, "{} self points", &c.code);
        }
    }
    let t = &card.total;
    prop_assert!(t.points >= Decimal::ZERO && t.points <= t.max);
    if let Some(index) = t.index {
        prop_assert!(index.value >= Decimal::ZERO && index.value <= Decimal::ONE_HUNDRED);
    }
    Ok(())
}

fn frameworks() -> Vec<Framework> {
    ["mau-huyen@2022", "mau-xa@2024"]
        .iter()
        .map(|r| builtin(r).expect("built-in"))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn points_stay_within_max_and_parents_sum_children(seed in prop::collection::vec(any::<u32>(), 64), which in 0usize..2) {
        let fw = &frameworks()[which];
        let json = assessment(fw, &seed).to_string();
        let card = score_json(&json, None).map_err(|d| TestCaseError::fail(format!("{d:?}")))?;
        check_invariants(fw, &card)?;
    }

    #[test]
    fn more_cases_met_never_lower_a_score(seed in prop::collection::vec(any::<u32>(), 64), which in 0usize..2, bump in 1u64..50) {
        let fw = &frameworks()[which];
        let base = assessment(fw, &seed);
        let before = score_json(&base.to_string(), None).map_err(|d| TestCaseError::fail(format!("{d:?}")))?;
        let mut better = base.clone();
        for (_, entry) in better["self"].as_object_mut().into_iter().flatten() {
            if let (Some(n), Some(d)) = (entry.get("numerator").and_then(Value::as_u64), entry.get("denominator").and_then(Value::as_u64)) {
                entry["numerator"] = json!((n + bump).min(d));
            }
        }
        let after = score_json(&better.to_string(), None).map_err(|d| TestCaseError::fail(format!("{d:?}")))?;
        for (b, a) in before.nodes.iter().zip(&after.nodes) {
            prop_assert!(a.points >= b.points, "{}: {} → {}", b.code, b.points, a.points);
        }
        prop_assert!(after.total.points >= before.total.points);
    }

    /// Ranking scores without words (`Detail::Numbers`), the scorecard with them: both
    /// decide every point the same way, so their totals are equal, appraisal included.
    #[test]
    fn ranking_totals_equal_full_scorecard_totals(seed in prop::collection::vec(any::<u32>(), 64), appraised in prop::collection::vec(any::<u32>(), 64), which in 0usize..2) {
        let fw = &frameworks()[which];
        let mut value = assessment(fw, &seed);
        // An appraisal of some leaves, drawn like the self-assessment.
        let other = assessment(fw, &appraised);
        value["appraisal"] = other["self"].clone();
        let json = value.to_string();
        let full = score_json(&json, None).map_err(|d| TestCaseError::fail(format!("{d:?}")))?;
        let a = Assessment::from_json(&json, fw).map_err(|d| TestCaseError::fail(format!("{d:?}")))?;
        let numbers = score_with(fw, &a, Detail::Numbers);
        prop_assert_eq!(&numbers.total, &full.total);
        prop_assert_eq!(&numbers.self_total, &full.self_total);
        prop_assert_eq!(&numbers.summary, &full.summary);
        prop_assert_eq!((numbers.bonus, numbers.penalty, numbers.complete), (full.bonus, full.penalty, full.complete));
        prop_assert_eq!(&numbers.diagnostics, &full.diagnostics);
        let ranking = rank_json(&[&json], None).map_err(|d| TestCaseError::fail(format!("{d:?}")))?;
        prop_assert_eq!(ranking.rows[0].total.points, full.total.points);
        prop_assert_eq!(ranking.rows[0].total.index, full.total.index);
    }

    /// The app's live score (`Detail::Points`) has every node and gap of the full
    /// scorecard but their words; one leaf's words asked for afterwards
    /// (`explain_leaf`, `DraftScore::explained`) are the full scorecard's node, and the
    /// draft's full scorecard is the CLI's, byte for byte.
    #[test]
    fn points_and_words_on_demand_equal_the_full_scorecard(seed in prop::collection::vec(any::<u32>(), 64), appraised in prop::collection::vec(any::<u32>(), 64), which in 0usize..2) {
        let fw = &frameworks()[which];
        let mut value = assessment(fw, &seed);
        value["appraisal"] = assessment(fw, &appraised)["self"].clone();
        let json = value.to_string();
        let full = score_json(&json, None).map_err(|d| TestCaseError::fail(format!("{d:?}")))?;
        let a = Assessment::from_json(&json, fw).map_err(|d| TestCaseError::fail(format!("{d:?}")))?;
        let points = score_with(fw, &a, Detail::Points);
        prop_assert_eq!(points.nodes.len(), full.nodes.len());
        for (p, f) in points.nodes.iter().zip(&full.nodes) {
            let mut bare = f.clone();
            bare.explanation = None;
            bare.advice = None;
            bare.title = Default::default();
            prop_assert_eq!(p, &bare);
            if f.kind.is_some() {
                let explained = explain_leaf(fw, &a, &f.code);
                prop_assert_eq!(explained.as_ref(), Some(f));
            }
        }
        let bare_gaps: Vec<_> = full.gaps.iter().cloned().map(|mut g| { g.advice = None; g }).collect();
        prop_assert_eq!(&points.gaps, &bare_gaps);
        prop_assert_eq!((&points.total, &points.self_total, &points.summary, &points.diagnostics), (&full.total, &full.self_total, &full.summary, &full.diagnostics));
        let draft = score_draft_with(fw, &value, Detail::Points);
        prop_assert_eq!(draft.scorecard.as_ref(), Some(&points));
        prop_assert_eq!(draft.full(fw).map(|c| c.to_json()), Some(full.to_json()));
        // The scorecard's own writer gives serde's bytes.
        prop_assert_eq!(full.to_json(), pretty_json(&full));
        let leaf = full.nodes.iter().find(|n| n.kind.is_some()).expect("a leaf");
        let explained = draft.explained(fw, &leaf.code);
        prop_assert_eq!(explained.as_ref(), Some(leaf));
    }

    /// What the desk and the embedded page write without serde's serializer — a ranking,
    /// totals, diagnostics with their codes and locations (the file's among several
    /// included) — is serde's bytes.
    #[test]
    fn rankings_totals_and_diagnostics_are_written_as_serde_json_writes_them(seeds in prop::collection::vec(prop::collection::vec(any::<u32>(), 64), 1..5), garbage in arbitrary_json(), at in any::<u32>(), which in 0usize..2) {
        let fw = &frameworks()[which];
        let texts: Vec<String> = seeds.iter().map(|s| assessment(fw, s).to_string()).collect();
        let mut files: Vec<&str> = texts.iter().map(String::as_str).collect();
        let ranking = rank_json(&files, None).map_err(|d| TestCaseError::fail(format!("{d:?}")))?;
        prop_assert_eq!(ranking.to_json(), pretty_json(&ranking));
        for row in &ranking.rows {
            prop_assert_eq!(total_json(Some(&row.total)), serde_json::to_string_pretty(&row.total).unwrap());
        }
        prop_assert_eq!(total_json(None), serde_json::to_string_pretty(&None::<()>).unwrap());
        let bad = corrupted(fw, &seeds[0], garbage, at).to_string();
        if let Err(d) = Opened::validated(&bad, fw) {
            prop_assert_eq!(diagnostics_json(&d), serde_json::to_string_pretty(&d).unwrap());
        }
        files.insert(0, &bad);
        if let Err(d) = rank_json(&files, None) {
            prop_assert_eq!(diagnostics_json(&d), serde_json::to_string_pretty(&d).unwrap());
        }
    }

    /// Value trees written without serde's serializer (what the pages do) are serde_json's
    /// bytes, pretty and compact, keys with any character included.
    #[test]
    fn value_trees_are_written_as_serde_json_writes_them(value in arbitrary_json(), key in "\\PC{0,8}|[\\x00-\\x1f\"\\\\]{1,3}") {
        let value = json!({ key: value });
        prop_assert_eq!(value_json(&value), pretty_json(&value));
        prop_assert_eq!(compact_json(&value), value.to_string());
    }

    #[test]
    fn random_json_never_panics(value in arbitrary_json()) {
        let _ = score_json(&value.to_string(), None);
        let _ = score_json(&value.to_string(), Some(parindex_core::BUILTIN[0].source));
    }

    #[test]
    fn corrupted_assessments_never_panic(seed in prop::collection::vec(any::<u32>(), 64), garbage in arbitrary_json(), at in any::<u32>()) {
        let value = corrupted(&frameworks()[0], &seed, garbage, at);
        let _ = score_json(&value.to_string(), None);
    }

    /// Reading text into the borrowed tree (ranking's way) gives what reading it into
    /// serde_json's `Value` gives: the same assessment or the same diagnostics, in order.
    #[test]
    fn both_trees_read_an_assessment_alike(seed in prop::collection::vec(any::<u32>(), 64), garbage in arbitrary_json(), at in any::<u32>(), pretty in any::<bool>()) {
        let fw = &frameworks()[0];
        let value = corrupted(fw, &seed, garbage, at);
        let text = if pretty { pretty_json(&value) } else { value.to_string() };
        let by_value = Opened::from_json(&text).map_err(|d| vec![d]).and_then(|o| o.validate(fw));
        prop_assert_eq!(Opened::validated(&text, fw), by_value.clone());
        // Reading with the framework found by name: asked for the name the file gives.
        let mut named = None;
        let read = Opened::read_with(&text, |name| {
            named = Some(name.to_string());
            Ok(fw)
        });
        prop_assert_eq!(read.map(|(_, a)| a), by_value.clone());
        prop_assert_eq!(named, Opened::from_json(&text).ok().map(|o| o.framework));
        let tree = parindex_core::assessment::parse_json(&text).map_err(|d| TestCaseError::fail(d.to_string()))?;
        prop_assert_eq!(Assessment::from_json(&text, fw), Assessment::from_tree(&tree, fw));
    }

    #[test]
    fn random_text_never_panics(text in ".{0,400}") {
        let _ = score_json(&text, None);
        let _ = Framework::from_toml(&text);
    }

    #[test]
    fn mutated_frameworks_never_panic(cut in 0usize..20_000, insert in ".{0,20}") {
        let source = parindex_core::BUILTIN[1].source;
        let mut at = cut.min(source.len());
        while !source.is_char_boundary(at) {
            at -= 1;
        }
        let mutated = format!("{}{}{}", &source[..at], insert, &source[at..]);
        let _ = Framework::from_toml(&mutated);
    }
}

/// A valid assessment with one entry, one field of an entry or one top-level key
/// replaced with `garbage`.
fn corrupted(fw: &Framework, seed: &[u32], garbage: Value, at: u32) -> Value {
    let mut value = assessment(fw, seed);
    if at % 3 == 2 {
        const TOP: [&str; 8] = [
            "format",
            "framework",
            "unit",
            "year",
            "self",
            "appraisal",
            "bonus",
            "penalty",
        ];
        value[TOP[(at / 3) as usize % TOP.len()]] = garbage;
    } else if let Some(own) = value["self"].as_object_mut() {
        let keys: Vec<String> = own.keys().cloned().collect();
        if !keys.is_empty() {
            let key = &keys[at as usize % keys.len()];
            if at % 3 == 0 {
                own.insert(key.clone(), garbage);
            } else if let Some(entry) = own.get_mut(key).and_then(Value::as_object_mut) {
                let fields: Vec<String> = entry.keys().cloned().collect();
                let field = fields
                    .get((at / 3) as usize % fields.len().max(1))
                    .cloned()
                    .unwrap_or_else(|| "numerator".into());
                entry.insert(field, garbage);
            }
        }
    }
    value
}

fn arbitrary_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|i| json!(i)),
        any::<u64>().prop_map(|u| json!(u)),
        (-1.0e30..1.0e30).prop_map(|x: f64| json!(x)),
        "[0-9.eE+-]{0,30}".prop_map(Value::String),
        ".{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[a-z0-9._]{0,10}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}
