// The units' app embedded in another site (docs/embedding.md), in Chromium: the example
// host page (web/embed/ung-dung.html) on one origin frames the app's nhung/ page on
// another (another port), whose nhung.json trusts the host. The host loads the Trà Cú
// example, a value is changed inside the frame, `change` brings the CLI's totals,
// `resize` follows the content, `get-scorecard` gives the CLI's bytes; commands are
// checked, a message from an untrusted frame is ignored, the frame starts with the app's
// site unreachable, and the app as shipped refuses to be framed at all.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { serve } from "./static-server.mjs";
import { artifacts, controlledByWorker, launch, repo } from "./browser.mjs";

const bin = process.env.PARINDEX_BIN ?? join(repo, "target/debug/parindex");
let browser, app, host, stranger;

before(async () => {
  mkdirSync(artifacts, { recursive: true });
  browser = await launch();
  host = await serve(join(repo, "web/embed"), "/cong-thong-tin/");
  // A third site, trusted by no one: its page posts to the app's frame beside it.
  const dir = join(artifacts, "nhung-stranger");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "index.html"), "<!doctype html><title>x</title><script src=\"post.js\"></script>");
  writeFileSync(
    join(dir, "post.js"),
    "parent.frames[0].postMessage({ parindex: 1, type: 'set-readonly', readonly: true, id: 'stranger' }, '*');" +
      "parent.frames[0].postMessage({ parindex: 1, type: 'get-assessment', id: 'stranger' }, '*');",
  );
  stranger = await serve(dir, "/");
  const trusted = JSON.stringify({ trusted_origins: [host.origin] });
  app = await serve(join(repo, "dist"), "/", 0, { frameAncestors: true, files: { "nhung/nhung.json": trusted } });
});

after(async () => {
  await browser?.close();
  for (const s of [app, host, stranger]) await s?.close();
});

/** Polls the host page until `predicate(received)` gives a value; returns it. */
async function waitFor(page, predicate, what, timeout = 30000) {
  const start = Date.now();
  for (;;) {
    const received = await page.evaluate(() => globalThis.received ?? []);
    const found = predicate(received);
    if (found) return found;
    if (Date.now() - start > timeout) throw new Error(`no ${what} after ${timeout} ms: ${JSON.stringify(received.map((m) => m.type))}`);
    await page.waitForTimeout(100);
  }
}

/** Sends a command from the host page and waits (20 s at most) for its reply. */
async function ask(page, type, fields) {
  let timer;
  const late = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no reply to ${type}`)), 20000)));
  try {
    return await Promise.race([page.evaluate(([t, f]) => globalThis.send(t, f), [type, fields]), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Opens the example site framing the app's nhung/ page in a new browser context, and
 * waits for the app's `ready`. Returns the context, the page, the frame and the page's
 * script errors.
 */
async function visitHost(viewport) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${host.url}ung-dung.html?app=${encodeURIComponent(`${app.url}nhung/`)}`);
  const ready = await waitFor(page, last("ready"), "ready");
  const frame = await (await page.$("[data-testid=app-frame]")).contentFrame();
  return { context, page, frame, ready, errors };
}

const last = (type, also = () => true) => (received) => received.filter((m) => m.type === type && also(m)).at(-1);

function cli(args) {
  const out = spawnSync(bin, args, { encoding: "utf8" });
  assert.equal(out.status, 0, out.stderr);
  return out.stdout;
}

test("a trusted site loads the example, follows an edit with the CLI's totals, sizes the frame, gets the CLI's scorecard", async () => {
  const { context, page, frame, ready, errors } = await visitHost({ width: 800, height: 800 });
  // The narrowest frame a site may give it: 320 px inside its border.
  await page.evaluate(() => (document.querySelector("[data-testid=app-frame]").style.width = "320px"));
  assert.equal(ready.parindex, 1);
  assert.equal(ready.readonly, false);
  await frame.waitForSelector("[data-testid=start]");
  // The site has its own heading: the app's is not shown.
  assert.ok(await frame.$(".brand"), "the heading is in the page");
  assert.equal(await frame.isVisible(".brand"), false);

  await page.click("[data-testid=host-load-example]");
  const loaded = await waitFor(page, last("change", (m) => m.assessment?.unit === "UBND huyện Trà Cú"), "change after load");
  const example = JSON.parse(cli(["score", join(repo, "examples/tra-cu-2022.json"), "--format", "json"]));
  assert.deepEqual(loaded.total, example.total);
  assert.deepEqual(loaded.self_total, example.self_total);
  assert.deepEqual(loaded.errors, []);
  await frame.waitForSelector("[data-testid=tree]");
  assert.equal(await page.textContent("[data-testid=host-unit]"), "UBND huyện Trà Cú — 2022");

  // The frame follows the content: as tall as the app says, no scroll bar inside.
  const sized = await waitFor(page, last("resize", (m) => m.height > 1000), "resize after load");
  await page.waitForFunction((h) => document.querySelector("[data-testid=app-frame]").style.height === `${h}px`, sized.height);
  const fits = await frame.evaluate(() => [document.documentElement.scrollHeight, document.documentElement.clientHeight, document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  assert.ok(fits[0] <= fits[1] + 1, `no vertical scroll bar in the frame: ${fits}`);
  assert.ok(fits[2] <= fits[3], `nothing wider than 320 px: ${fits}`);
  assert.equal(fits[3], 320);

  // A value changed inside the frame: `change` once it settles, then `saved`.
  const before = (await page.evaluate(() => globalThis.received.length));
  await frame.fill("#in-3-3-3-numerator", "67378");
  const changed = await waitFor(page, (r) => r.slice(before).filter((m) => m.type === "change" && m.assessment?.self?.["3.3.3"]?.numerator === 67378).at(-1), "change after the edit");
  await waitFor(page, (r) => r.slice(before).find((m) => m.type === "saved"), "saved after the edit");

  // What the site keeps is what the CLI reads: the assessment, its totals, the scorecard's bytes.
  const got = await ask(page, "get-assessment");
  assert.equal(got.type, "assessment");
  assert.deepEqual(got.assessment, changed.assessment);
  const file = join(artifacts, "nhung-tra-cu.json");
  writeFileSync(file, JSON.stringify(got.assessment, null, 2));
  const expected = cli(["score", file, "--format", "json"]);
  assert.deepEqual(changed.total, JSON.parse(expected).total);
  const card = await ask(page, "get-scorecard");
  assert.equal(card.type, "scorecard");
  assert.equal(card.json, expected, "the CLI's JSON, byte for byte");
  assert.deepEqual(card.scorecard, JSON.parse(expected));

  // The content changes height (the summary instead of the criteria): `resize` follows it.
  const height = (await waitFor(page, last("resize"), "resize")).height;
  await frame.click("[data-testid=to-summary]");
  const grown = await waitFor(page, last("resize", (m) => m.height !== height), "resize after the screen changed");
  await page.waitForFunction((h) => document.querySelector("[data-testid=app-frame]").style.height === `${h}px`, grown.height);
  const after = await frame.evaluate(() => document.documentElement.scrollHeight - document.documentElement.clientHeight);
  assert.ok(after <= 1, `still no scroll bar: ${after}`);
  await page.evaluate(() => scrollTo(0, 0));
  await page.screenshot({ path: join(artifacts, "nhung-host.png") });
  assert.deepEqual(errors, []);
  await context.close();
});

test("commands are checked: read only, language, bad messages named by field, an untrusted frame ignored", async () => {
  const { context, page, frame } = await visitHost({ width: 900, height: 900 });
  const send = (type, fields) => ask(page, type, fields);

  // Nothing open yet: the question is answered with why not.
  const none = await send("get-scorecard");
  assert.equal(none.code, "embed.no-assessment");

  // A blank assessment for a unit and year.
  await page.click("[data-testid=host-new]");
  await waitFor(page, last("change", (m) => m.assessment?.unit === "UBND xã A"), "change after a blank load");
  await frame.waitForSelector("[data-testid=tree]");

  // Bad commands: the field named, the request's id carried back.
  const empty = await send("load", { framework: "mau-xa@2024", unit: " ", year: 2025 });
  assert.equal(empty.type, "error");
  assert.equal(empty.code, "value.empty");
  assert.equal(empty.details[0].location.field, "unit");
  const unknown = await send("load", { framework: "khong-co@2020", unit: "A", year: 2025 });
  assert.equal(unknown.code, "framework.unknown");
  const syntax = await send("load", { assessment: '{"format": 1,' });
  assert.equal(syntax.code, "json.syntax");
  const lang = await send("set-lang", { lang: "fr" });
  assert.equal(lang.code, "keyword.unknown");
  const verb = await send("delete-everything");
  assert.equal(verb.code, "embed.unknown-type");
  const version = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const frame = document.querySelector("[data-testid=app-frame]");
        addEventListener("message", (e) => e.data?.id === "v2" && resolve(e.data));
        frame.contentWindow.postMessage({ parindex: 2, type: "get-assessment", id: "v2" }, new URL(frame.src).origin);
      }),
  );
  assert.equal(version.code, "embed.version");
  // The blank assessment is still the one open.
  assert.equal((await send("get-assessment")).assessment.unit, "UBND xã A");
  // A draft with a typing error opens as in the app, its errors in `change` (and no
  // scorecard, as the CLI would give none).
  const typed = '{"format": 1, "framework": "mau-xa@2024", "unit": "UBND xã B", "year": 2025, "self": {"1.1.1": {"bogus": 1}}}';
  await page.evaluate((assessment) => globalThis.post("load", { assessment }), typed);
  const half = await waitFor(page, last("change", (m) => m.assessment?.unit === "UBND xã B"), "change after loading a draft with an error");
  assert.ok(half.errors.some((d) => d.location.criterion === "1.1.1" && d.code), JSON.stringify(half.errors));
  const refused = await send("get-scorecard");
  assert.equal(refused.type, "error");
  assert.deepEqual(refused.details, half.errors);

  // Read only: the fields are disabled; editable again when the site says so.
  await page.click("[data-testid=host-readonly]");
  await frame.waitForSelector("fieldset.entry[disabled]");
  assert.equal(await frame.$eval("fieldset.entry input", (el) => el.matches(":disabled")), true);
  assert.equal(await frame.isDisabled("[data-testid=undo]"), true);
  await page.click("[data-testid=host-lang]");
  await frame.waitForSelector("[data-testid=to-summary]:text('Summary')");

  // A frame of another site posts commands to the app: nothing happens, nothing answers.
  await page.click("[data-testid=host-readonly]");
  await frame.waitForSelector("fieldset.entry:not([disabled])");
  const count = await page.evaluate(() => globalThis.received.length);
  await page.evaluate((url) => {
    const other = document.createElement("iframe");
    other.src = url;
    document.body.append(other);
  }, stranger.url);
  await page.waitForTimeout(1500);
  assert.ok(stranger.requests.some((r) => r.endsWith("post.js")), "the other site's script ran");
  assert.equal(await frame.$("fieldset.entry[disabled]"), null, "not made read only");
  const since = await page.evaluate((n) => globalThis.received.slice(n).map((m) => m.type), count);
  assert.ok(!since.includes("assessment") && !since.includes("error"), `no answer: ${since}`);
  await context.close();
});

test("once visited the frame starts with the app's site unreachable; a load meeting another draft asks in view", async () => {
  const { context, page, frame: first } = await visitHost({ width: 900, height: 900 });
  await controlledByWorker(first);
  await page.click("[data-testid=host-load-example]");
  await waitFor(page, last("change", (m) => m.assessment?.unit === "UBND huyện Trà Cú"), "change after load");
  await waitFor(page, last("saved"), "saved after load");

  // The app's site unreachable (the portal's own page still served, as on a weak line).
  app.setDown(true);
  try {
    await page.reload();
    const ready = await waitFor(page, last("ready"), "ready with the app's site down");
    assert.deepEqual(ready.open, { unit: "UBND huyện Trà Cú", year: 2022, framework: "mau-huyen@2022" });
    const frame = await (await page.$("[data-testid=app-frame]")).contentFrame();
    await frame.waitForSelector("[data-testid=tree]");
    await waitFor(page, last("change", (m) => m.assessment?.unit === "UBND huyện Trà Cú"), "change after ready");

    // The portal loads other values for the same unit and year: the person chooses, in
    // the frame, where the site's page shows it (the top of the frame), nothing overwritten.
    const example = JSON.parse(readFileSync(join(repo, "examples/tra-cu-2022.json"), "utf8"));
    example.self["1.1.1"].note = "Bản từ cổng thông tin";
    await page.evaluate((assessment) => globalThis.post("load", { assessment }), example);
    await frame.waitForSelector("[data-testid=conflict][open]");
    const top = await frame.$eval("[data-testid=conflict]", (d) => d.getBoundingClientRect().top);
    assert.ok(top < 100, `the question is at the frame's top: ${top}`);
    await frame.click("[data-testid=conflict-keep-both]");
    const kept = await waitFor(page, last("change", (m) => m.assessment?.self?.["1.1.1"]?.note === "Bản từ cổng thông tin"), "change after the choice");
    assert.equal(kept.assessment.unit, "UBND huyện Trà Cú");
    assert.ok(app.refused.length > 0, "the app's site was asked and did not answer");
  } finally {
    app.setDown(false);
  }
  await context.close();
});

test("the embedded page as shipped trusts no site", async () => {
  const shipped = await serve(join(repo, "dist"), "/", 0, { frameAncestors: false });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${host.url}ung-dung.html?app=${encodeURIComponent(`${shipped.url}nhung/`)}`);
    const frame = await (await page.$("[data-testid=app-frame]")).contentFrame();
    await frame.waitForSelector("body[data-refused=framed]");
    assert.ok(!shipped.requests.some((r) => r.endsWith("/nhung.js")), "the protocol was never loaded");
    assert.equal(await page.evaluate(() => globalThis.received.length), 0);
    await context.close();
  } finally {
    await shipped.close();
  }
});
