// The appraising body's desk (dist/tham-dinh/, `--features desk`) and the unit's answer,
// end to end in Chromium: appraise leaves of the Trà Cú example (a changed leaf demands a
// comment, and printing waits for it), add a penalty, export; the unit opens the
// appraised file in its own app, sees what changed and why, and writes its giải trình;
// compare across framework editions; rank three files (table, chart, CSV); the inbox of
// files received, with where each appraisal stands, feeding the ranking.
// Every total is checked against `parindex` on the same files. Screenshots go to
// target/artifacts/ (desk-*.png).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "./static-server.mjs";
import { controlledByWorker, launch, newPage, setOffline } from "./browser.mjs";

const repo = join(dirname(fileURLToPath(import.meta.url)), "../..");
const artifacts = join(repo, "target/artifacts");
const work = join(artifacts, "desk-files");
const bin = process.env.PARINDEX_BIN ?? join(repo, "target/debug/parindex");
const example = join(repo, "examples/tra-cu-2022.json");
let server, browser, context, page;
const outside = [];
const pageErrors = [];

const text = (id) => page.textContent(`[data-testid="${id}"]`);
const shot = (name, fullPage = false) => page.screenshot({ path: join(artifacts, `desk-${name}.png`), fullPage });
const cli = (...args) => {
  const r = spawnSync(bin, args, { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
};
const vi = (s) => s.replace(".", ",");

before(async () => {
  mkdirSync(work, { recursive: true });
  server = await serve(join(repo, "dist"), "/");
  browser = await launch();
  await freshBrowser();
});

/** A browser of its own (another office's computer): empty storage. */
async function freshBrowser() {
  await context?.close();
  ({ context, page } = await newPage(browser, server.origin, outside, pageErrors));
}

after(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

async function download(selector, path) {
  const [d] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  await d.saveAs(path);
  return d.suggestedFilename();
}

test("the units' app links to the desk; the desk opens the example", async () => {
  await page.goto(server.url);
  await page.waitForSelector("[data-testid=start]");
  assert.equal(await page.$("[data-testid=mode-appraiser]"), null, "no appraisal entry in the units' app");
  await page.click("[data-testid=to-desk]");
  await page.waitForURL(/tham-dinh\/$/);
  await page.waitForSelector("[data-testid=open-rank]");
  await page.click("[data-testid=open-example]");
  await page.waitForSelector("[data-testid=tree]");
  assert.equal(await text("total-points"), "78,28");
  // A received file opens in the appraiser's role; the role chosen is kept.
  assert.equal(await page.getAttribute("[data-testid=mode-appraiser]", "aria-pressed"), "true");
  await page.click("[data-testid=mode-unit]");
  await page.reload();
  await page.waitForSelector("[data-testid=tree]");
  assert.equal(await page.getAttribute("[data-testid=mode-unit]", "aria-pressed"), "true");
});

let appraised; // the exported file, appraised

test("appraising: a changed leaf needs a comment, printing waits for it; penalty; export equals the CLI", async () => {
  await page.click("[data-testid=mode-appraiser]");
  await page.waitForSelector('[data-testid="self-4.1.1"]');
  // The unit's own entry is shown beside the appraisal input.
  assert.match(await text("self-4.1.1"), /Đúng, đủ theo quy định — 2 điểm/);

  // Progress: of the 38 leaves the appraiser decides (the survey's aside), the example's
  // appraisal already holds 4.
  const progress = () => text("appraisal-progress");
  assert.match(await progress(), /Đã thẩm định 4\/38/);
  assert.match(await text("progress"), /Đã thẩm định 4\/38/);

  // "Đồng ý": the unit's input becomes the appraisal's, changing nothing, needing no
  // comment; it can be taken back.
  await page.click('[data-testid="agree-1.1.1"]');
  await page.waitForSelector('[data-testid="unappraise-1.1.1"]');
  assert.equal(await page.inputValue("#in-1-1-1-date"), "25/01/2022");
  assert.match(await progress(), /Đã thẩm định 5\/38/);
  await page.click('[data-testid="unappraise-1.1.1"]');
  await page.waitForSelector('[data-testid="agree-1.1.1"]');
  assert.match(await progress(), /Đã thẩm định 4\/38/);
  await page.click('[data-testid="agree-1.1.1"]');
  await page.waitForSelector('[data-testid="unappraise-1.1.1"]');
  assert.equal(await page.$("#in-1-1-1-comment-err"), null);

  // 4.1.1: one agency not yet completed → 1 point instead of 2.
  await page.check("#in-4-1-1-opt-chua-kien-toan");
  await page.waitForSelector("#in-4-1-1-comment-err");
  assert.match(await page.textContent("#in-4-1-1-comment-err"), /cần nhận xét: điểm thẩm định 1 khác điểm tự chấm 2/);
  assert.equal(await page.getAttribute("#in-4-1-1-comment", "aria-invalid"), "true");
  // 4.2.1: one violation found → 0 points instead of 2.
  await page.fill("#in-4-2-1-value", "1");
  await page.waitForSelector("#in-4-2-1-comment-err");
  assert.equal(await text("total-points"), "75,28");

  assert.match(await progress(), /Đã thẩm định 7\/38/);

  // The filters show only what is left to look at.
  const shown = () => page.$$eval("[data-testid=tree] article.leaf", (ls) => ls.map((l) => l.dataset.code));
  await page.check("[data-testid=filter-owed]");
  assert.deepEqual(await shown(), ["4.1.1", "4.2.1"]);
  await page.check("[data-testid=filter-different]");
  assert.deepEqual(await shown(), ["1.1.2", "1.5.1", "3.1.2", "3.4.1", "4.1.1", "4.2.1"]);
  const all = JSON.parse(cli("score", example, "--format", "json")).nodes
    .filter((n) => n.kind && n.kind !== "survey")
    .map((n) => n.code);
  assert.equal(all.length, 38);
  await page.check("[data-testid=filter-unseen]");
  const seen = ["1.1.1", "1.1.2", "1.5.1", "3.1.2", "3.4.1", "4.1.1", "4.2.1"];
  assert.deepEqual(await shown(), all.filter((c) => !seen.includes(c)));
  await page.check("[data-testid=filter-all]");

  // The report refuses to print while a comment is owed, and says where.
  await page.click("[data-testid=to-report]");
  await page.waitForSelector("[data-testid=print-blocked]");
  assert.equal(await page.isDisabled("[data-testid=print]"), true);
  assert.match(await text("print-blocked"), /4\.1\.1, 4\.2\.1/);
  await page.click("[data-testid=to-summary]");
  assert.match(await text("comments-owed"), /4\.1\.1, 4\.2\.1/);

  // Write the comments: the warnings go, printing is allowed.
  await page.click("[data-testid=mode-appraiser]");
  await page.fill("#in-4-1-1-comment", "Phòng Văn hóa và Thông tin chưa kiện toàn lãnh đạo đến 31/12/2022.");
  await page.fill("#in-4-2-1-comment", "Có 01 trường hợp bố trí sai vị trí việc làm (Kết luận thanh tra số 15/KL-TTr).");
  await page.waitForFunction(() => !document.querySelector("#in-4-1-1-comment-err") && !document.querySelector("#in-4-2-1-comment-err"));
  await page.locator("#leaf-4\\.1\\.1").screenshot({ path: join(artifacts, "desk-appraisal-leaf.png") });

  // Penalty with its reason, within the framework's cap of 2.
  await page.click("[data-testid=penalty] button.small");
  await page.fill("#penalty-0-points", "0,5");
  await page.fill("#penalty-0-reason", "Chậm gửi báo cáo CCHC quý III (minh hoạ).");
  await page.waitForFunction(() => document.querySelector("[data-testid=total-points]")?.textContent === "74,78");
  await shot("appraisal");

  // The summary: both totals and every change, largest first.
  await page.click("[data-testid=to-summary]");
  await page.waitForSelector("[data-testid=differences]");
  assert.match(await text("appraisal-totals"), /Tự đánh giá: 80,28 · Thẩm định: 74,78 · Chênh lệch: −5,5/);
  const order = await page.$$eval("[data-testid=differences] tbody tr", (rows) => rows.map((r) => r.dataset.code));
  assert.deepEqual(order, ["4.2.1", "1.1.2", "4.1.1", "3.4.1", "3.1.2", "1.5.1"]);
  assert.equal(await page.$("[data-testid=comments-owed]"), null);
  await page.click("[data-testid=to-report]");
  assert.equal(await page.isDisabled("[data-testid=print]"), false);
  await shot("report", true);

  // Survey results arrive: 2.4.1 goes from 84,5% to 90% (1,5 × 90% = 1,35 instead of 1,27).
  await page.click("[data-testid=to-assess]");
  await page.fill("#sv-2-4-1", "90");
  await page.waitForFunction(() => document.querySelector("[data-testid=total-points]")?.textContent === "74,86");
  assert.equal(await page.textContent("[data-testid=survey] tr[data-code='2.4.1'] td:last-child"), "1,35");

  // Export: the file is the formats.md file, and the CLI totals it as the app does.
  appraised = join(work, "tra-cu-tham-dinh.json");
  await download("[data-testid=export]", appraised);
  const file = JSON.parse(readFileSync(appraised, "utf8"));
  assert.deepEqual(file.appraisal["4.1.1"], { choice: "chua-kien-toan", comment: "Phòng Văn hóa và Thông tin chưa kiện toàn lãnh đạo đến 31/12/2022." });
  assert.equal(file.appraisal["4.2.1"].value, 1);
  assert.deepEqual(file.appraisal["1.1.1"], { date: file.self["1.1.1"].date });
  assert.deepEqual(file.penalty, [{ points: "0.5", reason: "Chậm gửi báo cáo CCHC quý III (minh hoạ)." }]);
  const card = JSON.parse(cli("score", appraised, "--format", "json"));
  assert.equal(file.survey["2.4.1"].percent, "90");
  assert.equal(card.total.points, "74.86");
  assert.equal(vi(card.total.points), await text("total-points"));
  assert.deepEqual(card.diagnostics, []);
});

test("the unit opens the appraised file: what changed, why, and its giải trình", async () => {
  await freshBrowser();
  await page.goto(server.url);
  await page.waitForSelector("[data-testid=start]");
  await page.setInputFiles("[data-testid=open-assessment]", appraised);
  await page.waitForSelector('[data-testid="appraised-4.1.1"]');
  const view = await text("appraised-4.1.1");
  assert.match(view, /Thẩm định đã điều chỉnh: 2 → 1 điểm/);
  assert.match(view, /Phòng Văn hóa và Thông tin chưa kiện toàn/);
  await page.fill("#in-4-1-1-explanation", "Đã có Quyết định bổ nhiệm Trưởng phòng số 45/QĐ-UBND ngày 28/12/2022 (kèm theo).");
  await page.locator("#leaf-4\\.1\\.1").scrollIntoViewIfNeeded();
  await shot("unit-view");
  const answered = join(work, "tra-cu-giai-trinh.json");
  await download("[data-testid=export]", answered);
  const file = JSON.parse(readFileSync(answered, "utf8"));
  assert.equal(file.self["4.1.1"].explanation, "Đã có Quyết định bổ nhiệm Trưởng phòng số 45/QĐ-UBND ngày 28/12/2022 (kèm theo).");
  // The answer changes no points; it shows in the report beside the comment.
  assert.equal(JSON.parse(cli("score", answered, "--format", "json")).total.points, "74.86");
  await page.click("[data-testid=to-report]");
  const row = await page.textContent("[data-testid=report-table] tr[data-code='4.1.1']");
  assert.match(row, /Giải trình: Đã có Quyết định bổ nhiệm/);
  // The scorecard as CSV: a byte-order mark, then exactly what `parindex score --format
  // csv --explain` writes.
  const csvPath = join(work, "bao-cao.csv");
  assert.equal(await download("[data-testid=report-csv]", csvPath), "ubnd-huyen-tra-cu-2022.csv");
  const csv = readFileSync(csvPath);
  assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 byte-order mark");
  assert.equal(csv.subarray(3).toString("utf8"), cli("score", answered, "--format", "csv", "--explain"));
});

test("compare across framework editions: matched criteria, and what cannot be matched", async () => {
  // Last year's framework: the same template, edition 2021, where 8.3.2 was 8.3.9.
  const toml = readFileSync(join(repo, "frameworks/mau-huyen-2022.toml"), "utf8")
    .replace('edition = "2022"', 'edition = "2021"')
    .replace('code = "8.3.2"', 'code = "8.3.9"');
  const tomlPath = join(work, "mau-huyen-2021.toml");
  writeFileSync(tomlPath, toml);
  const last = JSON.parse(readFileSync(example, "utf8"));
  last.framework = "mau-huyen@2021";
  last.year = 2021;
  last.self["8.3.9"] = last.self["8.3.2"];
  delete last.self["8.3.2"];
  last.self["5.1.1"] = { numerator: 6, denominator: 13 };
  const lastPath = join(work, "tra-cu-2021.json");
  writeFileSync(lastPath, JSON.stringify(last, null, 2));

  await freshBrowser();
  await page.goto(server.url + "tham-dinh/");
  await page.waitForSelector("[data-testid=start]");
  await page.setInputFiles("[data-testid=open-framework]", tomlPath);
  await page.waitForSelector("#fw-mau-huyen-2021");
  await page.setInputFiles("[data-testid=open-assessment]", example);
  await page.waitForSelector("[data-testid=tree]");
  await page.click("[data-testid=to-compare]");
  // Another framework altogether is refused.
  const commune = join(work, "xa-2024.json");
  writeFileSync(commune, JSON.stringify({ format: 1, framework: "mau-xa@2024", unit: "UBND xã Thử", year: 2024 }));
  await page.setInputFiles("[data-testid=compare-file]", commune);
  await page.waitForSelector("[data-testid=compare-refused]");
  assert.match(await text("compare-refused"), /mau-huyen@2022 — mau-xa@2024\. Không so sánh được/);
  // Two editions of one framework: compared once the person agrees.
  await page.setInputFiles("[data-testid=compare-file]", lastPath);
  await page.waitForSelector("[data-testid=compare-ask]");
  assert.match(await text("compare-ask"), /mau-huyen@2021 → mau-huyen@2022/);
  await page.click("[data-testid=compare-confirm]");
  await page.waitForSelector("[data-testid=compare-editions]");
  const note = await text("compare-editions");
  assert.match(note, /\(mau-huyen@2021\) — .*\(mau-huyen@2022\)/);
  assert.match(note, /UBND huyện Trà Cú \(2021, sau thẩm định\): 8\.3\.9/);
  assert.match(note, /UBND huyện Trà Cú \(2022, sau thẩm định\): 8\.3\.2/);
  // The earlier year is the baseline, whichever file was opened first.
  const heads = await page.$$eval("[data-testid=compare-fields] thead th", (ths) => ths.map((t) => t.textContent));
  assert.deepEqual(heads.slice(2, 4), ["UBND huyện Trà Cú (2021, sau thẩm định)", "UBND huyện Trà Cú (2022, sau thẩm định)"]);
  const changed = await page.$$eval("[data-testid=compare-leaves] tbody tr", (rows) => rows.map((r) => [r.dataset.code, r.lastElementChild.textContent]));
  const ours = Object.fromEntries(changed);
  assert.ok(ours["5.1.1"], "5.1.1 changed");
  // The deltas are those of the two scorecards the CLI computes.
  const before = JSON.parse(cli("score", lastPath, "--framework", tomlPath, "--format", "json"));
  const after = JSON.parse(cli("score", example, "--format", "json"));
  const pts = (card, code) => Number(card.nodes.find((n) => n.code === code).points);
  const delta = pts(after, "5.1.1") - pts(before, "5.1.1");
  assert.equal(ours["5.1.1"], (delta > 0 ? "+" : "−") + vi(String(Math.abs(delta))));
  const fields = await page.$$eval("[data-testid=compare-fields] tbody tr", (rows) => rows.length);
  assert.equal(fields, 8);
  // Each criterion with its title (the open draft's live score carries none: the
  // comparison takes its full scorecard).
  const titles = await page.$$eval("[data-testid=compare-fields] tbody tr", (rows) => rows.map((r) => r.children[1].textContent));
  assert.match(titles[0], /Công tác chỉ đạo, điều hành cải cách hành chính/);
  await shot("compare", true);

  // Opened the other way round — last year's file open, this year's compared with it —
  // last year is still the baseline.
  await page.click("[data-testid=to-start]");
  await page.setInputFiles("[data-testid=open-assessment]", lastPath);
  await page.waitForSelector("[data-testid=tree]");
  await page.click("[data-testid=to-compare]");
  await page.setInputFiles("[data-testid=compare-file]", example);
  await page.click("[data-testid=compare-confirm]");
  await page.waitForSelector("[data-testid=compare-fields]");
  const reversed = await page.$$eval("[data-testid=compare-fields] thead th", (ths) => ths.map((t) => t.textContent));
  assert.deepEqual(reversed, heads);
});

test("ranking three files: shared ranks, a chart in band colours, CSV with BOM as the CLI writes it", async () => {
  const base = JSON.parse(readFileSync(example, "utf8"));
  const a = structuredClone(base);
  a.unit = "UBND huyện Cầu Kè";
  a.self["3.3.2"] = { numerator: 0, denominator: 40 };
  a.self["7.1.1"] = { numerator: 0, denominator: 12 };
  const b = structuredClone(a);
  b.unit = "UBND huyện Tiểu Cần";
  const files = [example, join(work, "cau-ke-2022.json"), join(work, "tieu-can-2022.json")];
  writeFileSync(files[1], JSON.stringify(a, null, 2));
  writeFileSync(files[2], JSON.stringify(b, null, 2));

  await freshBrowser();
  await page.goto(server.url + "tham-dinh/");
  await page.waitForSelector("[data-testid=open-rank]");
  await page.click("[data-testid=open-rank]");
  await page.setInputFiles("[data-testid=rank-files]", files);
  await page.waitForSelector("[data-testid=rank-table] tbody tr:nth-child(3)", { timeout: 5000 }).catch(async (e) => {
    await shot("ranking-failed", true);
    throw e;
  });
  const rows = await page.$$eval("[data-testid=rank-table] tbody tr", (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
  const expected = JSON.parse(cli("rank", ...files, "--format", "json"));
  assert.deepEqual(rows.map((r) => [Number(r[0]), r[1], r[5]]), expected.rows.map((r) => [r.rank, r.unit, vi(r.index) + "%"]));
  assert.deepEqual(rows.map((r) => r[0]), ["1", "2", "2"], "ties share a rank");

  // A commune's file (another framework) given with them: the three are still ranked, the
  // commune's file is named apart with the reason.
  const commune = join(work, "xa-thu-2022.json");
  writeFileSync(commune, cli("new", "mau-xa@2024", "--unit", "UBND xã Thử", "--year", "2022"));
  await page.setInputFiles("[data-testid=rank-files]", commune);
  await page.waitForSelector("[data-testid=rank-excluded]");
  assert.match(await text("rank-excluded"), /xa-thu-2022\.json — khác bộ chỉ số: mau-xa@2024 \(bảng xếp hạng dùng mau-huyen@2022\)/);
  assert.equal(await page.locator("[data-testid=rank-table] tbody tr").count(), 3);
  assert.deepEqual(rows.map((r) => r[6]), expected.rows.map((r) => r.band.vi));
  assert.notEqual(expected.rows[0].band.vi, expected.rows[1].band.vi, "two bands shown");
  // One bar per unit, coloured by its band (the framework's second and third bands).
  const bars = await page.$$eval("[data-testid=ranking] rect.bar-band", (rs) => rs.map((r) => r.getAttribute("class")));
  assert.deepEqual(bars, ["bar-band band-1", "bar-band band-2", "bar-band band-2"]);
  await shot("ranking");
  // On a 360 px phone the table scrolls by itself; the page does not scroll sideways.
  const laptop = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 740 });
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, "no sideways scroll on a phone");
  await page.setViewportSize(laptop);
  await page.screenshot({ path: join(artifacts, "desk-ranking-full.png"), fullPage: true });

  // Printed, the ranking is a paper: letterhead, title, table, signatures; no file
  // picker, no file list.
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.isVisible("[data-testid=rank-files]"), false);
  assert.equal(await page.isVisible("[data-testid=rank-list]"), false);
  assert.match(await page.innerText("[data-testid=rank-letterhead]"), /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM[\s\S]*BẢNG XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2022/);
  assert.match(await page.innerText("[data-testid=rank-signatures]"), /NGƯỜI LẬP BIỂU[\s\S]*THỦ TRƯỞNG CƠ QUAN THẨM ĐỊNH/);
  const pdf = join(artifacts, "xep-hang.pdf");
  await page.pdf({ path: pdf, format: "A4" });
  const printed = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).stdout;
  assert.match(printed, /Độc lập - Tự do - Hạnh phúc/);
  assert.match(printed, /UBND huyện Cầu Kè/);
  assert.match(printed, /\b1\/1\b/, "the page numbered");
  assert.ok(!/Chọn các tệp|kéo thả|Xuất CSV/.test(printed), printed);
  await page.emulateMedia({ media: "screen" });
  assert.equal(await page.isVisible("[data-testid=rank-letterhead]"), false, "on screen, no letterhead");

  const csvPath = join(work, "xep-hang.csv");
  assert.equal(await download("[data-testid=rank-csv]", csvPath), "xep-hang-mau-huyen-2022.csv");
  const csv = readFileSync(csvPath);
  assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 byte-order mark");
  assert.equal(csv.subarray(3).toString("utf8"), cli("rank", ...files, "--format", "csv"));
  // The ranking's JSON, written in the page by the core's own writer: the CLI's bytes.
  const jsonPath = join(work, "xep-hang.json");
  assert.equal(await download("[data-testid=rank-json]", jsonPath), "xep-hang-mau-huyen-2022.json");
  assert.equal(readFileSync(jsonPath, "utf8"), cli("rank", ...files, "--format", "json"));
});

test("the desk works offline after a visit, with its own styles", async () => {
  await controlledByWorker(page);
  // No second online load: what the page loaded before the worker took over (desk.css)
  // must have been kept at the worker's install.
  await setOffline(context, server, true);
  try {
    await page.reload();
    await page.waitForSelector("[data-testid=rank]");
    const border = await page.evaluate(() => getComputedStyle(document.querySelector(".drop")).borderTopStyle);
    assert.equal(border, "dashed", "desk.css came from the worker's cache");
    await page.setInputFiles("[data-testid=rank-files]", example);
    await page.waitForSelector("[data-testid=rank-table]");
  } finally {
    await setOffline(context, server, false);
  }
});

test("ranking a province's own framework: its .toml dropped with the files, a broken one named; kept with a draft, it stays at hand", async () => {
  // The Sở's framework (the template under another id) and two units' files naming it.
  const toml = readFileSync(join(repo, "frameworks/mau-huyen-2022.toml"), "utf8").replace(/^id = "mau-huyen"$/m, 'id = "tinh-a-huyen"');
  const framework = join(work, "tinh-a-huyen-2022.toml");
  writeFileSync(framework, toml);
  const files = ["Xã Một", "Xã Hai"].map((unit, i) => {
    const a = JSON.parse(readFileSync(example, "utf8"));
    Object.assign(a, { unit, framework: "tinh-a-huyen@2022" });
    if (i === 1) a.self["7.1.1"] = { numerator: 0, denominator: 12 };
    const path = join(work, `tinh-a-${i}.json`);
    writeFileSync(path, JSON.stringify(a));
    return path;
  });
  await freshBrowser();
  await page.goto(server.url + "tham-dinh/");
  await page.click("[data-testid=open-rank]");
  // Without the framework: each file says which is missing and what to do.
  await page.setInputFiles("[data-testid=rank-files]", files);
  await page.waitForSelector("[data-testid=rank-list] li.bad:nth-child(2)");
  assert.match(await text("rank-list"), /tinh-a-0\.json: không xếp hạng được[\s\S]*"tinh-a-huyen@2022": hãy mở tệp bộ chỉ số \(\.toml\)/);
  // With it, in one go: ranked by it, as the CLI ranks them with --framework.
  await page.setInputFiles("[data-testid=rank-files]", [framework, ...files]);
  await page.waitForSelector("[data-testid=rank-table] tbody tr:nth-child(2)");
  assert.equal(await page.locator("[data-testid=rank-list] li.bad").count(), 0);
  const rows = await page.$$eval("[data-testid=rank-table] tbody tr", (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
  const expected = JSON.parse(cli("rank", "--framework", framework, ...files, "--format", "json"));
  assert.equal(expected.framework, "tinh-a-huyen@2022");
  assert.deepEqual(rows.map((r) => [r[1], r[5]]), expected.rows.map((r) => [r.unit, vi(r.index) + "%"]));
  // A framework file that does not validate: named in a notice, the ranking kept.
  const broken = join(work, "hong.toml");
  writeFileSync(broken, toml.replace(/^edition = "2022"$/m, 'edition = ""'));
  await page.setInputFiles("[data-testid=rank-files]", broken);
  await page.waitForSelector("[data-testid=notice-open-failed]");
  assert.match(await text("notice-open-failed"), /Không mở được tệp hong\.toml/);
  assert.equal(await page.locator("[data-testid=rank-table] tbody tr").count(), 2);
  // A unit's file opened to appraise keeps the framework with its draft: after a reload
  // (the .toml not opened again) the start page lists it and the files rank by it.
  await page.click("button:has-text('Trang đầu')");
  await page.setInputFiles("[data-testid=open-assessment]", files[0]);
  await page.waitForSelector("[data-testid=tree]");
  await page.waitForFunction(() => /Đã lưu/.test(document.querySelector("[data-testid=save-state]")?.textContent ?? ""));
  await page.reload();
  await page.waitForSelector("[data-testid=tree]");
  await page.click("[data-testid=to-start]");
  await page.waitForSelector("#fw-tinh-a-huyen-2022");
  await page.click("[data-testid=open-rank]");
  await page.setInputFiles("[data-testid=rank-files]", files);
  await page.waitForSelector("[data-testid=rank-table] tbody tr:nth-child(2)");
  assert.equal(await page.locator("[data-testid=rank-list] li.bad").count(), 0);
});

test("the inbox: files received first, where each appraisal stands, ranked together with a file of another year set apart", async () => {
  const base = JSON.parse(readFileSync(example, "utf8"));
  const fresh = structuredClone(base);
  fresh.unit = "UBND huyện Cầu Kè";
  delete fresh.appraisal;
  const done = structuredClone(base);
  done.unit = "UBND huyện Tiểu Cần";
  done.appraisal = structuredClone(done.self);
  const later = structuredClone(base);
  later.unit = "UBND huyện Càng Long";
  later.year = 2023;
  delete later.appraisal;
  const files = { "cau-ke": fresh, "tieu-can": done, "cang-long-2023": later };
  const paths = [example];
  for (const [name, body] of Object.entries(files)) {
    paths.push(join(work, `inbox-${name}.json`));
    writeFileSync(paths.at(-1), JSON.stringify(body, null, 2));
  }

  await freshBrowser();
  await page.goto(server.url + "tham-dinh/");
  await page.waitForSelector("[data-testid=drafts]");
  // "Mở hồ sơ đơn vị gửi" is the page's first control.
  assert.equal(await page.evaluate(() => document.querySelector("main input, main button").dataset.testid), "open-assessment");
  for (const path of paths) {
    await page.setInputFiles("[data-testid=open-assessment]", path);
    await page.waitForSelector("[data-testid=tree]");
    assert.equal(await page.getAttribute("[data-testid=mode-appraiser]", "aria-pressed"), "true");
    await page.click("[data-testid=to-start]");
    await page.waitForSelector("[data-testid=drafts]");
  }
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=draft]").length === 4);
  const inbox = await page.$$eval("[data-testid=draft]", (rows) =>
    Object.fromEntries(rows.map((r) => [r.querySelector("strong").textContent, r.querySelector("[data-testid=draft-status]").textContent])));
  assert.deepEqual(inbox, {
    "UBND huyện Trà Cú — 2022": "Đang thẩm định 4/38",
    "UBND huyện Cầu Kè — 2022": "Chưa thẩm định",
    "UBND huyện Tiểu Cần — 2022": "Đã thẩm định",
    "UBND huyện Càng Long — 2023": "Chưa thẩm định",
  });
  await shot("inbox", true);

  // The inbox feeds the ranking: the 2022 files are ranked, the 2023 one is named apart.
  await page.click("[data-testid=rank-received]");
  await page.waitForSelector("[data-testid=rank-table] tbody tr:nth-child(3)");
  const rows = await page.$$eval("[data-testid=rank-table] tbody tr", (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
  const expected = JSON.parse(cli("rank", ...paths.slice(0, 3), "--format", "json"));
  assert.deepEqual(rows.map((r) => [Number(r[0]), r[1], r[5]]), expected.rows.map((r) => [r.rank, r.unit, vi(r.index) + "%"]));
  const apart = await text("rank-excluded");
  assert.match(apart, /UBND huyện Càng Long — 2023 — khác năm: 2023 \(bảng xếp hạng năm 2022\)/);
  // The other group can be ranked instead.
  await page.selectOption("[data-testid=rank-group]", "mau-huyen@2022|2023");
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=rank-table] tbody tr").length === 1);
  assert.match(await text("rank-excluded"), /UBND huyện Cầu Kè — 2022 — khác năm: 2022/);
});

test("nothing left the origin and no script error happened", () => {
  assert.deepEqual(outside, []);
  assert.deepEqual(pageErrors, []);
});
