//! The shipped frameworks and the Trà Cú example: they load, have the shape the product
//! promises, and the example scores to the figures checked by hand.

use parindex_core::keyword::Keyword;
use parindex_core::rules::RuleKind;
use parindex_core::scorecard::Status;
use parindex_core::{blank_assessment, builtin, score_json, Framework, BUILTIN};
use std::collections::BTreeSet;

fn example() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/tra-cu-2022.json"
    );
    std::fs::read_to_string(path).expect("examples/tra-cu-2022.json")
}

fn kinds(f: &Framework) -> BTreeSet<&'static str> {
    f.leaves()
        .filter_map(|(_, c)| c.rule.as_ref())
        .map(|r| r.kind().keyword())
        .collect()
}

#[test]
fn every_builtin_framework_loads_and_uses_every_rule_kind() {
    assert!(BUILTIN.len() >= 2);
    for b in BUILTIN {
        let f = builtin(b.reference).unwrap_or_else(|d| panic!("{}: {:?}", b.reference, d));
        assert_eq!(f.reference(), b.reference);
        assert_eq!(
            kinds(&f).len(),
            RuleKind::ALL.len(),
            "{} misses a rule kind",
            b.reference
        );
        assert!(!f.official, "{} is a template and must say so", b.reference);
    }
}

#[test]
fn the_district_template_has_the_promised_shape() {
    let f = builtin("mau-huyen@2022").unwrap();
    assert_eq!(f.fields().count(), 8);
    assert!(f.leaves().count() >= 35);
    let survey: parindex_core::Decimal = f
        .leaves()
        .filter(|(_, c)| c.rule.as_ref().map(|r| r.kind()) == Some(RuleKind::Survey))
        .map(|(_, c)| c.max)
        .sum();
    assert!(
        survey >= 25.into() && survey <= 35.into(),
        "survey share {survey}"
    );
    let labels: Vec<&str> = f.bands.iter().map(|g| g.label.vi.as_str()).collect();
    assert_eq!(labels, ["Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu"]);
    for (_, c) in f.leaves() {
        assert!(
            c.evidence.is_some() && c.guide.is_some(),
            "{} lacks evidence or guide",
            c.code
        );
    }
}

#[test]
fn the_second_framework_has_another_shape() {
    let a = builtin("mau-huyen@2022").unwrap();
    let b = builtin("mau-xa@2024").unwrap();
    assert_ne!(a.level, b.level);
    assert_ne!(a.fields().count(), b.fields().count());
    assert_ne!(a.survey_missing, b.survey_missing);
    assert_ne!(a.rounding.mode, b.rounding.mode);
}

#[test]
fn tra_cu_scores_as_computed_by_hand() {
    let card = score_json(&example(), None).unwrap();
    assert_eq!(card.framework, "mau-huyen@2022");
    assert_eq!(card.unit, "UBND huyện Trà Cú");
    assert!(card.complete);
    let total = serde_json::to_value(&card.total).unwrap();
    assert_eq!(total["points"], "78.28");
    assert_eq!(total["max"], "96.5");
    assert_eq!(total["index"], "81.12");
    assert_eq!(total["band"]["vi"], "Tốt");
    let own = serde_json::to_value(&card.self_total).unwrap();
    assert_eq!(own["points"], "80.78");
    assert_eq!(own["index"], "83.71");
    assert_eq!(card.summary.appraised, 4);
    assert_eq!(card.node("3.3.2").unwrap().status, Status::Scored);
    assert_eq!(card.node("2.1.1").unwrap().status, Status::NotApplicable);
    // Gaps: most points lost first.
    assert!(card.gaps.windows(2).all(|w| w[0].lost >= w[1].lost));
    // Every leaf explains itself in both languages.
    for node in card.nodes.iter().filter(|n| n.kind.is_some()) {
        let e = node.explanation.as_ref().expect("leaf explanation");
        assert!(!e.vi.is_empty() && !e.en.is_empty(), "{}", node.code);
    }
}

#[test]
fn blank_assessments_list_every_leaf_and_score_as_missing() {
    for b in BUILTIN {
        let f = builtin(b.reference).unwrap();
        let json = blank_assessment(&f, "UBND xã Thử", 2024);
        let card = score_json(&json, None).unwrap();
        assert!(!card.complete);
        assert_eq!(card.summary.leaves, f.leaves().count());
        assert_eq!(
            card.summary.missing + card.summary.survey_pending,
            card.summary.leaves
        );
        let tree: serde_json::Value = serde_json::from_str(&json).unwrap();
        let listed =
            tree["self"].as_object().unwrap().len() + tree["survey"].as_object().unwrap().len();
        assert_eq!(listed, f.leaves().count());
    }
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let a = score_json(&example(), None).unwrap().to_json();
    let b = score_json(&example(), None).unwrap().to_json();
    assert_eq!(a, b);
}

#[test]
fn the_catalogue_lists_every_builtin_framework_as_its_file_says() {
    use parindex_core::builtin::CATALOGUE;
    assert_eq!(CATALOGUE.len(), BUILTIN.len());
    for (listing, b) in CATALOGUE.iter().zip(BUILTIN) {
        let f = builtin(b.reference).expect("loads");
        assert_eq!(listing.reference, b.reference);
        assert_eq!(listing.file_name, b.file_name);
        assert_eq!(listing.title_vi, f.title.vi, "{}", b.reference);
        assert_eq!(listing.title_en, f.title.en, "{}", b.reference);
        assert_eq!(listing.level, f.level.keyword(), "{}", b.reference);
        assert_eq!(listing.official, f.official, "{}", b.reference);
        assert_eq!(listing.leaves, f.leaves().count(), "{}", b.reference);
        assert_eq!(listing.source_vi, f.source.vi, "{}", b.reference);
        assert_eq!(listing.source_en, f.source.en, "{}", b.reference);
    }
}
