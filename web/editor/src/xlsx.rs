//! Reading an `.xlsx` through the reader module the page loads only then
//! (`crates/parindex-xlsx`, through `parindexReadXlsx` in `web/editor/boot.js`).

use parindex_annex::Table;
use parindex_core::Text;

#[cfg(target_arch = "wasm32")]
mod js {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        /// Defined by `web/editor/boot.js`: imports the reader and reads the bytes.
        #[wasm_bindgen(catch, js_namespace = globalThis, js_name = parindexReadXlsx)]
        pub async fn read_xlsx(bytes: &[u8]) -> Result<JsValue, JsValue>;
    }
}

fn unavailable() -> Text {
    Text::new(
        "không tải được bộ đọc tệp Excel (mất kết nối mạng?)",
        "the Excel reader could not be loaded (offline?)",
    )
}

/// The table of a workbook, or why not.
#[cfg(target_arch = "wasm32")]
pub async fn read(bytes: &[u8]) -> Result<Table, Text> {
    match js::read_xlsx(bytes).await {
        Ok(json) => json
            .as_string()
            .and_then(|t| parindex_annex::table_from_json(&t))
            .ok_or_else(unavailable),
        Err(thrown) => Err(thrown
            .as_string()
            .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
            .map(|m| {
                Text::new(
                    m["vi"].as_str().unwrap_or_default(),
                    m["en"].as_str().unwrap_or_default(),
                )
            })
            .unwrap_or_else(unavailable)),
    }
}

/// Natively (tests) the reader is linked in.
#[cfg(not(target_arch = "wasm32"))]
pub async fn read(bytes: &[u8]) -> Result<Table, Text> {
    let _ = unavailable;
    parindex_annex::read(parindex_annex::Kind::Xlsx, bytes).map_err(|e| e.0)
}
