// Loads the framework editor (the wasm-bindgen module Trunk writes beside this file).
// No inline script, so the page's CSP can forbid them.
import init from "./parindex-editor.js";
import { framing, start } from "./framing.js";

// The .xlsx reader, loaded only when a person opens a workbook (web/editor/src/xlsx.rs
// calls this): the table as JSON, or it throws why not as {"vi", "en"} JSON.
globalThis.parindexReadXlsx = async (bytes) => {
  const reader = await import(new URL("./parindex-xlsx.js", import.meta.url).href);
  await reader.default();
  return reader.read_xlsx(bytes);
};

// Inside another site's frame: run only for the sites nhung.json trusts (framing.js).
const { refused } = await framing();
if (!refused) await start(init);

// Offline: the app's service worker (at the site's root, web/static/sw.js) serves kept
// copies when the network is down; the editor's own files are put in its store here, so
// the editor opens offline after one visit. The .xlsx reader is kept once it is used.
const FILES = ["./", "./index.html", "./boot.js", "./framing.js", "./nhung.json", "./parindex-editor.js",
  "./parindex-editor_bg.wasm", "./style.css", "./editor.css", "./icon.svg"];
if (!refused && "serviceWorker" in navigator && "caches" in globalThis) {
  navigator.serviceWorker
    .register(new URL("../sw.js", import.meta.url).href)
    .then(() => caches.open("parindex-app-v1"))
    .then((cache) => cache.addAll(FILES))
    .catch((err) => console.warn("parindex: offline use unavailable", err));
}
