#![cfg(target_arch = "wasm32")]
//! Runs in headless Chromium (`wasm-bindgen-test`): every golden case, the Trà Cú example
//! and every invalid fixture, scored by the WebAssembly build through the JavaScript API,
//! must give byte for byte what the native core gave, and errors must carry the same
//! diagnostics the CLI prints.

use parindex_parity::CASES;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn framework_arg(f: Option<&str>) -> Option<JsValue> {
    f.map(JsValue::from_str)
}

fn diagnostics_of(err: &JsValue) -> String {
    let list = js_sys::Reflect::get(err, &"diagnostics".into()).expect("an Error with diagnostics");
    js_sys::Array::from(&list)
        .iter()
        .filter_map(|v| v.as_string())
        .collect::<Vec<_>>()
        .join("\n")
}

#[wasm_bindgen_test]
fn json_text_is_byte_identical_to_native() {
    assert!(CASES.len() > 50, "cases: {}", CASES.len());
    for (name, framework, assessment, ok, native) in CASES {
        let got =
            parindex_wasm::score_json_js(JsValue::from_str(assessment), framework_arg(*framework));
        match (got, ok) {
            (Ok(json), true) => assert_eq!(&json, native, "{name}: scorecard bytes differ"),
            (Err(err), false) => {
                assert!(
                    err.is_instance_of::<js_sys::Error>(),
                    "{name}: not an Error"
                );
                assert_eq!(&diagnostics_of(&err), native, "{name}: diagnostics differ");
            }
            (Ok(_), false) => panic!("{name}: accepted in the browser, rejected natively"),
            (Err(e), true) => panic!("{name}: rejected in the browser: {}", diagnostics_of(&e)),
        }
    }
}

#[wasm_bindgen_test]
fn objects_in_objects_out_match_native_json() {
    for (name, framework, assessment, ok, native) in CASES.iter().filter(|c| c.3) {
        let object = js_sys::JSON::parse(assessment).expect("case JSON");
        let card = parindex_wasm::score(object, framework_arg(*framework))
            .unwrap_or_else(|_| panic!("{name}"));
        let text = js_sys::JSON::stringify_with_replacer_and_space(
            &card,
            &JsValue::NULL,
            &JsValue::from(2),
        )
        .expect("stringify")
        .as_string()
        .expect("a string");
        assert!(*ok);
        assert_eq!(
            format!("{text}\n"),
            *native,
            "{name}: object result differs from the native JSON"
        );
    }
}

#[wasm_bindgen_test]
fn hostile_inputs_throw_errors_never_traps() {
    let inputs: Vec<JsValue> = vec![
        JsValue::NULL,
        JsValue::UNDEFINED,
        JsValue::from(42),
        JsValue::from_str(""),
        JsValue::from_str("{"),
        JsValue::from_str("[1,2,3]"),
        JsValue::from_str(&"[".repeat(10_000)),
        JsValue::from_str(
            r#"{"format":1,"framework":"mau-huyen@2022","unit":"A","year":2022,"self":{"3.3.2":{"numerator":1e400,"denominator":1}}}"#,
        ),
        JsValue::from_str(
            r#"{"format":1,"framework":"mau-huyen@2022","unit":"<script>alert(1)</script>","year":2022,"self":{"3.3.2":{"numerator":"99999999999999999999999999999999","denominator":"1"}}}"#,
        ),
        js_sys::Array::new().into(),
    ];
    for input in inputs {
        match parindex_wasm::score(input.clone(), None) {
            Ok(_) => panic!("accepted {input:?}"),
            Err(e) => {
                assert!(e.is_instance_of::<js_sys::Error>());
                assert!(!diagnostics_of(&e).is_empty());
            }
        }
    }
    let cyclic = js_sys::Object::new();
    js_sys::Reflect::set(&cyclic, &"self".into(), &cyclic).expect("set");
    assert!(parindex_wasm::score(cyclic.into(), None).is_err());
    assert!(parindex_wasm::score(JsValue::from_str("{}"), Some(JsValue::from(5))).is_err());
}

#[wasm_bindgen_test]
fn frameworks_new_assessment_and_rank() {
    let list = js_sys::Array::from(&parindex_wasm::frameworks());
    assert!(list.length() >= 2);
    let blank = parindex_wasm::new_assessment("mau-xa@2024", "UBND xã A", JsValue::from(2024))
        .expect("blank");
    let card = parindex_wasm::score(blank.clone(), None).expect("score blank");
    assert_eq!(
        js_sys::Reflect::get(&card, &"complete".into()).unwrap(),
        JsValue::FALSE
    );
    assert!(parindex_wasm::new_assessment("mau-xa@2024", "A", JsValue::from(2024.5)).is_err());
    assert!(parindex_wasm::new_assessment("khong-co@1", "A", JsValue::from(2024)).is_err());
    let two = js_sys::Array::of2(&blank, &blank);
    let ranking = parindex_wasm::rank(two.into(), None).expect("rank");
    let rows = js_sys::Array::from(&js_sys::Reflect::get(&ranking, &"rows".into()).unwrap());
    assert_eq!(rows.length(), 2);
    let toml = parindex_core_source();
    assert!(parindex_wasm::validate_framework(&toml).is_ok());
    assert!(parindex_wasm::validate_framework("format = 2").is_err());
}

fn parindex_core_source() -> String {
    CASES
        .iter()
        .find_map(|c| c.1)
        .expect("a case with a framework")
        .to_string()
}
