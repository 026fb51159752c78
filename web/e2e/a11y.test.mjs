// Accessibility of the app's screens, checked by axe-core (WCAG 2.1 A and AA rules:
// labels, contrast, landmarks, names of controls, …) in Chromium, on the start page, the
// assessment with the Trà Cú example open, an explanation, a bad input, the summary and
// the report; on the desk, appraisal entry and the ranking; the framework editor.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "./static-server.mjs";
import { launch } from "./browser.mjs";

const repo = join(dirname(fileURLToPath(import.meta.url)), "../..");
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
let server, browser, page;

before(async () => {
  server = await serve(join(repo, "dist"), "/");
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  page.on("dialog", (d) => d.accept());
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Runs axe on the page; returns the violations as readable lines. */
async function audit() {
  // Evaluated through the DevTools protocol: the page's CSP (no inline scripts) stays on.
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }),
  );
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
}

test("every screen passes the WCAG A/AA checks", async () => {
  await page.goto(server.url);
  await page.waitForSelector("[data-testid=start]");
  assert.deepEqual(await audit(), [], "start page");

  await page.click("[data-testid=open-example]");
  await page.waitForSelector("[data-testid=tree]");
  await page.click("#leaf-3\\.3\\.2 button.why");
  await page.fill("#in-2-2-2-numerator", "99");
  await page.waitForSelector("#in-2-2-2-numerator-err");
  assert.deepEqual(await audit(), [], "assessment view with an explanation and a bad input");

  await page.click("[data-testid=to-summary]");
  await page.waitForSelector("[data-testid=summary]");
  assert.deepEqual(await audit(), [], "summary");

  await page.click("text=English");
  assert.deepEqual(await audit(), [], "summary in English");
  await page.click("text=Tiếng Việt");

  await page.click("[data-testid=to-report]");
  await page.waitForSelector("[data-testid=report-table]");
  assert.deepEqual(await audit(), [], "report");

  await page.click("[data-testid=to-start]");
  await page.waitForSelector("[data-testid=drafts]");
  assert.deepEqual(await audit(), [], "start page with the drafts on this device");

  // The desk (its own workspace: it opens the file it received): appraisal entry beside
  // the unit's values (a change without its comment), and the ranking.
  await page.goto(server.url + "tham-dinh/");
  await page.click("[data-testid=open-example]");
  await page.waitForSelector("[data-testid=tree]");
  await page.click("[data-testid=mode-appraiser]");
  await page.check("#in-4-1-1-opt-sai");
  await page.waitForSelector("#in-4-1-1-comment-err");
  await page.fill("#penalty-0-points", "1").catch(async () => {
    await page.click("[data-testid=penalty] button.small");
    await page.fill("#penalty-0-points", "1");
  });
  assert.deepEqual(await audit(), [], "appraisal entry");
  await page.click("[data-testid=to-rank]");
  await page.setInputFiles("[data-testid=rank-files]", join(repo, "examples/tra-cu-2022.json"));
  await page.waitForSelector("[data-testid=rank-table]");
  assert.deepEqual(await audit(), [], "ranking");

  // The framework editor with a table read (findings, every rule form, the checks).
  await page.goto(server.url + "bo-chi-so/");
  await page.waitForSelector("[data-testid=intake]");
  await page.setInputFiles("[data-testid=open]", join(repo, "tests/annex/xa-2025.csv"));
  await page.waitForSelector("[data-testid=criteria]");
  await page.fill('[data-testid="max-1.1.1"]', "3");
  await page.waitForSelector("[data-testid=invalid]");
  assert.deepEqual(await audit(), [], "framework editor");

  // The audit does see problems: an input without a label is reported.
  await page.evaluate(() => document.querySelector("main").append(document.createElement("input")));
  assert.ok((await audit()).some((v) => v.startsWith("label ")), "axe must report an unlabelled input");
});
