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

// Evidence files and the dossier .zip (web/static/dossier.js, with the parindex-zip module
// it loads), imported only when a file is attached, shown, exported or opened
// (web/src/dossier.rs calls this with an operation's name and its one argument).
globalThis.parindexDossier = async (op, arg) => {
  const dossier = await import(new URL("./dossier.js", import.meta.url).href);
  return dossier[op](arg);
};

// Inside another site's frame (an <iframe>): run only when that site's origin is one this
// deployment trusts (`nhung.json` beside the page, none by default; docs/embedding.md).
// A host that sends `frame-ancestors` (docs/embedding.md) stops an untrusted frame
// before this runs; this is for the hosts that do not.
// The origins of the pages this one is framed in (every ancestor, as `frame-ancestors`
// checks them), or none when it is not framed.
function framers() {
  if (window.self === window.top) return [];
  if (location.ancestorOrigins && location.ancestorOrigins.length) return [...location.ancestorOrigins];
  try {
    return [new URL(document.referrer).origin];
  } catch {
    return [""];
  }
}

async function trustedOrigins() {
  try {
    const list = (await (await fetch(new URL("./nhung.json", import.meta.url))).json()).trusted_origins;
    return Array.isArray(list) ? list : [];
  } catch {
    return [];
  }
}

const framing = framers();
const trusted = framing.length ? await trustedOrigins() : [];
const refused = framing.some((origin) => !trusted.includes(origin));
// The embedded page (nhung/, marked `data-nhung`) in a trusted frame: the message
// protocol with the framing site (web/static/nhung.js, loaded only there).
if (framing.length && !refused && document.documentElement.hasAttribute("data-nhung")) {
  (await import(new URL("./nhung.js", import.meta.url).href)).start(framing[0]);
} else if (!framing.length) {
  // Opened on its own: the app as usual, its heading shown.
  document.documentElement.removeAttribute("data-nhung");
}
if (refused) {
  document.body.dataset.refused = "framed";
  document.body.textContent =
    "Trang này không cho phép nhúng vào trang khác. Hãy mở trực tiếp. / This page may not be embedded in another site. Open it directly.";
  console.warn(`parindex: embedding by ${framing.join(", ") || "an unknown site"} is not allowed (nhung.json)`);
} else {
  await init();
}

if (!refused && "serviceWorker" in navigator) {
  navigator.serviceWorker.register("./sw.js").catch((err) => {
    console.warn("parindex: offline use unavailable", err);
  });
}
