#![cfg(target_arch = "wasm32")]
//! Speed of the app's hot path inside headless Chromium: re-scoring the template
//! framework after one input change (`score_draft`, what every keystroke runs), over
//! 1,200 changes of different leaves. Prints the median and 95th percentile and holds
//! the budget: median ≤ 1 ms. `cargo xtask` runs it optimised (`--release`).

use parindex_core::{builtin, score_draft};
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
        let draft = score_draft(&framework, &tree);
        let elapsed = performance.now() - start;
        assert!(draft.scorecard.is_some());
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
        median <= 1_000,
        "re-score median {median} µs is over the 1 ms budget"
    );
}
