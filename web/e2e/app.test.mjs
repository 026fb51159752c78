// The self-assessment app (dist/, built by `trunk build --release`) driven end to end in
// Chromium, as a PAR officer would use it: keyboard, Vietnamese, reload, offline, import,
// export — and the total shown must equal `parindex score` of the exported file.
// Screenshots of the main screens are written to target/artifacts/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "./static-server.mjs";
import { controlledByWorker, launch, newPage, setOffline, waitForDrafts } from "./browser.mjs";

const repo = join(dirname(fileURLToPath(import.meta.url)), "../..");
const artifacts = join(repo, "target/artifacts");
const bin = process.env.PARINDEX_BIN ?? join(repo, "target/debug/parindex");
let server, browser, context, page;
// Files served in place of dist/'s (a new build arriving).
const overrides = {};
const outside = [];
const pageErrors = [];

const text = (id) => page.textContent(`[data-testid="${id}"]`);
const vi = (s) => s.replace(".", ",");
const shot = (name) => page.screenshot({ path: join(artifacts, `app-${name}.png`), fullPage: false });

before(async () => {
  mkdirSync(artifacts, { recursive: true });
  server = await serve(join(repo, "dist"), "/", 0, { files: overrides });
  browser = await launch();
  ({ context, page } = await newPage(browser, server.origin, outside, pageErrors));
});

after(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

async function waitSaved() {
  await page.waitForFunction(() => /Đã lưu|Saved/.test(document.querySelector("[data-testid=save-state]")?.textContent ?? ""));
}

test("start with the keyboard, fill leaves of every kind, export: the total equals the CLI's", async () => {
  await page.goto(server.url);
  await page.waitForSelector("[data-testid=start]");
  await shot("start");
  // The guide: the steps of a year, folded until asked for.
  await page.click("[data-testid=guide] summary");
  assert.match(await text("guide"), /trên 70 thay vì 100/);
  assert.match(await text("guide"), /Xuất hồ sơ \(\.zip\)/);

  // The newest framework is chosen first (the commune template: no districts since 2025).
  assert.equal(await page.isChecked("#fw-mau-xa-2024"), true);
  // Keyboard only: Tab to the frameworks, the arrow to the district one, Tab to the unit
  // field, type, Tab to the year, type, Enter.
  for (let i = 0; i < 40; i++) {
    if (await page.evaluate(() => document.activeElement?.name === "framework")) break;
    await page.keyboard.press("Tab");
  }
  await page.keyboard.press("ArrowDown");
  assert.equal(await page.isChecked("#fw-mau-huyen-2022"), true);
  for (let i = 0; i < 40; i++) {
    if (await page.evaluate(() => document.activeElement?.dataset?.testid === "new-unit")) break;
    await page.keyboard.press("Tab");
  }
  assert.equal(await page.evaluate(() => document.activeElement?.dataset?.testid), "new-unit");
  await page.keyboard.type("UBND huyện Thử Nghiệm");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("2022");
  await page.keyboard.press("Enter");
  await page.waitForSelector("[data-testid=tree]");
  assert.equal(await text("unit"), "UBND huyện Thử Nghiệm — 2022");
  assert.match(await text("progress"), /0\/38/);

  // deadline
  await page.fill("#in-1-1-1-date", "2022-01-20");
  // ratio, typed with the keyboard
  await page.focus("#in-1-1-2-numerator");
  await page.keyboard.type("28");
  await page.keyboard.press("Tab");
  await page.keyboard.type("30");
  assert.equal(await text("pct-1.1.2"), "93,33%");
  // checklist, toggled with the space bar
  await page.focus("#in-1-2-1-item-quy1");
  await page.keyboard.press("Space");
  await page.check("#in-1-2-1-item-nam");
  // manual, with a decimal comma
  await page.fill("#in-1-5-1-points", "0,75");
  // choice
  await page.check("#in-3-4-1-opt-" + (await page.getAttribute("#leaf-3\\.4\\.1 input[type=radio]", "id")).split("-opt-")[1]);
  // count
  await page.fill("#in-4-2-1-value", "0");
  // proportional
  await page.fill("#in-2-2-2-numerator", "46");
  await page.fill("#in-2-2-2-denominator", "48");
  // không phát sinh
  await page.check("#in-3-2-1-na");
  // a survey: the unit may only estimate it, labelled, not counted
  await page.fill("#in-8-1-1-estimate", "86,4");
  assert.match(await text("survey-8.1.1"), /Chờ kết quả điều tra XHH.*Ước tính ≈ [\d,]+ \/ [\d,]+ điểm \(không tính vào tổng\)/);

  await page.waitForFunction(() => /8\/38/.test(document.querySelector("[data-testid=progress]").textContent));

  // Undo takes back the last edit — a word typed in one field is one step — and redoing
  // it by hand gives the same file.
  await page.fill("#in-4-2-1-value", "3");
  await page.fill("#in-4-2-1-value", "35");
  assert.equal(await page.inputValue("#in-4-2-1-value"), "35");
  await page.click("[data-testid=undo]");
  await page.waitForFunction(() => document.querySelector("#in-4-2-1-value").value === "0");
  await page.fill("#in-4-2-1-value", "0");

  // The tree's tools: the next leaf still missing (focused), collapse all, contents.
  const missing = await page.$$eval("article.leaf.missing", (ls) => ls.map((l) => l.dataset.code));
  assert.equal(missing.length, 30);
  assert.match(await text("next-missing"), /Tiêu chí chưa nhập tiếp theo \(30\)/);
  for (const code of missing.slice(0, 2)) {
    await page.click("[data-testid=next-missing]");
    await page.waitForFunction((c) => document.activeElement?.closest("article.leaf")?.dataset.code === c, code);
  }
  await page.click("[data-testid=collapse-all]");
  await page.waitForFunction(() => [...document.querySelectorAll("details.node")].every((d) => !d.open));
  assert.equal(await page.isVisible("#leaf-1\\.1\\.2"), false);
  await page.click("[data-testid=collapse-all]");
  await page.waitForFunction(() => [...document.querySelectorAll("details.node")].every((d) => d.open));
  await page.click("[data-testid=toc] summary");
  assert.equal(await page.locator("[data-testid=toc] li").count(), 8);
  await waitSaved();
  await page.locator("#leaf-1\\.1\\.2").scrollIntoViewIfNeeded();
  await shot("assessment");

  // "Vì sao được điểm này?"
  await page.click("#leaf-1\\.1\\.2 button.why");
  const why = await text("why-1.1.2");
  assert.match(why, /Tỷ lệ 28\/30 ≈ 93,33%; mức «trên 90%» → 2\/2 điểm/);
  await page.locator("#leaf-1\\.1\\.2").screenshot({ path: join(artifacts, "app-explanation.png") });

  // Export, then score the exported file with the CLI.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid=export]")]);
  const exported = join(artifacts, "exported.json");
  await download.saveAs(exported);
  assert.equal(download.suggestedFilename(), "ubnd-huyen-thu-nghiem-2022.json");
  assert.equal(JSON.parse(readFileSync(exported, "utf8")).survey?.["8.1.1"]?.percent, undefined, "an estimate is never exported");
  const cli = spawnSync(bin, ["score", exported, "--format", "json"], { encoding: "utf8" });
  assert.equal(cli.status, 0, cli.stderr);
  const card = JSON.parse(cli.stdout);
  assert.equal(await text("total-points"), vi(card.total.points));
  assert.equal(await text("total-max"), vi(card.total.max));
  assert.equal(await text("total-index"), `${vi(card.total.index)}%`);

  // Summary screen.
  await page.click("[data-testid=to-summary]");
  await page.waitForSelector("[data-testid=summary]");
  assert.equal(await text("summary-points"), `${vi(card.total.points)} / ${vi(card.total.max)}`);
  assert.match(await text("complete"), /CHƯA đầy đủ/);
  assert.ok((await page.locator("[data-testid=gaps] li").count()) > 10);
  assert.equal(await page.locator("svg.bars g.bar-row").count(), 8);
  await shot("summary");
});

test("a reload restores the draft, on the screen the address names", async () => {
  const before = await text("total-points");
  await page.click("[data-testid=to-summary]");
  assert.match(page.url(), /#tong-hop$/);
  // Whether the start page was ever shown during the reload (it must not flash up
  // before the draft left open is back; it may be drawn hidden).
  await page.addInitScript(() => {
    new MutationObserver(() => {
      const start = document.querySelector("[data-testid=start]");
      if (start && getComputedStyle(start).visibility !== "hidden") globalThis.sawStartPage = true;
    }).observe(document, { childList: true, subtree: true, attributes: true });
  });
  await page.reload();
  await page.waitForSelector("[data-testid=notice-restored]");
  await page.waitForSelector("[data-testid=summary]");
  assert.equal(await page.evaluate(() => globalThis.sawStartPage ?? false), false, "the start page flashed up");
  assert.equal(await text("total-points"), before);
  assert.equal(await text("unit"), "UBND huyện Thử Nghiệm — 2022");
  await page.click("[data-testid=to-assess]");
  assert.match(page.url(), /#danh-gia$/);
  assert.equal(await page.inputValue("#in-1-1-2-numerator"), "28");
});

test("offline: after a visit the app reloads and works with the network off", async () => {
  await controlledByWorker(page);
  // One more load while online, so the worker has seen every file through its handler.
  await page.reload();
  await page.waitForSelector("[data-testid=tree]");
  const requestsBefore = server.requests.length;
  await setOffline(context, server, true);
  try {
    await page.reload();
    await page.waitForSelector("[data-testid=tree]");
    await page.fill("#in-4-2-1-value", "1");
    await page.waitForFunction(() => document.querySelector("#in-4-2-1-value").value === "1");
    await waitSaved();
    await page.reload();
    await page.waitForSelector("[data-testid=notice-restored]");
    assert.equal(await page.inputValue("#in-4-2-1-value"), "1");
  } finally {
    await setOffline(context, server, false);
  }
  assert.equal(server.requests.length, requestsBefore, `offline reloads must not be served: ${server.requests.slice(requestsBefore - 3).join(" ")}`);
});

test("a weak connection: the app opens from its kept files at once; a new build is used, whole, from the opening after it arrived", async () => {
  await controlledByWorker(page);
  // Every answer held 5 s: a worker that asked the network first would wait (4 s a file)
  // before using what it kept.
  server.setSlow(5000);
  try {
    const started = Date.now();
    await page.reload({ waitUntil: "commit" });
    await page.waitForSelector("[data-testid=tree]");
    const ms = Date.now() - started;
    assert.ok(ms < 3000, `opening from the kept files took ${ms} ms on a slow connection`);
  } finally {
    server.setSlow(0);
  }
  // A new build: its worker (another version) and a page that says which build it is.
  const worker = readFileSync(join(repo, "dist/sw.js"), "utf8");
  const version = worker.match(/VERSION\s*=\s*"([0-9a-f]{16})"/)?.[1];
  assert.ok(version, "dist/sw.js carries the build's version (cargo xtask stamps it)");
  const page2 = readFileSync(join(repo, "dist/index.html"), "utf8").replace("<title>", '<meta name="parindex-test-build" content="2"><title>');
  overrides["sw.js"] = worker.replaceAll(version, "0123456789abcdef");
  overrides["index.html"] = page2;
  try {
    const isNew = () => page.evaluate(() => document.querySelector("meta[name=parindex-test-build]") !== null);
    // The opening that finds the new build still uses the kept one, whole…
    await page.reload();
    await page.waitForSelector("[data-testid=tree]");
    assert.equal(await isNew(), false, "the build in use is not replaced under the person");
    // …while the new one is fetched in the background and kept when complete.
    let kept = false;
    for (let i = 0; i < 100 && !kept; i++) {
      kept = await page.evaluate(async () => /parindex-test-build/.test((await (await caches.match("./index.html"))?.text()) ?? ""));
      if (!kept) await new Promise((r) => setTimeout(r, 200));
    }
    assert.ok(kept, "the new build was kept within 20 s");
    await page.reload();
    await page.waitForSelector("[data-testid=tree]");
    assert.equal(await isNew(), true, "the next opening uses the new build");
    // The new build is kept whole: it opens offline, with the draft.
    await setOffline(context, server, true);
    try {
      await page.reload();
      await page.waitForSelector("[data-testid=notice-restored]");
      assert.equal(await isNew(), true);
      assert.equal(await page.inputValue("#in-4-2-1-value"), "1");
    } finally {
      await setOffline(context, server, false);
    }
  } finally {
    for (const k of Object.keys(overrides)) delete overrides[k];
  }
});

test("a bad input shows the engine's message beside the field and keeps what was typed", async () => {
  await page.fill("#in-2-2-2-numerator", "12a");
  await page.waitForSelector("#in-2-2-2-numerator-err");
  assert.match(await page.textContent("#in-2-2-2-numerator-err"), /12a không phải là số nguyên không âm/);
  assert.equal(await page.inputValue("#in-2-2-2-numerator"), "12a");
  assert.equal(await page.getAttribute("#in-2-2-2-numerator", "aria-invalid"), "true");
  // Counted as an error, not as scored or missing; the summary says so and is not complete.
  assert.equal(await page.textContent("#leaf-2\\.2\\.2 .status"), "Lỗi");
  await page.click("[data-testid=to-summary]");
  assert.match(await text("errors"), /chưa được tính\) ở tiêu chí: 2\.2\.2/);
  assert.match(await text("complete"), /CHƯA đầy đủ.* 1 lỗi/);
  await page.click("[data-testid=to-assess]");
  await page.fill("#in-2-2-2-numerator", "50");
  assert.match(await page.textContent("#leaf-2\\.2\\.2"), /50 lớn hơn mẫu số 48/);
  await page.locator("#leaf-2\\.2\\.2").screenshot({ path: join(artifacts, "app-bad-input.png") });
  await page.fill("#in-2-2-2-numerator", "46");
});

test("importing the Trà Cú example shows its total", async () => {
  await page.click("text=Trang đầu");
  await page.waitForSelector("[data-testid=start]");
  await page.setInputFiles("[data-testid=open-assessment]", join(repo, "examples/tra-cu-2022.json"));
  await page.waitForSelector("[data-testid=tree]");
  assert.equal(await text("total-points"), "78,28");
  assert.equal(await text("total-index"), "81,12%");
  assert.equal(await text("total-band"), "Tốt");
  // Export it again: the same assessment comes back.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid=export]")]);
  const path = join(artifacts, "tra-cu-exported.json");
  await download.saveAs(path);
  assert.deepEqual(JSON.parse(readFileSync(path, "utf8")), JSON.parse(readFileSync(join(repo, "examples/tra-cu-2022.json"), "utf8")));
  // The report's CSV, for Vietnamese Excel: BOM, `;`, decimal comma, totals below.
  await page.click("[data-testid=to-report]");
  const [sheet] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid=report-sheet]")]);
  assert.equal(sheet.suggestedFilename(), "ubnd-huyen-tra-cu-2022-bang-tinh.csv");
  const csvPath = join(artifacts, "tra-cu-report.csv");
  await sheet.saveAs(csvPath);
  const csv = readFileSync(csvPath, "utf8");
  assert.ok(csv.startsWith("\ufeffMã;"), csv.slice(0, 40));
  assert.match(csv, /\r\n;Tổng điểm;96,5;80,78;78,28;\r\n/);
  await page.click("[data-testid=to-assess]");
  // English on request, and still English after a reload.
  await page.click("text=English");
  assert.equal(await text("total-band"), "Good");
  assert.equal(await text("total-index"), "81.12%");
  await page.reload();
  await page.waitForSelector("[data-testid=tree]");
  assert.equal(await text("total-band"), "Good");
  await page.click("text=Tiếng Việt");
  assert.equal(await text("total-band"), "Tốt");
});

test("dates (dd/mm/yyyy) and numbers (0,5; 1.480) as Vietnamese type them, whatever the browser's locale", async () => {
  // An English-locale browser (mm/dd/yyyy in its own date fields) of another office.
  const other = await browser.newContext({ locale: "en-US", viewport: { width: 1200, height: 1000 } });
  const p = await other.newPage();
  try {
    await p.goto(server.url);
    await p.click("[data-testid=open-example]");
    await p.waitForSelector("[data-testid=tree]");
    assert.equal(await p.inputValue("#in-1-1-1-date"), "25/01/2022");
    await p.fill("#in-1-1-1-date", "10/01/2022");
    const self = (d) => d.find((r) => r.envelope?.assessment?.unit === "UBND huyện Trà Cú")?.envelope.assessment.self;
    await waitForDrafts(p, (d) => self(d)?.["1.1.1"]?.date === "2022-01-10");
    // Half typed: kept as typed, the engine's message beside the field; nothing stored is lost.
    await p.fill("#in-1-1-1-date", "10/01");
    assert.equal(await p.inputValue("#in-1-1-1-date"), "10/01");
    // Numbers as Vietnamese type them: a decimal comma stays a comma in the field; a count
    // with thousands dots, as the TTHC system prints it, is read as the number.
    await p.fill("#in-1-5-1-points", "0,5");
    assert.equal(await p.inputValue("#in-1-5-1-points"), "0,5");
    await p.fill("#in-3-3-3-numerator", "67.378");
    const saved = self(await waitForDrafts(p, (d) => self(d)?.["3.3.3"]?.numerator === 67378));
    // The note beside the field says how it was read.
    assert.equal(await p.textContent('[data-testid="read-as-3.3.3-numerator"]'), "Đã đọc là 67.378");
    assert.equal(saved["1.5.1"].points, "0.5");
  } finally {
    await other.close();
  }
});

test("usable on a 360-pixel phone", async () => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.waitForSelector("[data-testid=tree]");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `horizontal overflow of ${overflow}px`);
  // The top bar leaves most of the screen to the form.
  const bar = await page.evaluate(() => document.querySelector("header.top").getBoundingClientRect().height);
  assert.ok(bar <= 370, `the top bar takes ${bar}px of a 740px screen`);
  await shot("phone");
  // The summary and the report too: the report's wide table scrolls within it.
  for (const screen of ["summary", "report"]) {
    await page.click(`[data-testid=to-${screen}]`);
    await page.waitForSelector(`[data-testid=${screen}]`);
    const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(over <= 0, `horizontal overflow of ${over}px on the ${screen}`);
  }
  const scrolls = await page.evaluate(() => {
    const body = document.querySelector(".report-body");
    return body.scrollWidth > body.clientWidth;
  });
  assert.ok(scrolls, "the report's table is wider than a phone and scrolls within the report");
  await page.click("[data-testid=to-assess]");
  await page.setViewportSize({ width: 1200, height: 1000 });
});

test("nothing left the origin and no script error happened", () => {
  assert.deepEqual(outside, []);
  assert.deepEqual(pageErrors, []);
});
