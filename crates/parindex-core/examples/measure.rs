//! Native speed figures for `cargo xtask bench` and the budgets of `cargo xtask test`:
//! scoring one assessment, and ranking 10,000 assessments of the template framework on
//! one core. Prints one JSON object. Run optimised:
//! `cargo run --release -p parindex-core --example measure`.

#[path = "../benches/units.rs"]
mod units;

use parindex_core::{rank_json, score_json};
use std::time::Instant;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

fn main() {
    // Timing is the one place for floats: they measure seconds, never points.
    let mut one = Vec::new();
    for _ in 0..300 {
        let t = Instant::now();
        let card = score_json(units::EXAMPLE, None).map(|c| c.to_json());
        one.push(t.elapsed().as_secs_f64() * 1e6);
        assert!(card.is_ok());
    }
    let texts = units::many_units(10_000);
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let mut rank = Vec::new();
    for _ in 0..3 {
        let t = Instant::now();
        let r = rank_json(&refs, None).map(|r| r.rows.len());
        rank.push(t.elapsed().as_secs_f64() * 1e3);
        assert_eq!(r.ok(), Some(10_000));
    }
    println!(
        "{{\"score_one_us\": {:.1}, \"rank_10000_ms\": {:.1}}}",
        median(one),
        median(rank)
    );
}
