//! Native speed figures for `cargo xtask bench` and the budgets of `cargo xtask test`:
//! scoring one assessment with its framework already loaded (read, validate, score with
//! every explanation, JSON), ranking 10,000 assessments of the template framework on one
//! thread and on two, and a reference workload measured in the same run (parsing the
//! same 10,000 texts as plain JSON), so that budgets can be judged against this
//! machine's speed at this moment. Prints one JSON object. Run optimised:
//! `cargo run --profile bench -p parindex-core --example measure`.

#[path = "../benches/units.rs"]
mod units;

use parindex_core::{builtin, rank_json_on, score, Opened};
use std::time::Instant;

/// The median of a few runs, in milliseconds (timing is the one place for floats: they
/// measure seconds, never points).
fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(|a, b| a.total_cmp(b));
    times[times.len() / 2]
}

fn main() {
    let framework = builtin("mau-huyen@2022").expect("the template framework");
    let one = median_ms(301, || {
        let opened = Opened::from_json(units::EXAMPLE).expect("the example");
        let assessment = opened.validate(&framework).expect("valid");
        assert!(score(&framework, &assessment).to_json().len() > 1000);
    });
    let texts = units::many_units(10_000);
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let rank = |workers: usize| {
        median_ms(3, || {
            let r = rank_json_on(&refs, None, workers).map(|r| r.rows.len());
            assert_eq!(r.ok(), Some(10_000));
        })
    };
    let (rank_one, rank_two) = (rank(1), rank(2));
    let reference = median_ms(3, || {
        for t in &refs {
            let v: serde_json::Value = serde_json::from_str(t).expect("JSON");
            assert!(v.is_object());
        }
    });
    println!(
        "{{\"score_one_us\": {:.1}, \"rank_10000_ms\": {rank_one:.1}, \"rank_10000_two_ms\": {rank_two:.1}, \"reference_ms\": {reference:.1}}}",
        one * 1e3
    );
}
