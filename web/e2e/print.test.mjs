// Printing the report to PDF with headless Chromium, as a person printing from their
// browser: the draft is put in a browser profile by using the app, then Chromium opens
// the report's address (#bao-cao) from that profile and prints it. The PDF's
// text (pdftotext) must hold the standard table with the expected totals and none of
// the app around it; an appraisal with a change left uncommented prints only the
// reason. The first page is drawn as PNG (pdftoppm) into target/artifacts/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "./static-server.mjs";
import { launchPersistent } from "./browser.mjs";

const repo = join(dirname(fileURLToPath(import.meta.url)), "../..");
const artifacts = join(repo, "target/artifacts");
const example = JSON.parse(readFileSync(join(repo, "examples/tra-cu-2022.json"), "utf8"));
let server;
const profiles = [];

before(async () => {
  mkdirSync(artifacts, { recursive: true });
  server = await serve(join(repo, "dist"), "/");
});

after(async () => {
  await server?.close();
  for (const p of profiles) rmSync(p, { recursive: true, force: true });
});

/** A browser profile holding `assessment` as its saved draft, entered through the app. */
async function profileWith(assessment, name) {
  const dir = mkdtempSync(join(tmpdir(), "parindex-print-"));
  profiles.push(dir);
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(assessment, null, 2));
  const context = await launchPersistent(join(dir, "profile"), { locale: "vi-VN" });
  const page = await context.newPage();
  page.on("dialog", (d) => d.accept());
  await page.goto(server.url);
  await page.waitForSelector("[data-testid=start]");
  await page.setInputFiles("[data-testid=open-assessment]", file);
  await page.waitForFunction(() => /Đã lưu/.test(document.querySelector("[data-testid=save-state]")?.textContent ?? ""));
  await context.close();
  // A Chromium still holding the profile would take the print request and drop it.
  const lock = join(dir, "profile", "SingletonLock");
  for (let i = 0; i < 100 && lstatOrNull(lock); i++) await new Promise((r) => setTimeout(r, 100));
  assert.equal(lstatOrNull(lock), null, "the browser released its profile");
  return join(dir, "profile");
}

function lstatOrNull(path) {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

/**
 * Chromium prints the report to PDF from `profile`, as the person's browser would once the
 * report is on screen: the page opened at the report's address (#bao-cao) from that
 * profile, the report (or the reason it cannot be printed) waited for, then printed with
 * the page's own CSS page size and no browser header or footer. (Chromium's command-line
 * `--print-to-pdf` prints when its virtual time runs out, which need not wait for the
 * draft to be read from the browser's storage.) Returns the PDF's path and text.
 */
async function printReport(profile, name) {
  const pdf = join(artifacts, `${name}.pdf`);
  rmSync(pdf, { force: true });
  const context = await launchPersistent(profile, { locale: "vi-VN" });
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}#bao-cao`);
    await page.waitForSelector("[data-testid=report]");
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  } finally {
    await context.close();
  }
  const text = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  assert.equal(text.status, 0, text.stderr);
  const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout;
  return { pdf, text: text.stdout, info };
}

test("the report prints to a clean A4 PDF with the standard table and the expected totals", async () => {
  const assessment = structuredClone(example);
  assessment.self["3.1.2"].explanation = "Đã niêm yết đủ 245 TTHC ngày 15/9/2022 (ảnh chụp kèm theo).";
  const { pdf, text, info } = await printReport(await profileWith(assessment, "tra-cu"), "bao-cao-tra-cu");
  assert.match(info, /Page size:.*\(A4\)/);
  assert.match(text, /UBND HUYỆN TRÀ CÚ/);
  assert.match(text, /BẢNG TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM/);
  // Both totals, as `parindex score` gives them: 80,78 self-assessed, 78,28 appraised.
  assert.match(text, /Tự đánh giá\s+80,78\s+96,5\s+83,71%\s+Tốt/);
  assert.match(text, /Thẩm định\s+78,28\s+96,5\s+81,12%\s+Tốt/);
  // The table's columns, an evidence reference, an explanation of lost points, the
  // unit's giải trình, and the field summary.
  assert.match(text, /Mã\s+Lĩnh vực, tiêu chí\s+Điểm\s+Điểm\s+Điểm\s+Tài liệu kiểm\s+Giải thích/);
  assert.match(text, /05\/KH-UBND/);
  assert.match(text, /Giải trình: Đã niêm yết đủ 245 TTHC/);
  assert.match(text, /Thẩm định so với tự đánh giá/);
  assert.match(text, /Tổng hợp theo lĩnh vực/);
  // An administrative paper: Quốc hiệu, Tiêu ngữ, number, place and date to fill in; the
  // appraisal's signature blocks; every page numbered "n/N".
  // The appraising body writes its name in; the paper is the appraisal's.
  assert.match(text, /……………………………\s+CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\s+Số: ……\/……\s+Độc lập - Tự do - Hạnh phúc/);
  assert.match(text, /……………, ngày …… tháng …… năm ……/);
  assert.match(text, /KẾT QUẢ THẨM ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2022/);
  assert.match(text, /NGƯỜI THẨM ĐỊNH\s+THỦ TRƯỞNG CƠ QUAN THẨM ĐỊNH/);
  const pages = Number(/Pages:\s+(\d+)/.exec(info)[1]);
  assert.ok(pages > 1, "several pages");
  for (let p = 1; p <= pages; p++) assert.match(text, new RegExp(`\\b${p}/${pages}\\b`), `page ${p} numbered`);
  // Nothing of the app around it.
  for (const chrome of ["Trang đầu", "Xuất tệp", "In báo cáo", "Tiếng Việt", "Đã lưu"]) {
    assert.ok(!text.includes(chrome), `the PDF shows "${chrome}"`);
  }
  const png = spawnSync("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf, join(artifacts, "report-page-1")]);
  assert.equal(png.status, 0, String(png.stderr));
});

test("the unit's report before appraisal: its own heading and signatures, no empty appraisal column", async () => {
  const assessment = structuredClone(example);
  delete assessment.appraisal;
  const { text } = await printReport(await profileWith(assessment, "truoc-tham-dinh"), "bao-cao-truoc-tham-dinh");
  assert.match(text, /UBND HUYỆN TRÀ CÚ\s+CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
  assert.match(text, /BẢNG TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM/);
  assert.match(text, /NGƯỜI LẬP BIỂU\s+THỦ TRƯỞNG ĐƠN VỊ/);
  assert.match(text, /\(Ký, ghi rõ họ tên\)\s+\(Ký tên, đóng dấu\)/);
  assert.ok(!text.includes("THẨM ĐỊNH"), "nothing of an appraisal");
  // Code, criterion, max, self points, evidence, why: the headings of five columns
  // after the code, none for an appraisal.
  assert.match(text, /Mã\s+Lĩnh vực, tiêu chí\s+Điểm\s+Điểm tự\s+Tài liệu kiểm\s+Giải thích/);
});

test("an appraisal change without its comment prints only the reason", async () => {
  const assessment = structuredClone(example);
  delete assessment.appraisal["3.1.2"].comment;
  const { text } = await printReport(await profileWith(assessment, "thieu-nhan-xet"), "bao-cao-thieu-nhan-xet");
  assert.match(text, /Chưa in được: .*3\.1\.2/);
  assert.ok(!text.includes("BẢNG TỔNG HỢP"), "the report itself is not printed");
});
