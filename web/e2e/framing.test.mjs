// Framing (docs/embedding.md), in Chromium with the host page on another origin (another
// port): the app as shipped trusts no site — a host that sends `frame-ancestors` (as
// `cargo xtask serve` does) stops the frame, and where the host sends nothing the page
// itself refuses to run; a site listed in `nhung.json` beside the app embeds it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { serve } from "./static-server.mjs";
import { artifacts, launch, repo } from "./browser.mjs";

const dist = join(repo, "dist");
let browser;
const servers = [];
let hosts = 0;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
});

async function started(...args) {
  const s = await serve(...args);
  servers.push(s);
  return s;
}

/** A host site of its own origin; `frame(url)` writes its page framing `url`. */
async function host() {
  const dir = join(artifacts, `framing-host-${hosts++}`);
  mkdirSync(dir, { recursive: true });
  const server = await started(dir, "/");
  const frame = (url) =>
    writeFileSync(join(dir, "index.html"), `<!doctype html><title>Cổng thông tin</title><iframe src="${url}" title="parindex" width="420" height="700"></iframe>`);
  return { server, frame };
}

/** Opens the host page; returns it with the frame's page (`null` if none loaded). */
async function visit(h) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(h.server.url);
  const frame = await (await page.waitForSelector("iframe")).contentFrame();
  return { context, page, frame };
}

test("as shipped no site may frame the app: the host's header stops it, else the page (the app's, the editor's) refuses", async () => {
  // A host set up as docs/embedding.md says (frame-ancestors from nhung.json).
  const app = await started(dist, "/", 0, { frameAncestors: true });
  const h = await host();
  h.frame(app.url);
  const first = await visit(h);
  await first.page.waitForTimeout(2000);
  assert.ok(app.requests.includes("/"), "the page was asked for");
  // Chromium shows its error page instead: no app, no script of the app ran.
  assert.equal(await first.frame.$("[data-testid=start]"), null);
  assert.ok(!app.requests.some((r) => r.endsWith("boot.js")), `no script loaded: ${app.requests}`);
  await first.context.close();

  // A static host that sends no header: the page itself refuses, and says so.
  const plain = await started(dist, "/");
  const h2 = await host();
  h2.frame(plain.url);
  const second = await visit(h2);
  await second.frame.waitForSelector("body[data-refused=framed]");
  assert.match(await second.frame.textContent("body"), /không cho phép nhúng/);
  assert.equal(await second.frame.$("[data-testid=start]"), null);
  assert.ok(!plain.requests.some((r) => r.includes("parindex-app_bg.wasm")), "the app was not even loaded");
  await second.context.close();

  // The framework editor checks for itself too.
  const h3 = await host();
  h3.frame(`${plain.url}bo-chi-so/`);
  const third = await visit(h3);
  await third.frame.waitForSelector("body[data-refused=framed]");
  assert.ok(!plain.requests.some((r) => r.includes("parindex-editor_bg.wasm")), "the editor was not even loaded");
  await third.context.close();
});

test("a site listed in nhung.json embeds the app", async () => {
  const h = await host();
  const trusted = JSON.stringify({ trusted_origins: [h.server.origin] });
  const app = await started(dist, "/", 0, { frameAncestors: true, files: { "nhung.json": trusted } });
  h.frame(app.url);
  const { context, frame } = await visit(h);
  await frame.waitForSelector("[data-testid=start]");
  await context.close();
});
