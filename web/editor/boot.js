// Loads the framework editor (the wasm-bindgen module Trunk writes beside this file).
// No inline script, so the page's CSP can forbid them.
import init from "./parindex-editor.js";

await init();
