//! Native speed figures for `cargo xtask bench` and the budgets of `cargo xtask test`:
//! scoring one assessment with its framework already loaded (read, validate, score with
//! every explanation, JSON) and, timed in turn with it, parsing the same text as plain
//! JSON; ranking 10,000 assessments of the template framework on one thread and on two,
//! and a reference workload measured in turn with them (parsing the same 10,000 texts as
//! plain JSON): budgets are judged against this machine's speed at this moment. Prints one JSON object. Run optimised:
//! `cargo run --profile bench -p parindex-core --example measure`.

#[path = "../benches/units.rs"]
mod units;

use parindex_core::{builtin, rank_json_on, score, Opened};
use std::time::Instant;

/// How long `f` takes, in milliseconds (timing is the one place for floats: they
/// measure seconds, never points).
fn time_ms(f: impl FnOnce()) -> f64 {
    let t = Instant::now();
    f();
    t.elapsed().as_secs_f64() * 1e3
}

/// The median of a list of times in milliseconds.
fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(|a, b| a.total_cmp(b));
    times[times.len() / 2]
}

fn main() {
    let framework = builtin("mau-huyen@2022").expect("the template framework");
    // Scoring the example and its reference, parsing the same text as plain JSON, timed
    // in turn, so that both see the machine as it is at that moment.
    let (mut one, mut parse) = (Vec::new(), Vec::new());
    for _ in 0..301 {
        one.push(time_ms(|| {
            let (_, assessment) =
                Opened::read_with(units::EXAMPLE, |_| Ok(&framework)).expect("the example");
            assert!(score(&framework, &assessment).to_json().len() > 1000);
        }));
        parse.push(time_ms(|| {
            let v: serde_json::Value = serde_json::from_str(units::EXAMPLE).expect("JSON");
            assert!(v.is_object());
        }));
    }
    let (one, parse) = (median(one), median(parse));
    let texts = units::many_units(10_000);
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let rank = |workers: usize| {
        time_ms(|| {
            let r = rank_json_on(&refs, None, workers).map(|r| r.rows.len());
            assert_eq!(r.ok(), Some(10_000));
        })
    };
    let reference = || {
        time_ms(|| {
            for t in &refs {
                let v: serde_json::Value = serde_json::from_str(t).expect("JSON");
                assert!(v.is_object());
            }
        })
    };
    // In turn, three times, so that a change in the machine's load touches all three.
    let (mut on_one, mut on_two, mut base) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..3 {
        on_one.push(rank(1));
        on_two.push(rank(2));
        base.push(reference());
    }
    let (rank_one, rank_two, reference) = (median(on_one), median(on_two), median(base));
    println!(
        "{{\"score_one_us\": {:.1}, \"parse_one_us\": {:.1}, \"rank_10000_ms\": {rank_one:.1}, \"rank_10000_two_ms\": {rank_two:.1}, \"reference_ms\": {reference:.1}}}",
        one * 1e3,
        parse * 1e3
    );
}
