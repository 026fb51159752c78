#![cfg(target_arch = "wasm32")]
//! Speed of the app's hot path inside headless Chromium: re-scoring the template
//! framework after one input change, as every keystroke runs it (`score_draft_with` at
//! `Detail::Points`, then the words of the changed leaf, as when its explanation is
//! open), over 1,200 changes of different leaves. Prints the median and 95th percentile
//! and holds the budgets (xtask/src/figures.rs): median ≤ 400 µs, 95th percentile ≤ 800 µs.
//! `cargo xtask` runs it optimised (`--release`).

use parindex_core::{builtin, score_draft_with, Detail};
use serde_json::Value;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const EXAMPLE: &str = include_str!("../../../examples/tra-cu-2022.json");

#[wasm_bindgen_test]
fn rescore_after_one_change_is_fast() {
    let framework = builtin("mau-huyen@2022").expect("template framework");
    let mut tree: Value = serde_json::from_str(EXAMPLE).expect("example");
    let ratio_leaves: Vec<(String, u64)> = tree["self"]
        .as_object()
        .expect("self")
        .iter()
        .filter_map(|(code, e)| {
            e.get("denominator")
                .and_then(Value::as_u64)
                .filter(|d| *d > 0)
                .map(|d| (code.clone(), d))
        })
        .collect();
    let performance = web_sys::window()
        .and_then(|w| w.performance())
        .expect("performance");
    let mut samples_us: Vec<u64> = Vec::new();
    for i in 0..1_200u64 {
        let (code, den) = &ratio_leaves[i as usize % ratio_leaves.len()];
        tree["self"][code.as_str()]["numerator"] = Value::from(i % (den + 1));
        let start = performance.now();
        let draft = score_draft_with(&framework, &tree, Detail::Points);
        let words = draft.explained(&framework, code);
        let elapsed = performance.now() - start;
        assert!(draft.scorecard.is_some());
        assert!(words.and_then(|n| n.explanation).is_some());
        if i >= 200 {
            samples_us.push((elapsed * 1000.0).round() as u64);
        }
    }
    samples_us.sort_unstable();
    let median = samples_us[samples_us.len() / 2];
    let p95 = samples_us[samples_us.len() * 95 / 100];
    console_log!(
        "RESCORE median_us={median} p95_us={p95} changes={}",
        samples_us.len()
    );
    assert!(
        median <= 400 && p95 <= 800,
        "re-score median {median} µs, p95 {p95} µs: over the budgets (400 µs, 800 µs)"
    );
}
