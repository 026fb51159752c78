// Storage safety and hostile input in the built app, in Chromium: a draft survives a
// reload in the middle of typing; a full storage triggers the backup download and the
// warning; oversized imports are refused with a message; markup stays text.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { artifacts, repo, servedWithBrowser, watchOrigin } from "./browser.mjs";

const example = readFileSync(join(repo, "examples/tra-cu-2022.json"), "utf8");
const env = servedWithBrowser("dist", "/");

async function fresh(options = {}) {
  const context = await env.browser.newContext({ acceptDownloads: true, ...options });
  const page = await context.newPage();
  page.on("dialog", (d) => d.accept());
  return { context, page };
}

test("a draft survives a reload in the middle of typing", async () => {
  const { context, page } = await fresh();
  await page.goto(env.server.url);
  await page.click("[data-testid=open-example]");
  await page.waitForSelector("[data-testid=tree]");
  await page.focus("#in-3-3-2-numerator");
  await page.keyboard.press("End");
  await page.keyboard.press("Backspace");
  await page.keyboard.type("5");
  // No wait for the debounce: the page is hidden and reloaded at once.
  await page.reload();
  await page.waitForSelector("[data-testid=notice-restored]");
  assert.equal(await page.inputValue("#in-3-3-2-numerator"), "6415");
  // When it was saved, in local time as people write it.
  assert.match(await page.textContent("[data-testid=notice-restored]"), /\(\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\)/);
  await context.close();
});

test("full storage: the backup downloads and the warning says so", async () => {
  const { context, page } = await fresh();
  // The browser's store refuses every write as a full disk does.
  await page.addInitScript(() => {
    IDBObjectStore.prototype.put = function () {
      throw new DOMException("quota", "QuotaExceededError");
    };
  });
  await page.goto(env.server.url);
  const downloaded = page.waitForEvent("download");
  await page.click("[data-testid=open-example]");
  await page.waitForSelector("[data-testid=tree]");
  const download = await downloaded;
  assert.equal(download.suggestedFilename(), "ubnd-huyen-tra-cu-2022-sao-luu.json");
  const file = join(artifacts, "backup.json");
  await download.saveAs(file);
  assert.deepEqual(JSON.parse(readFileSync(file, "utf8")), JSON.parse(example));
  await page.waitForSelector("[data-testid=notice-save-failed]");
  assert.match(await page.textContent("[data-testid=save-state]"), /CHƯA LƯU: bộ nhớ trình duyệt đã đầy/);
  // The backup can be downloaded again from the warning.
  const again = page.waitForEvent("download");
  await page.click("[data-testid=backup]");
  assert.ok(await again);
  await page.screenshot({ path: join(artifacts, "app-storage-full.png") });
  await context.close();
});

test("a browser store that never answers: after a moment the start page shows, not an empty page", async () => {
  const { context, page } = await fresh();
  await page.goto(env.server.url);
  await page.click("[data-testid=open-example]");
  await page.waitForSelector("[data-testid=tree]");
  // The draft is left open; on the next opening the browser's database hangs (its
  // requests never succeed nor fail), so the drafts cannot be read.
  await page.addInitScript(() => {
    Object.defineProperty(IDBFactory.prototype, "open", { value: () => ({}) });
  });
  const opened = Date.now();
  await page.reload();
  await page.waitForSelector("[data-testid=start]", { state: "visible", timeout: 10000 });
  assert.ok(Date.now() - opened >= 2500, "the start page waited for the draft a moment first");
  await context.close();
});

test("an oversized import is refused with a clear message", async () => {
  const { context, page } = await fresh();
  await page.goto(env.server.url);
  const big = join(artifacts, "big.json");
  writeFileSync(big, `{"unit":"${"a".repeat(6 * 1024 * 1024)}"}`);
  await page.setInputFiles("[data-testid=open-assessment]", big);
  // Said beside the button the person used.
  await page.waitForSelector("[data-testid=open-problem]");
  assert.match(await page.textContent("[data-testid=open-problem]"), /tệp quá lớn \(6144 KB, tối đa 5\.120 KB\)/);
  await context.close();
});

test("a broken file and a wrong value are told in the chosen language, placed in words", async () => {
  const { context, page } = await fresh();
  await page.goto(env.server.url);
  const cut = join(artifacts, "cut.json");
  writeFileSync(cut, example.slice(0, 200));
  await page.setInputFiles("[data-testid=open-assessment]", cut);
  await page.waitForSelector("[data-testid=open-problem]");
  const said = await page.textContent("[data-testid=open-problem]");
  assert.match(said, /lỗi cú pháp JSON ở dòng \d+, cột \d+: tệp kết thúc giữa chừng/);
  assert.ok(!/EOF|while parsing/.test(said), said);
  // A file naming a year that is not a number: where, in words, no internal path.
  const wrong = JSON.parse(example);
  wrong.year = "hai nghìn";
  const file = join(artifacts, "nam-sai.json");
  writeFileSync(file, JSON.stringify(wrong));
  await page.setInputFiles("[data-testid=open-assessment]", file);
  await page.waitForFunction(() => /Năm:/.test(document.querySelector("[data-testid=open-problem]")?.textContent ?? ""));
  const placed = await page.textContent("[data-testid=open-problem]");
  assert.ok(!/\byear\b/.test(placed), placed);
  await context.close();
});

test("markup in names and notes stays text and never runs", async () => {
  const { context, page } = await fresh();
  const outside = watchOrigin(page, env.server.origin);
  const hostile = JSON.parse(example);
  hostile.unit = `<img src=x onerror="window.__pwned=1">UBND <b>huyện</b>`;
  hostile.self["1.1.1"].note = `<script>window.__pwned=2</script>`;
  hostile.self["1.1.1"].evidence[0].title = `"><svg onload="window.__pwned=3">`;
  const file = join(artifacts, "hostile.json");
  writeFileSync(file, JSON.stringify(hostile));
  await page.goto(env.server.url);
  await page.setInputFiles("[data-testid=open-assessment]", file);
  await page.waitForSelector("[data-testid=tree]");
  assert.equal(await page.textContent("[data-testid=unit]"), `${hostile.unit} — 2022`);
  assert.equal(await page.inputValue("#in-1-1-1-note"), hostile.self["1.1.1"].note);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator("main img, main script, main svg b, header img").count(), 0);
  assert.deepEqual(outside, []);
  await context.close();
});
