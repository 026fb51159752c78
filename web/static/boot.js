// Loads the app (the wasm-bindgen module Trunk writes beside this file) and registers
// the service worker that keeps every file for offline use. All URLs are relative.
import init from "./parindex-app.js";

await init();

if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("./sw.js").catch((err) => {
    console.warn("parindex: offline use unavailable", err);
  });
}
