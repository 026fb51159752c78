//! Appraisal (*thẩm định*) beside the self-assessment: both totals from one file, the
//! differences largest first, the comment an appraiser owes for every change, and the
//! unit's written explanation (*giải trình*).

use parindex_core::{score_json, Decimal};
use serde_json::{json, Value};

fn example() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/tra-cu-2022.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).expect("example")).expect("json")
}

fn d(s: &str) -> Decimal {
    s.parse().expect("decimal")
}

#[test]
fn tra_cu_self_and_appraised_totals_and_differences() {
    let card = score_json(&example().to_string(), None).expect("scores");
    assert_eq!(card.total.points, d("78.28"));
    assert_eq!(card.self_total.points, d("80.78"));
    let diffs: Vec<(&str, Decimal)> = card
        .differences()
        .into_iter()
        .map(|(n, change)| (n.code.as_str(), change))
        .collect();
    assert_eq!(
        diffs,
        vec![
            ("1.1.2", d("-1")),
            ("3.4.1", d("-0.75")),
            ("3.1.2", d("-0.5")),
            ("1.5.1", d("-0.25")),
        ]
    );
    // The changes account for the whole gap between the two totals.
    let sum: Decimal = diffs.iter().map(|(_, c)| *c).sum();
    assert_eq!(card.self_total.points + sum, card.total.points);
    // Every change in the example is commented.
    assert!(card.diagnostics.is_empty(), "{:?}", card.diagnostics);
}

#[test]
fn a_change_without_a_comment_is_a_warning_at_the_comment() {
    let mut tree = example();
    tree["appraisal"]["3.1.2"]
        .as_object_mut()
        .expect("entry")
        .remove("comment");
    tree["appraisal"]["1.5.1"]["comment"] = json!("   ");
    // Agreeing with the unit needs no comment.
    tree["appraisal"]["1.1.1"] = json!({ "date": "2022-01-25" });
    let card = score_json(&tree.to_string(), None).expect("still scores");
    let paths: Vec<&str> = card.diagnostics.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(
        paths,
        ["appraisal.1.5.1.comment", "appraisal.3.1.2.comment"]
    );
    assert_eq!(card.comments_owed(), ["1.5.1", "3.1.2"]);
    assert!(card.diagnostics[1]
        .message
        .en
        .contains("appraised points 0.5 differ from the self-assessed 1"));
    assert_eq!(card.total.points, d("78.28"));
}

#[test]
fn the_units_explanation_is_read_and_changes_no_points() {
    let mut tree = example();
    tree["self"]["3.1.2"]["explanation"] =
        json!("Đơn vị đã công khai đủ 245 TTHC ngày 15/9/2022 (ảnh chụp kèm theo).");
    let card = score_json(&tree.to_string(), None).expect("scores");
    assert_eq!(card.total.points, d("78.28"));
    assert_eq!(card.self_total.points, d("80.78"));
    tree["self"]["3.1.2"]["explanation"] = json!(5);
    let errors = score_json(&tree.to_string(), None).expect_err("not text");
    assert_eq!(errors[0].path, "self.3.1.2.explanation");
}
