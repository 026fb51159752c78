//! Byte-identity of every output the `parindex` binary writes for the cases under
//! `tests/` and the Trà Cú example: JSON, text, CSV, Markdown and the HTML report, in
//! both languages, with and without explanations. The outputs are kept under
//! `tests/snapshots/` (one file per case, each rendering under a `==> args` heading), so
//! a refactoring that changes a single byte fails here and the diff shows where.
//!
//! A deliberate change of output is recorded with `PARINDEX_BLESS=1 cargo test -p
//! parindex-cli --test snapshots`; the changed snapshot files then go in the same commit
//! as the change, where a reviewer reads them.

use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The renderings of one scored assessment. Each is a full `parindex` command line
/// after `score FILE [--framework F]`.
const SCORE_VARIANTS: &[&[&str]] = &[
    &["--format", "json"],
    &["--format", "text"],
    &["--format", "text", "--explain", "--lang", "en"],
    &["--format", "csv", "--explain"],
    &["--format", "csv", "--lang", "en"],
    &["--format", "md", "--explain"],
    &["--format", "md", "--lang", "en"],
    &["--format", "html"],
    &["--format", "html", "--lang", "en"],
];

const RANK_VARIANTS: &[&[&str]] = &[
    &["--format", "json"],
    &["--format", "text"],
    &["--format", "csv", "--lang", "en"],
];

/// Runs `parindex` in the repository with `args` and returns what it printed, failing
/// on a non-zero exit.
fn run(args: &[String]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_parindex"))
        .args(args)
        .current_dir(repo())
        .env_remove("PARINDEX_LANG")
        .output()
        .expect("run parindex");
    assert!(
        out.status.success(),
        "parindex {}: {}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// One snapshot file: every variant of `base`, each under its `==> args` heading.
fn render(base: &[String], variants: &[&[&str]]) -> String {
    let mut out = String::new();
    for v in variants {
        let mut args = base.to_vec();
        args.extend(v.iter().map(|s| s.to_string()));
        out.push_str(&format!("==> parindex {}\n", args.join(" ")));
        out.push_str(&run(&args));
        out.push('\n');
    }
    out
}

fn sorted_dirs(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    out.sort();
    out
}

fn rel(p: &Path) -> String {
    p.strip_prefix(repo())
        .unwrap_or(p)
        .to_string_lossy()
        .replace('\\', "/")
}

/// Every snapshot: its file name under `tests/snapshots/` and its expected content.
fn snapshots() -> Vec<(String, String)> {
    let mut out = Vec::new();
    out.push((
        "example-tra-cu-2022.txt".to_string(),
        render(
            &["score".into(), "examples/tra-cu-2022.json".into()],
            SCORE_VARIANTS,
        ),
    ));
    for case in sorted_dirs(&repo().join("tests/golden")) {
        let name = case.file_name().unwrap().to_string_lossy().to_string();
        let base = vec![
            "score".to_string(),
            rel(&case.join("assessment.json")),
            "--framework".to_string(),
            rel(&case.join("framework.toml")),
        ];
        out.push((format!("golden-{name}.txt"), render(&base, SCORE_VARIANTS)));
    }
    for case in sorted_dirs(&repo().join("tests/rank")) {
        let name = case.file_name().unwrap().to_string_lossy().to_string();
        let mut files: Vec<String> = std::fs::read_dir(&case)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.extension().is_some_and(|x| x == "json")
                    && p.file_name().is_some_and(|n| n != "expected.json")
            })
            .map(|p| rel(&p))
            .collect();
        files.sort();
        let mut base = vec!["rank".to_string()];
        base.extend(files);
        base.push("--framework".into());
        base.push(rel(&case.join("framework.toml")));
        out.push((format!("rank-{name}.txt"), render(&base, RANK_VARIANTS)));
    }
    out
}

#[test]
fn every_output_is_byte_identical_to_its_snapshot() {
    let dir = repo().join("tests/snapshots");
    let bless = std::env::var_os("PARINDEX_BLESS").is_some();
    let all = snapshots();
    assert!(all.len() >= 29, "expected every case, found {}", all.len());
    let mut failures = Vec::new();
    for (name, actual) in &all {
        let path = dir.join(name);
        if bless {
            std::fs::create_dir_all(&dir).expect("create tests/snapshots");
            std::fs::write(&path, actual).expect("write snapshot");
            continue;
        }
        match std::fs::read_to_string(&path) {
            Ok(expected) if &expected == actual => {}
            Ok(expected) => {
                let line = expected
                    .lines()
                    .zip(actual.lines())
                    .position(|(a, b)| a != b)
                    .map_or_else(
                        || expected.lines().count().min(actual.lines().count()) + 1,
                        |i| i + 1,
                    );
                failures.push(format!(
                    "{name}: differs from line {line}:\n  expected: {:?}\n  actual:   {:?}",
                    expected.lines().nth(line - 1).unwrap_or(""),
                    actual.lines().nth(line - 1).unwrap_or("")
                ));
            }
            Err(e) => failures.push(format!("{name}: {e} (record it with PARINDEX_BLESS=1)")),
        }
    }
    // A snapshot left behind by a removed case is reported too.
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().to_string();
            if !all.iter().any(|(n, _)| *n == name) && !bless {
                failures.push(format!("{name}: no case makes this snapshot any more"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
