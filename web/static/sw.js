// The app's service worker (the units' app and, from tham-dinh/, the desk): after the
// first visit every file of the page is kept, so it opens and works with the network
// off. Requests go to the network first (updates arrive), and fall back to the kept copy
// when offline or too slow. Only this origin's files are handled; nothing else is ever
// fetched.
// The framework editor (bo-chi-so/) registers this worker too and puts its own files in
// this store (web/editor/boot.js names it: change both together).
const CACHE = "parindex-app-v1";
const FILES = [
  "./",
  "./index.html",
  "./boot.js",
  "./framing.js",
  "./parindex-app.js",
  "./parindex-app_bg.wasm",
  "./style.css",
  "./manifest.webmanifest",
  "./icon.svg",
];
// Files not every page has: the desk's own styles (tham-dinh/), and what a framed page
// reads before this worker runs (the sites it trusts, the embedded page's protocol), so
// that a trusted frame still starts offline.
const OPTIONAL = ["./desk.css", "./nhung.json", "./nhung.js"];
const NETWORK_TIMEOUT_MS = 4000;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) =>
        cache.addAll(FILES).then(() => Promise.all(OPTIONAL.map((f) => cache.add(f).catch(() => undefined)))),
      )
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

function fromCache(request) {
  return caches.match(request, { ignoreSearch: true }).then((hit) => {
    if (hit) return hit;
    if (request.mode === "navigate") return caches.match("./index.html");
    return Response.error();
  });
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    new Promise((resolve) => {
      let settled = false;
      const fallback = () => {
        if (!settled) {
          settled = true;
          resolve(fromCache(request));
        }
      };
      const timer = setTimeout(fallback, NETWORK_TIMEOUT_MS);
      fetch(request)
        .then((response) => {
          clearTimeout(timer);
          if (response.ok) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put(request, copy));
          }
          if (!settled) {
            settled = true;
            resolve(response.ok ? response : fromCache(request).then((hit) => (hit.type === "error" ? response : hit)));
          }
        })
        .catch(() => {
          clearTimeout(timer);
          fallback();
        });
    }),
  );
});
