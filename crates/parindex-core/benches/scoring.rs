//! Scoring speed: one assessment (parse, validate, score with explanations) and the
//! ranking of 10,000 assessments of the template framework (parse, validate, score,
//! rank). Run with `cargo bench -p parindex-core --bench scoring`.

use criterion::{criterion_group, criterion_main, Criterion};
use parindex_core::{builtin, rank_json, score, score_json, Assessment};
use serde_json::Value;
use std::hint::black_box;
use std::time::Duration;

const EXAMPLE: &str = include_str!("../../../examples/tra-cu-2022.json");

/// 10,000 different units: the Trà Cú example with its counts and survey results varied
/// deterministically, so that ranking sees many distinct indices and some ties.
pub fn many_units(n: usize) -> Vec<String> {
    let base: Value = serde_json::from_str(EXAMPLE).expect("example JSON");
    (0..n)
        .map(|i| {
            let mut v = base.clone();
            v["unit"] = Value::String(format!("Đơn vị {i:05}"));
            let mut k = i as u64;
            for section in ["self", "appraisal"] {
                for (_, entry) in v[section].as_object_mut().into_iter().flatten() {
                    if let (Some(n), Some(d)) = (
                        entry.get("numerator").and_then(Value::as_u64),
                        entry.get("denominator").and_then(Value::as_u64),
                    ) {
                        k = k
                            .wrapping_mul(6364136223846793005)
                            .wrapping_add(1442695040888963407);
                        let drop = (k >> 33) % (d / 10 + 1);
                        entry["numerator"] = Value::from(n.saturating_sub(drop));
                    }
                }
            }
            for (_, entry) in v["survey"].as_object_mut().into_iter().flatten() {
                k = k
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                entry["percent"] =
                    Value::String(format!("{}.{}", 60 + (k >> 33) % 40, (k >> 20) % 10));
            }
            v.to_string()
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let framework = builtin("mau-huyen@2022").expect("template framework");
    let assessment = Assessment::from_json(EXAMPLE, &framework).expect("example");

    c.bench_function("score Trà Cú (scoring only, with explanations)", |b| {
        b.iter(|| score(black_box(&framework), black_box(&assessment)))
    });
    c.bench_function("score Trà Cú (parse + validate + score + JSON)", |b| {
        b.iter(|| score_json(black_box(EXAMPLE), None).map(|c| c.to_json()))
    });

    let units = many_units(10_000);
    let refs: Vec<&str> = units.iter().map(String::as_str).collect();
    let mut group = c.benchmark_group("rank");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.bench_function(
        "rank 10,000 assessments (parse + validate + score + rank)",
        |b| b.iter(|| rank_json(black_box(&refs), None).map(|r| r.rows.len())),
    );
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
