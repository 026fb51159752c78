//! `annex_measure`: time to read and import each annex of `tests/annex/` natively (the median of many runs,
//! the file already in memory), printed as JSON for `cargo xtask bench`:
//! `{"annex_import_us": {"so-2025-word-clipboard.html": 2100, …}, "largest": "…"}`.

use parindex_annex::{read, Kind};
use parindex_core::annex::{import, Options};
use std::time::Instant;

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/annex");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/annex")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| Kind::of(&p.to_string_lossy()).is_some())
        .collect();
    files.sort();
    let mut figures = serde_json::Map::new();
    let mut largest = (0, String::new());
    for path in files {
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let kind = Kind::of(&name).expect("a kind");
        let bytes = std::fs::read(&path).expect("readable");
        if bytes.len() > largest.0 {
            largest = (bytes.len(), name.clone());
        }
        let mut times: Vec<u128> = (0..41)
            .map(|_| {
                let start = Instant::now();
                let table = read(kind, &bytes).expect("reads");
                let result = import(&table, &Options::default());
                std::hint::black_box(result.tree);
                start.elapsed().as_micros()
            })
            .collect();
        times.sort_unstable();
        figures.insert(name, (times[times.len() / 2] as u64).into());
    }
    println!(
        "{}",
        serde_json::json!({ "annex_import_us": figures, "largest": largest.1 })
    );
}
