//! Generates the list of built-in frameworks from the files in `frameworks/` (the core
//! embeds them; nothing reads them at run time) and their catalogue: what the app lists
//! without loading a framework (title, level, number of leaves, source). A framework
//! added to the folder is built in, and listed, with no Rust to edit.

// The core's converter (and its markers, of which `marker_text` is the reader's).
#[allow(dead_code)]
#[path = "src/markers.rs"]
mod markers;
#[path = "src/toml_tree.rs"]
mod toml_tree;

use serde_json::Value;
use std::fmt::Write;
use std::path::{Path, PathBuf};

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../frameworks");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let mut builtin =
        String::from("#[cfg(feature = \"toml\")]\npub const BUILTIN: &[BuiltinFramework] = &[\n");
    let mut catalogue = String::from("pub const CATALOGUE: &[Listing] = &[\n");
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let file =
            std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let tree = toml_tree::parse(&file).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let file_name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let get = |key: &str| {
            tree.get(key)
                .unwrap_or_else(|| panic!("{file_name}: no {key}"))
        };
        let reference = format!("{}@{}", text(get("id")), text(get("edition")));
        let (title_vi, title_en) = bilingual(get("title"));
        let (source_vi, source_en) = bilingual(get("source"));
        let codes: Vec<String> = get("criterion")
            .as_array()
            .unwrap_or_else(|| panic!("{file_name}: no criteria"))
            .iter()
            .map(|c| text(&c["code"]))
            .collect();
        let leaves = codes
            .iter()
            .filter(|c| !codes.iter().any(|o| o.starts_with(&format!("{c}."))))
            .count();
        let _ = writeln!(
            builtin,
            "    BuiltinFramework {{ reference: {reference:?}, file_name: {file_name:?}, source: include_str!({:?}) }},",
            path.display().to_string()
        );
        let _ = writeln!(
            catalogue,
            "    Listing {{ reference: {reference:?}, file_name: {file_name:?}, json_name: {:?}, title_vi: {title_vi:?}, title_en: {title_en:?}, level: {:?}, official: {}, leaves: {leaves}, source_vi: {source_vi:?}, source_en: {source_en:?} }},",
            file_name.replace(".toml", ".json"),
            text(get("level")),
            get("official").as_bool().unwrap_or(false),
        );
    }
    builtin.push_str("];\n");
    catalogue.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR")).join("builtin.rs");
    std::fs::write(&out, builtin + &catalogue).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}

/// A text value of a framework file (the core validates the files; a test loads each).
fn text(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_string()
}

/// A bilingual text (`{ vi, en }`, English falling back to Vietnamese) or plain text.
fn bilingual(v: &Value) -> (String, String) {
    match v {
        Value::String(s) => (s.clone(), s.clone()),
        other => {
            let vi = text(&other["vi"]);
            let en = other.get("en").map(text).filter(|e| !e.trim().is_empty());
            (vi.clone(), en.unwrap_or(vi))
        }
    }
}
