// Loads the framework editor (the wasm-bindgen module Trunk writes beside this file).
// No inline script, so the page's CSP can forbid them.
import init from "./parindex-editor.js";

// The .xlsx reader, loaded only when a person opens a workbook (web/editor/src/xlsx.rs
// calls this): the table as JSON, or it throws why not as {"vi", "en"} JSON.
globalThis.parindexReadXlsx = async (bytes) => {
  const reader = await import(new URL("./parindex-xlsx.js", import.meta.url).href);
  await reader.default();
  return reader.read_xlsx(bytes);
};

await init();
