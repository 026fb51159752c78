//! Data-driven tests: every case under the repository's `tests/` folder.
//!
//! - `tests/golden/<case>/`: `framework.toml` + `assessment.json` → the scorecard must
//!   match `expected.json` (a partial scorecard; see `tests/README.md`).
//! - `tests/invalid/frameworks/*.toml` and `tests/invalid/assessments/*.json`: must be
//!   rejected with the diagnostics their `.expect` file lists (`PATH | code`).
//! - `tests/rank/<case>/`: the ranking of its assessments must match `expected.json`.
//!
//! The same files run in the browser (WebAssembly), so they stay plain data.

use parindex_core::{rank_json, score_json, Assessment, Diagnostic, Framework};
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests")
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn dirs(path: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = fs::read_dir(path)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", path.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    out.sort();
    out
}

fn files_with(path: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = fs::read_dir(path)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", path.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    out.sort();
    out
}

/// Partial match: every key of `expected` must match in `actual`; arrays match element
/// by element; an expected `nodes` object is keyed by criterion code.
fn matches(expected: &Value, actual: &Value, path: &str, errors: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(exp), Value::Object(act)) => {
            for (key, e) in exp {
                let here = format!("{path}.{key}");
                match (key.as_str(), e, act.get(key)) {
                    ("nodes", Value::Object(by_code), Some(Value::Array(nodes))) => {
                        for (code, e_node) in by_code {
                            match nodes
                                .iter()
                                .find(|n| n.get("code").and_then(Value::as_str) == Some(code))
                            {
                                Some(node) => {
                                    matches(e_node, node, &format!("{here}[{code}]"), errors)
                                }
                                None => errors.push(format!("{here}: no node {code}")),
                            }
                        }
                    }
                    (_, e, Some(a)) => matches(e, a, &here, errors),
                    (_, _, None) => errors.push(format!("{here}: missing in actual")),
                }
            }
        }
        (Value::Array(exp), Value::Array(act)) => {
            if exp.len() != act.len() {
                errors.push(format!(
                    "{path}: expected {} items, found {}: {}",
                    exp.len(),
                    act.len(),
                    actual
                ));
                return;
            }
            for (i, (e, a)) in exp.iter().zip(act).enumerate() {
                matches(e, a, &format!("{path}[{i}]"), errors);
            }
        }
        (e, a) if e == a => {}
        (e, a) => errors.push(format!("{path}: expected {e}, found {a}")),
    }
}

/// Runs every case folder of `group` (at least `min` of them): `result` gives the JSON
/// to compare for a case, or the diagnostics that rejected it; the JSON must match the
/// case's `expected.json` (partially, see `matches`).
/// `found`, checked to hold at least `min` entries: a folder emptied by mistake is a
/// failure, not a pass.
fn at_least(found: Vec<PathBuf>, min: usize, what: &str) -> Vec<PathBuf> {
    assert!(
        found.len() >= min,
        "expected the {what} cases, found {}",
        found.len()
    );
    found
}

fn check_cases(
    group: &str,
    min: usize,
    result: impl Fn(&Path, &str) -> Result<Value, Vec<Diagnostic>>,
    at: &str,
) {
    let cases = at_least(dirs(&root().join(group)), min, group);
    let mut failures = Vec::new();
    for case in &cases {
        let framework = read(&case.join("framework.toml"));
        let expected: Value = serde_json::from_str(&read(&case.join("expected.json")))
            .expect("expected.json is JSON");
        match result(case, &framework) {
            Ok(actual) => {
                let mut errors = Vec::new();
                matches(&expected, &actual, at, &mut errors);
                failures.extend(
                    errors
                        .into_iter()
                        .map(|e| format!("{}: {e}", case.display())),
                );
            }
            Err(diags) => {
                failures.push(format!("{}: rejected: {}", case.display(), render(&diags)))
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} {group} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn golden_scorecards() {
    check_cases(
        "golden",
        10,
        |case, framework| {
            let card = score_json(&read(&case.join("assessment.json")), Some(framework))?;
            // The scorecard's own writer gives serde's bytes (warnings, bands, nulls).
            assert_eq!(card.to_json(), parindex_core::format::pretty_json(&card));
            Ok(serde_json::from_str(&card.to_json()).expect("scorecard JSON"))
        },
        "",
    );
}

fn render(diags: &[Diagnostic]) -> String {
    diags
        .iter()
        .map(|d| d.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

/// `(path, code)` pairs of an `.expect` file.
fn expectations(file: &Path) -> Vec<(String, String)> {
    let text = read(file);
    let pairs: Vec<(String, String)> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (path, code) = l
                .split_once('|')
                .unwrap_or_else(|| panic!("{}: line without '|': {l}", file.display()));
            let code = code.trim();
            assert!(
                parindex_core::codes::ALL.contains(&code),
                "{}: `{code}` is not a diagnostic code",
                file.display()
            );
            (path.trim().to_string(), code.to_string())
        })
        .collect();
    assert!(
        !pairs.is_empty(),
        "{} lists no expected diagnostic",
        file.display()
    );
    pairs
}

fn check_rejection(file: &Path, result: Result<(), Vec<Diagnostic>>, failures: &mut Vec<String>) {
    let expect = file.with_extension("expect");
    let wanted = expectations(&expect);
    let diags = match result {
        Ok(()) => {
            failures.push(format!(
                "{}: accepted, but must be rejected",
                file.display()
            ));
            return;
        }
        Err(d) => d,
    };
    for (path, code) in wanted {
        if !diags.iter().any(|d| d.path == path && d.code == code) {
            let got: Vec<String> = diags
                .iter()
                .map(|d| format!("{} | {} ({})", d.path, d.code, d.message.en))
                .collect();
            failures.push(format!(
                "{}: no diagnostic `{path} | {code}`; got: {}",
                file.display(),
                got.join("; ")
            ));
        }
    }
    for d in &diags {
        assert!(
            !d.message.vi.is_empty() && !d.message.en.is_empty(),
            "{}: a message is empty",
            file.display()
        );
    }
}

/// Every file with extension `ext` under `tests/invalid/{dir}` (at least `min`) must be
/// rejected by `reject` with the diagnostics its `.expect` file lists.
fn check_invalid(
    dir: &str,
    ext: &str,
    min: usize,
    reject: impl Fn(&str) -> Result<(), Vec<Diagnostic>>,
) {
    let files = at_least(files_with(&root().join("invalid").join(dir), ext), min, dir);
    let mut failures = Vec::new();
    for file in &files {
        check_rejection(file, reject(&read(file)), &mut failures);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn invalid_frameworks_are_rejected_with_their_messages() {
    check_invalid("frameworks", "toml", 30, |text| {
        Framework::from_toml(text).map(|_| ())
    });
}

#[test]
fn invalid_assessments_are_rejected_with_their_messages() {
    let framework = Framework::from_toml(&read(&root().join("invalid/assessments/framework.toml")))
        .expect("the shared test framework is valid");
    check_invalid("assessments", "json", 25, |text| {
        Assessment::from_json(text, &framework).map(|_| ())
    });
}

#[test]
fn rankings() {
    check_cases(
        "rank",
        3,
        |case, framework| {
            let texts: Vec<String> = files_with(case, "json")
                .iter()
                .filter(|p| p.file_name().is_some_and(|n| n != "expected.json"))
                .map(|p| read(p))
                .collect();
            let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
            let ranking = rank_json(&refs, Some(framework))?;
            let actual: Value = serde_json::from_str(&ranking.to_json()).expect("ranking JSON");
            Ok(actual["rows"].clone())
        },
        "rows",
    );
}
