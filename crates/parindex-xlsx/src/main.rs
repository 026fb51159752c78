//! The framework editor's `.xlsx` reader. Reading a workbook needs calamine (and the
//! character-set tables it brings), the largest part of the annex readers; the editor page
//! leaves it out (`parindex-annex` without its `xlsx` feature) and loads this module, built
//! by Trunk beside the page (`data-type="worker"`), only when a person opens an `.xlsx`.
//! The same reader as the CLI's; the table crosses over as `parindex_annex::table_json`.

use wasm_bindgen::prelude::*;

/// The table of a workbook, as `parindex_annex::table_json`. Why it cannot be read is
/// thrown as `{"vi": "…", "en": "…"}`.
#[wasm_bindgen]
pub fn read_xlsx(bytes: &[u8]) -> Result<String, String> {
    parindex_annex::read(parindex_annex::Kind::Xlsx, bytes)
        .map(|t| parindex_annex::table_json(&t))
        .map_err(|e| serde_json::json!({ "vi": e.0.vi, "en": e.0.en }).to_string())
}

fn main() {}
