//! Framework parsing and validation on arbitrary text: never a panic; whatever is
//! accepted must also score a blank assessment of itself.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parindex_core::{blank_assessment, score_json, Framework};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match Framework::from_toml(text) {
        Ok(framework) => {
            let blank = blank_assessment(&framework, "Đơn vị", 2024);
            let card = score_json(&blank, Some(text)).expect("a blank assessment of a valid framework scores");
            assert!(!card.complete || framework.leaves().all(|(_, c)| c.rule.is_none()));
        }
        Err(diags) => assert!(!diags.is_empty(), "a rejection names its reasons"),
    }
});
