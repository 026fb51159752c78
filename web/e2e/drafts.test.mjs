// Every assessment is a draft of its own, kept in IndexedDB, in Chromium: the repro of
// "The officer's real year" (a commune's draft lost by opening the example twice), the
// question asked when a file has the unit and year of a stored draft, rename, duplicate,
// the bin, the desk's separate workspace, and the move of an earlier build's
// localStorage draft into the store.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { artifacts, controlledByWorker, servedWithBrowser, setOffline, storedDrafts, waitForDrafts } from "./browser.mjs";

const env = servedWithBrowser("dist", "/");

/** A new person's browser on the start page. */
async function fresh() {
  const context = await env.browser.newContext({ viewport: { width: 1200, height: 1000 }, locale: "vi-VN", acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  // Confirmations are accepted; a prompt is answered with the next of `answers`.
  const answers = [];
  page.on("dialog", (d) => (d.type() === "prompt" ? d.accept(answers.shift() ?? d.defaultValue()) : d.accept()));
  await page.goto(env.server.url);
  await page.waitForSelector("[data-testid=start]");
  return { context, page, errors, answers };
}

const live = (drafts, ws = "unit") => drafts.filter((d) => d.workspace === ws && !d.deleted);
const rows = (page) => page.locator("[data-testid=drafts] [data-testid=draft]");
/** Waits until the list shows `n` live drafts: a draft closed a moment ago is listed once
 * its write to IndexedDB commits (the journal holds it meanwhile). */
const listed = (page, n) =>
  page.waitForFunction((n) => document.querySelectorAll("[data-testid=drafts] [data-testid=draft]").length === n, n, { timeout: 15000 });

async function toStart(page) {
  await page.click("[data-testid=to-start]");
  await page.waitForSelector("[data-testid=drafts]");
}

test("opening the example twice never loses the commune's draft; the same unit and year asks first", async () => {
  const { context, page, errors, answers } = await fresh();
  // A commune starts its assessment and types a value.
  await page.check("#fw-mau-xa-2024");
  await page.fill("[data-testid=new-unit]", "UBND xã Thử Nghiệm");
  await page.fill("[data-testid=new-year]", "2024");
  await page.click("[data-testid=begin]");
  await page.waitForSelector("[data-testid=tree]");
  await page.fill("#in-2-1-value", "3");
  await waitForDrafts(page, (d) => live(d).some((r) => r.envelope?.assessment?.self?.["2.1"]?.value === 3), "the commune's value");
  // "Không phát sinh" over a typed value keeps it aside, and unticking brings it back.
  await page.fill("#in-3-1-3-value", "2");
  await page.check("#in-3-1-3-na");
  await waitForDrafts(page, (d) => live(d).some((r) => r.envelope?.assessment?.self?.["3.1.3"]?.not_applicable === true && r.envelope.aside?.["self.3.1.3"]?.value === 2));
  await page.uncheck("#in-3-1-3-na");
  assert.equal(await page.inputValue("#in-3-1-3-value"), "2");

  // Start page → the example, twice: the commune's draft stays, one example draft.
  await toStart(page);
  await page.click("[data-testid=open-example]");
  await page.waitForSelector("[data-testid=tree]");
  await toStart(page);
  await listed(page, 2);
  await page.click("[data-testid=open-example]");
  await page.waitForSelector("[data-testid=tree]");
  assert.equal(await page.$("[data-testid=conflict]"), null, "the same file opens its draft without a question");
  await toStart(page);
  await listed(page, 2);
  const commune = live(await storedDrafts(page)).find((d) => d.envelope.assessment.unit === "UBND xã Thử Nghiệm");
  assert.ok(commune, "the commune's draft is kept");
  assert.equal(commune.envelope.assessment.self["2.1"].value, 3);

  // The example's draft is changed; opening the example file again asks, saying what differs.
  await page.locator("[data-testid=draft]", { hasText: "Trà Cú" }).locator("[data-testid=draft-open]").click();
  await page.waitForSelector("[data-testid=tree]");
  await page.fill("#in-3-3-3-numerator", "67378");
  await waitForDrafts(page, (d) => live(d).some((r) => r.envelope?.assessment?.self?.["3.3.3"]?.numerator === 67378));
  await toStart(page);
  assert.match(await page.locator("[data-testid=draft]", { hasText: "Trà Cú" }).textContent(), /79,28 \/ 96,5 điểm · lưu lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
  await page.click("[data-testid=open-example]");
  await page.waitForSelector("[data-testid=conflict][open]");
  assert.match(await page.textContent("[data-testid=conflict-diff]"), /1 tiêu chí có giá trị khác: 3\.3\.3/);
  assert.match(await page.textContent("[data-testid=conflict-stored]"), /79,28 \/ 96,5/);
  assert.match(await page.textContent("[data-testid=conflict-new]"), /78,28 \/ 96,5/);
  await page.screenshot({ path: join(artifacts, "drafts-conflict.png") });
  await page.click("[data-testid=conflict-keep-both]");
  await page.waitForSelector("[data-testid=tree]");
  await waitForDrafts(page, (d) => live(d).length === 3, "keep both: three drafts");
  // The example again: the draft just kept is identical, so it opens without a question.
  await toStart(page);
  await page.click("[data-testid=open-example]");
  await page.waitForSelector("[data-testid=tree]");
  assert.equal(await page.$("[data-testid=conflict]"), null);
  // Changed too, the example now differs from every draft: replace sends the newest to
  // the bin, nothing is erased.
  await page.fill("#in-4-2-1-value", "2");
  await waitForDrafts(page, (d) => live(d).some((r) => r.envelope?.assessment?.self?.["4.2.1"]?.value === 2));
  await toStart(page);
  await page.click("[data-testid=open-example]");
  await page.waitForSelector("[data-testid=conflict][open]");
  assert.match(await page.textContent("[data-testid=conflict-diff]"), /4\.2\.1/);
  // Escape closes the question and opens nothing.
  await page.keyboard.press("Escape");
  await page.waitForSelector("[data-testid=conflict]", { state: "detached" });
  assert.equal(await page.$("[data-testid=tree]"), null);
  await page.click("[data-testid=open-example]");
  await page.waitForSelector("[data-testid=conflict][open]");
  await page.click("[data-testid=conflict-replace]");
  await page.waitForSelector("[data-testid=tree]");
  await toStart(page);
  assert.match(await page.textContent("[data-testid=bin] summary"), /Thùng rác \(1\)/);
  const all = await waitForDrafts(page, (d) => d.length === 4 && live(d).length === 3, "replaced, not erased");
  assert.ok(all.some((d) => d.deleted && d.envelope.assessment.self["4.2.1"].value === 2), "the replaced draft is in the bin");

  // Rename, duplicate, delete to the bin, restore; after a reload it is all still there.
  const communeRow = page.locator("[data-testid=draft]", { hasText: "UBND xã Thử Nghiệm" }).first();
  answers.push("Xã Thử Nghiệm — bản nộp Sở");
  await communeRow.locator("[data-testid=draft-rename]").click();
  await page.waitForSelector("text=Xã Thử Nghiệm — bản nộp Sở");
  await page.locator("[data-testid=draft]", { hasText: "bản nộp Sở" }).locator("[data-testid=draft-duplicate]").click();
  await page.waitForSelector("text=Xã Thử Nghiệm — bản nộp Sở (bản sao)");
  await page.locator("[data-testid=draft]", { hasText: "(bản sao)" }).locator("[data-testid=draft-delete]").click();
  await page.waitForFunction(() => /Thùng rác \(2\)/.test(document.querySelector("[data-testid=bin] summary")?.textContent ?? ""));
  await page.reload();
  await page.waitForSelector("[data-testid=drafts]");
  await listed(page, 3);
  await page.click("[data-testid=bin] summary");
  await page.locator("[data-testid=draft-binned]", { hasText: "(bản sao)" }).locator("[data-testid=draft-restore]").click();
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=drafts] [data-testid=draft]").length === 4);
  await page.screenshot({ path: join(artifacts, "drafts-list.png"), fullPage: true });
  // Emptying the bin (confirmed) erases only what is in it.
  await page.click("[data-testid=bin-empty]");
  await page.waitForSelector("[data-testid=bin]", { state: "detached" });
  assert.equal((await storedDrafts(page)).length, 4);

  // The desk keeps its own workspace: a file opened there is not among the unit's drafts.
  await page.goto(env.server.url + "tham-dinh/");
  await page.waitForSelector("[data-testid=start]");
  // The desk's inbox is always there, empty here.
  await page.waitForSelector("[data-testid=drafts]");
  assert.equal(await rows(page).count(), 0, "the desk lists none of the unit's drafts");
  await page.click("[data-testid=open-example]");
  await page.waitForSelector("[data-testid=tree]");
  await waitForDrafts(page, (d) => live(d, "desk").length === 1, "the desk's received file");
  await page.goto(env.server.url);
  await page.waitForSelector("[data-testid=drafts]");
  await listed(page, 4);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a draft an earlier build kept in localStorage moves into the store and reopens", async () => {
  const { context, page, errors } = await fresh();
  const old = JSON.stringify({
    kind: "parindex-draft",
    version: 1,
    saved_at: "2026-11-30T08:00:00Z",
    framework: { builtin: "mau-xa@2024" },
    assessment: { format: 1, framework: "mau-xa@2024", unit: "UBND xã Cũ", year: 2024, self: {} },
  });
  await page.evaluate(([draft]) => {
    localStorage.setItem("parindex.draft", draft);
    localStorage.setItem("parindex.corrupt.1764000000000", "{half a draft");
  }, [old]);
  await page.reload();
  await page.waitForSelector("[data-testid=notice-restored]");
  assert.equal(await page.textContent("[data-testid=unit]"), "UBND xã Cũ — 2024");
  const drafts = await waitForDrafts(page, (d) => d.length === 2, "both moved");
  assert.ok(drafts.some((d) => d.text === "{half a draft"), "unreadable text is kept whole");
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => /parindex\.(draft|corrupt)/.test(k))), []);
  await toStart(page);
  await page.waitForSelector("[data-testid=draft-unreadable]");
  const download = page.waitForEvent("download");
  await page.click("[data-testid=draft-unreadable] [data-testid=draft-download]");
  assert.equal((await download).suggestedFilename(), "ban-nhap-hong.txt");
  assert.deepEqual(errors, []);
  await context.close();
});

test("after one visit, every built-in framework and the example open offline", async () => {
  const { context, page, errors } = await fresh();
  await controlledByWorker(page);
  // Kept once the first visit is idle, with nothing asked of the person.
  const kept = () =>
    page.evaluate(() => [localStorage.getItem("parindex.example") !== null, Object.keys(localStorage).filter((k) => k.startsWith("parindex.framework.")).sort()]);
  let state = await kept();
  for (let i = 0; i < 150 && !(state[0] && state[1].length === 2); i++) {
    await page.waitForTimeout(200);
    state = await kept();
  }
  assert.deepEqual(state, [true, ["parindex.framework.mau-huyen@2022", "parindex.framework.mau-xa@2024"]]);
  await setOffline(context, env.server, true);
  try {
    await page.reload();
    await page.waitForSelector("[data-testid=start]");
    await page.check("#fw-mau-xa-2024");
    await page.fill("[data-testid=new-unit]", "UBND xã Ngoại Tuyến");
    await page.click("[data-testid=begin]");
    await page.waitForSelector("[data-testid=tree]");
    await toStart(page);
    await page.click("[data-testid=open-example]");
    await page.waitForSelector("[data-testid=tree]");
    assert.equal(await page.textContent("[data-testid=total-points]"), "78,28");
  } finally {
    await setOffline(context, env.server, false);
  }
  assert.deepEqual(errors, []);
  await context.close();
});
