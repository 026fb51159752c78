//! Scores every golden case, the Trà Cú example and every invalid fixture with the
//! **native** core at build time, and writes the inputs and the native outputs into
//! `$OUT_DIR/cases.rs`. The browser tests then score the same inputs in WebAssembly and
//! compare bytes.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

fn sorted(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(dir)
        .map(|r| r.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    v.sort();
    v
}

fn read(p: &Path) -> String {
    fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// The native outcome: the scorecard JSON, or the diagnostics as the CLI prints them.
fn native(assessment: &str, framework: Option<&str>) -> (bool, String) {
    match parindex_core::score_json(assessment, framework) {
        Ok(card) => (true, card.to_json()),
        Err(diags) => (
            false,
            diags
                .iter()
                .map(|d| d.render(parindex_core::Lang::Vi))
                .collect::<Vec<_>>()
                .join("\n"),
        ),
    }
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let tests = root.join("tests");
    println!("cargo:rerun-if-changed={}", tests.display());
    println!("cargo:rerun-if-changed={}", root.join("examples").display());
    println!(
        "cargo:rerun-if-changed={}",
        root.join("frameworks").display()
    );

    let mut cases: Vec<(String, Option<String>, String)> = Vec::new();
    for dir in sorted(&tests.join("golden"))
        .into_iter()
        .filter(|p| p.is_dir())
    {
        println!("cargo:rerun-if-changed={}", dir.display());
        let name = format!(
            "golden/{}",
            dir.file_name().unwrap_or_default().to_string_lossy()
        );
        cases.push((
            name,
            Some(read(&dir.join("framework.toml"))),
            read(&dir.join("assessment.json")),
        ));
    }
    cases.push((
        "examples/tra-cu-2022".into(),
        None,
        read(&root.join("examples/tra-cu-2022.json")),
    ));
    let invalid = tests.join("invalid/assessments");
    let shared = read(&invalid.join("framework.toml"));
    for file in sorted(&invalid)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
    {
        let name = format!(
            "invalid/{}",
            file.file_name().unwrap_or_default().to_string_lossy()
        );
        cases.push((name, Some(shared.clone()), read(&file)));
    }

    let mut out = String::from("/// (name, framework TOML or None for the built-in, assessment JSON, native ok, native output)\n");
    out.push_str("pub const CASES: &[(&str, Option<&str>, &str, bool, &str)] = &[\n");
    for (name, framework, assessment) in &cases {
        let (ok, output) = native(assessment, framework.as_deref());
        writeln!(
            out,
            "    ({name:?}, {framework:?}, {assessment:?}, {ok}, {output:?}),"
        )
        .unwrap_or_default();
    }
    out.push_str("];\n");
    let dest =
        PathBuf::from(std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into())).join("cases.rs");
    fs::write(&dest, out).unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
}
