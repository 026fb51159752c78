// Trunk post-build hook: minifies the JavaScript Trunk wrote (the wasm-bindgen glue, the
// boot script, the service worker) with esbuild, in Trunk's staging folder. Also used by
// benches/floor, so the size floor is built the same way. Trunk's own JS
// minifier gives up on these files; every byte counts on slow rural links.
import { transformSync } from "esbuild";
import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("minify.mjs: TRUNK_STAGING_DIR is not set (run by Trunk)");
  process.exit(1);
}
// Every script Trunk wrote; the service worker is a classic script, the others modules.
for (const file of readdirSync(dir).filter((f) => f.endsWith(".js"))) {
  const path = join(dir, file);
  const format = file === "sw.js" ? undefined : "esm";
  const source = readFileSync(path, "utf8");
  const { code } = transformSync(source, { minify: true, format, target: "es2022", legalComments: "none" });
  writeFileSync(path, code);
}
