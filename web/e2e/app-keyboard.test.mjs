// A PAR officer completes the Trà Cú self-assessment in Vietnamese using only the
// keyboard (focus, typing, space bar), on a blank assessment of the template framework.
// The total shown must equal the CLI's for the exported file, and the CLI's for the
// example's own entries (without the appraiser's entries and bonus).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { artifacts, repo, servedWithBrowser, watchOrigin } from "./browser.mjs";

const bin = process.env.PARINDEX_BIN ?? join(repo, "target/debug/parindex");
const example = JSON.parse(readFileSync(join(repo, "examples/tra-cu-2022.json"), "utf8"));
const env = servedWithBrowser("dist", "/ung-dung/");

const id = (code, field) => `#in-${code.replaceAll(".", "-")}-${field}`;

test("the Trà Cú self-assessment, entered with the keyboard, totals as the CLI says", async () => {
  const context = await env.browser.newContext({ viewport: { width: 1200, height: 900 }, locale: "vi-VN", acceptDownloads: true });
  const page = await context.newPage();
  const outside = watchOrigin(page, env.server.origin);
  page.on("dialog", (d) => d.accept());
  await page.goto(env.server.url);
  await page.waitForSelector("[data-testid=start]");

  // Start: the example's framework (the district template) chosen with the keyboard —
  // the newest is preselected —; unit, year, Enter.
  await page.focus("#fw-mau-xa-2024");
  await page.keyboard.press("ArrowDown");
  assert.equal(await page.isChecked("#fw-mau-huyen-2022"), true);
  await page.focus("[data-testid=new-unit]");
  await page.keyboard.type(example.unit);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Control+A");
  await page.keyboard.type(String(example.year));
  await page.keyboard.press("Enter");
  await page.waitForSelector("[data-testid=tree]");

  const type = async (selector, text) => {
    await page.focus(selector);
    await page.keyboard.type(text);
  };
  const space = async (selector) => {
    await page.focus(selector);
    await page.keyboard.press("Space");
  };
  // Dates are typed as Vietnamese write them, dd/mm/yyyy, whatever the browser's locale.
  const typeDate = async (selector, iso) => {
    const [y, m, d] = iso.split("-");
    await page.focus(selector);
    await page.keyboard.type(`${d}/${m}/${y}`);
    assert.equal(await page.inputValue(selector), `${d}/${m}/${y}`, `date of ${selector}`);
  };

  for (const [code, entry] of Object.entries(example.self)) {
    if (entry.not_applicable) await space(id(code, "na"));
    if (entry.date) await typeDate(id(code, "date"), entry.date);
    if (entry.done === false) await space(id(code, "notdone"));
    for (const field of ["numerator", "denominator", "value"]) {
      if (field in entry) await type(id(code, field), String(entry[field]));
    }
    if (entry.points !== undefined) await type(id(code, "points"), String(entry.points).replace(".", ","));
    for (const key of entry.checked ?? []) await space(id(code, `item-${key}`));
    if (entry.choice) await space(id(code, `opt-${entry.choice}`));
  }
  // The survey is the appraising body's to enter: the unit may only estimate it, and an
  // estimate is neither counted nor exported.
  for (const [code, entry] of Object.entries(example.survey)) {
    await type(id(code, "estimate"), String(entry.percent).replace(".", ","));
  }

  await page.waitForFunction(() => /38\/38/.test(document.querySelector("[data-testid=progress]").textContent));
  // What the unit itself enters: the example without the appraiser's entries, the survey
  // results and the bonus (all belong to the appraisal, not to the unit's form).
  const unitOnly = join(artifacts, "tra-cu-unit-only.json");
  writeFileSync(unitOnly, JSON.stringify({ ...example, appraisal: {}, survey: {}, bonus: [], penalty: [] }, null, 2));
  const expected = spawnSync(bin, ["score", unitOnly, "--format", "json"], { encoding: "utf8" });
  assert.equal(expected.status, 0, expected.stderr);
  const self = JSON.parse(expected.stdout).total;
  const vi = (s) => s.replace(".", ",");
  assert.equal(await page.textContent("[data-testid=total-points]"), vi(self.points));
  assert.equal(await page.textContent("[data-testid=total-index]"), `${vi(self.index)}%`);
  assert.equal(await page.textContent("[data-testid=total-band]"), self.band.vi);

  // Export with the keyboard, then score the file with the CLI.
  await page.focus("[data-testid=export]");
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  const file = join(artifacts, "tra-cu-keyboard.json");
  await download.saveAs(file);
  const cli = spawnSync(bin, ["score", file, "--format", "json"], { encoding: "utf8" });
  assert.equal(cli.status, 0, cli.stderr);
  const card = JSON.parse(cli.stdout);
  assert.equal(card.total.points, self.points);
  assert.equal(card.total.index, self.index);
  assert.equal(card.complete, true);
  assert.deepEqual(outside, []);
  await context.close();
});
