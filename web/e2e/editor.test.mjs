// The framework editor (dist/bo-chi-so/) end to end in Chromium: a table copied from a
// Word document is pasted → the criteria tree appears, each parent's maximum checked
// against its children as the person types → a finding is resolved (the rule changed in
// its form, marked dealt with) → the draft survives a reload → the .toml is exported,
// equal to what `parindex framework import` prints for the same table with the same
// change → opened in the units' app → scored. Also: a file opened, bad input told where.
// Screenshots go to target/artifacts/ (editor-*.png).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { serve } from "./static-server.mjs";
import { beginWithFramework, launch, newPage, repo, artifacts, setOffline } from "./browser.mjs";

const work = join(artifacts, "editor-files");
const bin = process.env.PARINDEX_BIN ?? join(repo, "target/debug/parindex");
const wordTable = join(repo, "tests/annex/so-2025-word-clipboard.html");
let server, browser, context, page;
const outside = [];
const pageErrors = [];
const requested = [];

const text = (id) => page.textContent(`[data-testid="${id}"]`);
const shot = (name, fullPage = false) => page.screenshot({ path: join(artifacts, `editor-${name}.png`), fullPage });
const cli = (...args) => {
  const r = spawnSync(bin, args, { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
};

before(async () => {
  mkdirSync(work, { recursive: true });
  server = await serve(join(repo, "dist"), "/");
  browser = await launch();
  ({ context, page } = await newPage(browser, server.origin, outside, pageErrors));
  page.on("request", (r) => requested.push(r.url()));
});

after(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  assert.deepEqual(outside, [], "the editor talks to nothing but its own origin");
  assert.deepEqual(pageErrors, []);
});

/** Pastes as Word does: the clipboard holds the table as HTML (and as plain text). */
async function paste(html, plain = "") {
  await page.focus("[data-testid=paste]");
  await page.evaluate(([html, plain]) => {
    const data = new DataTransfer();
    data.setData("text/html", html);
    data.setData("text/plain", plain);
    const event = new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true });
    document.querySelector("[data-testid=paste]").dispatchEvent(event);
  }, [html, plain]);
}

const openDecisions = async () => Number((await text("open-decisions")).split(" ")[0]);

test("a table pasted from Word becomes the criteria tree, checked as the person types", async () => {
  // Reached from the units' app.
  await page.goto(server.url);
  await page.click("[data-testid=to-editor]");
  await page.waitForURL(/bo-chi-so\/$/);
  await page.waitForSelector("[data-testid=intake]");
  const started = await page.evaluate(() => performance.now());
  await paste(readFileSync(wordTable, "utf8"), "STT\tLĩnh vực");
  await page.waitForSelector("[data-testid=criteria]");
  const ms = (await page.evaluate(() => performance.now())) - started;
  console.log(`editor: the Word table (${readFileSync(wordTable).length} bytes, 33 rows) read, checked and shown in ${ms.toFixed(0)} ms`);
  // Every criterion the CLI reads from the same table, in order.
  const toml = cli("framework", "import", wordTable, "--id", "bo-chi-so");
  const expected = [...toml.matchAll(/^code = "([^"]+)"/gm)].map((m) => m[1]);
  const codes = await page.$$eval("[data-testid=criterion]", (els) => els.map((e) => e.dataset.code));
  assert.deepEqual(codes, expected);
  assert.ok(await page.$("[data-testid=valid]"), "the pasted table is a valid framework");
  assert.match(await text("sum-1"), /Tổng các tiêu chí con: 8 ✓/);
  assert.equal(await page.inputValue('[data-testid="fw-id"]'), "bo-chi-so");
  assert.equal(await page.inputValue('[data-testid="fw-level"]'), "department");
  // The annex's words beside the leaf, with the row they were read from.
  assert.match(await page.textContent("#tc-1-1-1 .words"), /dòng 5[\s\S]*Ban hành trước ngày 15\/01: 1 điểm/);
  assert.match(await page.textContent("#tc-1-1-2 .words"), /Hoàn thành từ 70% đến dưới 90% kế hoạch: 0,75 điểm/);
  // The deadline proposed from "trước ngày 15/01": on time until 14/01.
  assert.equal(await page.inputValue('[data-testid="due-1.1.1"]'), "14/01");
  await shot("pasted");
  await page.locator("[data-testid=findings]").screenshot({ path: join(artifacts, "editor-findings.png") });

  // A maximum typed with a decimal comma: the parent's sum no longer matches, the core says why.
  await page.fill('[data-testid="max-1.1.1"]', "1,5");
  await page.waitForSelector("[data-testid=invalid]");
  assert.match(await text("sum-1.1"), /≠/);
  assert.ok(await page.$("#tc-1-1 [data-testid=checks]"), "the message is beside the criterion");
  await page.fill('[data-testid="max-1.1.1"]', "1");
  await page.waitForSelector("[data-testid=valid]");
  assert.match(await text("sum-1.1"), /2,5 ✓/);
});

test("a finding is resolved: taken to its criterion, the rule changed, marked dealt with", async () => {
  const before = await openDecisions();
  assert.ok(before > 0);
  const finding = page.locator('[data-testid=finding][data-code="annex.if-no-cases"]', { hasText: "1.1.2" });
  await finding.locator("button.link").click();
  // The criterion is in view and its first field has the focus.
  assert.equal(await page.evaluate(() => document.activeElement.closest("[data-testid=criterion]")?.dataset.code), "1.1.2");
  await page.selectOption('[data-testid="if_no_cases-1.1.2"]', "max");
  await finding.locator("[data-testid=resolve]").check();
  assert.equal(await openDecisions(), before - 1);
  await page.locator("#tc-1-1-2").screenshot({ path: join(artifacts, "editor-leaf.png") });

  // Nothing is lost: the draft is back after a reload, with the change and the mark —
  // offline too, once the editor's files are kept.
  const kept = () => page.evaluate(async () =>
    Boolean(navigator.serviceWorker.controller) &&
    Boolean(await (await caches.open("parindex-app-v1")).match("./parindex-editor_bg.wasm")));
  // Up to a minute: the worker's install fetches the whole units' app, slow when every
  // browser test runs at once on two cores. An install that failed (a fetch refused on a
  // loaded machine: the worker is then dropped) is tried again by the next visit, as a
  // person's next visit would: the page is reloaded once, half way.
  for (let i = 0; i < 600 && !(await kept()); i++) {
    if (i === 300) {
      await page.reload();
      await page.waitForSelector("[data-testid=criteria]");
    }
    await page.waitForTimeout(100);
  }
  assert.ok(await kept(), `the editor's files are kept: ${await page.evaluate(async () => JSON.stringify({
    registration: await navigator.serviceWorker.getRegistration().then((r) => r && { installing: !!r.installing, waiting: !!r.waiting, active: r.active?.state }),
    controller: Boolean(navigator.serviceWorker.controller),
    kept: (await (await caches.open("parindex-app-v1")).keys()).map((r) => r.url).filter((u) => u.includes("bo-chi-so")),
  }))}`);
  await setOffline(context, server, true);
  try {
    await page.reload();
    await page.waitForSelector("[data-testid=criteria]");
    assert.equal(await page.inputValue('[data-testid="if_no_cases-1.1.2"]'), "max");
    assert.equal(await openDecisions(), before - 1);
  } finally {
    await setOffline(context, server, false);
  }
});

let exported;

test("the .toml exported is the CLI's import with the person's change, and the units' app scores with it", async () => {
  exported = join(work, "bo-chi-so-2025.toml");
  const [d] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid=export]")]);
  assert.equal(d.suggestedFilename(), "bo-chi-so-2025.toml");
  await d.saveAs(exported);
  const ours = readFileSync(exported, "utf8");
  const cliToml = cli("framework", "import", wordTable, "--id", "bo-chi-so");
  const changed = cliToml.replace(
    /(code = "1\.1\.2"[\s\S]*?if_no_cases = )"not-applicable"/,
    '$1"max"',
  );
  assert.notEqual(changed, cliToml);
  assert.equal(ours, changed);
  cli("validate", exported);

  // The units' app opens it and scores with it.
  await page.goto(server.url);
  await page.waitForSelector("[data-testid=start]");
  await beginWithFramework(page, exported, "#fw-bo-chi-so-2025", "Sở Thử Nghiệm", "2025");
  await page.check("#leaf-1\\.2 input[type=radio] >> nth=0");
  await page.waitForFunction(() => document.querySelector("[data-testid=total-points]")?.textContent === "1");
  // The CLI scores the same entry with the same file alike.
  const assessment = {
    format: 1, framework: "bo-chi-so@2025", unit: "Sở Thử Nghiệm", year: 2025,
    self: { "1.2": { choice: ours.match(/code = "1\.2"[\s\S]*?key = "([^"]+)"/)[1] } },
  };
  const path = join(work, "so-thu-nghiem.json");
  writeFileSync(path, JSON.stringify(assessment));
  const card = JSON.parse(cli("score", path, "--framework", exported, "--format", "json"));
  assert.equal(card.total.points, "1");
});

test("a file opened, and bad input told where it is", async () => {
  await page.goto(server.url + "bo-chi-so/");
  await page.waitForSelector("[data-testid=criteria]");
  // A document that is not a table: the message names it, the draft stays.
  const bad = join(work, "khong-phai-bang.html");
  writeFileSync(bad, "<p>Chỉ có chữ, không có bảng</p>");
  await page.setInputFiles("[data-testid=open]", bad);
  await page.waitForSelector("[data-testid=notice]");
  assert.match(await text("notice"), /khong-phai-bang\.html: nội dung HTML không có bảng nào/);
  assert.ok(await page.$("[data-testid=criteria]"), "the draft is still there");
  // A decision's annex as a PDF (the picker lists it): what to do with it instead.
  const pdf = join(work, "phu-luc.pdf");
  writeFileSync(pdf, "%PDF-1.4 phụ lục");
  await page.setInputFiles("[data-testid=open]", pdf);
  await page.waitForFunction(() => /phu-luc\.pdf/.test(document.querySelector("[data-testid=notice]")?.textContent ?? ""));
  assert.match(await text("notice"), /phu-luc\.pdf: không đọc được loại tệp này .* — tệp PDF: mở bằng trình xem PDF, chọn cả bảng phụ lục, sao chép và dán vào trang soạn/);
  // A workbook, read by the .xlsx reader the page loads only now: the CLI's export of a
  // built-in framework comes back as that framework, with nothing to decide.
  const workbook = join(work, "mau-huyen-2022.xlsx");
  cli("framework", "export", "mau-huyen@2022", "--output", workbook);
  const xlsxReader = () => requested.filter((u) => u.includes("parindex-xlsx")).length;
  assert.equal(xlsxReader(), 0, "the .xlsx reader is not part of the page's first visit");
  await page.setInputFiles("[data-testid=open]", workbook);
  await page.waitForFunction(() => document.querySelector('[data-testid="fw-id"]')?.value === "mau-huyen");
  assert.ok(await page.$("[data-testid=valid]"));
  assert.equal(await openDecisions(), 0);
  assert.ok(xlsxReader() > 0, "the .xlsx reader was loaded to open the workbook");
  assert.deepEqual(
    await page.$$eval("[data-testid=criterion]", (els) => els.map((e) => e.dataset.code)),
    [...readFileSync(join(repo, "frameworks/mau-huyen-2022.toml"), "utf8").matchAll(/^code = "([^"]+)"/gm)].map((m) => m[1]),
  );
  // A framework file opens as a draft (the dialog asking to replace is accepted).
  await page.setInputFiles("[data-testid=open]", join(repo, "frameworks/mau-xa-2024.toml"));
  await page.waitForFunction(() => document.querySelector('[data-testid="fw-id"]')?.value === "mau-xa");
  assert.ok(await page.$("[data-testid=valid]"));
  assert.equal(await page.$("[data-testid=findings]"), null, "a framework file has no findings");
  await shot("opened", true);

  // Usable on a 360-pixel phone: nothing wider than the screen.
  await page.setViewportSize({ width: 360, height: 740 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `horizontal overflow of ${overflow}px`);
  await shot("phone");
  await page.setViewportSize({ width: 1200, height: 1000 });

  // A row the annex reader missed is added by hand; a criterion is removed with its children.
  await page.click('[data-testid="add-child-1.3"]');
  await page.waitForSelector("#tc-1-3-1");
  assert.match(await text("sum-1.3"), /≠/);
  assert.ok(await page.$("[data-testid=invalid]"));
  await page.click('[data-testid="remove-1.3.1"]');
  await page.waitForFunction(() => !document.querySelector("#tc-1-3-1"));
  // 1.3 is a leaf again, without its rule until one is chosen.
  await page.selectOption('[data-testid="kind-1.3"]', "manual");
  await page.waitForSelector("[data-testid=valid]");
  const fields = await page.$$eval("[data-testid=criterion]", (els) => els.filter((e) => !e.dataset.code.includes(".")).length);
  await page.click("[data-testid=add-field]");
  await page.waitForSelector(`#tc-${fields + 1}`);
  await page.click(`[data-testid="remove-${fields + 1}"]`);
  await page.waitForSelector("[data-testid=valid]");
});
