//! Assessment reading and scoring against the built-in frameworks on arbitrary text:
//! never a panic; scored points stay within their maxima; drafts score too; the
//! borrowed tree ranking reads text with gives what serde_json's `Value` gives.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parindex_core::{builtin, score_draft, score_json, Opened, BUILTIN};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for b in BUILTIN {
        if let Ok(card) = score_json(text, Some(b.source)) {
            assert!(card.total.points <= card.total.max);
            for node in &card.nodes {
                assert!(node.points <= node.max, "{}", node.code);
            }
            assert_eq!(card.to_json(), score_json(text, Some(b.source)).map(|c| c.to_json()).unwrap_or_default());
        }
    }
    if let Ok(framework) = builtin("mau-huyen@2022") {
        let by_value = Opened::from_json(text).map_err(|d| vec![d]).and_then(|o| o.validate(&framework));
        assert_eq!(Opened::validated(text, &framework), by_value);
    }
    if let Ok(tree) = parindex_core::assessment::parse_json(text) {
        if let Ok(framework) = builtin("mau-huyen@2022") {
            let draft = score_draft(&framework, &tree);
            if let Some(card) = draft.scorecard {
                assert!(card.total.points <= card.total.max);
            }
        }
    }
});
