// What a page says while its wasm loads, on a slow or broken connection (the notice in
// index.html and bo-chi-so.html, framing.js `start`), in Chromium: a first visit shows
// "Đang tải…" after 0.4 s, after a few seconds why it takes long, and the app replaces it;
// a download that fails halfway says so with "Thử lại", which loads the app once the
// connection is back; and the service worker keeps what the visit downloaded without
// downloading it again.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { controlledByWorker, newPage, repo, servedWithBrowser } from "./browser.mjs";
import { serve } from "./static-server.mjs";

const env = servedWithBrowser("dist", "/");

/** Holds every request for `pattern` until `release()` is called. */
async function held(page, pattern) {
  let release;
  const gate = new Promise((resolve) => (release = resolve));
  await page.route(pattern, async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

/**
 * Runs `visit(page)` in a new person's browser context on `server` (the file's own by
 * default), then checks that no script failed and no request left the origin.
 */
async function asPerson(visit, server = env.server) {
  const outside = [], pageErrors = [];
  const { context, page } = await newPage(env.browser, server.url, outside, pageErrors);
  try {
    await visit(page);
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(outside, []);
  } finally {
    await context.close();
  }
}

/**
 * Opens `path` with its wasm (`wasm`) unreachable: the page says so (`said`) as an alert,
 * no longer "loading"; once the connection is back, "Thử lại" loads it and `ready`
 * appears in place of the notice.
 */
async function failsThenRetries(page, { path, wasm, said, ready }) {
  await page.route(wasm, (route) => route.abort("internetdisconnected"));
  await page.goto(`${env.server.url}${path}`);
  const failed = page.locator("#booting .boot-failed");
  await failed.waitFor({ state: "visible" });
  assert.equal(await failed.getAttribute("role"), "alert");
  assert.match(await failed.innerText(), said);
  assert.equal(await page.locator("#booting .loading").isVisible(), false, "no longer 'loading'");
  assert.equal(await page.locator(ready).count(), 0);
  // The connection is back: the button loads the page again, and it starts.
  await page.unroute(wasm);
  await failed.getByRole("button", { name: /Thử lại/ }).click();
  await page.waitForSelector(ready);
  assert.equal(await page.locator("#booting").count(), 0);
}

test("a slow first visit: the page says it loads, then why it is slow, then the app replaces it", () =>
  asPerson(async (page) => {
    const release = await held(page, "**/parindex-app_bg.wasm");
    // When the notice is first seen, from the start of the navigation.
    await page.addInitScript(() => {
      const look = () => {
        const el = document.querySelector("#booting .loading");
        if (el?.checkVisibility({ visibilityProperty: true })) globalThis.noticeSeenAt = performance.now();
        else requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    await page.goto(env.server.url);
    const notice = page.locator("#booting");
    await notice.locator(".loading").waitFor({ state: "visible" });
    // Not before 0.4 s: a reload from the kept files (faster) does not flash it.
    const seenAt = await page.evaluate(() => globalThis.noticeSeenAt);
    assert.ok(seenAt >= 400, `the notice was seen ${seenAt} ms after the navigation began`);
    assert.match(await notice.innerText(), /Đang tải ứng dụng/);
    assert.equal(await notice.locator(".slow-note").isVisible(), false, "no excuse before it is slow");
    // Still loading after a few seconds: why the first visit takes long.
    await notice.locator(".slow-note").waitFor({ state: "visible", timeout: 6000 });
    assert.match(await notice.innerText(), /từ lần sau ứng dụng mở ngay, kể cả khi không có mạng/);
    assert.equal(await notice.locator(".boot-failed").isVisible(), false);
    release();
    await page.waitForSelector("[data-testid=start]");
    assert.equal(await page.locator("#booting").count(), 0, "the app replaced the notice");
  }));

test("a download that fails says what to do, and 'Thử lại' loads the app once the connection is back", () =>
  asPerson((page) =>
    failsThenRetries(page, { path: "", wasm: "**/parindex-app_bg.wasm", said: /Không tải được ứng dụng/, ready: "[data-testid=start]" }),
  ));

test("the framework editor's page says the same while it loads and when it fails", () =>
  asPerson((page) =>
    failsThenRetries(page, { path: "bo-chi-so/", wasm: "**/parindex-editor_bg.wasm", said: /Không tải được trang/, ready: "[data-testid=intake]" }),
  ));

test("a first visit downloads each file once: the service worker keeps what the page fetched (revalidated, 304)", async () => {
  // A server of its own: every answer it gives is this visit's.
  const server = await serve(join(repo, "dist"), "/");
  try {
    await asPerson(async (page) => {
      await page.goto(server.url);
      await page.waitForSelector("[data-testid=start]");
      await controlledByWorker(page);
      const of = (path) => server.responses.filter((r) => r.path === path);
      const bytes = server.bytesSent();
      console.log(`FIRST_VISIT_BYTES ${bytes} (${server.responses.length} answers, ${server.responses.filter((r) => r.status === 304).length} of them 304)`);
      const wasm = of("/parindex-app_bg.wasm");
      assert.deepEqual(wasm.map((r) => r.status), [200, 304], "the page's download, then the worker's revalidation");
      // No file at all is downloaded twice.
      const twice = [...new Set(server.responses.map((r) => r.path))].filter((path) => of(path).filter((r) => r.status === 200).length > 1);
      assert.deepEqual(twice, [], "downloaded twice");
      assert.ok(bytes < 2 * wasm[0].bytes, `the first visit sent ${bytes} bytes, less than the app's wasm twice`);
      // Offline the next time, from the kept copies.
      server.setDown(true);
      await page.reload();
      await page.waitForSelector("[data-testid=start]");
    }, server);
  } finally {
    await server.close();
  }
});
