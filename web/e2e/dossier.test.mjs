// The dossier (hồ sơ điện tử, docs/formats.md §6) end to end in Chromium: a unit attaches a
// PDF, a PNG and a .docx to two leaves of the Trà Cú example, reloads with the network off
// (the files are still there), exports the dossier (.zip) offline; `parindex dossier
// verify` accepts it and scores it as the app did; the desk, in another browser, opens it:
// every file's SHA-256 checked, the PDF shown inline, the image too; the appraiser's export
// adds a second round to the history; a dossier with one file altered is flagged on that
// leaf and in the summary. Then a 50 MB dossier: the time to attach, export and open it.
// Screenshots go to target/artifacts/ (dossier-*.png).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { join } from "node:path";
import { serve } from "./static-server.mjs";
import { artifacts, controlledByWorker, launch, newPage, repo, setOffline } from "./browser.mjs";

const work = join(artifacts, "dossier-files");
const bin = process.env.PARINDEX_BIN ?? join(repo, "target/debug/parindex");
let server, browser, context, page;
const outside = [];
const pageErrors = [];

const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");
const shot = (name, fullPage = false) => page.screenshot({ path: join(artifacts, `dossier-${name}.png`), fullPage });
const cli = (...args) => spawnSync(bin, args, { encoding: "utf8" });

/** A small well-formed PDF (one page of text, with its cross-reference table). */
function pdf(text) {
  const objects = [
    "<</Type/Catalog/Pages 2 0 R>>",
    "<</Type/Pages/Kids[3 0 R]/Count 1>>",
    "<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 144]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>",
    `<</Length ${`BT /F1 18 Tf 20 70 Td (${text}) Tj ET`.length}>>stream\nBT /F1 18 Tf 20 70 Td (${text}) Tj ET\nendstream`,
    "<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
  ];
  let out = "%PDF-1.4\n";
  const offsets = objects.map((o, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const at of offsets) out += `${String(at).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

// The documents: a PDF, a 2×2 PNG, a .docx-named file.
const PDF = pdf("Ke hoach CCHC 2022");
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==",
  "base64",
);
const DOCX = Buffer.concat([Buffer.from("PK\u0003\u0004"), randomBytes(2000)]);
const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

before(async () => {
  mkdirSync(work, { recursive: true });
  server = await serve(join(repo, "dist"), "/");
  browser = await launch();
});

after(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

/** A browser of its own (another office's computer): empty storage. */
async function freshBrowser() {
  await context?.close();
  ({ context, page } = await newPage(browser, server.origin, outside, pageErrors));
}

async function download(selector, path) {
  const [d] = await Promise.all([page.waitForEvent("download", { timeout: 120_000 }), page.click(selector)]);
  await d.saveAs(path);
  return d.suggestedFilename();
}

/** Polls `f` in the page until it returns true (15 s). */
async function until(f, arg, what) {
  for (let i = 0; i < 150; i++) {
    if (await page.evaluate(f, arg)) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`not so after 15 s: ${what}`);
}

const docs = (code) => page.locator(`[data-testid="doc-${code}"]`);

/** Records the page's Content-Security-Policy violations (in `window.cspViolations`). */
const watchCsp = () =>
  page.evaluate(() => {
    window.cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });

let unitZip;

test("a unit attaches documents, keeps them offline and exports the dossier", async () => {
  await freshBrowser();
  await page.goto(server.url);
  await controlledByWorker(page);
  await page.click("[data-testid=open-example]");
  await page.waitForSelector("[data-testid=tree]");
  await page.setInputFiles('[data-testid="attach-1.1.1"]', [
    { name: "ke-hoach-cchc-2022.pdf", mimeType: "application/pdf", buffer: PDF },
    { name: "anh-chup.png", mimeType: "image/png", buffer: PNG },
  ]);
  await page.setInputFiles('[data-testid="attach-1.1.2"]', [{ name: "bao-cao.docx", mimeType: DOCX_TYPE, buffer: DOCX }]);
  await until(() => document.querySelectorAll("[data-testid=doc-view], [data-testid=doc-download]").length === 3, null, "3 documents kept");
  assert.equal(await docs("1.1.1").count(), 2);
  assert.equal(await docs("1.1.2").count(), 1);
  // The same PDF again is not added twice.
  await page.setInputFiles('[data-testid="attach-1.1.1"]', [{ name: "ke-hoach-cchc-2022.pdf", mimeType: "application/pdf", buffer: PDF }]);
  await page.waitForTimeout(500);
  assert.equal(await docs("1.1.1").count(), 2);
  await page.locator("#leaf-1\\.1\\.1").screenshot({ path: join(artifacts, "dossier-attached.png") });
  // The draft names them (name, SHA-256, size, type) once it is saved.
  await page.waitForFunction(() => document.querySelector("[data-testid=save-state]")?.textContent.includes("Đã lưu"));

  // The dossier code is fetched a few seconds after an assessment opens, and kept.
  await until(async () => !!(await caches.match("./parindex-zip_bg.wasm")), null, "the dossier module kept for offline use");
  // Offline: the page reloads from the service worker, the documents from IndexedDB.
  await setOffline(context, server, true);
  await page.reload();
  await page.waitForSelector("[data-testid=tree]");
  await until(() => document.querySelectorAll("[data-testid=doc-view], [data-testid=doc-download]").length === 3, null, "3 documents after reload");
  assert.equal(await page.locator("[data-testid=file-not-attached]").count(), 0);
  await page.click("[data-testid=to-summary]");
  await page.waitForSelector("[data-testid=dossier-files]");
  assert.match(await page.textContent("[data-testid=dossier-files]"), /3 tệp/);
  await page.waitForSelector("[data-testid=storage-space]");

  // Exported offline: the dossier code was fetched while the assessment was open.
  unitZip = join(work, "tra-cu-don-vi.zip");
  const started = Date.now();
  assert.equal(await download("[data-testid=export-zip]", unitZip), "ubnd-huyen-tra-cu-2022.zip");
  console.log(`# export of a small dossier: ${Date.now() - started} ms`);
  await until(() => document.querySelectorAll("[data-testid=history-entry]").length === 1, null, "one history entry");
  assert.match(await page.textContent("[data-testid=history]"), /Lần 1 — Tự đánh giá/);
  await setOffline(context, server, false);

  // The CLI checks it and scores it as the app does.
  const verify = cli("dossier", "verify", unitZip);
  assert.equal(verify.status, 0, verify.stderr);
  const card = JSON.parse(cli("score", unitZip, "--format", "json").stdout);
  assert.equal(card.total.points.replace(".", ","), await page.textContent("[data-testid=total-points]"));
  const unpacked = join(work, "unpacked");
  rmSync(unpacked, { recursive: true, force: true });
  const unpack = cli("dossier", "unpack", unitZip, unpacked);
  assert.equal(unpack.status, 0, unpack.stderr);
  const manifest = JSON.parse(readFileSync(join(unpacked, "manifest.json"), "utf8"));
  assert.deepEqual(
    manifest.files.map((f) => [f.path, f.sha256, f.type]),
    [
      ["tai-lieu/1.1.1/ke-hoach-cchc-2022.pdf", sha256(PDF), "application/pdf"],
      ["tai-lieu/1.1.1/anh-chup.png", sha256(PNG), "image/png"],
      ["tai-lieu/1.1.2/bao-cao.docx", sha256(DOCX), DOCX_TYPE],
    ],
  );
  assert.equal(manifest.history[0].role, "unit");
  assert.equal(manifest.history[0].total.points, card.total.points);
});

async function openOnDesk(zip) {
  await freshBrowser();
  await page.goto(`${server.url}tham-dinh/`);
  await page.waitForSelector("[data-testid=open-assessment]");
  await page.setInputFiles("[data-testid=open-assessment]", zip);
  await page.waitForSelector("[data-testid=tree]");
}

let appraisedZip;

test("the desk opens the dossier: files checked, PDF and image shown inline, history grows", async () => {
  await openOnDesk(unitZip);
  await until(() => document.querySelectorAll("[data-testid=doc-verified]").length === 3, null, "3 files verified");
  await watchCsp();
  const pdf = page.locator('[data-path="tai-lieu/1.1.1/ke-hoach-cchc-2022.pdf"]');
  await pdf.locator("summary").click();
  const frame = pdf.locator("iframe[data-testid=doc-preview]");
  await frame.waitFor();
  const src = await frame.getAttribute("src");
  assert.match(src, /^blob:/);
  // The browser's own viewer loads it in the page (the CSP allows the page's own blob:
  // frames, nothing else): the frame is there, and nothing was refused.
  for (let i = 0; i < 50 && !page.frames().some((f) => f.url() === src); i++) await page.waitForTimeout(100);
  assert.ok(page.frames().some((f) => f.url() === src), `a frame at ${src}: ${page.frames().map((f) => f.url())}`);
  const png = page.locator('[data-path="tai-lieu/1.1.1/anh-chup.png"]');
  await png.locator("summary").click();
  await until(() => document.querySelector('[data-path="tai-lieu/1.1.1/anh-chup.png"] img')?.naturalWidth === 2, null, "the image shown");
  assert.equal(await page.locator('[data-path="tai-lieu/1.1.2/bao-cao.docx"] [data-testid=doc-download]').getAttribute("download"), "bao-cao.docx");
  assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
  await page.locator("#leaf-1\\.1\\.1").screenshot({ path: join(artifacts, "dossier-desk-leaf.png") });

  // The appraiser agrees with 1.1.1 and sends the dossier back: a second round.
  await page.click('[data-testid="agree-1.1.1"]');
  await page.click("[data-testid=to-summary]");
  await page.waitForSelector("[data-testid=history]");
  appraisedZip = join(work, "tra-cu-tham-dinh.zip");
  await download("[data-testid=export-zip]", appraisedZip);
  await until(() => document.querySelectorAll("[data-testid=history-entry]").length === 2, null, "two history entries");
  const history = await page.textContent("[data-testid=history]");
  assert.match(history, /Lần 1 — Tự đánh giá/);
  assert.match(history, /Lần 2 — Thẩm định/);
  assert.match(history, /kết quả thẩm định \(1\): 1\.1\.1/);
  await page.locator("[data-testid=dossier]").screenshot({ path: join(artifacts, "dossier-history.png") });
  assert.equal(cli("dossier", "verify", appraisedZip).status, 0);

  // Opened again elsewhere, the history has both rounds.
  await openOnDesk(appraisedZip);
  await page.click("[data-testid=to-summary]");
  await until(() => document.querySelectorAll("[data-testid=history-entry]").length === 2, null, "both rounds received");
  assert.deepEqual(pageErrors, []);
  // Nothing leaves the origin (the PDF viewer's own pages are the browser's, not requests).
  assert.deepEqual(outside.filter((u) => !/^chrome(-extension)?:\/\//.test(u)), []);
});

/** CRC-32 (zip's). */
function crc32(bytes) {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/**
 * The dossier with one byte of a stored file changed, its CRC-32 updated in the local
 * and central headers: a well-formed zip whose file no longer matches its SHA-256.
 */
function altered(zip, name) {
  const out = Buffer.from(zip);
  const key = Buffer.from(name);
  const local = out.indexOf(Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4])]), 0);
  for (let at = local; at >= 0; at = out.indexOf(Buffer.from([0x50, 0x4b, 3, 4]), at + 4)) {
    const nameLen = out.readUInt16LE(at + 26);
    const extra = out.readUInt16LE(at + 28);
    if (!out.subarray(at + 30, at + 30 + nameLen).equals(key)) continue;
    const size = out.readUInt32LE(at + 18);
    const start = at + 30 + nameLen + extra;
    out[start + size - 1] ^= 0xff;
    const crc = crc32(out.subarray(start, start + size));
    out.writeUInt32LE(crc, at + 14);
    const central = out.indexOf(Buffer.concat([Buffer.from([0x50, 0x4b, 1, 2])]));
    for (let c = central; c >= 0; c = out.indexOf(Buffer.from([0x50, 0x4b, 1, 2]), c + 4)) {
      if (out.subarray(c + 46, c + 46 + out.readUInt16LE(c + 28)).equals(key)) out.writeUInt32LE(crc, c + 16);
    }
    return out;
  }
  throw new Error(`${name} not in the zip`);
}

test("a dossier with one file altered is flagged on that leaf and in the summary", async () => {
  const tampered = join(work, "tra-cu-sua.zip");
  writeFileSync(tampered, altered(readFileSync(unitZip), "tai-lieu/1.1.1/anh-chup.png"));
  const verify = cli("dossier", "verify", tampered);
  assert.equal(verify.status, 1);
  assert.match(verify.stderr, /anh-chup\.png/);
  await openOnDesk(tampered);
  const png = page.locator('[data-path="tai-lieu/1.1.1/anh-chup.png"]');
  await png.locator("[data-testid=doc-problem]").waitFor();
  assert.match(await png.textContent(), /bị thay đổi/);
  await until(() => document.querySelectorAll("[data-testid=doc-verified]").length === 2, null, "the other two verified");
  await page.locator("#leaf-1\\.1\\.1").screenshot({ path: join(artifacts, "dossier-altered.png") });
  await page.click("[data-testid=to-summary]");
  assert.match(await page.textContent("[data-testid=dossier-problems]"), /tai-lieu\/1\.1\.1\/anh-chup\.png/);
  // The inbox says it too, beside the file received.
  await page.click("[data-testid=to-start]");
  await page.waitForSelector("[data-testid=draft]");
  assert.match(await page.textContent("[data-testid=draft]"), /3 tệp \(1 có vấn đề\)/);
});

test("the ranking reads dossiers (as the comparison does: one reader); a file that is not a dossier is refused in words", async () => {
  await freshBrowser();
  await page.goto(`${server.url}tham-dinh/`);
  await page.waitForSelector("[data-testid=open-rank]");
  await page.click("[data-testid=open-rank]");
  await page.setInputFiles("[data-testid=rank-files]", [unitZip, appraisedZip]);
  await until(() => document.querySelectorAll("[data-testid=rank-table] tbody tr").length === 2, null, "two dossiers ranked");
  // Garbage named .zip: the dossier reader's own words, beside the button.
  const broken = join(work, "hong.zip");
  writeFileSync(broken, Buffer.from("PK\u0003\u0004 không phải tệp zip"));
  await page.goto(`${server.url}tham-dinh/`);
  await page.setInputFiles("[data-testid=open-assessment]", broken);
  await page.waitForSelector("[data-testid=open-problem]");
  assert.match(await page.textContent("[data-testid=open-problem]"), /không phải là hồ sơ \.zip đọc được/);
});

test("a file the browser cannot store is named beside the picker; what was kept stays", async () => {
  await freshBrowser();
  // The site's quota cut to 4 MB (Chromium's own switch; the app's files take about 1):
  // a small file is kept, a 6 MB one cannot be.
  const cdp = await context.newCDPSession(page);
  await cdp.send("Storage.overrideQuotaForOrigin", { origin: server.origin, quotaSize: 4 * 1024 * 1024 });
  await page.goto(server.url);
  await page.click("[data-testid=open-example]");
  await page.waitForSelector("[data-testid=tree]");
  await page.setInputFiles('[data-testid="attach-1.1.1"]', [{ name: "nho.png", mimeType: "image/png", buffer: PNG }]);
  await page.locator('[data-testid="doc-1.1.1"] [data-testid=doc-view]').waitFor();
  await page.setInputFiles('[data-testid="attach-1.1.1"]', [{ name: "lon.pdf", mimeType: "application/pdf", buffer: randomBytes(6 * 1024 * 1024) }]);
  await page.waitForSelector("[data-testid=attach-problem]");
  assert.match(await page.textContent("[data-testid=attach-problem]"), /lon\.pdf: bộ nhớ trình duyệt đã đầy.*xuất hồ sơ \(\.zip\) ngay/);
  assert.equal(await docs("1.1.1").count(), 1, "the kept file is still there");
  await cdp.send("Storage.overrideQuotaForOrigin", { origin: server.origin });
  // A file larger than a dossier holds (50 MB) is refused before it is read.
  const huge = join(work, "qua-lon.pdf");
  writeFileSync(huge, Buffer.alloc(51 * 1024 * 1024));
  await page.setInputFiles('[data-testid="attach-1.1.1"]', huge);
  await page.waitForFunction(() => /qua-lon\.pdf: tệp quá lớn \(51,0 MB; tối đa 50 MB một tệp\)/.test(document.querySelector("[data-testid=attach-problem]")?.textContent));
  rmSync(huge);
  // Dropped files are attached like chosen ones.
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File(["Biên bản"], "bien-ban.txt", { type: "text/plain" }));
    document.querySelector("#leaf-1\\.1\\.1 .evidence").dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await page.locator('[data-path="tai-lieu/1.1.1/bien-ban.txt"] [data-testid=doc-download]').waitFor();
});

test("a 50 MB dossier: time to attach, export and open it", async () => {
  const big = join(work, "ho-so-lon.pdf");
  const bytes = randomBytes(50 * 1024 * 1024);
  writeFileSync(big, bytes);
  await freshBrowser();
  await page.goto(server.url);
  await page.click("[data-testid=open-example]");
  await page.waitForSelector("[data-testid=tree]");
  let t = Date.now();
  await page.setInputFiles('[data-testid="attach-2.1.1"]', big);
  await page.locator('[data-testid="doc-2.1.1"] [data-testid=doc-view]').waitFor({ timeout: 120_000 });
  const attach = Date.now() - t;
  const zip = join(work, "ho-so-lon.zip");
  t = Date.now();
  await download("[data-testid=export-zip]", zip);
  const exported = Date.now() - t;
  await page.close();
  t = Date.now();
  await openOnDesk(zip);
  await page.locator('[data-testid="doc-2.1.1"] [data-testid=doc-verified]').waitFor({ timeout: 120_000 });
  const opened = Date.now() - t;
  // Ranking reads each dossier's assessment, not its documents: three copies of it (150 MB)
  // rank in a fraction of the time one takes to open, unpacked and hashed, in the same run.
  const copies = [1, 2, 3].map((i) => join(work, `ho-so-lon-${i}.zip`));
  for (const copy of copies) copyFileSync(zip, copy);
  await freshBrowser();
  await page.goto(`${server.url}tham-dinh/`);
  await page.click("[data-testid=open-rank]");
  t = Date.now();
  await page.setInputFiles("[data-testid=rank-files]", copies);
  await until(() => document.querySelectorAll("[data-testid=rank-table] tbody tr").length === 3, null, "three dossiers ranked");
  const ranked = Date.now() - t;
  console.log(`# 50 MB dossier in Chromium: attach ${attach} ms, export ${exported} ms, open on the desk ${opened} ms; three copies ranked in ${ranked} ms`);
  // Generous: these machines are shared; the figures are what matters.
  for (const ms of [attach, exported, opened, ranked]) assert.ok(ms < 90_000, `${ms} ms`);
  assert.ok(ranked * 2 < opened, `ranking three copies (${ranked} ms) is not quicker than opening one (${opened} ms)`);
  assert.equal(cli("dossier", "verify", zip).status, 0);
});
