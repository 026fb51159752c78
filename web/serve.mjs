// `cargo xtask serve`: serves the built pages (dist/: the app, the appraising body's desk
// under tham-dinh/, the embedded app under nhung/) on 127.0.0.1 until stopped. Usage: node web/serve.mjs DIR PORT
import { resolve } from "node:path";
import { serve } from "./e2e/static-server.mjs";

const [dir = "dist", port = "8080"] = process.argv.slice(2);
// As a host set up for embedding: pages may be framed only by the origins their
// nhung.json trusts (docs/embedding.md).
const server = await serve(resolve(dir), "/", Number(port), { frameAncestors: true });
console.log(`parindex: ${server.url} (tham-dinh/ for the desk, nhung/ for trusted sites' frames); Ctrl+C stops`);
