// A minimal static file server for the browser tests: serves one folder under a URL
// prefix (to prove pages work from any path), on 127.0.0.1 with a random port, and
// records every request it serves. It can be taken down (`setDown(true)`): every
// request then fails at the network level, as with no connection at all, and is recorded
// in `refused` — the browser's own offline switch does not stop a service worker's
// requests in every Chromium. Like a static host configured for it, it sends the
// precompressed copy (`FILE.br`, `FILE.gz`, written by `cargo xtask`) when the browser
// accepts it, so the tests run on the very bytes a host would serve, and, as static hosts
// do, an ETag (size and time of the file sent), answering "304 Not Modified" to a request
// that already holds it. `responses` records each answer's path, status and body bytes,
// `bytesSent()` their sum. `setSlow(ms)` holds every answer that long, as a weak
// connection does.
// Options: `frameAncestors` — send `Content-Security-Policy: frame-ancestors 'self' …`
// with every page, the origins being those of the `nhung.json` beside it, as a host set
// up for embedding does (docs/embedding.md; `cargo xtask serve` does); `files` — bodies
// served in place of files (`{ "nhung.json": "…" }`, by path under the prefix).
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { join, normalize, extname, dirname } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".toml": "text/plain; charset=utf-8",
};

/** `frame-ancestors` for a page: `'self'` and the origins its `nhung.json` trusts. */
async function frameAncestors(page, files, rel) {
  const beside = join(dirname(rel), "nhung.json");
  const text = files[beside] ?? (await readFile(join(dirname(page), "nhung.json"), "utf8").catch(() => "{}"));
  let list = [];
  try {
    list = JSON.parse(text).trusted_origins ?? [];
  } catch {}
  return ["frame-ancestors", "'self'", ...list.filter((o) => /^https?:\/\/[^\s;,']+$/.test(o))].join(" ");
}

export async function serve(root, prefix = "/", port = 0, options = {}) {
  const files = options.files ?? {};
  const requests = [];
  const responses = [];
  const refused = [];
  let down = false;
  let slowMs = 0;
  const server = createServer(async (req, res) => {
    if (down) {
      refused.push(req.url);
      req.socket.destroy();
      return;
    }
    requests.push(req.url);
    if (slowMs) await new Promise((r) => setTimeout(r, slowMs));
    const url = new URL(req.url, "http://localhost");
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404).end();
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(prefix.length));
    if (rel === "" || rel.endsWith("/")) rel += "index.html";
    const file = normalize(join(root, rel));
    if (!file.startsWith(normalize(root))) {
      res.writeHead(403).end();
      return;
    }
    if (rel in files) {
      res.writeHead(200, { "content-type": TYPES[extname(rel)] ?? "application/octet-stream", "cache-control": "no-cache" });
      res.end(files[rel]);
      return;
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error("not a file");
      const accepts = String(req.headers["accept-encoding"] ?? "");
      const headers = { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-cache", vary: "accept-encoding" };
      let sent = file;
      for (const [encoding, ext] of [["br", ".br"], ["gzip", ".gz"]]) {
        if (sent === file && accepts.includes(encoding) && (await stat(file + ext).catch(() => null))) {
          sent = file + ext;
          headers["content-encoding"] = encoding;
        }
      }
      const { size, mtimeMs } = await stat(sent);
      headers.etag = `"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}-${headers["content-encoding"] ?? "identity"}"`;
      if (options.frameAncestors && extname(file) === ".html") {
        headers["content-security-policy"] = await frameAncestors(file, files, rel);
      }
      const held = String(req.headers["if-none-match"] ?? "").split(",").map((t) => t.trim());
      if (held.includes(headers.etag)) {
        responses.push({ path: url.pathname, status: 304, bytes: 0 });
        res.writeHead(304, headers).end();
        return;
      }
      const body = await readFile(sent);
      responses.push({ path: url.pathname, status: 200, bytes: body.length });
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: bound } = server.address();
  return {
    origin: `http://127.0.0.1:${bound}`,
    url: `http://127.0.0.1:${bound}${prefix}`,
    requests,
    responses,
    bytesSent: () => responses.reduce((sum, r) => sum + r.bytes, 0),
    refused,
    setDown: (on) => {
      down = on;
      // Open keep-alive connections would still be served.
      if (on) server.closeAllConnections();
    },
    setSlow: (ms) => {
      slowMs = ms;
    },
    close: () => new Promise((r) => server.close(r)),
  };
}
