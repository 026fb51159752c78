// Loads the app (the wasm-bindgen module Trunk writes beside this file) and registers
// the service worker that keeps every file for offline use. All URLs are relative.
import init from "./parindex-app.js";

// The framework TOML reader, loaded only when a person opens a .toml file
// (web/src/platform.rs calls this): it reads and checks the file and gives the
// framework's compact JSON form, or throws its problems.
globalThis.parindexTomlTreeJson = async (text) => {
  const reader = await import(new URL("./parindex-toml.js", import.meta.url).href);
  await reader.default();
  return reader.tree_json(text);
};

await init();

if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("./sw.js").catch((err) => {
    console.warn("parindex: offline use unavailable", err);
  });
}
