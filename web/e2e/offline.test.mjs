// A first visit, then no network, in Chromium, as a commune's PAR officer would meet it:
// the top bar says "not ready for offline use" until every file the app may need later
// is kept (the built-in frameworks, the example, the dossier and TOML modules), then
// "works offline"; with the network off, the framework file the Sở Nội vụ sent opens, an
// assessment of it starts, a document is attached and the dossier exported — nothing of
// it asked of the server. The same on the desk (tham-dinh/). Served from an address
// without https://, where browsers run no service worker, it says it cannot keep itself.
// Screenshots go to target/artifacts/ (offline-*.png).
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { artifacts, beginWithFramework, CHROMIUM, FLAGS, newPage, repo, servedWithBrowser, setOffline } from "./browser.mjs";

const work = join(artifacts, "offline-files");
const env = servedWithBrowser("dist", "/");
const outside = [];
const pageErrors = [];

// What a page fetches only when it needs it, each kept once a first visit is idle.
const LATER = [
  "frameworks/mau-huyen-2022.json",
  "frameworks/mau-xa-2024.json",
  "tra-cu-2022.json",
  "dossier.js",
  "parindex-zip.js",
  "parindex-zip_bg.wasm",
  "parindex-toml.js",
  "parindex-toml_bg.wasm",
];

before(() => mkdirSync(work, { recursive: true }));

/** The top bar's word on offline use, once the app has said one. */
async function offlineState(page) {
  const said = page.locator("[data-testid=offline]");
  await said.waitFor();
  return said.textContent();
}

/** Waits (a first visit on this machine takes seconds) until the app says it works offline. */
async function readyOffline(page) {
  await page.waitForFunction(() => /Dùng được khi mất mạng/.test(document.querySelector("[data-testid=offline]")?.textContent ?? ""), null, {
    timeout: 60_000,
  });
}

test("a first visit says when the app works offline; then, offline, a framework file opens and a dossier is exported", async () => {
  const { server, browser } = env;
  const { context, page } = await newPage(browser, server.origin, outside, pageErrors);
  try {
    const from = server.responses.length;
    await page.goto(server.url);
    await page.waitForSelector("[data-testid=start]");
    // Nothing is kept yet on a first visit: said at once.
    assert.match(await offlineState(page), /Chưa dùng được khi mất mạng: hãy để trang mở khi có mạng/);
    await readyOffline(page);
    assert.match(await offlineState(page), /✓ Dùng được khi mất mạng/);
    // The guide of the start page points to it.
    await page.click("[data-testid=guide] summary");
    assert.match(await page.textContent("[data-testid=guide]"), /dùng được khi mất mạng \(dòng trên cùng báo khi máy đã sẵn sàng\)/);
    const served = server.responses.slice(from).filter((r) => r.status === 200).map((r) => r.path);
    for (const file of LATER) assert.ok(served.includes(`/${file}`), `${file} was fetched to be kept: ${served.join(" ")}`);
    await page.setViewportSize({ width: 360, height: 740 });
    await page.screenshot({ path: join(artifacts, "offline-ready-360.png") });
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, "no sideways scroll at 360 px");
    await page.click("button:has-text('English')");
    assert.equal(await offlineState(page), "✓ Works offline");
    await page.click("button:has-text('Tiếng Việt')");
    await page.setViewportSize({ width: 1200, height: 1000 });
    // A reload that bypasses the service worker (a hard reload): the page is not its
    // client, but the worker still serves the next opening from what it keeps.
    const devtools = await context.newCDPSession(page);
    await Promise.all([page.waitForEvent("load"), devtools.send("Page.reload", { ignoreCache: true })]);
    await page.waitForSelector("[data-testid=start]");
    assert.equal(await page.evaluate(() => navigator.serviceWorker.controller), null, "a hard reload is not the worker's");
    assert.match(await offlineState(page), /✓ Dùng được khi mất mạng/);
    await devtools.detach();

    // No network from here on: the server down and the browser offline.
    const requests = server.requests.length;
    await setOffline(context, server, true);
    try {
      await page.reload();
      await page.waitForSelector("[data-testid=start]");
      // What is kept is known at once.
      assert.match(await offlineState(page), /✓ Dùng được khi mất mạng/);
      // The framework file the Sở Nội vụ sent: its own edition of the commune template.
      const toml = readFileSync(join(repo, "frameworks/mau-xa-2024.toml"), "utf8").replace('edition = "2024"', 'edition = "2026"');
      const tomlPath = join(work, "mau-xa-2026.toml");
      writeFileSync(tomlPath, toml);
      await beginWithFramework(page, tomlPath, "#fw-mau-xa-2026", "UBND xã Ngoại Tuyến", "2026");
      assert.match(await page.textContent("[data-testid=unit]"), /UBND xã Ngoại Tuyến — 2026/);
      // A document attached and the dossier exported: the archive module runs offline.
      const attach = page.locator('[data-testid="attach-1.1.1"]');
      await attach.setInputFiles([{ name: "ke-hoach.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") }]);
      await page.waitForSelector("[data-testid=doc-view], [data-testid=doc-download]");
      const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid=export-zip]")]);
      const zip = join(work, "offline.zip");
      await download.saveAs(zip);
      assert.equal(download.suggestedFilename(), "ubnd-xa-ngoai-tuyen-2026.zip");
      const bytes = readFileSync(zip);
      assert.equal(bytes.subarray(0, 4).toString("latin1"), "PK\u0003\u0004", "a .zip");
      assert.ok(bytes.includes(Buffer.from("ke-hoach.pdf")), "the document is in the dossier");
      await page.screenshot({ path: join(artifacts, "offline-dossier.png") });
    } finally {
      await setOffline(context, server, false);
    }
    assert.equal(server.requests.length, requests, "nothing was asked of the server while offline");
  } finally {
    await context.close();
  }
});

test("the desk says it too, and works offline after one visit", async () => {
  const { server, browser } = env;
  const { context, page } = await newPage(browser, server.origin, outside, pageErrors);
  try {
    await page.goto(server.url + "tham-dinh/");
    await page.waitForSelector("[data-testid=start]");
    await readyOffline(page);
    await setOffline(context, server, true);
    try {
      await page.reload();
      await page.waitForSelector("[data-testid=start]");
      assert.match(await offlineState(page), /✓ Dùng được khi mất mạng/);
      // Ranking needs the built-in framework the files name: kept.
      await page.click("[data-testid=open-rank]");
      await page.setInputFiles("[data-testid=rank-files]", join(repo, "examples/tra-cu-2022.json"));
      await page.waitForSelector("[data-testid=rank-table]");
    } finally {
      await setOffline(context, server, false);
    }
  } finally {
    await context.close();
  }
});

test("served without https:// (an office's intranet address), the app works and says it cannot keep itself offline", async () => {
  const { server } = env;
  // A name for this machine that is not localhost: the page is not a secure context, so
  // the browser runs no service worker for it.
  const intranet = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...FLAGS, "--host-resolver-rules=MAP cchc.intranet 127.0.0.1"],
  });
  try {
    const page = await intranet.newPage({ locale: "vi-VN" });
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(server.url.replace("127.0.0.1", "cchc.intranet"));
    await page.waitForSelector("[data-testid=start]");
    assert.equal(await page.evaluate(() => window.isSecureContext), false);
    assert.match(await offlineState(page), /Trình duyệt không lưu được trang này để dùng khi mất mạng \(cần địa chỉ https:\/\//);
    await page.click("[data-testid=open-example]");
    await page.waitForSelector("[data-testid=tree]");
    assert.deepEqual(errors, []);
  } finally {
    await intranet.close();
  }
});

test("nothing left the origin and no script error happened", () => {
  // The PDF viewer's own pages are the browser's, not requests.
  assert.deepEqual(outside.filter((u) => !/^chrome(-extension)?:\/\//.test(u)), []);
  assert.deepEqual(pageErrors, []);
});
