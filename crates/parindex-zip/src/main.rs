//! The pages' dossier module: writes and reads the dossier `.zip` (`docs/formats.md` §6)
//! with `parindex-dossier`, the same code as `parindex dossier`. Built by Trunk beside
//! each page (`data-type="worker"`) and fetched only when a dossier is first exported or
//! opened (`web/static/dossier.js` calls it), so neither the zip code nor the hashing costs
//! anything on a first visit.
//!
//! Metadata crosses as JSON text, file contents as `Uint8Array`s in a plain array, in the
//! order the JSON lists them: no glue but wasm-bindgen's own.

use js_sys::{Array, Uint8Array};
use parindex_dossier::{Attached, Dossier, Found, Pieces, Problem};
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;

/// Problems as the JSON `[{"entry", "vi", "en"}, …]`.
fn problems_value(problems: &[Problem]) -> Value {
    problems
        .iter()
        .map(|p| json!({ "entry": p.entry, "vi": p.vi, "en": p.en }))
        .collect()
}

fn problems_json(problems: &[Problem]) -> String {
    problems_value(problems).to_string()
}

/// Writes a dossier. `files` is the JSON text `[{"code", "name", "type"}, …]`, `bytes` the
/// files' contents in the same order, `history` the JSON array of the manifest's history.
/// Problems are thrown as `problems_json` text.
#[wasm_bindgen]
pub fn write(
    assessment: &str,
    files: &str,
    bytes: Array,
    history: &str,
) -> Result<Vec<u8>, String> {
    let bad = |what: &str| {
        problems_json(&[Problem {
            entry: None,
            vi: format!("dữ liệu hồ sơ không hợp lệ ({what})"),
            en: format!("invalid dossier data ({what})"),
        }])
    };
    let listed: Vec<Value> = serde_json::from_str(files).map_err(|_| bad("files"))?;
    let history: Vec<Value> = serde_json::from_str(history).map_err(|_| bad("history"))?;
    if listed.len() != bytes.length() as usize {
        return Err(bad("bytes"));
    }
    let text = |v: &Value, k: &str| {
        v.get(k)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    let files = listed
        .iter()
        .zip(bytes.iter())
        .map(|(f, b)| Attached {
            code: text(f, "code"),
            name: text(f, "name"),
            media_type: text(f, "type"),
            bytes: b.unchecked_into::<Uint8Array>().to_vec(),
        })
        .collect();
    let dossier = Dossier {
        assessment: assessment.to_string(),
        files,
        history,
        ..Dossier::default()
    };
    parindex_dossier::write(&dossier).map_err(|p| problems_json(&[p]))
}

/// Reads a dossier: `[meta, bytes…]`, where `meta` is the JSON text `{"assessment",
/// "history", "files": [{"code", "name", "type", "sha256", "size"}], "problems"}` — the
/// problems `verify` finds (missing, altered, unlisted files) — and the files' contents
/// follow in the order of `files`. A dossier that cannot be read at all throws its
/// problems as `problems_json` text.
#[wasm_bindgen]
pub fn read(bytes: &[u8]) -> Result<Array, String> {
    let d = parindex_dossier::read(bytes).map_err(|p| problems_json(&p))?;
    let problems = parindex_dossier::verify(&d);
    let files: Vec<Value> = d
        .files
        .iter()
        .map(|f| {
            json!({ "code": f.code, "name": f.name, "type": f.media_type,
                    "sha256": parindex_dossier::sha256_hex(&f.bytes), "size": f.bytes.len() })
        })
        .collect();
    let meta = json!({ "assessment": d.assessment, "history": d.history, "files": files,
                       "problems": problems_value(&problems) });
    let out = Array::of1(&JsValue::from_str(&meta.to_string()));
    for f in &d.files {
        out.push(&Uint8Array::from(f.bytes.as_slice()));
    }
    Ok(out)
}

/// The assessment of a dossier read in pieces (`ho-so.json`; the evidence files are
/// neither unpacked nor hashed: ranking, comparing). `pieces` is `[offset, bytes, offset,
/// bytes, …]` — the parts of the file read so far, none at first —, `size` the file's size.
/// Gives the assessment's text, or `[from, to]`: the part of the file to read and add
/// next (`parindex_dossier::assessment_in` decides). A dossier that cannot be read throws
/// its problems as `problems_json` text.
#[wasm_bindgen]
pub fn assessment(pieces: Array, size: f64) -> Result<JsValue, String> {
    let mut read = Pieces::new(size as u64);
    for pair in pieces.to_vec().chunks(2) {
        if let [offset, bytes] = pair {
            let offset = offset.as_f64().unwrap_or_default() as u64;
            read.add(
                offset,
                bytes.clone().unchecked_into::<Uint8Array>().to_vec(),
            );
        }
    }
    match parindex_dossier::assessment_in(&mut read).map_err(|p| problems_json(&p))? {
        Found::Assessment(text) => Ok(JsValue::from_str(&text)),
        Found::Needs { from, to } => {
            Ok(Array::of2(&(from as f64).into(), &(to as f64).into()).into())
        }
    }
}

/// The SHA-256 of bytes (64 lowercase hexadecimal digits): where the browser's own digest
/// (`crypto.subtle`, only in secure contexts) is unavailable.
#[wasm_bindgen]
pub fn sha256(bytes: &[u8]) -> String {
    parindex_dossier::sha256_hex(bytes)
}

fn main() {}
