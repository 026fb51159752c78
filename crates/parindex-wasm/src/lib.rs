//! # parindex-wasm
//!
//! The JavaScript face of parindex-core, built with wasm-pack. This crate only converts:
//! JS values to JSON text and back, and core diagnostics to thrown `Error`s. Every
//! number, message and byte of output comes from parindex-core, so results are the same
//! as the `parindex` CLI's. API: `docs/formats.md` §5.

use parindex_core::{
    blank_assessment, builtin, builtin_infos, codes, rank_json, score_json, Diagnostic, Framework,
    FrameworkInfo, Lang,
};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = include_str!("types.d.ts");

/// One diagnostic as a line: `path: message`, after `[i] ` when it is about the i-th of
/// several assessments (ranking).
fn line(d: &Diagnostic, lang: Lang) -> String {
    match d.location.file {
        Some(i) => format!("[{i}] {}", d.render(lang)),
        None => d.render(lang),
    }
}

/// Builds the thrown `Error`: `message` is the first diagnostic, `diagnostics` the
/// messages the CLI prints (Vietnamese, `path: message`), `diagnosticsEn` the same in
/// English, `details` the structured diagnostics (with their stable `code` and
/// `location`, for a page to switch on).
fn error(diags: &[Diagnostic]) -> JsValue {
    let lines = |lang: Lang| -> js_sys::Array {
        diags
            .iter()
            .map(|d| JsValue::from_str(&line(d, lang)))
            .collect()
    };
    let first = diags
        .first()
        .map(|d| line(d, Lang::Vi))
        .unwrap_or_else(|| "lỗi không xác định".into());
    let err = js_sys::Error::new(&first);
    err.set_name("ParindexError");
    let details = serde_json::to_string(diags)
        .map(|s| parse(&s))
        .unwrap_or(JsValue::NULL);
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(&err, &"diagnostics".into(), &lines(Lang::Vi));
    let _ = js_sys::Reflect::set(&err, &"diagnosticsEn".into(), &lines(Lang::En));
    let _ = js_sys::Reflect::set(&err, &"details".into(), &details);
    err.into()
}

fn fail(path: &str, vi: &str, en: &str) -> JsValue {
    error(&[Diagnostic::error(codes::ARGUMENT_INVALID, path, vi, en)])
}

/// JSON text produced by the core → a plain JS object.
fn parse(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap_or(JsValue::NULL)
}

/// An assessment given as an object or as JSON text → JSON text.
fn json_text(value: &JsValue, what: &str) -> Result<String, JsValue> {
    if let Some(s) = value.as_string() {
        return Ok(s);
    }
    if value.is_object() {
        return match js_sys::JSON::stringify(value) {
            Ok(s) => s.as_string().ok_or_else(|| {
                fail(
                    what,
                    "không chuyển được thành JSON",
                    "cannot be converted to JSON",
                )
            }),
            Err(_) => Err(fail(
                what,
                "không chuyển được thành JSON (tham chiếu vòng?)",
                "cannot be converted to JSON (a cycle?)",
            )),
        };
    }
    Err(fail(
        what,
        "cần một đối tượng hoặc chuỗi JSON",
        "expected an object or a JSON string",
    ))
}

/// An optional framework TOML argument: absent, `undefined` or `null` means "the
/// built-in framework the assessment names".
fn framework_arg(value: &Option<JsValue>) -> Result<Option<String>, JsValue> {
    match value {
        Some(v) if !(v.is_undefined() || v.is_null()) => v.as_string().map(Some).ok_or_else(|| {
            fail(
                "frameworkToml",
                "cần nội dung tệp TOML (chuỗi)",
                "expected TOML text (a string)",
            )
        }),
        _ => Ok(None),
    }
}

/// The built-in frameworks.
#[wasm_bindgen(unchecked_return_type = "FrameworkInfo[]")]
pub fn frameworks() -> JsValue {
    parse(&serde_json::to_string(&builtin_infos()).unwrap_or_else(|_| "[]".into()))
}

/// Validates framework TOML; returns its description or throws its diagnostics.
#[wasm_bindgen(js_name = validateFramework, unchecked_return_type = "FrameworkInfo")]
pub fn validate_framework(toml: &str) -> Result<JsValue, JsValue> {
    let f = Framework::from_toml(toml).map_err(|d| error(&d))?;
    Ok(parse(
        &serde_json::to_string(&FrameworkInfo::of(&f)).unwrap_or_default(),
    ))
}

/// A blank assessment of a built-in framework (`id@edition`) listing every leaf.
#[wasm_bindgen(js_name = newAssessment, unchecked_return_type = "Assessment")]
pub fn new_assessment(
    #[wasm_bindgen(js_name = frameworkRef)] framework_ref: &str,
    unit: &str,
    #[wasm_bindgen(unchecked_param_type = "number")] year: JsValue,
) -> Result<JsValue, JsValue> {
    let f = builtin(framework_ref).map_err(|d| error(&d))?;
    if unit.trim().is_empty() {
        return Err(fail("unit", "không được để trống", "must not be empty"));
    }
    let year = year
        .as_f64()
        .filter(|y| y.fract() == 0.0 && (1900.0..=2200.0).contains(y))
        .ok_or_else(|| {
            fail(
                "year",
                "cần một năm từ 1900 đến 2200",
                "expected a year from 1900 to 2200",
            )
        })?;
    Ok(parse(&blank_assessment(&f, unit, year as i32)))
}

/// Scores an assessment (object or JSON text) against `frameworkToml`, or the built-in
/// framework it names. Returns the scorecard object.
#[wasm_bindgen(skip_typescript)]
pub fn score(
    #[wasm_bindgen(unchecked_param_type = "Assessment | string")] assessment: JsValue,
    #[wasm_bindgen(js_name = frameworkToml, unchecked_param_type = "string")]
    framework_toml: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    Ok(parse(&score_json_text(assessment, framework_toml)?))
}

/// As [`score`], but returns the scorecard JSON text: byte for byte what
/// `parindex score --format json` prints.
#[wasm_bindgen(js_name = scoreJson, skip_typescript)]
pub fn score_json_js(
    #[wasm_bindgen(unchecked_param_type = "Assessment | string")] assessment: JsValue,
    #[wasm_bindgen(js_name = frameworkToml, unchecked_param_type = "string")]
    framework_toml: Option<JsValue>,
) -> Result<String, JsValue> {
    score_json_text(assessment, framework_toml)
}

fn score_json_text(
    assessment: JsValue,
    framework_toml: Option<JsValue>,
) -> Result<String, JsValue> {
    let text = json_text(&assessment, "assessment")?;
    let toml = framework_arg(&framework_toml)?;
    score_json(&text, toml.as_deref())
        .map(|card| card.to_json())
        .map_err(|d| error(&d))
}

/// Ranks assessments of one framework. Returns `{ format, framework, rows }`.
#[wasm_bindgen(skip_typescript)]
pub fn rank(
    #[wasm_bindgen(unchecked_param_type = "Array<Assessment | string>")] assessments: JsValue,
    #[wasm_bindgen(js_name = frameworkToml, unchecked_param_type = "string")]
    framework_toml: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    if !js_sys::Array::is_array(&assessments) {
        return Err(fail(
            "assessments",
            "cần một mảng hồ sơ",
            "expected an array of assessments",
        ));
    }
    let texts = js_sys::Array::from(&assessments)
        .iter()
        .enumerate()
        .map(|(i, a)| json_text(&a, &format!("[{i}]")))
        .collect::<Result<Vec<_>, _>>()?;
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let toml = framework_arg(&framework_toml)?;
    let ranking = rank_json(&refs, toml.as_deref()).map_err(|d| error(&d))?;
    Ok(parse(&ranking.to_json()))
}

#[cfg(test)]
mod tests {
    /// The TypeScript union `DiagnosticCode` lists exactly the core's codes, so a page
    /// that switches on a code is checked by `tsc`.
    #[test]
    fn the_typescript_code_union_lists_every_code() {
        let types = include_str!("types.d.ts");
        let start = types
            .find("export type DiagnosticCode =")
            .expect("a DiagnosticCode type");
        let union = &types[start..];
        let union = &union[..union.find(';').expect("the union ends")];
        let listed: Vec<&str> = union.split('"').skip(1).step_by(2).collect();
        assert_eq!(listed, parindex_core::codes::ALL);
    }
}
