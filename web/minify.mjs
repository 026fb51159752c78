// Trunk post-build hook: minifies the app's JavaScript (the wasm-bindgen glue, the boot
// script and the service worker) with esbuild, in Trunk's staging folder. Trunk's own JS
// minifier gives up on these files; every byte counts on slow rural links.
import { transformSync } from "esbuild";
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("minify.mjs: TRUNK_STAGING_DIR is not set (run by Trunk)");
  process.exit(1);
}
for (const [file, format] of [["parindex-app.js", "esm"], ["boot.js", "esm"], ["sw.js", undefined]]) {
  const path = join(dir, file);
  if (!existsSync(path)) continue;
  const source = readFileSync(path, "utf8");
  const { code } = transformSync(source, { minify: true, format, target: "es2022", legalComments: "none" });
  writeFileSync(path, code);
}
