// Loads the app (the wasm-bindgen module Trunk writes beside this file) and registers
// the service worker that keeps every file for offline use. All URLs are relative.
import init from "./parindex-app.js";
import { framing as framingCheck, start } from "./framing.js";

// The framework TOML reader, loaded only when a person opens a .toml file
// (web/src/platform.rs calls this): it reads and checks the file and gives the
// framework's compact JSON form, or throws its problems.
globalThis.parindexTomlTreeJson = async (text) => {
  const reader = await import(new URL("./parindex-toml.js", import.meta.url).href);
  await reader.default();
  return reader.tree_json(text);
};

// Evidence files and the dossier .zip (web/static/dossier.js, with the parindex-zip module
// it loads), imported only when a file is attached, shown, exported or opened
// (web/src/dossier.rs calls this with an operation's name and its one argument).
globalThis.parindexDossier = async (op, arg) => {
  const dossier = await import(new URL("./dossier.js", import.meta.url).href);
  return dossier[op](arg);
};

// Whether this page works with the network off (web/src/platform.rs calls this): its
// service worker is active (it moved the page's own files into its store, and serves the
// next opening from there, even after a reload that bypassed it) and the store holds every
// file the page may fetch later — the built-in frameworks the app names (`frameworks`,
// one path per line), the example, the dossier and TOML modules; `null` where no service
// worker can run (an address without https://, a private window). With `fetchMissing`
// (once a first visit is idle), it waits for the worker to be active, then fetches and
// keeps what is missing. The store is sw.js's CACHE: change both together.
const LATER = ["tra-cu-2022.json", "dossier.js", "parindex-zip.js", "parindex-zip_bg.wasm",
  "parindex-toml.js", "parindex-toml_bg.wasm"];
globalThis.parindexKept = async (frameworks, fetchMissing) => {
  const workers = navigator.serviceWorker;
  if (!workers || !globalThis.caches) return null;
  let worker = (await workers.getRegistration())?.active;
  if (!worker && fetchMissing) worker = (await workers.ready).active;
  if (worker?.state === "activating" && fetchMissing) {
    await new Promise((done) => worker.addEventListener("statechange", () => worker.state !== "activating" && done()));
  }
  if (worker?.state !== "activated") return false;
  const store = await caches.open("parindex-app-v1");
  let all = true;
  for (const file of [...frameworks.split("\n"), ...LATER]) {
    const url = new URL(file, import.meta.url).href;
    if (await store.match(url, { ignoreSearch: true })) continue;
    if (!fetchMissing) return false;
    const response = await fetch(url).catch(() => undefined);
    if (response?.ok) await store.put(url, response);
    else all = false;
  }
  return all;
};

// The browser's database of drafts and evidence files (IndexedDB `parindex`, stores
// `drafts` and `files`), opened once per page and shared: the app (web/src/platform.rs)
// and the dossier code (dossier.js) take this connection. A failed opening is forgotten,
// so the next call tries again.
let database;
globalThis.parindexDatabase = () => {
  database ??= new Promise((resolve, reject) => {
    const req = indexedDB.open("parindex", 1);
    req.onupgradeneeded = () => {
      for (const store of ["drafts", "files"]) {
        if (!req.result.objectStoreNames.contains(store)) req.result.createObjectStore(store);
      }
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  }).catch((err) => {
    database = undefined;
    throw err;
  });
  return database;
};

// Inside another site's frame: run only for the sites nhung.json trusts (framing.js).
const { origins, refused } = await framingCheck();
// The embedded page (nhung/, marked `data-nhung`) in a trusted frame: the message
// protocol with the framing site (web/static/nhung.js, loaded only there).
if (origins.length && !refused && document.documentElement.hasAttribute("data-nhung")) {
  (await import(new URL("./nhung.js", import.meta.url).href)).start(origins[0]);
} else if (!origins.length) {
  // Opened on its own: the app as usual, its heading shown.
  document.documentElement.removeAttribute("data-nhung");
}
if (!refused) {
  // Opened while the wasm loads, so a reload reads its drafts without waiting for it.
  globalThis.parindexDatabase().catch(() => {});
  await start(init);
}

if (!refused && "serviceWorker" in navigator) {
  navigator.serviceWorker.register("./sw.js").catch((err) => {
    console.warn("parindex: offline use unavailable", err);
  });
}
