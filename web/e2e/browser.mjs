// Launches Debian's Chromium through playwright-core, headless and without any traffic
// of its own (no background networking, no component updates), as these machines need.
import { chromium } from "playwright-core";
import { before, after } from "node:test";
import { mkdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "./static-server.mjs";

/** The repository, and the folder where tests leave screenshots and files. */
export const repo = join(dirname(fileURLToPath(import.meta.url)), "../..");
export const artifacts = join(repo, "target/artifacts");

export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

/** The flags every Chromium run here needs (root, no GPU, no traffic of its own). */
export const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

/** A browser keeping its profile (storage included) in `dir`, as a person's browser does. */
export function launchPersistent(dir, options = {}) {
  return chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, args: FLAGS, ...options });
}

/**
 * A new browser context and page set up as a person's (1200×1000, Vietnamese,
 * downloads allowed, dialogs accepted). Requests leaving `origin` and script errors are
 * added to `outside` and `pageErrors`.
 */
export async function newPage(browser, origin, outside, pageErrors) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 1000 }, acceptDownloads: true, locale: "vi-VN" });
  const page = await context.newPage();
  watchOrigin(page, origin, outside);
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  page.on("dialog", (d) => d.accept());
  return { context, page };
}

/** Records every request the page makes that leaves `origin` (into `outside`). */
export function watchOrigin(page, origin, outside = []) {
  page.on("request", (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:")) outside.push(url);
  });
  return outside;
}

/**
 * For the tests of one file: serves the folder `dir` of the repository under the path
 * `base` and launches Chromium before the first test, and closes both after the last.
 * Returns `{ server, browser }`, filled in before the tests run.
 */
export function servedWithBrowser(dir, base) {
  const env = {};
  before(async () => {
    mkdirSync(artifacts, { recursive: true });
    env.server = await serve(join(repo, dir), base);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/**
 * On the start page: opens the framework file at `path` (its `id@edition` shown as
 * `#fw-ID-EDITION`, given as `listed`), chooses it, and begins an assessment of `unit`
 * for `year`; returns once the criteria tree is shown.
 */
export async function beginWithFramework(page, path, listed, unit, year) {
  await page.setInputFiles("[data-testid=open-framework]", path);
  await page.waitForSelector(listed);
  await page.check(listed);
  await page.fill("[data-testid=new-unit]", unit);
  await page.fill("[data-testid=new-year]", year);
  await page.click("[data-testid=begin]");
  await page.waitForSelector("[data-testid=tree]");
}

/**
 * The drafts the app keeps in IndexedDB (database `parindex`, store `drafts`), each as
 * its record `{ id, workspace, deleted, text }` with the envelope read (`envelope`, or
 * `null` when it cannot be). Never creates the database when the app has not yet.
 */
export function storedDrafts(page) {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes("parindex")) return [];
    return new Promise((resolve, reject) => {
      const open = indexedDB.open("parindex");
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const req = db.transaction("drafts").objectStore("drafts").getAll();
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          db.close();
          resolve(
            req.result.map((raw) => {
              const record = JSON.parse(raw);
              let envelope = null;
              try {
                envelope = JSON.parse(record.text);
              } catch {}
              return { ...record, envelope };
            }),
          );
        };
      };
    });
  });
}

/**
 * Polls `check(drafts)` on the stored drafts until it is true (15 s: the browser tests
 * share two cores), else fails with them.
 */
export async function waitForDrafts(page, check, what = "the stored drafts") {
  let drafts = [];
  for (let i = 0; i < 150; i++) {
    drafts = await storedDrafts(page);
    if (check(drafts)) return drafts;
    await page.waitForTimeout(100);
  }
  throw new Error(`${what}: not as expected after 15 s: ${JSON.stringify(drafts.map((d) => ({ id: d.id, workspace: d.workspace, deleted: d.deleted, unit: d.envelope?.assessment?.unit })))}`);
}

/**
 * Offline (`on`) or back online, for real: the browser context's offline switch and the
 * test server taken down, so no request of the page or of its service worker is served.
 */
export async function setOffline(context, server, on) {
  server.setDown(on);
  await context.setOffline(on);
}

/** Waits until the app's service worker controls the page (it keeps the files offline). */
export function controlledByWorker(page) {
  return page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r, { once: true }));
    }
  });
}
