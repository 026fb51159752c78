// The embedding example (web/embed), served as static files under a deep path and
// driven in real Chromium: it shows the Trà Cú total, updates after an input change,
// shows the engine's message for a bad input, and never leaves its origin.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { artifacts, repo, servedWithBrowser, watchOrigin } from "./browser.mjs";

const env = servedWithBrowser("web/embed", "/cong-thong-tin/nhung/chi-so-cchc/");

test("the embed page shows the example's total and follows input changes", async () => {
  const page = await env.browser.newPage({ viewport: { width: 900, height: 1100 } });
  const outside = watchOrigin(page, env.server.origin);
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(env.server.url);
  await page.waitForSelector("body[data-ready=true]");
  const text = (id) => page.textContent(`[data-testid=${id}]`);
  assert.equal(await text("total-points"), "78,28");
  assert.equal(await text("total-max"), "96,5");
  assert.equal(await text("total-index"), "81,12%");
  assert.equal(await text("total-band"), "Tốt / Good");
  assert.equal(await page.locator("[data-testid=fields] li").count(), 8);
  await page.screenshot({ path: join(artifacts, "embed-initial.png"), fullPage: true });

  // All 67,378 commune dossiers on time: 3.3.3 goes from 2 to 3 points.
  await page.fill("[data-testid=in-333-num]", "67378");
  await page.waitForFunction(() => document.querySelector("[data-testid=total-points]").textContent === "79,28");
  assert.equal(await text("total-index"), "82,16%");
  assert.match(await page.textContent("[data-testid=fields] li[data-code='3']"), /17 \/ 18,5/);

  // More on time than settled: the engine's message, naming the field.
  await page.fill("[data-testid=in-333-num]", "70000");
  await page.waitForSelector("[data-testid=error]:not([hidden])");
  assert.match(await text("error"), /self\.3\.3\.3\.numerator: 70\.000 lớn hơn mẫu số 67\.378/);
  await page.screenshot({ path: join(artifacts, "embed-error.png"), fullPage: true });

  assert.deepEqual(outside, [], "requests left the origin");
  assert.deepEqual(errors, []);
  assert.ok(env.server.requests.some((u) => u.endsWith(".wasm")), "the wasm module was served by the page's origin");
  await page.close();
});
