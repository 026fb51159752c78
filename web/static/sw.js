// The app's service worker (the units' app and, from tham-dinh/ and nhung/, the desk and
// the embedded app; the framework editor registers the root one): after the first visit
// every file of the page is kept, so it opens at once and works with the network off or
// weak. Only this origin's files are handled; nothing else is ever fetched.
//
// Files are served from the kept copy first: a commune office on a weak connection must
// not wait for the network to open what it already has. A new build arrives as a new
// worker — `cargo xtask` writes the build's VERSION below, so this file changes with
// every build and the browser installs it in the background. Installing asks the server
// for every file again (the page's own, and every file kept before: frameworks, the
// example, the dossier module, the editor's files) into a staging store; only when all of
// the page's files arrived does it activate and move them into the kept store in one
// step, so a page never mixes files of two builds. The next opening uses the new build.
// Those requests are revalidated, not blind reloads: a file the browser already holds
// from this visit and the server still has unchanged (same ETag or Last-Modified, which
// static hosts send) comes back as "304 Not Modified", so a first visit on a weak
// connection downloads each file once, not twice.
//
// Without a stamped VERSION (`trunk serve`, or a build not made by xtask) the network is
// asked first, so a developer always sees the files just built.
// The framework editor (bo-chi-so/) puts its own files in the kept store too, and a
// page what it fetches later (web/editor/boot.js and web/static/boot.js name the store:
// change them together).
// xtask replaces every "dev-unstamped" in this file (the minifier may copy it).
const VERSION = "dev-unstamped";
const DEV = !/^[0-9a-f]{16}$/.test(VERSION);
const CACHE = "parindex-app-v1";
// One staging store per worker and build (the root's and tham-dinh/'s install side by side).
const STAGING = `parindex-staging-${VERSION} ${self.registration.scope}`;
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
// The deployment's own settings, edited on the server after a build (the sites that may
// frame the app): asked of the network first, like every file while developing.
const SETTINGS = ["nhung.json"];
// How long the network may take before the kept copy is used instead.
const NETWORK_TIMEOUT_MS = 4000;

const fresh = (url) => new Request(url, { cache: "no-cache" });

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const staging = await caches.open(STAGING);
      // The page's own files: all of them, or the install fails and the build in use
      // stays (the browser tries again on a later visit).
      await staging.addAll(FILES.map(fresh));
      // Everything else kept under this worker's scope, and the optional files: each
      // refreshed when it can be (a file gone from the new build is dropped).
      const scope = self.registration.scope;
      const own = new Set(FILES.map((f) => new URL(f, scope).href));
      const kept = await (await caches.open(CACHE)).keys();
      const others = [
        ...OPTIONAL.map((f) => new URL(f, scope).href),
        ...kept.map((r) => r.url).filter((u) => u.startsWith(scope) && !own.has(u)),
      ];
      await Promise.all(
        [...new Set(others)].map((url) =>
          fetch(fresh(url))
            .then((response) => (response.ok ? staging.put(url, response) : undefined))
            .catch(() => undefined),
        ),
      );
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      // Requests wait for this: the move from staging is complete before any is served.
      if (await caches.has(STAGING)) {
        const [staging, cache] = await Promise.all([caches.open(STAGING), caches.open(CACHE)]);
        for (const request of await staging.keys()) {
          await cache.put(request, await staging.match(request));
        }
        await caches.delete(STAGING);
      }
      // Stores of earlier workers' names, and this worker's staging stores of builds
      // whose install never finished (another worker's may be in use).
      const scope = ` ${self.registration.scope}`;
      const stale = (n) => (n.startsWith("parindex-staging-") ? n.endsWith(scope) : n !== CACHE);
      await Promise.all((await caches.keys()).filter(stale).map((n) => caches.delete(n)));
      await self.clients.claim();
    })(),
  );
});

function fromCache(request) {
  return caches.match(request, { ignoreSearch: true, cacheName: CACHE }).then((hit) => {
    if (hit) return hit;
    if (request.mode === "navigate") return caches.match("./index.html", { cacheName: CACHE });
    return undefined;
  });
}

// A file not kept yet (a framework opened for the first time, the dossier module…):
// from the network, and kept for next time.
function fromNetwork(request) {
  return fetch(request).then((response) => {
    if (response.ok) {
      const copy = response.clone();
      caches.open(CACHE).then((cache) => cache.put(request, copy));
    }
    return response;
  });
}

// Developing, and the deployment's settings: the network first, the kept copy when it
// fails or is slow.
function networkFirst(request) {
  return new Promise((resolve) => {
    let settled = false;
    const fallback = () => {
      if (!settled) {
        settled = true;
        resolve(fromCache(request).then((hit) => hit ?? Response.error()));
      }
    };
    const timer = setTimeout(fallback, NETWORK_TIMEOUT_MS);
    fromNetwork(request)
      .then((response) => {
        clearTimeout(timer);
        if (!settled) {
          settled = true;
          resolve(response.ok ? response : fromCache(request).then((hit) => hit ?? response));
        }
      })
      .catch(() => {
        clearTimeout(timer);
        fallback();
      });
  });
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  const name = new URL(request.url).pathname.split("/").pop();
  if (DEV || SETTINGS.includes(name)) {
    event.respondWith(networkFirst(request));
    return;
  }
  event.respondWith(
    fromCache(request).then((hit) => hit ?? fromNetwork(request).catch(() => Response.error())),
  );
});
