// Figures for `cargo xtask bench`: the bytes a first visit sends over the wire (every
// answer's body, as Chromium asks for them: brotli) until the example is open and saved
// (the page's files, the example and its framework, the service worker's install), and
// in all once the page says it works offline (also every file it fetches later, kept
// once the visit is idle: the other frameworks, the dossier and TOML modules), and the
// time from navigation to a usable assessment view when the app reloads from the service
// worker's cache with a stored draft. Prints one JSON object. Needs dist/ built.
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "./static-server.mjs";
import { controlledByWorker, launch } from "./browser.mjs";

const repo = join(dirname(fileURLToPath(import.meta.url)), "../..");
const server = await serve(join(repo, "dist"), "/");
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.click("[data-testid=open-example]");
  await page.waitForSelector("[data-testid=tree]");
  await controlledByWorker(page);
  await page.waitForFunction(() => /Đã lưu/.test(document.querySelector("[data-testid=save-state]")?.textContent ?? ""));
  const wire = server.bytesSent();
  await page.waitForFunction(() => /Dùng được khi mất mạng/.test(document.querySelector("[data-testid=offline]")?.textContent ?? ""), null, {
    timeout: 60_000,
  });
  const kept = server.bytesSent();
  const times = [];
  for (let i = 0; i < 7; i++) {
    await page.reload();
    await page.waitForSelector("[data-testid=tree]");
    const t = await page.evaluate(() => performance.getEntriesByName("parindex:usable")[0]?.startTime ?? null);
    if (t !== null) times.push(t);
  }
  times.sort((a, b) => a - b);
  console.log(JSON.stringify({ first_visit_wire_bytes: wire, kept_wire_bytes: kept, reload_usable_ms: Math.round(times[Math.floor(times.length / 2)]), samples: times.length }));
} finally {
  await browser.close();
  await server.close();
}
