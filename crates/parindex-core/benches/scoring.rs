//! Scoring speed: one assessment (parse, validate, score with explanations) and the
//! ranking of 10,000 assessments of the template framework (parse, validate, score,
//! rank). Run with `cargo bench -p parindex-core --bench scoring`.

use criterion::{criterion_group, criterion_main, Criterion};
use parindex_core::{builtin, rank_json, score, score_json, Assessment};
use std::hint::black_box;
use std::time::Duration;

mod units;

use units::{many_units, EXAMPLE};

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
